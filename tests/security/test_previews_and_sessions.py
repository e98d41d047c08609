"""Issue 14, item 8: no active PDF content reaches a caseworker's inline preview; a quota per case; the
language cookie's flags; staff sessions shorter than applicants'; only the TLS proxy is published and
X-Forwarded-Proto is believed only behind it."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from applications.services.uploads import UploadRejected, validate_upload
from tests.applications import caseworker_support as support
from tests.applications.files import corpus
from tests.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parents[2]


def _pdf(build) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    build(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _js_action(code="app.alert(document.cookie)"):
    return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)})


def _open_action(writer):
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(_js_action())


def _named_script(writer):
    scripts = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("hi"),
                                                                    writer._add_object(_js_action())])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): scripts})


def _page_trigger(writer):
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(_js_action())})


def _launch_link(writer):
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([]),
        NameObject("/A"): DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                                            NameObject("/F"): TextStringObject("cmd.exe")})})
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])


def _go_to_first_page(writer):  # what many drawing programs write: harmless
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([writer.pages[0].indirect_reference,
                                                                  NameObject("/Fit")])


@pytest.mark.parametrize("build", [_open_action, _named_script, _page_trigger, _launch_link])
def test_a_pdf_with_active_content_is_refused_at_upload(build):
    with pytest.raises(UploadRejected) as refused:
        validate_upload(uploaded_file=corpus.upload("tegning.pdf", _pdf(build)))
    assert refused.value.code == "active_content"
    assert "Print to PDF" in str(refused.value)


def test_a_pdf_that_only_opens_at_its_first_page_is_accepted():
    assert validate_upload(uploaded_file=corpus.upload("tegning.pdf", _pdf(_go_to_first_page))).kind == "pdf"


def test_the_open_action_pdf_never_reaches_the_preview(client, db, caseworker):
    case = support.submitted_case()
    response_before = case.documents.count()
    client.force_login(case.applicant)
    url = reverse("applications:upload", args=[case.reference])
    item = case.checklist.filter(required=True).first()
    response = client.post(url, {"requirement": item.requirement.code,
                                 "file": corpus.upload("tegning.pdf", _pdf(_open_action))}, follow=True)
    assert response.status_code == 200
    assert "runs by itself" in response.content.decode()
    assert case.documents.count() == response_before


def test_a_case_holds_a_limited_number_of_files_and_bytes(db, settings):
    from applications.services.documents import add_document

    case = support.draft_with_checklist()
    requirement = case.checklist.first().requirement
    settings.CASE_MAX_DOCUMENTS = 2
    for _ in range(2):
        add_document(case=case, requirement=requirement, uploaded_file=corpus.good_pdf(), actor=case.applicant)
    with pytest.raises(UploadRejected) as refused:
        add_document(case=case, requirement=requirement, uploaded_file=corpus.good_pdf(), actor=case.applicant)
    assert refused.value.code == "case_quota"
    settings.CASE_MAX_DOCUMENTS = 100
    settings.CASE_MAX_BYTES = sum(case.documents.values_list("size", flat=True)) + 10
    with pytest.raises(UploadRejected) as refused:
        add_document(case=case, requirement=requirement, uploaded_file=corpus.good_pdf(), actor=case.applicant)
    assert refused.value.code == "case_quota" and case.documents.count() == 2


def test_the_language_cookie_honours_its_settings(client, db, settings):
    settings.LANGUAGE_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_HTTPONLY = True
    user = UserFactory(preferred_language="da")
    response = client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "da" and cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    response = client.post(reverse("accounts:preferences"), {"preferred_language": "en", "notify_by_email": "on"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["secure"]


@pytest.mark.parametrize("role, hours", [("caseworker", 8), ("dialogue_team", 8), ("manager", 8),
                                         ("applicant", 24 * 14)])
def test_staff_sessions_end_sooner_than_applicants(client, db, settings, role, hours):
    user = UserFactory(role=role)
    assert client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD}).status_code == 302
    assert client.session.get_expiry_age() == hours * 3600


def test_an_admin_login_gets_the_staff_session(client, db, settings):
    from datetime import timedelta

    settings.STAFF_SESSION_AGE = timedelta(hours=2)
    UserFactory(email="boss@example.dk", is_staff=True, is_superuser=True)
    client.post(reverse("admin:login"), {"username": "boss@example.dk", "password": PASSWORD})
    assert client.session.get_expiry_age() == 2 * 3600


def test_compose_publishes_only_the_proxy():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    published = {name for name, service in compose["services"].items() if service.get("ports")}
    assert published == {"proxy"}
    assert compose["services"]["web"]["environment"]["TRUSTED_PROXY_COUNT"] == 1
    caddyfile = compose["services"]["proxy"]["volumes"][0].split(":")[0]
    assert "reverse_proxy web:8000" in (ROOT / caddyfile).read_text()


@pytest.mark.parametrize("proxies, believed", [("0", "None"), ("1", "('HTTP_X_FORWARDED_PROTO', 'https')")])
def test_forwarded_proto_is_believed_only_behind_a_configured_proxy(proxies, believed):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update({"SECRET_KEY": "q8Zr-production-Secret-for-THE-check-7731-abcdefghijklmnopQRSTUV",
                "TRUSTED_PROXY_COUNT": proxies})
    code = ("from permitportal.settings import production as p; "
            "print(getattr(p, 'SECURE_PROXY_SSL_HEADER', None))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == believed, result.stderr
