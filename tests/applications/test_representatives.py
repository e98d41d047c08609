"""Issue 14, item 3: an invitation to represent works only for the invited address, expires, and the
applicant sees and removes representatives (a case event)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from applications.models import CaseRepresentative
from applications.services import representatives as representative_services
from tests.applications import caseworker_support as support
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(django_capture_on_commit_callbacks):
    case = support.submitted_case()
    with django_capture_on_commit_callbacks(execute=True):
        rep = representative_services.invite_representative(case=case, email="arkitekt@example.dk",
                                                            actor=case.applicant)
    link = re.search(r"/representation/\S+/", mail.outbox[-1].body).group(0)
    return case, rep, link


def test_someone_else_holding_the_link_is_refused_and_told_why(client, invited):
    case, rep, link = invited
    stranger = UserFactory(role="applicant", email="someone@example.dk")
    client.force_login(stranger)
    page = client.get(link)
    assert page.status_code == 400 and "another e-mail address" in page.content.decode()
    assert "someone@example.dk" in page.content.decode()
    assert client.post(link).status_code == 400
    rep.refresh_from_db()
    assert rep.accepted_at is None
    assert client.get(reverse("applications:case_detail", args=[case.reference])).status_code == 404


def test_the_invited_address_accepts_case_insensitively(client, invited):
    case, rep, link = invited
    client.force_login(UserFactory(role="applicant", email="arkitekt@example.dk"))
    assert client.post(link).status_code == 302
    assert client.get(reverse("applications:case_detail", args=[case.reference])).status_code == 200


def test_an_invitation_expires(client, invited, settings):
    case, rep, link = invited
    assert "14 days" in mail.outbox[-1].body
    settings.REPRESENTATIVE_INVITATION_DAYS = 3
    CaseRepresentative.objects.filter(pk=rep.pk).update(invited_at=timezone.now() - timedelta(days=3, minutes=1))
    client.force_login(UserFactory(role="applicant", email="arkitekt@example.dk"))
    response = client.post(link)
    assert response.status_code == 400 and "expired" in response.content.decode()


def test_inviting_again_sends_a_new_link_and_the_old_one_stops(client, invited, django_capture_on_commit_callbacks):
    case, rep, old_link = invited
    with django_capture_on_commit_callbacks(execute=True):
        representative_services.invite_representative(case=case, email="arkitekt@example.dk", actor=case.applicant)
    new_link = re.search(r"/representation/\S+/", mail.outbox[-1].body).group(0)
    assert new_link != old_link
    client.force_login(UserFactory(role="applicant", email="arkitekt@example.dk"))
    assert client.post(old_link).status_code == 400
    assert client.post(new_link).status_code == 302


def test_the_applicant_sees_and_removes_a_representative(client, invited):
    case, rep, link = invited
    architect = UserFactory(role="applicant", email="arkitekt@example.dk")
    client.force_login(architect)
    client.post(link)
    client.force_login(case.applicant)
    page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert "arkitekt@example.dk" in page and reverse("applications:remove_representative",
                                                     args=[case.reference]) in page
    response = client.post(reverse("applications:remove_representative", args=[case.reference]),
                           {"representative": rep.pk})
    assert response.status_code == 302
    assert not CaseRepresentative.objects.filter(pk=rep.pk).exists()
    event = case.events.get(kind="representative_removed")
    assert event.actor == case.applicant and event.params == {"email": "arkitekt@example.dk"}
    client.force_login(architect)
    assert client.get(reverse("applications:case_detail", args=[case.reference])).status_code == 404
    assert client.post(link).status_code == 400


def test_only_the_applicant_removes_and_only_their_own_cases_representatives(client, invited):
    case, rep, link = invited
    other_case = support.submitted_case()
    client.force_login(other_case.applicant)
    response = client.post(reverse("applications:remove_representative", args=[other_case.reference]),
                           {"representative": rep.pk}, follow=True)
    assert "does not represent you" in response.content.decode()
    assert client.post(reverse("applications:remove_representative", args=[case.reference]),
                       {"representative": rep.pk}).status_code == 404
    assert CaseRepresentative.objects.filter(pk=rep.pk).exists()
