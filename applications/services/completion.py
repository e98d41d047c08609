"""Completion (issue 18 item 4): the holder reports the work completed (færdigmelding, BR18 § 40, stk. 1);
the caseworker either issues the occupancy permit (BR18 § 43, stk. 1; a PDF in the holder's language) where
one is needed (``after_decision.what_follows``: not for small detached buildings or demolition), closes the
case where none is, or returns the report when its documentation is lacking; a task to update the building
register (BBR) appears on the case at the report and is ticked off by the caseworker. Demolition ends
with its completion notice (BR18 § 47).
"""

import hashlib
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case, Decision, OccupancyPermit
from applications.services import events
from applications.services.after_decision import what_follows
from applications.services.transitions import transition
from permitportal.accounts import roles
from permitportal.core.errors import Invalid, NotAllowed
from permitportal.core.notifications import send_templated_email
from permitportal.core.pdf import render_pdf

S = Case.Status
NOTE_MAX = 2_000


def _staff(actor) -> None:
    if not roles.has_role(actor, roles.CASEWORKER, roles.MANAGER):
        raise PermissionError(_("Only caseworkers can do this."))


def occupancy_needed(*, case: Case) -> bool:
    decision = Decision.objects.filter(case=case).first()
    return bool(decision) and what_follows(decision=decision)["occupancy_permit"]


@transaction.atomic
def report_completion(*, case: Case, actor, completed_on: date, files: dict | None = None) -> Case:
    """The holder reports the work completed with the documents the type asks for at completion (``files``:
    {requirement code: uploaded file}; a missing one refuses the report, see ``stage_documents``)."""
    from applications.selectors.cases import cases_owned_by

    if not cases_owned_by(user=actor).filter(pk=case.pk).exists():
        raise PermissionError(_("Only the permit's holder can report the work completed."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != S.WORK_STARTED:
        raise NotAllowed(_("The work can be reported completed only after its start has been reported."),
                         code="not_started")
    if completed_on is None or completed_on > timezone.localdate():
        raise Invalid(_("Give the day the work was completed; it cannot be in the future."))
    if completed_on < case.started_on:
        raise Invalid(_("The work cannot have been completed before it started."))
    from applications.services import stage_documents

    stage_documents.attach_with_report(case=case, stage="completion", files=files, actor=actor)
    Case.objects.filter(pk=case.pk).update(completed_on=completed_on, bbr_updated_at=None)
    case.completed_on = completed_on
    transition(case=case, to=S.COMPLETION_REPORTED, actor=actor, event_params={"date": completed_on.isoformat()})
    from applications.services.advisories import raise_advisory

    raise_advisory(kind="completion_reported", case=case, params={"reference": case.reference},
                   dedupe_key=f"completion:{case.pk}:{case.completion_reported_at:%Y%m%d%H%M%S}")
    return case


@transaction.atomic
def return_completion(*, case: Case, actor, reason: str) -> Case:
    """The documentation is lacking: the case goes back to "work started" with the reason the holder reads."""
    _staff(actor)
    reason = (reason or "").strip()[:NOTE_MAX]
    if not reason:
        raise Invalid(_("Say what is missing from the completion report."))
    transition(case=case, to=S.WORK_STARTED, actor=actor, event_params={"variant": "completion_returned",
                                                                        "reason": reason})
    return case


def render_occupancy_permit(*, case: Case, actor, language: str) -> bytes:
    return render_pdf(template="applications/pdf/occupancy_permit.html", language=language, context={
        "case": case, "issued_by": actor, "issued_on": timezone.localdate(), "contact": settings.PORTAL_CONTACT_POINTS})


@transaction.atomic
def finish(*, case: Case, actor) -> Case:
    """Issue the occupancy permit where one is needed, then close the case; where none is, just close it."""
    _staff(actor)
    case = Case.objects.select_for_update(of=("self",)).select_related("applicant", "property", "application_type").get(
        pk=case.pk)
    if case.status != S.COMPLETION_REPORTED:
        raise NotAllowed(_("The case has no completion report to finish."), code="no_completion")
    from applications.services import stage_documents

    waiting = stage_documents.not_accepted(case=case, stage="completion")
    if waiting:
        raise NotAllowed(_("Accept these completion documents first: %(names)s.")
                         % {"names": stage_documents.titles(waiting)}, code="documents_not_accepted")
    permit = None
    if occupancy_needed(case=case):
        from applications.services.decisions import letter_language

        language = letter_language(case=case)
        pdf = render_occupancy_permit(case=case, actor=actor, language=language)
        permit = OccupancyPermit(case=case, issued_by=actor, language=language, sha256=hashlib.sha256(pdf).hexdigest())
        permit.pdf.save(f"{case.reference}-occupancy.pdf", ContentFile(pdf), save=False)
        permit.save()
        events.record(case=case, kind="occupancy_permit", actor=actor)
        link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
        transaction.on_commit(lambda: send_templated_email(
            to=[case.applicant.email], template="applications/email/occupancy_permit",
            context={"case": case, "link": link}, language=language,
            attachments=[(f"{case.reference}-occupancy-permit.pdf", pdf, "application/pdf")]))
    transition(case=case, to=S.CLOSED, actor=actor,
               event_params={"variant": "closed_occupancy" if permit else "closed_completed"})
    return case


@transaction.atomic
def tick_bbr(*, case: Case, actor) -> Case:
    """The caseworker has updated the building register (BBR) after the completion report."""
    _staff(actor)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.completed_on is None:
        raise NotAllowed(_("The building register is updated after the completion report."), code="no_completion")
    if case.bbr_updated_at:
        raise NotAllowed(_("The building register update is already ticked off."), code="bbr_done")
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(bbr_updated_at=now)
    case.bbr_updated_at = now
    events.record(case=case, kind="bbr_updated", actor=actor, is_public=False)
    return case
