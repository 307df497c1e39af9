"""The evidence services' deadlines, durations and limits, read from the dated parameters in
`evne.rules.parameters` (rules/parameters/consent.yaml and evidence.yaml), where each value carries the date it
applies from and its source. A change in the law is a new dated value there; the old one stays.

`in_force(name, on)` gives the value in force on a date. Before the first value, the first applies: older data is
judged by the oldest rule Evne knows rather than by none.
"""

from datetime import date

from evne.rules.parameters import all_parameters, value_on

# D12: consent to disclose lasts one calendar year (seed 000 L6802–6804).
CONSENT_DISCLOSE_VALID_YEARS = "consent.disclose_valid_years"
# R34: a notice under retssikkerhedsloven § 12, stk. 3 — at least 14 days to object (seed 001 l. 2109–2120).
NOTICE_RTL_12_3_MIN_DAYS = "consent.notice_objection_days"
# Municipal practice: the default answer time of a request (I1, seed 000 L6603–6610).
ANSWER_DUE_DAYS = "evidence.answer_due_days"
# Technical limit: the largest document file accepted.
DOCUMENT_MAX_BYTES = "evidence.document_max_bytes"


def in_force(name: str, on: date) -> int:
    entry = value_on(name, on)
    return (entry or all_parameters()[name][0]).value
