import datetime as dt

import pytest

from applications.services import handling
from hearings.services import hearings
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.test_api_caseworker import api  # noqa: F401  (the tests import it from here)

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811
    return private_storage


@pytest.fixture
def review_case(db, caseworker):
    case = support.submitted_case()
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    case.refresh_from_db()
    return case


@pytest.fixture
def hearing(review_case, caseworker, django_capture_on_commit_callbacks):
    docs = list(review_case.documents.order_by("id").values_list("pk", flat=True)[:2])
    with django_capture_on_commit_callbacks(execute=True):
        return hearings.start_hearing(
            case=review_case, actor=caseworker, kind="neighbours", message="We plan to grant a dispensation.",
            document_ids=docs, today=TODAY, deadline=TODAY + dt.timedelta(days=14),
            parties=[{"name": "Ada Neighbour", "email": "ada@example.dk"},
                     {"name": "Bo Neighbour", "email": "bo@example.dk", "language": "en"}])
