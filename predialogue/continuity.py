"""Continuity from the minutes into the case: the checker the core calls before an information request
is sent (registered in ``applications.hooks.continuity_checkers`` by ``PredialogueConfig.ready``).

A request item warns when
- the minutes said the document was not needed ("said_not_needed"), or
- the minutes did not list it as needed and the application type's rules do not require it
  ("not_promised").
"""

import logging
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from .models import ContinuityEvent, Minutes

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    code: str
    title: str
    kind: str
    minutes: Minutes


def _rule_required_codes(case) -> set[str]:
    if not case.application_type_id:
        return set()
    from applications.services.catalogue import requirements_for
    from applications.services.guide import facts_for

    facts = facts_for(answers=case.answers or {}, property=case.property, applying_for=case.applying_for)
    pairs = requirements_for(application_type=case.application_type, facts=facts,
                             municipality_id=case.property.municipality_id)
    return {req.code for req, required in pairs if required}


def classify(*, case, requirement_codes) -> list[Finding]:
    """The requested documents that go against the case's pre-application minutes."""
    if not requirement_codes:
        return []
    from .selectors import current_minutes_for_meeting_id, linked_meeting_id

    meeting_id = linked_meeting_id(case)
    if not meeting_id:
        return []
    minutes = current_minutes_for_meeting_id(meeting_id=meeting_id)
    if minutes is None:
        return []
    lines = {d.requirement.code: d for d in minutes.documents.all()}
    titles = {}
    rule_required = None
    findings = []
    for code in dict.fromkeys(requirement_codes):
        line = lines.get(code)
        if line is not None and not line.needed:
            findings.append(Finding(code, line.requirement.title, ContinuityEvent.Kind.SAID_NOT_NEEDED, minutes))
            continue
        if line is not None:
            continue
        if rule_required is None:
            rule_required = _rule_required_codes(case)
        if code not in rule_required:
            if not titles:
                from applications.models import DocumentRequirement

                titles = {r.code: r.title for r in DocumentRequirement.objects.filter(code__in=requirement_codes)}
            findings.append(Finding(code, titles.get(code, code), ContinuityEvent.Kind.NOT_PROMISED, minutes))
    return findings


def warning_text(finding: Finding) -> str:
    from .services import meeting_date

    day = formats.date_format(meeting_date(finding.minutes.meeting), "DATE_FORMAT")
    if finding.kind == ContinuityEvent.Kind.SAID_NOT_NEEDED:
        return _("“%(title)s”: the pre-application minutes of %(date)s say this document is not needed.") % {
            "title": finding.title, "date": day}
    return _("“%(title)s” was not in the pre-application minutes of %(date)s, and the rules for this application "
             "type do not require it.") % {"title": finding.title, "date": day}


def check_continuity(case, requirement_codes) -> list[str]:
    """The core's hook: a warning for each requested document that goes against the minutes. A failure here
    is logged and gives no warnings: it must not stop a caseworker from sending an information request."""
    try:
        return [warning_text(f) for f in classify(case=case, requirement_codes=list(requirement_codes or []))]
    except Exception:  # noqa: BLE001
        logger.exception("The continuity check failed for case %s", getattr(case, "pk", None))
        return []
