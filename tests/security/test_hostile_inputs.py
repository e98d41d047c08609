"""The hostile-input battery (issue 14): one table of inputs × endpoints.

Every write endpoint of the API gets, in each field of its request body (read from the OpenAPI
schema, so a new field is attacked without editing this file), every input of ``TEXT_INPUTS`` or
``NUMBER_INPUTS``, and as its whole body every input of ``BODY_INPUTS``. Every search (the API and
the HTML pages) gets every input of ``SEARCH_INPUTS``, and every URL that names an object gets the
``PATH_INPUTS`` in its place. The answer is a 400 with a message (404 for a path naming nothing),
never a 500, and nothing is stored. Run it on PostgreSQL too: NUL, lone surrogates, numbers out of
range and over-long names are refused by PostgreSQL where SQLite keeps quiet (issue 14 item 13).
"""

import json
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.urls import reverse
from rest_framework.test import APIClient

from tests.applications.files import corpus
from tests.security.conftest import walk_patterns

# --- The inputs -------------------------------------------------------------------------------------------------------

# Into a text field of a request body; a callable gets the field's maxLength from the schema.
TEXT_INPUTS = {
    "over_long_by_one": lambda limit: "a" * (limit + 1),
    "a_megabyte": "a" * 1_000_000,
    "many_words": "ord " * 25_000,
    "control_characters": "Carport \x1b[2J\x07 next to the house",
    "nul": "Carport\x00 next to the house",
    "nul_only": "\x00\x00\x00",
    "lone_surrogate": "Carport \ud800 next to the house",
    "a_list": ["Carport"],
    "an_object": {"text": "Carport"},
    "a_boolean": True,
}
# Into a number field of a request body.
NUMBER_INPUTS = {
    "huge": 10**30,
    "huge_negative": -(10**30),
    "beyond_64_bits": 2**63,
    "a_fraction": 1.5,
    "superscript_two": "²",
    "text": "twelve",
    "nul": "1\x00",
    "a_list": [1],
    "an_object": {"id": 1},
}
# As the whole body, with content type application/json.
BODY_INPUTS = {
    "malformed": b'{"description": "Carport',
    "a_list": b"[]",
    "a_string": b'"Carport"',
    "a_number": b"12",
    "null": b"null",
    "nan": b'{"property": NaN, "days": NaN}',
    "five_thousand_digits": b'{"property": ' + b"9" * 5000 + b', "days": ' + b"9" * 5000 + b"}",
    "deep_nesting": b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "nul_in_a_key": b'{"description\\u0000": "Carport"}',
    "a_lone_surrogate": b'{"description": "\\ud800", "reason": "\\ud800", "message": "\\ud800"}',
}
# As ``q`` of every search.
SEARCH_INPUTS = {
    "over_long": "æbeløgade " * 21,
    "a_megabyte": "a" * 1_000_000,
    "many_words": " ".join(f"vaerksted{i}" for i in range(5000)),
    "eleven_short_words": " ".join("abcdefghijk"),
    "control_characters": "æbeløgade\x1b[2J",
    "nul": "%00%00%00",  # sent raw in the query string, as an attacker types it
    "nul_after_a_word": "jensen%00",
}
# In place of a path parameter of every URL that names an object.
PATH_INPUTS = {
    "reference": ["B-2026-00001%00", "B" * 5000, "%C2%B2", "B-2026-%E2%80%AE00001"],
    "pk": ["9" * 30, "2147483648"],
    "code": ["a" * 5000, "site-plan%00", "%C2%B2"],
    "token": ["a" * 5000, "abc%00def", "%E2%80%AE"],
}


# --- The endpoints ----------------------------------------------------------------------------------------------------

@dataclass
class Write:
    name: str  # URL name
    role: str  # who sends it: "applicant" (the owner), "caseworker", "dialogue"
    args: tuple = ()  # names of World attributes for the URL's arguments
    body: dict = field(default_factory=dict)  # a body that is valid apart from the attacked field
    multipart: bool = False


def _writes():
    return [
        Write("api-token", "anonymous", body={"email": "applicant@example.dk", "password": "not the password"}),
        Write("api-guide", "anonymous", body={"answers": {}}),
        Write("api-cases", "applicant", body={"application_type": "small-building", "property": "property_id",
                                              "description": "A carport of 30 m²."}),
        Write("api-case-documents", "applicant", ("draft_reference",), {"requirement": "requirement_code"},
              multipart=True),
        Write("api-case-not-relevant", "applicant", ("draft_reference", "requirement_code"),
              {"reason": "Not relevant for a carport of this size."}),
        Write("api-case-assign", "caseworker", ("case_reference",), {"caseworker": "caseworker_email"}),
        Write("api-case-information-requests", "caseworker", ("case_reference",),
              {"items": ["requirement_code"], "message": "Send the site plan.", "kind": "documentation"}),
        Write("api-case-extend-deadline", "caseworker", ("case_reference",), {"days": 10, "reason": "Holidays."}),
        Write("api-case-decision", "caseworker", ("case_reference",), {"outcome": "granted", "reasons": "Fine."}),
        Write("api-case-change-type", "caseworker", ("case_reference",), {"application_type": "small-building"}),
        Write("api-predialogue-requests", "applicant", body={
            "property": "property_id", "description": "A two-storey extension of 60 m²."}),
        Write("api-predialogue-meeting", "caseworker", ("requested_meeting_pk",),
              {"status": "cancelled", "reason": "The applicant asked us to."}),
        Write("api-predialogue-schedule", "caseworker", ("requested_meeting_pk",), {
            "starts_at": "2031-05-05T10:00:00+02:00", "place": "Njalsgade 13", "caseworker": "caseworker_email"}),
        Write("api-predialogue-minutes", "caseworker", ("meeting_pk",), {"project": "An extension."}),
        Write("api-predialogue-correction", "caseworker", ("meeting_pk",), {"correction_note": "The height."}),
        Write("api-predialogue-publish", "caseworker", ("meeting_pk",), {"correction_note": "The height."}),
        Write("api-contacts", "dialogue", body={"channel": "phone", "topic": "status", "customer_group": "private",
                                                "summary": "Asked about the status."}),
        Write("api-case-mandates", "applicant", ("draft_reference",), {"scope": "case", "valid_until": "2031-05-05"}),
        # The answer is read before the token is looked up: a hostile answer is refused for any token.
        Write("api-mandate-accept", "applicant", ("mandate_token",), {"refuse": False}),
        # After the decision (issue 18): appeals, start and completion reports. The body is read before the
        # case's state is weighed: a hostile field is a 400 whatever the state.
        Write("api-case-appeals", "applicant", ("case_reference",), {"grounds": "The carport is too tall."}),
        Write("api-case-appeal-forwarded", "caseworker", ("case_reference", "appeal_pk"), {"sent_on": "2031-05-05"}),
        Write("api-case-appeal-outcome", "caseworker", ("case_reference", "appeal_pk"), {"outcome": "upheld"}),
        Write("api-case-start-notice", "applicant", ("case_reference",), {"start_date": "2026-05-04"}),
        Write("api-case-completion", "applicant", ("case_reference",), {"completed_on": "2026-08-31"}),
        Write("api-case-completion-return", "caseworker", ("case_reference",), {"reason": "The drawings are missing."}),
        # The documents sent at the start and at completion: the holder's new file, the caseworker's check.
        Write("api-case-stage-documents", "applicant", ("case_reference",),
              {"stage": "completion", "requirement": "requirement_code"}, multipart=True),
        Write("api-case-stage-document-check", "caseworker", ("case_reference", "stage_document_pk"),
              {"accepted": False, "reason": "The declaration is not signed."}),
        # Hearings (issue 17): start one, extend it, a party's answer through their link.
        Write("api-case-hearings", "caseworker", ("case_reference",), {
            "kind": "neighbours", "parties": [{"name": "Ada Neighbour", "email": "ada@example.dk"}],
            "message": "Please comment on the carport."}),
        Write("api-hearing-extend", "caseworker", ("case_reference", "hearing_pk"),
              {"deadline": "2031-05-05", "reason": "The neighbour is away."}),
        Write("api-hearing-answer", "anonymous", ("party_token",), {"comment": "No objection to the carport."}),
        # Assisted digital (issue 20): the dialogue team starts a draft for a citizen; the applicant on a firm's behalf.
        Write("api-cases", "dialogue", body={
            "on_behalf_of": {"email": "borger@example.dk", "name": "Birthe Borger"},
            "application_type": "small-building", "property": "property_id", "description": "A carport of 30 m²."}),
    ]


WRITES = _writes()
# Searches: (URL name, who searches, whether it answers JSON).
SEARCHES = [
    ("api-properties", "anonymous", True),
    ("applications:property_autocomplete", "anonymous", True),
    ("applications:guide_property", "anonymous", False),
    ("applications:guide_expert", "anonymous", False),
    ("api-lookup", "dialogue", True),
    ("dialogueteam:lookup", "dialogue", False),
]
# Write endpoints without a body: the battery gives them only the path inputs.
WITHOUT_BODY = {"api-case-submit", "api-case-mark-complete", "api-case-start-review", "api-advisory-read",
                "api-case-occupancy-permit", "api-case-bbr-updated", "api-hearing-close",
                "api-case-confirm", "api-case-confirmation-link"}  # issue 20: assisted digital


# --- The world they act on --------------------------------------------------------------------------------------------

@pytest.fixture
def battery(world, caseworker, dialogue_member):
    from django.utils import timezone

    from applications.models import Appeal, Decision
    from hearings.services.answers import token_for
    from predialogue.models import Meeting
    from tests.predialogue.helpers import request_meeting

    requested = request_meeting(applicant=world.applicant, prop=world.case.property)
    # An appeal for the appeal's own endpoints (made directly: the world's case stays submitted).
    decision = Decision.objects.create(case=None, remitted_case=world.case, outcome="granted", reasons="Fine.",
                                       decided_by=caseworker)
    appeal = Appeal.objects.create(case=world.case, decision=decision, appellant_name="Ada Neighbour",
                                   grounds="Too tall.", received_on=timezone.localdate())
    # A document sent with a completion report, for the caseworker's check (made directly, like the appeal).
    from applications.models import Document, StageDocument

    requirement = world.draft.checklist.filter(required=True).first().requirement
    sent = Document.objects.create(case=world.case, requirement=requirement, file="cases/sent.pdf",
                                   original_name="sent.pdf", content_type="application/pdf", kind="pdf", size=1,
                                   sha256="0" * 64)
    stage_document = StageDocument.objects.create(case=world.case, stage="completion", requirement=requirement,
                                                  document=sent)
    values = {
        "draft_reference": world.draft.reference,
        "case_reference": world.case.reference,
        "requirement_code": world.draft.checklist.filter(required=True).first().requirement.code,
        "property_id": world.case.property_id,
        "caseworker_email": caseworker.email,
        "meeting_pk": world.meeting.pk,
        "requested_meeting_pk": requested.pk,
        "mandate_token": "no-such-mandate",
        "appeal_pk": appeal.pk,
        "stage_document_pk": stage_document.pk,
        "hearing_pk": world.hearing.pk,
        "party_token": token_for(world.party),
    }
    assert Meeting.objects.get(pk=requested.pk).status == "requested"
    users = {"applicant": world.applicant, "caseworker": caseworker, "dialogue": dialogue_member, "anonymous": None}
    return values, users


def _client(users, role) -> APIClient:
    client = APIClient()
    if users[role] is not None:
        client.force_login(users[role])
    return client


def _resolve(value, values):
    if isinstance(value, str) and value in values:
        return values[value]
    if isinstance(value, list):
        return [_resolve(v, values) for v in value]
    return value


def _url(write: Write, values) -> str:
    return reverse(write.name, args=[values[a] for a in write.args])


def stored_rows() -> dict:
    """How many rows each of the project's tables holds (sessions aside: logging in makes one; and the
    failed-login count, which the token endpoint keeps by design for a wrong password of any shape)."""
    counts = {}
    for label in ("applications", "predialogue", "dialogueteam", "satisfaction", "core", "accounts", "hearings"):
        for model in apps.get_app_config(label).get_models():
            if model._meta.label != "accounts.LoginAttempt":
                counts[model._meta.label] = model.objects.count()
    return counts


def _message(response) -> str:
    if response.get("Content-Type", "").startswith("application/json"):
        return json.loads(response.content).get("message", "")
    return response.content.decode(errors="replace")


# --- The schema says which fields to attack ---------------------------------------------------------------------------

SCHEMA = None


def request_fields(write: Write) -> dict:
    """``{field: (type, maxLength)}`` of the endpoint's JSON (or multipart) request body in the OpenAPI schema."""
    global SCHEMA
    if SCHEMA is None:
        from drf_spectacular.generators import SchemaGenerator

        SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
    path = "/" + reverse(write.name, args=["0"] * len(write.args)).lstrip("/")
    for template, operations in SCHEMA["paths"].items():
        pattern = template
        for part in template.split("/"):
            if part.startswith("{"):
                pattern = pattern.replace(part, "0")
        if pattern == path and "post" in operations:
            content = operations["post"].get("requestBody", {}).get("content", {})
            body = content.get("multipart/form-data" if write.multipart else "application/json") or {}
            ref = body.get("schema", {}).get("$ref", "")
            properties = SCHEMA["components"]["schemas"][ref.split("/")[-1]]["properties"] if ref else {}
            return {name: (spec.get("type", "object"), spec.get("maxLength"))
                    for name, spec in properties.items()
                    if not spec.get("readOnly") and spec.get("format") != "binary"}  # the file: test_hostile_uploads
    raise AssertionError(f"{write.name} ({path}) is not in the OpenAPI schema")


# --- The battery ------------------------------------------------------------------------------------------------------

def test_the_table_holds_every_write_endpoint_of_the_api():
    """A new POST endpoint of the API must join the table (or WITHOUT_BODY, when it takes no body)."""
    named = {w.name for w in WRITES} | WITHOUT_BODY
    posts = set()
    for name, route, pattern in walk_patterns():
        view = getattr(pattern.callback, "cls", None)
        if route.startswith("api/") and view is not None and hasattr(view, "post"):
            posts.add(name)
    assert posts - named == set(), "add these write endpoints to the battery"
    assert named - posts == set()


def _post(client, write, values, body):
    url = _url(write, values)
    if write.multipart:
        return client.post(url, {**body, "file": corpus.good_pdf()}, format="multipart")
    return client.post(url, json.dumps(body), content_type="application/json")


def _attacks(write: Write):
    """``(field, label, value)`` for each field of the endpoint's body and each input of its kind."""
    for name, (kind, limit) in request_fields(write).items():
        inputs = NUMBER_INPUTS if kind == "integer" else TEXT_INPUTS
        for label, value in inputs.items():
            if callable(value):
                if limit is None:
                    continue  # a field without a length (a choice, a date): the other inputs attack it
                value = value(limit)
            if kind == "boolean" and label == "a_boolean" or kind in ("object", "array") and label == f"an_{kind}":
                continue  # the right type for this field
            if kind == "object":  # the guide's answers: the hostile text as an answer (and as its key)
                value = {"project": value} if label != "a_list" else value
            elif kind == "array":  # the codes of an information request
                value = [value] if label != "an_object" else value
            if write.multipart and not isinstance(value, str | int) or write.multipart and label == "lone_surrogate":
                continue  # a multipart form carries text only, and only what UTF-8 can encode
            yield name, label, value


def _refused(response) -> bool:
    return response.status_code == 400 and bool(_message(response))


@pytest.mark.django_db
@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.name)
def test_a_hostile_field_is_refused_and_nothing_is_stored(battery, write):
    values, users = battery
    client = _client(users, write.role)
    before = stored_rows()
    wrong = []
    for field_name, label, value in _attacks(write):
        body = {key: _resolve(v, values) for key, v in write.body.items()}
        body[field_name] = value
        response = _post(client, write, values, body)
        if not _refused(response):
            wrong.append(f"{field_name} <- {label}: {response.status_code} {response.content[:200]!r}")
    assert not wrong, "\n".join(wrong)
    assert stored_rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize("write", [w for w in WRITES if not w.multipart], ids=lambda w: w.name)
def test_a_hostile_body_is_refused_and_nothing_is_stored(battery, write):
    values, users = battery
    client = _client(users, write.role)
    before = stored_rows()
    wrong = []
    for label, raw in BODY_INPUTS.items():
        response = client.post(_url(write, values), raw, content_type="application/json")
        if not _refused(response):
            wrong.append(f"{label}: {response.status_code} {response.content[:200]!r}")
    assert not wrong, "\n".join(wrong)
    assert stored_rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize("name, role, answers_json", SEARCHES, ids=[s[0] for s in SEARCHES])
def test_a_hostile_search_is_refused_with_a_message(battery, name, role, answers_json):
    from applications.services.catalogue import load_catalogue

    load_catalogue()  # the guide's pages answer 503 without one
    values, users = battery
    client = _client(users, role)
    before = stored_rows()
    wrong = []
    for label, query in SEARCH_INPUTS.items():
        # Raw in the query string (percent escapes as typed), so NUL reaches the server as an attacker sends it.
        response = client.get(reverse(name) + "?q=" + query.replace(" ", "+"))
        if answers_json or response.status_code != 200:
            refused = _refused(response)
        else:  # the page shows the search form again with what is wrong
            page = response.content.decode()
            refused = 'role="alert"' in page or 'aria-invalid="true"' in page
        if not refused:
            wrong.append(f"{label}: {response.status_code} {response.content[:200]!r}")
    assert not wrong, "\n".join(wrong)
    assert stored_rows() == before


PATH_KEYS = {"reference": "reference", "pk": "pk", "sketch_pk": "pk", "session_pk": "pk", "registration_pk": "pk",
             "mandate_id": "pk", "hearing_id": "pk", "party_id": "pk", "code": "code", "token": "token",
             "uidb64": "token", "firm_id": "pk", "member_id": "pk"}


# A redirect (to the guide's next question, to the case with a message) is an answer too. The password
# reset page answers 200 for any link, saying it is not valid (Django's view: no oracle for the links).
# A mandate's link answers 409 for an unknown token as for another person's mandate (no oracle for the tokens).
ANSWERS_TO_A_HOSTILE_PATH = {"accounts:password_reset_confirm": (200, 302, 400, 404),
                             "applications:mandate": (302, 400, 403, 404, 405, 409),
                             "api-mandate-accept": (302, 400, 403, 404, 405, 409)}


def _path_attacks():
    for name, route, pattern in walk_patterns():
        if route.startswith("admin/"):
            continue
        for param in pattern.pattern.regex.groupindex:
            assert param in PATH_KEYS, f"a new URL keyword needs inputs in the battery: {param} ({name})"
            for value in PATH_INPUTS[PATH_KEYS[param]]:
                yield name, route, param, value


def _route_with(route: str, param: str, value: str, values: dict) -> str:
    """The route with the attacked parameter replaced and the others filled with real objects."""
    real = {"reference": values["case_reference"], "code": values["requirement_code"], "token": "abc",
            "uidb64": "MQ"}
    parts = []
    for part in route.split("<"):
        if ">" not in part:
            parts.append(part)
            continue
        spec, rest = part.split(">", 1)
        name = spec.split(":")[-1]
        parts.append((value if name == param else str(real.get(name, values["meeting_pk"]))) + rest)
    return "/" + "".join(parts).lstrip("^").replace("\\Z", "").replace("$", "")


@pytest.mark.django_db
def test_a_hostile_path_is_answered_without_an_error(battery):
    """Every URL that names an object, with each path input in its place, as the owner and as staff."""
    values, users = battery
    before = stored_rows()
    wrong = []
    attacks = list(_path_attacks())
    assert len(attacks) > 150
    for role in ("applicant", "caseworker"):
        client = _client(users, role)
        for name, route, param, value in attacks:
            url = _route_with(route, param, value, values)
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                if response.status_code not in ANSWERS_TO_A_HOSTILE_PATH.get(name, (302, 400, 403, 404, 405)):
                    wrong.append(f"{role} {method.upper()} {url[:120]} ({name}): {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert stored_rows() == before


def test_every_text_and_number_of_every_request_body_is_bounded():
    """Issue 14 item 13: the API cannot take what a form refuses. Every text of every write endpoint's
    body has a maximum length and every number a maximum (``permitportal/core/limits.py``)."""
    unbounded = []
    for write in WRITES:
        for name, (kind, limit) in request_fields(write).items():
            spec = _field_spec(write, name)
            if kind == "string" and limit is None and "enum" not in spec and spec.get("format") not in (
                    "date", "date-time") and "$ref" not in str(spec):
                unbounded.append(f"{write.name}.{name}")
            if kind == "integer" and "maximum" not in spec:
                unbounded.append(f"{write.name}.{name} (a number)")
    assert not unbounded, "give these a limit from permitportal/core/limits.py: " + ", ".join(unbounded)


def _field_spec(write: Write, name: str) -> dict:
    path = "/" + reverse(write.name, args=["0"] * len(write.args)).lstrip("/")
    for template, operations in SCHEMA["paths"].items():
        pattern = "/".join("0" if part.startswith("{") else part for part in template.split("/"))
        if pattern == path:
            content = operations["post"]["requestBody"]["content"]
            body = content.get("multipart/form-data" if write.multipart else "application/json")
            component = SCHEMA["components"]["schemas"][body["schema"]["$ref"].split("/")[-1]]
            return component["properties"][name]
    raise AssertionError(write.name)
