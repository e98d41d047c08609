"""Assisted digital (issue 20, item 4): a dialogue-team member at the desk or on the phone starts an application
for a citizen, fills it in with them in the normal guide, and sends them a link to check their answers, confirm
and send it.

- The citizen owns the draft from the start (``Case.applicant``): an existing account found by e-mail, or a new
  inactive account they take up through the link (accounts.services_invitations).
- Only dialogue-team staff of the property's municipality start one (issue 19's scope, ``member_municipality_ids``).
- The staff member who started it may edit it while it is an unconfirmed draft of a municipality they work for
  (``selectors.cases._own``); once
  the citizen confirms, it is theirs alone, and staff see it only through the normal staff channels (the lookup,
  a help code for a draft).
- The link is signed, names the case and the citizen, and expires after ``ASSISTED_CONFIRM_DAYS``; another
  account cannot use it. Confirming is sending (``services.cases.submit``): of two confirmations at once one
  succeeds and the other is refused (409).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import ApplicationType, Case, Property
from applications.selectors.municipalities import member_municipality_ids
from applications.services import events
from applications.services.cases import CaseError, create_draft
from permitportal.accounts import roles
from permitportal.accounts.services_invitations import account_for_email
from permitportal.core import audit
from permitportal.core.errors import NotAllowed
from permitportal.core.notifications import send_templated_email

CONFIRM_SALT = "applications.assisted-confirm"
ASSISTING_ROLES = (roles.DIALOGUE_TEAM,)


class AssistedError(CaseError):
    """A problem a person can act on (400)."""


class LinkExpired(AssistedError):
    pass


def confirm_max_age() -> timedelta:
    return timedelta(days=settings.ASSISTED_CONFIRM_DAYS)


def can_assist(user) -> bool:
    return roles.has_role(user, *ASSISTING_ROLES)


@transaction.atomic
def start_assisted_draft(*, actor, email: str, name: str, property: Property,
                         application_type: ApplicationType | None = None, answers: dict | None = None,
                         description: str = "", language: str = "da") -> Case:
    """A draft owned by the citizen with this e-mail address (an account is made for a new address), started by
    ``actor`` of the dialogue team, who may fill it in until the citizen confirms it."""
    if not can_assist(actor):
        raise NotAllowed(_("Only the dialogue team can start an application for a citizen."), code="not_dialogue")
    if not member_municipality_ids(user=actor).filter(municipality_id=property.municipality_id).exists():
        # The same scope as every staff read (selectors.municipalities): staff act for their own municipalities.
        raise NotAllowed(_("This property is in a municipality you do not work for: its own dialogue team can help "
                           "the citizen."), code="other_municipality")
    citizen, _created = account_for_email(email=email, full_name=name, language=language)
    if citizen.pk == actor.pk or roles.is_staff_member(citizen):
        raise AssistedError(_("An assisted application is for a citizen: give the citizen's own e-mail address."))
    if not citizen.full_name and name:
        citizen.full_name = name.strip()[:200]
        citizen.save(update_fields=["full_name"])
    case = create_draft(applicant=citizen, property=property, application_type=application_type,
                        answers=answers or {}, description=description, customer_group=Case.CustomerGroup.PRIVATE)
    case.assisted_by = actor
    case.save(update_fields=["assisted_by"])
    events.record(case=case, kind="assisted_started", actor=actor, params={"by": actor.get_full_name()})
    audit.record(actor=actor, action="assisted_draft_started", object_type="case", object_id=case.reference,
                 detail=citizen.email)
    return case


def _ensure_assisting(case: Case, actor) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.assisted_by_id != actor.pk or not can_assist(actor):
        raise NotAllowed(_("Only the staff member who started this application for the citizen can do this."),
                         code="not_assisting")
    if locked.status != Case.Status.DRAFT or locked.assisted_confirmed_at is not None:
        raise NotAllowed(_("The citizen has confirmed the application; it is theirs now."), code="confirmed")
    return locked


def confirmation_token(*, case: Case) -> str:
    return signing.dumps({"c": case.pk, "u": case.applicant_id}, salt=CONFIRM_SALT)


@transaction.atomic
def send_confirmation_link(*, case: Case, actor) -> str:
    """E-mail the citizen the link to check, confirm and send the application (again, if asked: each link works
    until it expires, and the application can be confirmed once). Returns the link."""
    locked = _ensure_assisting(case, actor)
    link = settings.SITE_URL + reverse("applications:assisted_confirm",
                                       kwargs={"token": confirmation_token(case=locked)})
    locked.assisted_link_sent_at = timezone.now()
    locked.save(update_fields=["assisted_link_sent_at"])
    case.assisted_link_sent_at = locked.assisted_link_sent_at
    events.record(case=locked, kind="assisted_link_sent", actor=actor)
    from applications import tasks

    tasks.enqueue(tasks.send_assisted_link, locked.pk, link, actor.pk)
    return link


def mail_confirmation_link(*, case_id: int, link: str, actor_id: int) -> int:
    """E-mail the citizen the link (the task ``send_assisted_link``, after the commit); 0 once the case is no
    longer an assisted draft."""
    from permitportal.accounts.models import User

    case = Case.objects.select_related("applicant", "property").filter(pk=case_id, status=Case.Status.DRAFT).first()
    if case is None:
        return 0
    citizen = case.applicant
    context = {"user": citizen, "case": case, "link": link, "by": User.objects.filter(pk=actor_id).first(),
               "days": settings.ASSISTED_CONFIRM_DAYS, "address": str(case.property)}
    return send_templated_email(to=[citizen.email], template="applications/email/assisted_confirm", context=context,
                                language=citizen.preferred_language)


def case_for_link(*, token: str) -> Case:
    """The case a confirmation link names; LinkExpired or AssistedError for a bad link."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age().total_seconds())
    except signing.SignatureExpired as exc:
        raise LinkExpired(_("This link has expired. Call the dialogue team and ask for a new one."),
                          code="expired") from exc
    except signing.BadSignature as exc:
        raise AssistedError(_("This link is not valid. Check that you copied the whole link.")) from exc
    case = (Case.objects.select_related("applicant", "property", "application_type", "assisted_by")
            .filter(pk=data.get("c"), applicant_id=data.get("u"), assisted_by__isnull=False).first())
    if case is None:
        raise Http404("No such application")
    return case


def case_for_confirmation(*, token: str, user) -> Case:
    """The case of the link, for its applicant only: to anyone else the link names nothing (404)."""
    case = case_for_link(token=token)
    if case.applicant_id != getattr(user, "pk", None):
        raise Http404("Not your application")
    return case


def record_confirmation(*, case: Case, actor) -> None:
    """Called by ``services.cases.submit`` (inside its transaction, the row locked) when the applicant sends an
    assisted draft: the confirmation is recorded, and from now on staff cannot edit it."""
    case.assisted_confirmed_at = timezone.now()
    case.save(update_fields=["assisted_confirmed_at"])
    events.record(case=case, kind="assisted_confirmed", actor=actor)


@transaction.atomic
def confirm(*, case: Case, actor) -> Case:
    """The citizen confirms and sends the application (400 listing what is missing; 409 once sent)."""
    from applications.services.cases import submit

    if case.applicant_id != actor.pk:
        raise Http404("Not your application")
    if case.assisted_by_id is None:
        raise NotAllowed(_("This application was not started by the dialogue team; send it as usual."),
                         code="not_assisted")
    return submit(case=case, actor=actor)
