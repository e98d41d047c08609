"""Extension points that let other apps add checks to the core without the core importing them.

``continuity_checkers``: callables ``(case, requirement_codes) -> list[str]`` returning warnings
for an information request that asks for something a pre-application meeting did not promise.
The predialogue app registers its checker in ``AppConfig.ready``.

``meeting_link_checkers``: callables ``(meeting_id, applicant, property) -> str | None`` saying why a new
case may not start linked to that pre-application meeting (None: it may). The predialogue app owns the
meetings and registers its checker; with none registered no meeting can be linked.

``appeal_party_checkers``: callables ``(case, user) -> bool`` saying whether ``user`` is a party to the
case who may appeal its decision (byggeloven § 23, stk. 3: an individual, substantial interest, e.g. a
neighbour who was heard). The hearings app registers its checker; with none registered only the
applicant and their representatives appeal in the portal, and staff record other appeals from letters.
"""

from django.utils.translation import gettext as _

continuity_checkers: list = []
meeting_link_checkers: list = []
appeal_party_checkers: list = []


def is_appeal_party(*, case, user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and any(
        checker(case, user) for checker in appeal_party_checkers)


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
