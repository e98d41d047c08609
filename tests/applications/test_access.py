"""Another applicant gets 404 on every URL and API path of a case that is not theirs."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from applications.models import ApplicationType, Case
from applications.services import cases as case_services
from applications.services.documents import add_document
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_upload


def _patterns(resolver=None, prefix_ns=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix_ns}{entry.namespace}:" if entry.namespace else prefix_ns
            yield from _patterns(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix_ns}{entry.name}", entry


def case_urls():
    found = []
    for name, pattern in _patterns():
        keys = set(pattern.pattern.regex.groupindex)
        if "reference" in keys and keys <= {"reference", "pk", "code"}:
            found.append((name, tuple(sorted(keys))))
    return sorted(set(found))


CASE_URLS = case_urls()


def test_the_sweep_covers_html_and_api_paths():
    names = {n for n, _ in CASE_URLS}
    assert "applications:case_detail" in names and "api-case-detail" in names
    assert len(CASE_URLS) >= 15


@pytest.fixture
def victim_case(catalogue, applicant):
    case = case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                      application_type=ApplicationType.objects.get(code="small-building"))
    doc = add_document(case=case, requirement=case.checklist.first().requirement, uploaded_file=pdf_upload(),
                       actor=applicant)
    return case, doc


@pytest.mark.parametrize("status", ["draft", "submitted"])
def test_another_applicant_gets_404_everywhere(client, victim_case, other_applicant, status, applicant):
    case, doc = victim_case
    if status == "submitted":
        case_services.update_draft(case=case, actor=applicant, description="Carport")
        for item in case.checklist.filter(required=True, is_active=True, state="missing"):
            case_services.mark_not_relevant(case=case, requirement_code=item.requirement.code,
                                            reason="Not relevant for a carport of this size.", actor=applicant)
        case_services.submit(case=case, actor=applicant)
        assert Case.objects.get(pk=case.pk).status == "submitted"
    client.force_login(other_applicant)
    leaks = []
    for name, keys in CASE_URLS:
        kwargs = {"reference": case.reference}
        if "pk" in keys:
            kwargs["pk"] = doc.pk
        if "code" in keys:
            kwargs["code"] = "site-plan"
        url = reverse(name, kwargs=kwargs)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code not in (404, 405):
                leaks.append(f"{method.upper()} {url} -> {response.status_code}")
    assert not leaks, leaks
    assert Case.objects.get(pk=case.pk).status == status
