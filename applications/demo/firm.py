"""The demo firm (issue 20) with its members and cases."""

from .common import _application

DEMO_FIRM_CVR = "12345678"  # a made-up CVR number for the demo firm


def load_firm(*, stdout) -> list[str]:
    """A demo firm (issue 20): the architect is its administrator, the colleague a member, and it has a draft and
    a sent case, so both see the firm's cases in "My applications". The firm is made directly: in the portal a
    firm is created from a verified business login's CVR, which the demo has not got."""
    from django.test.utils import override_settings

    from permitportal.accounts.models import Firm, FirmMembership, User
    from permitportal.accounts.services_firms import add_member

    architect = User.objects.filter(email="architect@example.dk").first()
    colleague = User.objects.filter(email="colleague@example.dk").first()
    if not (architect and colleague):
        return []
    if Firm.objects.filter(cvr=DEMO_FIRM_CVR).exists():
        return ["Firm: the demo firm is there already."]
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        firm = Firm.objects.create(cvr=DEMO_FIRM_CVR, name="Bæk & Kollega Arkitekter ApS", created_by=architect)
        FirmMembership.objects.create(firm=firm, user=architect, is_admin=True, added_by=architect)
        add_member(firm=firm, actor=architect, email=colleague.email)
        _application(applicant=architect, address="Kongens Nytorv 27A", type_code="single-family-house", firm=firm,
                     description="Tilbygning på 40 m² med nyt køkken (for bygherren).")
        _application(applicant=colleague, address="Kongens Nytorv 11B", type_code="small-building", firm=firm,
                     description="Carport på 25 m² (for bygherren).", send=False)
    return [f"Firm: {firm.name} (CVR {firm.cvr}) with 2 members and 2 cases."]
