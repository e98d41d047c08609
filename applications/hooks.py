"""Extension points that let other apps add checks to the core without the core importing them.

``continuity_checkers``: callables ``(case, requirement_codes) -> list[str]`` returning warnings
for an information request that asks for something a pre-application meeting did not promise.
The predialogue app registers its checker in ``AppConfig.ready``.

``meeting_link_checkers``: callables ``(meeting_id, applicant, property) -> str | None`` saying why a new
case may not start linked to that pre-application meeting (None: it may). The predialogue app owns the
meetings and registers its checker; with none registered no meeting can be linked.

``minutes_starters``: at most one callable ``(*, applicant, meeting_id, property_id) -> Case`` that
starts a draft from a pre-application meeting's published minutes as the meeting page's button does
(the type the minutes indicate, the agreed documents marked), raising
``applications.services.cases.CaseError`` with the reason. The predialogue app registers it too.

``meeting_linkers``: at most one callable ``(*, case, meeting_id) -> None`` that records that the case builds on
that meeting's minutes (the predialogue app keeps the link: ``predialogue.models.LinkedMeeting``).
``meeting_id_readers``: at most one callable ``(case) -> int | None``: the meeting the case builds on.
``case_select_related``: relation names other apps ask to load with a case shown on one page (the workspace,
the dialogue team's card), so that reading the link above costs no query there.

``appeal_party_checkers``: callables ``(case, user) -> bool`` saying whether ``user`` is a party to the
case who may appeal its decision (byggeloven § 23, stk. 3: an individual, substantial interest, e.g. a
neighbour who was heard). The hearings app registers its checker; with none registered only the
applicant and their representatives appeal in the portal, and staff record other appeals from letters.

``detail_fields``: callables ``(case, include_staff) -> dict`` adding fields to the case as the API's case detail
gives it (``selectors.cases.case_detail_data``; the hearings app: ``hearings``), each in a constant number of
queries.

``status_notes``: callables ``(case, language) -> str | None`` adding a sentence to the case's status text
in every channel (the hearings app: "The neighbours are being heard until 18 December 2026.").

``list_preloaders``: callables ``(cases) -> None`` that read, for a list of cases in one query, what their
``status_notes`` would otherwise read case by case (the hearings app: the open hearings); every list that shows
status texts calls ``preload_for_list`` first.

``list_columns``: objects with ``sql(alias, vendor) -> str | None`` (a scalar subquery on the case of that alias, or
None where the database has no way to say it) and ``apply(case, value)``: what a preloader would read, carried by a
list's own statement instead (the lookup's), so that the list needs no query of its own for it. ``apply`` marks
the case so that the preloader skips it.

``page_sections``: callables ``(page, case, user, **context) -> dict | None`` adding a section to a page
(``page``: "workspace", "case", "card", "decision", "letter", or "dashboard" with ``period`` and no case):
``{"template": ..., **context}``, included where the page lists them.
"""

from django.utils.translation import gettext as _

continuity_checkers: list = []
meeting_link_checkers: list = []
minutes_starters: list = []
meeting_linkers: list = []
meeting_id_readers: list = []
case_select_related: list[str] = []
appeal_party_checkers: list = []


def is_appeal_party(*, case, user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and any(
        checker(case, user) for checker in appeal_party_checkers)
status_notes: list = []
list_preloaders: list = []
list_columns: list = []
page_sections: list = []
detail_fields: list = []


def meeting_link_problem(*, meeting_id, applicant, property) -> str | None:
    if not meeting_link_checkers:
        return _("There are no pre-application meetings to link.")
    for checker in meeting_link_checkers:
        problem = checker(meeting_id, applicant, property)
        if problem:
            return problem
    return None


def continuity_warnings(*, case, requirement_codes: list[str]) -> list[str]:
    warnings = []
    for checker in continuity_checkers:
        warnings.extend(checker(case, requirement_codes))
    return warnings


def start_from_minutes(*, applicant, meeting_id: int, property_id: int | None = None):
    """The draft started from the meeting's minutes; ``LookupError`` when no app is there to start it."""
    if not minutes_starters:
        raise LookupError("No installed app starts a draft from pre-application minutes.")
    return minutes_starters[0](applicant=applicant, meeting_id=meeting_id, property_id=property_id)


def link_meeting(*, case, meeting_id: int) -> None:
    """Record that ``case`` builds on the minutes of meeting ``meeting_id``; ``LookupError`` with no app to keep it."""
    if not meeting_linkers:
        raise LookupError("No installed app keeps the links between cases and pre-application meetings.")
    meeting_linkers[0](case=case, meeting_id=meeting_id)


def linked_meeting_id(case) -> int | None:
    """The pre-application meeting whose minutes the case builds on, or None."""
    return meeting_id_readers[0](case) if meeting_id_readers else None


def preload_for_list(cases) -> list:
    """The cases (a list, evaluated here) with what their status texts need read in one query per app."""
    cases = list(cases)
    for hook in list_preloaders:
        hook(cases)
    return cases


def status_notes_for(case, *, language: str | None = None) -> list[str]:
    return [note for hook in status_notes if (note := hook(case, language))]


def sections_for(page: str, *, case=None, user=None, **context) -> list[dict]:
    return [section for hook in page_sections if (section := hook(page, case, user, **context))]


def detail_fields_for(case, *, include_staff: bool) -> dict:
    fields = {}
    for hook in detail_fields:
        fields.update(hook(case, include_staff))
    return fields
