"""Demo data for ``manage.py seed_demo``: each part of the core adds its loader to LOADERS. A package by part:
the municipalities, catalogue, register and the demo logins' cases (``common``), the 14 months of history
(``history``), the cases after the decision (``after_decision``) and the demo firm (``firm``)."""

from .after_decision import AFTER_DECISION_CASES, load_after_decision
from .common import (
    DEMO_MUNICIPALITIES,
    blank_pdf,
    load_cases,
    load_catalogue,
    load_local_rules,
    load_municipalities,
    load_properties,
)
from .firm import load_firm
from .history import HISTORY_APPLICANTS, HISTORY_CASES, load_history

__all__ = ["AFTER_DECISION_CASES", "DEMO_MUNICIPALITIES", "HISTORY_APPLICANTS", "HISTORY_CASES", "LOADERS",
           "blank_pdf", "load"]

# Called in order; a later loader may use what an earlier one loaded (cases need properties).
LOADERS = [
    load_municipalities,
    load_catalogue,
    load_local_rules,
    load_properties,
    load_history,
    load_cases,
    load_after_decision,
    load_firm,
]


def load(*, stdout) -> list[str]:
    lines: list[str] = []
    for loader in LOADERS:
        lines.extend(loader(stdout=stdout) or [])
    return lines
