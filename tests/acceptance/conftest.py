from .test_acceptance import TALLY


def pytest_terminal_summary(terminalreporter):
    expected, raised, cases = TALLY["expected"][0], TALLY["raised"][0], TALLY["cases"][0]
    if cases:
        share = 100 * raised / expected if expected else 100
        terminalreporter.write_line(
            f"acceptance set: {cases} cases from the sources, {raised} of {expected} expected findings raised "
            f"({share:.0f} %)"
        )
