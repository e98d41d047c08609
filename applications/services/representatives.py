"""Representatives (an architect, a builder): invited by the applicant to one case, by e-mail, for a limited time."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case, CaseRepresentative
from applications.services import events
from applications.services.cases import CaseError
from applications.services.transitions import ensure_open


@transaction.atomic
def invite_representative(*, case: Case, email: str, actor) -> CaseRepresentative:
    """Invite ``email`` to represent the applicant: a link for that address only, valid for
    ``REPRESENTATIVE_INVITATION_DAYS``. Inviting an address again sends a new link (the old one stops)."""
    ensure_open(case)
    email = (email or "").strip().lower()
    if not email or "@" not in email:
        raise CaseError(_("Enter the representative's e-mail address."))
    if email == case.applicant.email.lower():
        raise CaseError(_("You cannot invite yourself."))
    rep, created = CaseRepresentative.objects.get_or_create(case=case, email=email, defaults={"invited_by": actor})
    if not created and rep.accepted_at:
        raise CaseError(_("%(email)s already represents you on this case.") % {"email": email})
    if not created:  # a new link and a new period; the earlier link stops working
        rep.token, rep.invited_at, rep.invited_by = secrets.token_urlsafe(), timezone.now(), actor
        rep.save(update_fields=["token", "invited_at", "invited_by"])
    from permitportal.core.notifications import send_templated_email

    link = settings.SITE_URL + reverse("applications:representation_accept", kwargs={"token": rep.token})
    days = settings.REPRESENTATIVE_INVITATION_DAYS
    transaction.on_commit(lambda: send_templated_email(
        to=[email], template="applications/email/representative_invite",
        context={"case": case, "inviter": actor, "link": link, "days": days},
        language=case.applicant.preferred_language))
    return rep


def invitation_problem(*, rep: CaseRepresentative, user) -> str | None:
    """Why ``user`` cannot accept this invitation, in words for them; None when they can."""
    if rep.accepted_at:
        if rep.user_id == user.pk:
            return None
        return _("This invitation has already been accepted by someone else.")
    if rep.case.applicant_id == user.pk:
        return _("You are the applicant on this case already.")
    if user.email.strip().lower() != rep.email:
        return _("This invitation was sent to another e-mail address than the one you are logged in with "
                 "(%(email)s). Log in with the address the invitation was sent to, or ask the applicant to "
                 "invite %(email)s.") % {"email": user.email}
    if rep.invited_at + timedelta(days=settings.REPRESENTATIVE_INVITATION_DAYS) < timezone.now():
        return _("This invitation has expired. Ask the applicant to invite you again.")
    return None


@transaction.atomic
def accept_representation(*, token: str, user) -> CaseRepresentative:
    """Accept an invitation: only for the invited e-mail address, and only before it expires."""
    try:
        rep = CaseRepresentative.objects.select_for_update().select_related("case").get(token=token)
    except CaseRepresentative.DoesNotExist as exc:
        raise CaseError(_("This invitation is not valid. Ask the owner to invite you again.")) from exc
    problem = invitation_problem(rep=rep, user=user)
    if problem:
        raise CaseError(problem)
    if not rep.accepted_at:
        rep.user = user
        rep.accepted_at = timezone.now()
        rep.save(update_fields=["user", "accepted_at"])
        events.record(case=rep.case, kind="representative_added", actor=user, params={"email": rep.email})
    return rep


@transaction.atomic
def remove_representative(*, case: Case, representative_id: int, actor) -> None:
    """The applicant removes a representative (or withdraws an invitation): from now on they do not see the
    case, and the link stops working. A case event says so."""
    rep = CaseRepresentative.objects.select_for_update().filter(case=case, pk=representative_id).first()
    if rep is None:
        raise CaseError(_("This person does not represent you on this case. Reload the page."))
    rep.delete()
    kind = "representative_removed" if rep.accepted_at else "representative_invitation_withdrawn"
    events.record(case=case, kind=kind, actor=actor, params={"email": rep.email})
