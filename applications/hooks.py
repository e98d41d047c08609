"""Extension points that let other apps add checks to the core without the core importing them.

``continuity_checkers``: callables ``(case, requirement_codes) -> list[str]`` returning warnings
for an information request that asks for something a pre-application meeting did not promise.
The predialogue app registers its checker in ``AppConfig.ready``.

``meeting_link_checkers``: callables ``(meeting_id, applicant, property) -> str | None`` saying why a new
case may not start linked to that pre-application meeting (None: it may). The predialogue app owns the
meetings and registers its checker; with none registered no meeting can be linked.

``status_notes``: callables ``(case, language) -> str | None`` adding a sentence to the case's status text
in every channel (the hearings app: "The neighbours are being heard until 18 December 2026.").

``page_sections``: callables ``(page, case, user, **context) -> dict | None`` adding a section to a page
(``page``: "workspace", "case", "card", "decision", "letter", or "dashboard" with ``period`` and no case):
``{"template": ..., **context}``, included where the page lists them.
"""

from django.utils.translation import gettext as _

continuity_checkers: list = []
meeting_link_checkers: list = []
status_notes: list = []
page_sections: list = []


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


def status_notes_for(case, *, language: str | None = None) -> list[str]:
    return [note for hook in status_notes if (note := hook(case, language))]


def sections_for(page: str, *, case=None, user=None, **context) -> list[dict]:
    return [section for hook in page_sections if (section := hook(page, case, user, **context))]
