"""Every URL that names a case or another object, opened by another applicant: nothing leaks.

The sweep walks the whole URL configuration (HTML pages, the dialogue team, pre-application
meetings and the API). For each URL it asks with the victim's real object and with an object that
does not exist. The answer must be 404 or 405; a 403 is allowed only for staff-only routes, and only
when a non-existent object gets the very same 403 (so the status is no existence oracle).
"""

import pytest
from django.urls import reverse

from applications.models import Case
from tests.security.conftest import walk_patterns

OBJECT_KEYS = {"reference", "pk", "code", "sketch_pk", "session_pk", "registration_pk", "hearing_id",
               "party_id", "mandate_id", "firm_id", "member_id"}

# Public by design: the catalogue and guidance (code = catalogue slug), the property register
# (public data, also searchable anonymously) and registering for a published open-house session.
PUBLIC = {
    "applications:guide_question", "applications:guidance_type", "applications:guidance_requirement",
    "api-property-detail", "predialogue:open_house_register",
    "hearings:party_document",  # the party's signed link is the key (tests/hearings: a bad token is 404)
}


def object_urls():
    found = []
    for name, route, pattern in walk_patterns():
        keys = set(pattern.pattern.regex.groupindex)
        if keys & OBJECT_KEYS and name not in PUBLIC and not route.startswith("admin/"):
            found.append((name, route, tuple(sorted(keys))))
    return sorted(set(found))


OBJECT_URLS = object_urls()


def test_the_sweep_covers_every_app():
    names = {n for n, _, _ in OBJECT_URLS}
    for expected in ("applications:case_detail", "applications:document_download", "applications:workspace",
                     "applications:advisory_read", "dialogueteam:card", "dialogueteam:forward",
                     "dialogueteam:question", "dialogueteam:help_draft", "predialogue:meeting_detail",
                     "predialogue:sketch_download", "predialogue:registration_convert", "api-case-detail",
                     "api-case-documents", "api-advisory-read", "api-predialogue-meeting"):
        assert expected in names
    assert len(OBJECT_URLS) >= 60
    unknown = [n for n, _, keys in OBJECT_URLS if not set(keys) <= OBJECT_KEYS]
    assert not unknown, f"a new URL keyword needs an object in the sweep: {unknown}"


def _pk_for(name, route, world):
    """Which object an URL's ``pk`` names, from its route."""
    if "hearings/cases/" in route and "attachments/" in route:
        return world.attachment.pk
    if "documents/<int:pk>" in route:
        return world.document.pk
    if "advisories/" in route:
        return world.advisory.pk
    if route.startswith("dialogue/forwards/"):
        return world.forward.pk
    if route.startswith("dialogue/questions/"):
        return world.contact.pk
    if "open-house/" in route:
        return world.session.pk
    if "meetings/" in route:
        return world.meeting.pk
    if "/appeals/<int:pk>" in route:
        # The world's case has no appeal; the case is looked up (404 for another applicant) before the appeal.
        return 1
    raise AssertionError(f"the sweep does not know which object {name} ({route}) names")


def _code_for(name, route, world):
    if route.startswith("dialogue/help/"):
        return world.help_code
    return world.case.checklist.filter(required=True).first().requirement.code


def kwargs_for(name, route, keys, world, *, ghost=False):
    kwargs = {}
    for key in keys:
        if key == "reference":
            kwargs[key] = "B-2099-99999" if ghost else (world.draft.reference if "help" in name
                                                         else world.case.reference)
        elif key == "pk":
            kwargs[key] = 987654 if ghost else _pk_for(name, route, world)
        elif key == "code":
            kwargs[key] = ("ZZZZ9999" if route.startswith("dialogue/help/") else "no-such-code") if ghost \
                else _code_for(name, route, world)
        elif key == "sketch_pk":
            kwargs[key] = 987655 if ghost else world.sketch.pk
        elif key == "session_pk":
            kwargs[key] = 987656 if ghost else world.session.pk
        elif key == "registration_pk":
            kwargs[key] = 987657 if ghost else world.registration.pk
        elif key == "hearing_id":
            kwargs[key] = 987658 if ghost else world.hearing.pk
        elif key == "party_id":
            kwargs[key] = 987659 if ghost else world.party.pk
        elif key == "mandate_id":  # revoking answers the same 409 for another's mandate and for none
            kwargs[key] = 987658 if ghost else 1
        elif key == "firm_id":  # the applicant's firm (issue 20)
            kwargs[key] = 987660 if ghost else world.firm.pk
        elif key == "member_id":
            kwargs[key] = 987661 if ghost else world.firm_membership.pk
    return kwargs


@pytest.mark.parametrize("as_api", [False, True], ids=["session", "token"])
def test_another_applicant_learns_nothing(client, world, other_applicant, as_api):
    from permitportal.accounts.services import issue_api_token

    if as_api:
        headers = {"HTTP_AUTHORIZATION": f"Token {issue_api_token(user=other_applicant)[0]}"}
        urls = [u for u in OBJECT_URLS if u[1].startswith("api/")]
    else:
        client.force_login(other_applicant)
        headers = {}
        urls = OBJECT_URLS
    before = Case.objects.get(pk=world.case.pk).status
    leaks = []
    for name, route, keys in urls:
        real = reverse(name, kwargs=kwargs_for(name, route, keys, world))
        ghost = reverse(name, kwargs=kwargs_for(name, route, keys, world, ghost=True))
        for method in ("get", "post"):
            got = getattr(client, method)(real, **headers)
            missing = getattr(client, method)(ghost, **headers)
            if got.status_code in (404, 405) and missing.status_code in (404, 405):
                continue
            if got.status_code == 403 and missing.status_code == 403:
                continue  # staff-only route that refuses before it looks the object up
            leaks.append(f"{method.upper()} {real} -> {got.status_code} (non-existent: {missing.status_code})")
            body = got.content.decode(errors="replace")
            assert world.case.reference not in body or "reference" not in keys, (real, body[:500])
    assert not leaks, "\n".join(leaks)
    assert Case.objects.get(pk=world.case.pk).status == before
    world.meeting.refresh_from_db()
    assert world.meeting.status == "held"


def test_the_owner_reaches_the_objects(client, world):
    """The sweep's objects are real: their owner can open them (so a 404 above is not an accident)."""
    client.force_login(world.applicant)
    for url in (reverse("applications:case_detail", args=[world.case.reference]),
                reverse("applications:document_download", args=[world.case.reference, world.document.pk]),
                reverse("predialogue:meeting_detail", args=[world.meeting.pk]),
                reverse("predialogue:sketch_download", args=[world.meeting.pk, world.sketch.pk]),
                reverse("api-case-detail", args=[world.case.reference])):
        assert client.get(url).status_code == 200, url


def test_staff_routes_refuse_the_owner_but_hide_the_case_from_others(client, world, other_applicant):
    """The owner (who knows the case exists) is told the page is for caseworkers; everyone else gets
    the same 404 as for a case that does not exist."""
    url = reverse("applications:workspace", args=[world.case.reference])
    client.force_login(world.applicant)
    assert client.get(url).status_code == 403
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404
    assert client.get(reverse("applications:workspace", args=["B-2099-99999"])).status_code == 404
