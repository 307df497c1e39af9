"""Counting a caseworker's interactions in the browser, per step of a journey.

Page loads and submits are counted by the browser itself (every top-level document request; a redirect after a
submit is part of the submit, not a new page load), partial loads (htmx) likewise; clicks and field fills are
counted where the test makes them, by wrapping Playwright's own methods for the length of the journey. The
figures are what a person would have done with mouse and keyboard to get through the same steps.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Locator, Page

KINDS = ("page_loads", "submits", "partial_loads", "clicks", "fills")

_CLICKS = {(Locator, "click"), (Locator, "check"), (Locator, "uncheck"), (Page, "click"), (Page, "check")}
_FILLS = {(Locator, "fill"), (Locator, "select_option"), (Locator, "set_input_files"), (Page, "fill"),
          (Page, "select_option"), (Page, "set_input_files")}  # fmt: skip


class Tally:
    """Interactions per step, in the order the steps were taken."""

    def __init__(self) -> None:
        self.steps: dict[str, Counter[str]] = {}
        self.current = "Start"

    def step(self, name: str) -> None:
        self.current = name
        self.steps.setdefault(name, Counter())

    def add(self, kind: str) -> None:
        self.steps.setdefault(self.current, Counter())[kind] += 1

    def total(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for counts in self.steps.values():
            total.update(counts)
        return total

    def interactions(self, step: str | None = None) -> int:
        """Page loads + submits (what the issue's per-task target counts)."""
        counts = self.steps[step] if step else self.total()
        return counts["page_loads"] + counts["submits"]

    def watch(self, page: Page) -> None:
        def on_request(request) -> None:
            if request.resource_type == "document" and request.frame == page.main_frame:
                if request.redirected_from is not None:
                    return
                self.add("submits" if request.method == "POST" else "page_loads")
            elif request.resource_type in ("xhr", "fetch") and request.headers.get("hx-request"):
                self.add("partial_loads")

        page.on("request", on_request)

    def write(self) -> None:
        """Write the figures where `bench/journey.py` asks for them."""
        target = os.environ.get("EVNE_JOURNEY_REPORT")
        if target:
            rows = [{"step": name, **{k: counts[k] for k in KINDS}} for name, counts in self.steps.items()]
            Path(target).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


@contextmanager
def counting(tally: Tally):
    """Count the clicks and fills the test makes while the journey runs."""
    originals = []
    for kind, methods in (("clicks", _CLICKS), ("fills", _FILLS)):
        for cls, name in methods:
            original = getattr(cls, name)
            originals.append((cls, name, original))

            def wrapped(self, *args, _original=original, _kind=kind, **kwargs):
                tally.add(_kind)
                return _original(self, *args, **kwargs)

            setattr(cls, name, wrapped)
    try:
        yield tally
    finally:
        for cls, name, original in originals:
            setattr(cls, name, original)
