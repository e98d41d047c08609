"""Firm accounts (issue 20, item 3): created from a verified CVR only, members added by e-mail (an existing account
or an invitation), removed, and never without an administrator."""

import re
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from permitportal.accounts import services_firms, services_invitations
from permitportal.accounts.models import Firm, FirmMembership, NationalIdentity, User, validate_cvr
from permitportal.core.errors import Invalid, NotAllowed
from tests.factories import UserFactory
from tests.postgresql import postgresql_only

pytestmark = pytest.mark.django_db


def _with_cvr(user, cvr="12345678"):
    NationalIdentity.objects.create(user=user, subject_hash=f"h{user.pk}", verified_name=user.full_name, cvr=cvr)
    return user


@pytest.fixture
def admin(applicant):
    return _with_cvr(applicant)


@pytest.fixture
def firm(admin):
    return services_firms.create_firm(user=admin, name="Tegnestuen Nord ApS")


def test_a_cvr_has_eight_digits():
    validate_cvr("12345678")
    for bad in ("1234567", "123456789", "1234567a", "１２３４５６７８", "1234 678", ""):
        with pytest.raises(ValidationError):
            validate_cvr(bad)


def test_only_a_verified_cvr_creates_a_firm_and_its_creator_is_admin(applicant, other_applicant):
    with pytest.raises(NotAllowed, match="business login"):
        services_firms.create_firm(user=other_applicant, name="Uden CVR ApS")
    _with_cvr(applicant)
    firm = services_firms.create_firm(user=applicant, name="  Tegnestuen   Nord ApS ")
    assert (firm.cvr, firm.name) == ("12345678", "Tegnestuen Nord ApS")
    assert FirmMembership.objects.get(firm=firm, user=applicant).is_admin
    # One firm per CVR: a second person with the same business login asks the administrator instead.
    _with_cvr(other_applicant)
    with pytest.raises(NotAllowed, match="already exists"):
        services_firms.create_firm(user=other_applicant, name="Tegnestuen Nord ApS")


@pytest.mark.parametrize("name", ["", "a" * 201, "Firma\x00", "Firma\x1b[2J"])
def test_the_firm_name_is_bounded(admin, name):
    with pytest.raises(Invalid):
        services_firms.create_firm(user=admin, name=name)
    assert not Firm.objects.exists()


def test_the_admin_adds_an_existing_account_and_invites_a_new_address(firm, admin, other_applicant,
                                                                       django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        member = services_firms.add_member(firm=firm, actor=admin, email=other_applicant.email.upper())
        invited = services_firms.add_member(firm=firm, actor=admin, email="ny@tegnestuen.dk", full_name="Ny Kollega")
    assert member.user == other_applicant and not member.is_admin
    user = invited.user
    assert not user.is_active and not user.has_usable_password() and services_invitations.is_invited(user)
    assert {m.to[0] for m in mail.outbox} == {other_applicant.email, "ny@tegnestuen.dk"}
    with pytest.raises(Invalid, match="already a member"):
        services_firms.add_member(firm=firm, actor=admin, email="NY@tegnestuen.dk")


def test_the_invited_member_chooses_a_password_and_lands_on_the_firms_cases(client, firm, admin,
                                                                             django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services_firms.add_member(firm=firm, actor=admin, email="ny@tegnestuen.dk", full_name="Ny Kollega")
    link = re.search(r"http\S+/accounts/welcome/\S+/", mail.outbox[0].body).group(0)
    path = link[link.index("/accounts/"):]
    assert client.get(path).status_code == 200
    response = client.post(path, {"password1": "a-long-pass-phrase-9", "password2": "a-long-pass-phrase-9"})
    assert response.status_code == 302 and response["Location"] == reverse("applications:my_applications")
    user = User.objects.get(email="ny@tegnestuen.dk")
    assert user.is_active and user.email_verified and user.check_password("a-long-pass-phrase-9")
    # The link is spent: it cannot set the password again.
    client.logout()
    assert client.get(path).status_code == 302
    assert client.post(path, {"password1": "another-pass-phrase-9", "password2": "another-pass-phrase-9"}
                       ).status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-long-pass-phrase-9")


def test_a_tampered_or_expired_invitation_is_refused(client, firm, admin, settings):
    import datetime as dt

    services_firms.add_member(firm=firm, actor=admin, email="ny@tegnestuen.dk")
    user = User.objects.get(email="ny@tegnestuen.dk")
    path = services_invitations.invitation_path(user=user, next_path="/")
    assert client.get(path[:-3] + "xx/").status_code == 400
    settings.ACCOUNT_INVITATION_MAX_AGE = dt.timedelta(seconds=-1)
    assert client.get(path).status_code == 400


def test_only_admins_change_members_and_the_last_admin_stays(firm, admin, other_applicant):
    member = services_firms.add_member(firm=firm, actor=admin, email=other_applicant.email)
    with pytest.raises(NotAllowed):
        services_firms.add_member(firm=firm, actor=other_applicant, email="x@example.dk")
    mine = FirmMembership.objects.get(firm=firm, user=admin)
    with pytest.raises(NotAllowed):
        services_firms.remove_member(membership=mine, actor=other_applicant)
    with pytest.raises(NotAllowed, match="at least one administrator"):
        services_firms.remove_member(membership=mine, actor=admin)
    with pytest.raises(NotAllowed, match="at least one administrator"):
        services_firms.set_admin(membership=mine, actor=admin, is_admin=False)
    services_firms.set_admin(membership=member, actor=admin, is_admin=True)
    services_firms.remove_member(membership=mine, actor=admin)  # now another admin remains: the admin may leave
    mine.refresh_from_db()
    assert mine.left_at is not None
    # A member who left can be added again: a new membership, the old one kept.
    services_firms.add_member(firm=firm, actor=other_applicant, email=admin.email)
    assert FirmMembership.objects.filter(firm=firm, user=admin).count() == 2


def test_a_member_may_leave(firm, admin, other_applicant):
    member = services_firms.add_member(firm=firm, actor=admin, email=other_applicant.email)
    services_firms.remove_member(membership=member, actor=other_applicant)
    with pytest.raises(NotAllowed):
        services_firms.remove_member(membership=member, actor=admin)


@pytest.mark.django_db(transaction=True)
def test_two_admins_removing_each_other_at_once_leave_one_admin():
    postgresql_only("row locks across threads (SQLite runs one writer at a time)")
    a, b = _with_cvr(UserFactory(role="applicant")), UserFactory(role="applicant")
    firm = services_firms.create_firm(user=a, name="Firma ApS")
    services_firms.add_member(firm=firm, actor=a, email=b.email, is_admin=True)
    ma, mb = (FirmMembership.objects.get(firm=firm, user=u) for u in (a, b))
    results = []

    def remove(membership, actor):
        try:
            services_firms.remove_member(membership=membership, actor=actor)
            results.append("ok")
        except NotAllowed:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=remove, args=(mb, a)), threading.Thread(target=remove, args=(ma, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["ok", "refused"]
    assert FirmMembership.objects.filter(firm=firm, left_at__isnull=True, is_admin=True).count() == 1


def test_the_firm_pages(client, firm, admin, other_applicant, django_assert_max_num_queries):
    client.force_login(other_applicant)
    page = client.get(reverse("accounts:firms"))
    assert page.status_code == 200 and "business login" in page.content.decode()
    refused = client.post(reverse("accounts:firms"), {"name": "Mit Firma"})
    assert refused.status_code == 200 and "error-summary" in refused.content.decode()
    assert client.get(reverse("accounts:firm", args=[firm.pk])).status_code == 404  # not a member
    client.force_login(admin)
    response = client.post(reverse("accounts:firm", args=[firm.pk]), {"email": other_applicant.email})
    assert response.status_code == 302
    for n in range(5):
        services_firms.add_member(firm=firm, actor=admin, email=f"kollega{n}@example.dk")
    with django_assert_max_num_queries(12):
        page = client.get(reverse("accounts:firm", args=[firm.pk]))
    assert page.status_code == 200 and other_applicant.email in page.content.decode()
    member = FirmMembership.objects.get(firm=firm, user=other_applicant)
    assert client.post(reverse("accounts:firm_member_remove", args=[firm.pk, member.pk])).status_code == 302
    member.refresh_from_db()
    assert member.left_at is not None
    too_long = client.post(reverse("accounts:firm", args=[firm.pk]), {"email": "x" * 300 + "@example.dk"})
    assert too_long.status_code == 200 and "error-summary" in too_long.content.decode()
    assert not User.objects.filter(email__startswith="xxx").exists()


def test_the_firm_page_query_count_does_not_grow_with_members(client, firm, admin, django_assert_num_queries):
    client.force_login(admin)
    url = reverse("accounts:firm", args=[firm.pk])
    client.get(url)
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(conn) as few:
        client.get(url)
    for n in range(10):
        services_firms.add_member(firm=firm, actor=admin, email=f"kollega{n}@example.dk")
    with CaptureQueriesContext(conn) as many:
        client.get(url)
    assert len(many) == len(few)


def test_the_memberships_are_in_the_export_and_the_last_admin_hands_over_before_deleting(firm, admin,
                                                                                         other_applicant):
    from permitportal.accounts.services_data import deletion_blockers, export_personal_data

    services_firms.add_member(firm=firm, actor=admin, email=other_applicant.email)
    data = export_personal_data(user=admin)
    assert data["firm_memberships"][0]["cvr"] == "12345678" and data["firm_memberships"][0]["administrator"]
    assert any("only administrator" in r for r in deletion_blockers(user=admin))
    assert not any("only administrator" in r for r in deletion_blockers(user=other_applicant))


@pytest.mark.django_db(transaction=True)
def test_two_people_creating_the_firm_of_one_cvr_at_once_make_one():
    people = [_with_cvr(UserFactory(role="applicant"), cvr="11223344") for _ in range(4)]
    barrier, results = threading.Barrier(4), []

    def create(user):
        try:
            barrier.wait()
            services_firms.create_firm(user=user, name="Samme Firma ApS")
            results.append("ok")
        except NotAllowed:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=create, args=(u,)) for u in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(results) == ["ok", "refused", "refused", "refused"]
    assert Firm.objects.count() == 1 and FirmMembership.objects.count() == 1


@pytest.mark.parametrize("name", ["Ny\x1b[2J Kollega", "a" * 201])
def test_an_invitations_name_is_bounded(firm, admin, name):
    with pytest.raises(Invalid):
        services_firms.add_member(firm=firm, actor=admin, email="ny@tegnestuen.dk", full_name=name)
    assert not User.objects.filter(email="ny@tegnestuen.dk").exists()
