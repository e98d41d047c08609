"""What follows a decision, and the rules it rests on (issue 18 item 2: the letter's "what follows").

Each rule names its source (verified on the pages cited):
- A permit lapses if the work it covers has not started within 1 year from the permit's date
  (byggeloven § 16, stk. 10; the municipality cannot extend it: byggeri.randers.dk, "Hvor længe er en
  byggetilladelse gyldig?"). ``PERMIT_LAPSES_AFTER_YEARS``.
- Work that needs a permit is reported complete to the municipality (færdigmelding), with the
  documentation and a declaration that it follows the permit and the building regulations (BR18 § 40,
  stk. 1-2; BR18's guidance on case handling, 7.1 "Færdigmelding", bygningsreglementet.dk).
- It may not be taken into use before the municipality has issued an occupancy permit (BR18 § 43, stk. 1),
  except garages, carports, sheds, henhouses, greenhouses, covered terraces and the like not integrated in
  the main building, and demolition (same guidance, 7.2 "Ibrugtagningstilladelse").
  ``OCCUPANCY_EXEMPT_TYPES`` names the catalogue's types of those.
- Demolition ends with its completion notice, which lets the municipality update the building register
  (BR18 § 47; the catalogue's demolition type, source "BR18 § 47, stk. 1; vejledning ... afsnit 9.0").
- An appeal to Planklagenævnet costs a fee, refunded when the appeal succeeds in whole or in part or is
  dismissed (nyborg.dk, "Klagevejledning", the planning act part; naevneneshus.dk gives the amount). No
  fee is stated for Byggeklageenheden (naevneneshus.dk, Byggeklageenheden, "Til klager").
"""

from datetime import date

from django.utils import timezone

from applications.models import Appeal, Case, Decision

PERMIT_LAPSES_AFTER_YEARS = 1
OCCUPANCY_EXEMPT_TYPES = frozenset({"small-building", "demolition"})
DEMOLITION_TYPES = frozenset({"demolition"})
GRANTED = frozenset({Decision.Outcome.GRANTED, Decision.Outcome.GRANTED_WITH_CONDITIONS})


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def lapse_day(decided_on: date) -> date:
    """The day a permit given on ``decided_on`` lapses unless the work has started (byggeloven § 16, stk. 10)."""
    return _years_later(decided_on, PERMIT_LAPSES_AFTER_YEARS)


def permit_lapses_on(*, decision: Decision) -> date | None:
    """The day a granted permit lapses unless the work has started (byggeloven § 16, stk. 10)."""
    if decision.outcome not in GRANTED:
        return None
    return lapse_day(timezone.localdate(decision.decided_at))


def what_follows(*, decision: Decision) -> dict:
    """What the letter and the decided case's page say follows the decision."""
    case = decision.case or decision.remitted_case
    code = case.application_type.code if case.application_type_id else ""
    permit = decision.outcome in GRANTED
    demolition = code in DEMOLITION_TYPES
    return {
        "permit": permit,
        "lapses_on": permit_lapses_on(decision=decision),
        "lapse_years": PERMIT_LAPSES_AFTER_YEARS,
        "report_start": permit,
        "report_completion": permit,
        "demolition": permit and demolition,
        "occupancy_permit": permit and code not in OCCUPANCY_EXEMPT_TYPES,
        "planning_fee": decision.planning_act,
    }


def status_after_appeal_period(*, case: Case, decision: Decision) -> str:
    """Where a case goes when its appeal period has passed and no appeal is open: a permit (not overturned
    on appeal) stays in force, as work started if the holder reported it; anything else is closed."""
    overturned = Appeal.objects.filter(decision=decision, status=Appeal.Status.OVERTURNED).exists()
    if decision.outcome not in GRANTED or overturned:
        return Case.Status.CLOSED
    return Case.Status.WORK_STARTED if case.started_on else Case.Status.PERMITTED
