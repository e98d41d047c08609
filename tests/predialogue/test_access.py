"""Another applicant gets 404 on every predialogue URL (HTML and API) of a request that is not theirs."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.applications.files import corpus
from tests.predialogue.helpers import published_meeting


def _patterns(resolver=None, prefix_ns=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix_ns}{entry.namespace}:" if entry.namespace else prefix_ns
            yield from _patterns(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix_ns}{entry.name}", entry


def meeting_urls():
    found = []
    for name, pattern in _patterns():
        keys = set(pattern.pattern.regex.groupindex)
        if "pk" in keys and (name.startswith("predialogue:") or name.startswith("api-predialogue")) \
                and "registration_pk" not in keys and name != "predialogue:staff_session":
            found.append((name, tuple(sorted(keys))))
    return sorted(set(found))


MEETING_URLS = meeting_urls()


def test_the_sweep_covers_html_and_api_paths():
    names = {n for n, _ in MEETING_URLS}
    assert {"predialogue:meeting_detail", "predialogue:minutes_pdf", "predialogue:sketch_download",
            "predialogue:start_application", "predialogue:link_minutes", "predialogue:cancel",
            "api-predialogue-meeting", "api-predialogue-minutes", "api-predialogue-minutes-pdf",
            "api-predialogue-publish", "api-predialogue-schedule"} <= names
    assert len(MEETING_URLS) == 16  # 10 HTML pages and 6 API paths about one meeting


@pytest.fixture
def victim(applicant, prop, caseworker, catalogue):
    meeting = published_meeting(applicant=applicant, prop=prop, caseworker=caseworker)
    from predialogue.models import Sketch
    from predialogue.services import check_sketches
    from predialogue.services.requests import _store_sketch

    upload, checked = check_sketches(sketches=[corpus.good_pdf()])[0]
    sketch = Sketch.objects.create(meeting=meeting, file=_store_sketch(uploaded_file=upload, checked=checked),
                                   original_name=checked.safe_name, content_type=checked.content_type,
                                   kind=checked.kind, size=checked.size, sha256=checked.sha256)
    return meeting, sketch


def test_another_applicant_gets_404_everywhere(client, victim, other_applicant):
    meeting, sketch = victim
    client.force_login(other_applicant)
    leaks = []
    for name, keys in MEETING_URLS:
        kwargs = {"pk": meeting.pk}
        if "sketch_pk" in keys:
            kwargs["sketch_pk"] = sketch.pk
        url = reverse(name, kwargs=kwargs)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code not in (404, 405):
                leaks.append(f"{method.upper()} {url} -> {response.status_code}")
    assert not leaks, leaks
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_the_owner_can_read_them(client, victim, applicant):
    meeting, sketch = victim
    client.force_login(applicant)
    for url in (reverse("predialogue:meeting_detail", args=[meeting.pk]),
                reverse("predialogue:minutes_pdf", args=[meeting.pk]),
                reverse("predialogue:sketch_download", args=[meeting.pk, sketch.pk]),
                f"/api/v1/predialogue/meetings/{meeting.pk}/", f"/api/v1/predialogue/meetings/{meeting.pk}/minutes/"):
        assert client.get(url).status_code == 200, url


def test_the_owner_cannot_use_caseworker_pages(client, victim, applicant):
    meeting, _sketch = victim
    client.force_login(applicant)
    for name in ("predialogue:schedule", "predialogue:minutes_edit"):
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 403
    for name in ("predialogue:mark_held", "predialogue:minutes_correct"):
        assert client.post(reverse(name, args=[meeting.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, victim):
    meeting, _sketch = victim
    response = client.get(reverse("predialogue:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert client.get(f"/api/v1/predialogue/meetings/{meeting.pk}/").status_code in (401, 403)
