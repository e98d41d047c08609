"""The one status truth: every channel asks these functions."""

import functools
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop

from applications import hooks
from applications.models import Case, InformationRequest
from applications.services.after_decision import lapse_day
from applications.services.clock import clock_state
from applications.services.transitions import WAITING_FOR
from applications.texts import DATE_CHANGE_REASON, EVENT_TEXT, STATUS_TEXT, STATUS_TEXT_ON_DAY, WAITING_FOR_TEXT


def status_key(case: Case) -> str:
    """The status text's key: a complete case is "in the queue for a caseworker" only while unassigned."""
    if case.status == Case.Status.COMPLETE and case.caseworker_id:
        return "complete_assigned"
    return case.status


def status_day(case: Case) -> date | None:
    """The day a status after the decision names: a permit in force or lapsed, its lapse day; work started,
    the day it started; completion reported, the day the work was completed. None for the others (and for a
    case without that day). From the case's own fields: a list asks no more queries."""
    S = Case.Status
    if case.status in (S.PERMITTED, S.LAPSED) and case.decided_at:
        return lapse_day(timezone.localdate(case.decided_at))
    if case.status == S.WORK_STARTED:
        return case.started_on
    if case.status == S.COMPLETION_REPORTED:
        return case.completed_on
    return None


def status_text(case: Case, *, language: str | None = None) -> str:
    """The status in words: what the case waits for and, after the decision, its day (``status_day``), with
    what other apps add while it lasts (``hooks.status_notes``: a hearing)."""
    language = language or translation.get_language()
    day = status_day(case)
    if day is not None:
        with translation.override(language):
            text = str(STATUS_TEXT_ON_DAY[case.status]) % {"date": date_format(day, "DATE_FORMAT")}
    else:
        text = _in_language("status", status_key(case), language)
    notes = hooks.status_notes_for(case, language=language) if case.status == Case.Status.IN_REVIEW else []
    return " ".join([text, *notes])


def waiting_for(case: Case) -> str | None:
    return WAITING_FOR[case.status]


def waiting_for_text(case: Case) -> str:
    return _in_language("waiting_for", WAITING_FOR[case.status], translation.get_language())


_TEXTS = {"status": STATUS_TEXT, "waiting_for": WAITING_FOR_TEXT}

# The clock's badge per state of ``services.clock.clock_state``: CSS class and label.
BADGES = {
    "on_track": ("text-bg-success", gettext_noop("On track")),
    "at_risk": ("text-bg-warning", gettext_noop("At risk")),
    "overdue": ("text-bg-danger", gettext_noop("Overdue")),
    "paused": ("text-bg-secondary", gettext_noop("Paused")),
    "met": ("text-bg-success", gettext_noop("Decided in time")),
    "missed": ("text-bg-danger", gettext_noop("Decided late")),
}
# Applicants, and the dialogue team on the phone to them, read a paused clock explained.
PAUSED_FOR_CALLERS = gettext_noop("Paused: waiting for information")


def badge_parts(state: str | None, *, for_callers: bool = False) -> tuple[str, str]:
    """The badge of a clock state: its CSS class and its label in the current language ("", "" for none)."""
    css, label = BADGES.get(state or "", ("", ""))
    if for_callers and state == "paused":
        label = PAUSED_FOR_CALLERS
    return css, gettext(label) if label else ""


def with_act_by(cases: QuerySet[Case]) -> QuerySet[Case]:
    """``cases`` with each one's open information request's due date (``act_by_day``): a list asks once."""
    open_requests = InformationRequest.objects.filter(case=OuterRef("pk"), state=InformationRequest.State.OPEN)
    return cases.annotate(act_by_day=Subquery(open_requests.order_by("-created_at").values("due_date")[:1]))


def act_by(case: Case) -> date | None:
    """The day the applicant must act by: the open information request's due date while the case waits
    for them; None otherwise."""
    if case.status != Case.Status.AWAITING_INFORMATION:
        return None
    if hasattr(case, "act_by_day"):
        return case.act_by_day
    return (InformationRequest.objects.filter(case=case, state=InformationRequest.State.OPEN)
            .order_by("-created_at").values_list("due_date", flat=True).first())


def case_status(case: Case, *, today: date | None = None, for_callers: bool = True) -> dict:
    """The one status truth for every list, card, page, e-mail and API answer: the status in words,
    who has the ball, the clock, its badge and the day the applicant must act by."""
    clock = clock_state(case, today=today or timezone.localdate())
    css, label = badge_parts(clock["state"], for_callers=for_callers)
    return {"status": case.status, "text": status_text(case), "waiting_for": waiting_for(case),
            "waiting_for_text": waiting_for_text(case), "clock": clock, "badge_class": css, "badge_label": label,
            "act_by": act_by(case)}


@functools.lru_cache(maxsize=256)
def _in_language(texts: str, key, language: str | None) -> str:
    """``_TEXTS[texts][key]`` (a lazy translation) in ``language``, looked up once per process: a list
    of cases asks for the same few texts on every row."""
    with translation.override(language):
        return str(_TEXTS[texts][key])


# Params that hold a day (kept as 2026-12-17), written out for the reader.
DAY_PARAMS = ("due", "date", "from_date", "to_date")


def readers_params(params: dict) -> dict:
    """An event's or advisory's params as its reader sees them: what it names in their language
    (``requirement_da`` for ``requirement``, see ``services.events.names``) and its days written out in
    their language ("17 December 2026", "17 december 2026")."""
    language = (translation.get_language() or "en")[:2]
    shown = {key: params.get(f"{key}_{language}", value) for key, value in params.items()}
    for key in DAY_PARAMS:
        if isinstance(shown.get(key), str):
            try:
                shown[key] = date_format(date.fromisoformat(shown[key]), "DATE_FORMAT")
            except ValueError:
                pass
    return shown


def date_change_reason(params: dict) -> str:
    """Why a date moved (a "date_changed" event's params), in plain words in the reader's language."""
    reason = params.get("reason")
    if reason == "screening":
        reason = "screening_late" if params.get("took", 0) > params.get("allowance", 0) else "screening_early"
    template = DATE_CHANGE_REASON.get(reason)
    try:
        return str(template % readers_params(params)) if template is not None else ""
    except (KeyError, TypeError):
        return ""


def event_text(event) -> str:
    """The event in the reader's words; ``params["variant"]`` names a variant of the kind's text."""
    template = EVENT_TEXT.get(event.params.get("variant") or event.kind)
    if template is None:
        return event.params.get("text", "")
    params = readers_params(event.params)
    if event.kind == "date_changed":
        params["reason_text"] = date_change_reason(event.params)
    try:
        return str(template) % params if "%(" in str(template) else str(template)
    except (KeyError, TypeError):
        return str(template).split("%(")[0].strip()


def date_changes(*, case: Case) -> list[dict]:
    """Every move of the expected decision date, oldest first: ``{at, from, to, reason}`` (the API's
    ``date_changes``), the reason in plain words in the reader's language."""
    return [date_change(event) for event in case.events.filter(kind="date_changed").order_by("at", "id")]


def date_change(event) -> dict:
    return {"at": event.at, "from": date.fromisoformat(event.params["from_date"]),
            "to": date.fromisoformat(event.params["to_date"]), "reason": date_change_reason(event.params)}
