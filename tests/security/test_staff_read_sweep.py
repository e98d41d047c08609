"""Issue 14, item 5: the URL sweep for staff reads. Every URL of the project, opened by each staff role
on the sweep's world: whatever answers 200 to a staff member is in the audit log (a row for that
member, written by that request), except the few pages that show no one's data
(``permitportal.core.audit.NOT_READS``)."""

import pytest
from django.urls import resolve, reverse

from permitportal.core.audit import is_a_read
from permitportal.core.models import AuditEntry
from tests.factories import UserFactory
from tests.security.conftest import walk_patterns
from tests.security.test_url_sweep import OBJECT_KEYS, kwargs_for

# The reads the issue found missing from the log: each must answer 200 to some staff member here,
# so the sweep below cannot pass by reaching nothing.
MUST_BE_READ = {"applications:receipt_pdf", "api-case-receipt", "api-predialogue-meeting",
                "api-predialogue-meetings", "api-cases", "predialogue:minutes_pdf", "api-predialogue-minutes-pdf",
                "dialogueteam:contacts", "dialogueteam:questions", "applications:workspace",
                "dialogueteam:card", "applications:queue"}


def staff_urls(world):
    for name, route, pattern in walk_patterns():
        keys = set(pattern.pattern.regex.groupindex)
        if route.startswith("admin/") or not keys <= OBJECT_KEYS or not is_a_read(name):
            continue
        yield name, reverse(name, kwargs=kwargs_for(name, route, sorted(keys), world))


def test_every_staff_read_is_in_the_audit_log(client, world, caseworker, dialogue_member):
    manager = UserFactory(role="manager")
    read, unlogged = set(), []
    for member in (caseworker, dialogue_member, manager):
        client.force_login(member)
        for name, url in staff_urls(world):
            before = AuditEntry.objects.filter(actor=member).count()
            response = client.get(url)
            if response.status_code != 200:
                continue
            read.add(name)
            if getattr(resolve(url).func, "audit_logged_by_the_view", False):
                continue  # logs itself when something is read (the lookup: per search; tests/dialogueteam)
            if is_a_read(name) and AuditEntry.objects.filter(actor=member).count() == before:
                unlogged.append(f"{member.groups.get().name} GET {url} ({name})")
    assert not unlogged, "staff reads without an audit row:\n" + "\n".join(unlogged)
    assert MUST_BE_READ <= read, f"the sweep did not reach: {sorted(MUST_BE_READ - read)}"


def test_a_token_read_of_the_api_is_logged_with_what_was_read(client, world, caseworker):
    from permitportal.accounts.services import issue_api_token

    headers = {"HTTP_AUTHORIZATION": f"Token {issue_api_token(user=caseworker)[0]}"}
    response = client.get(reverse("api-case-receipt", args=[world.case.reference]), **headers)
    assert response.status_code == 200
    entry = AuditEntry.objects.get(actor=caseworker)
    assert (entry.object_type, entry.object_id) == ("api-case-receipt", world.case.reference)
    assert entry.detail.endswith("/receipt.pdf")


def test_the_admin_logs_every_object_it_opens(client, world):
    manager = UserFactory(role="manager", is_staff=True, is_superuser=True)
    client.force_login(manager)
    for url in (reverse("admin:applications_case_change", args=[world.case.pk]),
                reverse("admin:applications_document_change", args=[world.document.pk]),
                reverse("admin:dialogueteam_contact_change", args=[world.contact.pk]),
                reverse("admin:applications_case_changelist")):
        before = AuditEntry.objects.filter(actor=manager).count()
        assert client.get(url).status_code == 200, url
        assert AuditEntry.objects.filter(actor=manager).count() == before + 1, url
    case_read = AuditEntry.objects.filter(actor=manager, object_type="admin:applications_case_change").get()
    assert case_read.object_id == str(world.case.pk)


def test_applicants_reads_are_not_logged(client, world):
    client.force_login(world.applicant)
    assert client.get(reverse("applications:case_detail", args=[world.case.reference])).status_code == 200
    assert not AuditEntry.objects.filter(actor=world.applicant).exists()


@pytest.mark.parametrize("name", ["home", "applications:guidance_index"])
def test_pages_without_anyones_data_are_not_logged(client, caseworker, name):
    client.force_login(caseworker)
    assert client.get(reverse(name)).status_code == 200
    assert not AuditEntry.objects.exists()
