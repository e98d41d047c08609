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
"""

from django.utils.translation import gettext as _

continuity_checkers: list = []
meeting_link_checkers: list = []
minutes_starters: list = []


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
