"""Small builders for the satisfaction tests."""

from satisfaction import services
from satisfaction.models import Channel, Invitation, Touchpoint
from tests.applications.factories import CaseFactory
from tests.factories import UserFactory


def invitation(*, touchpoint=Touchpoint.SUBMISSION, case=None, email=None, language="en", channel=Channel.PORTAL,
               customer_group="private", send=True, capture=None) -> Invitation:
    """An invitation made by the service (and sent, unless ``send`` is False)."""
    if case is None and touchpoint in (Touchpoint.SUBMISSION, Touchpoint.DECISION):
        case = CaseFactory(applicant=UserFactory(role="applicant", preferred_language=language))
    source = f"case:{case.pk}" if case is not None else f"contact:{Invitation.objects.count() + 1000}"
    email = email or (case.applicant.email if case is not None else "someone@example.dk")
    created = services.invite(touchpoint=touchpoint, source_key=source, case=case, channel=channel,
                              customer_group=customer_group, recipient=services.Recipient(email, language))
    assert created is not None
    if send:
        services.send_invitation(invitation_id=created.pk)
        created.refresh_from_db()
    return created


def token(invitation_obj) -> str:
    return services.make_token(invitation_obj)
