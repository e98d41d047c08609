"""Issue 19, item 2 (Must show): the cross-municipality sweep. The sweep's world (tests/security/conftest.py)
lives in the default municipality; staff of another municipality walk every URL of the project (HTML pages,
the dialogue team, meetings, the dashboard and the API, as a session and with a token) and learn nothing:
a URL naming one of the world's objects answers exactly as for an object that does not exist (404, or the
same 403/405), and no page, list, search, count or export shows the world's case. The national role
(item 4) gets the same answers: figures, never a case."""

import json

import pytest
from django.urls import reverse

from applications.models import Case, Municipality
from tests.factories import UserFactory
from tests.security.conftest import walk_patterns
from tests.security.test_url_sweep import OBJECT_URLS, kwargs_for

STAFF_ROLES = ("caseworker", "dialogue_team", "manager")


@pytest.fixture
def frederiksberg(db):
    return Municipality.objects.create(code="0147", name="Frederiksberg")


@pytest.fixture
def outsiders(frederiksberg):
    """One member of each staff role in Frederiksberg only, and a national reader."""
    members = [UserFactory(role=role, municipality=frederiksberg) for role in STAFF_ROLES]
    return [*members, UserFactory(role="national")]


def secrets_of(world) -> list[str]:
    """What must not appear on any page an outsider sees: the case, its property and its applicant."""
    return [world.case.reference, world.draft.reference, world.case.property.address, world.applicant.email,
            world.applicant.full_name, "When will you decide?", "Asked about the status"]


def list_urls(world) -> list[tuple[str, str]]:
    """Every URL without an object in it (lists, queues, inboxes, dashboards, exports, the API's lists),
    plus searches for the world's case by reference, address and applicant; each with what the person
    typed (a search page shows the search itself again)."""
    urls = [(reverse(name), "") for name, route, pattern in walk_patterns()
            if not pattern.pattern.regex.groupindex and not route.startswith("admin/")
            and not route.startswith("api/schema") and not route.startswith("api/docs")]
    for query in (world.case.reference, world.case.property.address, world.applicant.full_name):
        urls += [(f"{reverse('dialogueteam:lookup')}?q={query}", query), (f"{reverse('api-lookup')}?q={query}", query)]
    urls += [(f"{reverse('applications:queue')}?status=all", "")]
    return urls


def test_the_world_is_visible_to_its_own_staff(client, world, caseworker, dialogue_member):
    """The control: the sweep below could fail (the world's own staff see and find its case)."""
    client.force_login(caseworker)
    assert world.case.reference in client.get(reverse("applications:queue")).content.decode()
    assert client.get(reverse("applications:workspace", args=[world.case.reference])).status_code == 200
    client.force_login(dialogue_member)
    found = client.get(f"{reverse('api-lookup')}?q={world.case.property.address}").json()
    assert world.case.reference in json.dumps(found)
    assert client.get(reverse("dialogueteam:card", args=[world.case.reference])).status_code == 200


@pytest.mark.parametrize("as_api", [False, True], ids=["session", "token"])
def test_another_municipalitys_staff_get_404_on_every_object_url(client, world, outsiders, as_api):
    from permitportal.accounts.services import issue_api_token

    before = Case.objects.get(pk=world.case.pk).status
    leaks = []
    for member in outsiders:
        if as_api:
            headers = {"HTTP_AUTHORIZATION": f"Token {issue_api_token(user=member)[0]}"}
            urls = [u for u in OBJECT_URLS if u[1].startswith("api/")]
        else:
            client.force_login(member)
            headers = {}
            urls = OBJECT_URLS
        for name, route, keys in urls:
            real = reverse(name, kwargs=kwargs_for(name, route, keys, world))
            ghost = reverse(name, kwargs=kwargs_for(name, route, keys, world, ghost=True))
            for method in ("get", "post"):
                got = getattr(client, method)(real, **headers)
                missing = getattr(client, method)(ghost, **headers)
                # The page may echo the path the person asked for (the language switch's "next"): that is
                # what they typed, not something they learnt.
                body = got.content.decode(errors="replace").replace(real, "")
                if got.status_code != missing.status_code or got.status_code not in (403, 404, 405):
                    leaks.append(f"{member.groups.get().name} {method.upper()} {real} -> {got.status_code} "
                                 f"(non-existent: {missing.status_code})")
                elif any(secret in body for secret in secrets_of(world)):
                    leaks.append(f"{member.groups.get().name} {method.upper()} {real}: the body names the case")
    assert not leaks, "\n".join(leaks)
    assert Case.objects.get(pk=world.case.pk).status == before


def test_no_list_search_count_or_export_shows_another_municipalitys_case(client, world, outsiders):
    leaks, reached = [], 0
    for member in outsiders:
        client.force_login(member)
        for url, typed in list_urls(world):
            response = client.get(url)
            if response.status_code != 200:
                continue
            reached += 1
            body = b"".join(response.streaming_content) if response.streaming else response.content
            body = body.decode(errors="replace")
            named = [secret for secret in secrets_of(world) if secret in body and secret != typed]
            if named:
                leaks.append(f"{member.groups.get().name} GET {url} shows {named}")
    assert not leaks, "\n".join(leaks)
    assert reached >= 20  # the sweep reached the queues, inboxes, lookups and dashboards


def test_the_dashboard_counts_nothing_of_another_municipality(client, world, outsiders):
    """The world has a submitted case, contacts and a question: none of it is in Frederiksberg's figures."""
    manager = outsiders[2]
    client.force_login(manager)
    kpis = client.get(reverse("api-kpis")).json()
    assert kpis["complete_at_first_screening"]["submitted"] == 0
    assert kpis["first_contact_resolution"]["contacts"] == 0
    assert kpis["contacts_by_topic_and_channel"] == []
    assert kpis["information_requests_per_case"]["requests"] == 0
    summary = client.get(reverse("api-satisfaction-summary")).json()
    assert summary["overall"]["invitations"] == 0
    # The world's own manager counts them (the control).
    client.force_login(UserFactory(role="manager"))
    assert client.get(reverse("api-kpis")).json()["first_contact_resolution"]["contacts"] >= 1


def test_the_admin_shows_a_staff_member_only_their_municipalitys_cases(client, world, frederiksberg):
    from django.contrib.auth.models import Permission

    outsider = UserFactory(role="manager", municipality=frederiksberg, is_staff=True)
    outsider.user_permissions.add(*Permission.objects.filter(codename__in=["view_case", "view_document"]))
    client.force_login(outsider)
    listing = client.get(reverse("admin:applications_case_changelist"))
    assert listing.status_code == 200 and world.case.reference not in listing.content.decode()
    assert client.get(reverse("admin:applications_case_change", args=[world.case.pk])).status_code == 302
    assert client.get(reverse("admin:applications_document_change", args=[world.document.pk])).status_code == 302
    insider = UserFactory(role="manager", is_staff=True)
    insider.user_permissions.add(*Permission.objects.filter(codename="view_case"))
    client.force_login(insider)
    assert world.case.reference in client.get(reverse("admin:applications_case_changelist")).content.decode()


def _path_to_municipality(model, depth=0):
    """A lookup path from the model to Municipality through its foreign keys (at most three steps), or None."""
    for field in model._meta.get_fields():
        if not (field.many_to_one or field.one_to_one) or not field.concrete:
            continue
        if field.related_model is Municipality:
            return field.name
        if depth < 2 and field.related_model is not None:
            rest = _path_to_municipality(field.related_model, depth + 1)
            if rest:
                return f"{field.name}__{rest}"
    return None


def test_every_admin_of_a_municipality_s_rows_is_scoped(db):
    """A new ModelAdmin cannot forget the scope: every model that leads to a municipality is registered with
    MunicipalityScopedAdmin, and its path names a municipality."""
    from django.contrib import admin

    from applications.admin_scope import MunicipalityScopedAdmin

    unscoped = []
    for model, model_admin in admin.site._registry.items():
        if model is Municipality or _path_to_municipality(model) is None:
            continue
        if not isinstance(model_admin, MunicipalityScopedAdmin):
            unscoped.append(model._meta.label)
            continue
        model.objects.filter(**{f"{model_admin.municipality_field}__code": "0000"}).exists()  # the path resolves
    assert not unscoped, f"admin classes without the municipality scope: {unscoped}"


def test_no_admin_list_shows_another_municipality_s_rows(client, world, frederiksberg):
    """An outsider with every view permission walks every changelist of the admin."""
    from django.contrib import admin
    from django.contrib.auth.models import Permission

    outsider = UserFactory(role="manager", municipality=frederiksberg, is_staff=True)
    outsider.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    client.force_login(outsider)
    leaks, reached = [], 0
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        if response.status_code != 200:
            continue
        reached += 1
        body = response.content.decode(errors="replace")
        named = [secret for secret in (world.case.reference, world.applicant.email) if secret in body]
        if named:
            leaks.append(f"{url} shows {named}")
    assert not leaks, "\n".join(leaks)
    assert reached >= 15
