"""Fuzz every operation of the OpenAPI schema with Schemathesis, in-process through the WSGI app, as an
applicant with a token: no input makes the API answer with a server error (5xx).

Path parameters are pointed at real objects half of the time, so the fuzzing reaches past the 404s.
"""

import zlib

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from permitportal.accounts.services import issue_api_token

APP = get_wsgi_application()
SCHEMA = schemathesis.openapi.from_wsgi("/api/schema/?format=json", APP)


@pytest.fixture
def keep_the_test_connection():
    """Like Django's test client: the WSGI app must not close the test's database connection (on
    PostgreSQL that connection holds the test's transaction) at the end of each request."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def objects(applicant, caseworker, keep_the_test_connection):
    """A light world: the applicant's draft and their meeting request."""
    from applications.services.catalogue import load_catalogue
    from tests.applications import caseworker_support as support
    from tests.predialogue.helpers import request_meeting

    load_catalogue()  # the guide answers 503 without one
    draft = support.draft_with_checklist(applicant=applicant)
    return {"reference": draft.reference, "pk": request_meeting(applicant=applicant, prop=draft.property).pk}


@pytest.fixture
def token(applicant):
    return issue_api_token(user=applicant)[0]


def _half(value) -> bool:
    return zlib.crc32(str(value).encode()) % 2 == 0


def test_the_schema_has_the_operations():
    paths = SCHEMA.raw_schema["paths"]
    assert "/api/v1/cases/{reference}/documents/" in paths and "/api/v1/predialogue/meetings/{id}/" in paths
    assert len(paths) >= 25


@SCHEMA.parametrize()
@settings(max_examples=5, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_api_fail(case, objects, token):
    params = dict(case.path_parameters or {})
    if "reference" in params and _half(params["reference"]):
        params["reference"] = objects["reference"]
    for key in ("pk", "id"):
        if key in params and _half(params[key]):
            params[key] = objects["pk"]
    case.path_parameters = params or case.path_parameters
    response = case.call(headers={"Authorization": f"Token {token}"})
    assert response.status_code < 500, (case.method, case.formatted_path, case.path_parameters, case.query,
                                        case.body, response.text[:1000])
