"""A hand-built world where every KPI and every score has a known value.

Cases are walked through the core's services (submission, screening, information requests, completion,
review, decision) at fixed local times with time_machine; the after-commit work (screening, survey
invitations, the KPI facts) runs as it would in production. Survey answers go through the survey
service with the invitation's signed token. The period is 1 January to 30 June 2026; a case and its
surveys from December 2025 and a contact from July 2026 lie outside it.

    type A (service target 40 days)          type B (60 days)
    a1 a2 a3 a4: complete the day after       b1: complete after 1 day, decided 50 days later
        submission, decided 10, 20, 30, 41    b2: first screening fails (a PNG site plan), fixed,
        days after completion                     decided 70 days after completion: late
    x: first screening fails, information request (continuity warning), review without
       completion, decided 1 June: late
    y: information request, review without completion, decided in time
    z: first screening fails, information request (continuity warning), still waiting
    w: submitted, nothing more
"""

from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from applications import hooks
from applications.models import ChecklistItem, Document
from applications.services import cases as case_services
from applications.services import documents as document_services
from applications.services import handling, requests
from applications.services.decisions import record_decision
from satisfaction import services
from satisfaction.models import Invitation
from satisfaction.selectors import Period
from tests.applications.caseworker_support import (
    RECOMMENDED,
    REQUIRED,
    application_type,
    attach_raw,
    requirement,
    upload,
)
from tests.applications.factories import CaseFactory
from tests.applications.pdfs import pdf_upload
from tests.factories import UserFactory

CPH = ZoneInfo("Europe/Copenhagen")
PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))


def at(day: date, hour: int = 10):
    return datetime(day.year, day.month, day.day, hour, tzinfo=CPH)


class World:
    def __init__(self, capture):
        self.capture = capture
        self.cases = {}
        self.caseworker = UserFactory(role="caseworker", full_name="Karin Sagsbehandler")
        self.dialogue = UserFactory(role="dialogue_team", full_name="Dorte Dialog")
        self.type_a = application_type("kpi-a", 40)
        self.type_b = application_type("kpi-b", 60)
        self.contacts = {}

    @contextmanager
    def on(self, day: date, hour: int = 10):
        """At this local time, with the after-commit work (tasks, signals) run as the transaction commits."""
        with time_machine.travel(at(day, hour), tick=False), self.capture(execute=True):
            yield

    def submit(self, name, app_type, day, *, group="private", broken=False):
        applicant = UserFactory(role="applicant", email=f"{name}@example.dk", preferred_language="en")
        case = CaseFactory(application_type=app_type, applicant=applicant, customer_group=group,
                           reference=f"B-2026-{900 + len(self.cases):05d}")
        for code in REQUIRED:
            ChecklistItem.objects.create(case=case, requirement=requirement(code), required=True)
        for code in RECOMMENDED:
            ChecklistItem.objects.create(case=case, requirement=requirement(code), required=False)
        for code in REQUIRED:
            if broken and code == "site-plan":  # the site plan must be a PDF: screening says "wrong type"
                attach_raw(case, code, data=b"\x89PNG\r\n\x1a\n" + b"0" * 64, name="site-plan.png", kind="png",
                           content_type="image/png")
            else:
                upload(case, code)
        with self.on(day):
            case_services.submit(case=case, actor=applicant)
        self.cases[name] = case
        return case

    def fix_site_plan(self, name, day):
        case = self.cases[name]
        png = Document.objects.get(case=case, kind="png")
        with self.on(day, 11):
            document_services.replace_document(document=png, uploaded_file=pdf_upload("site-plan.pdf"),
                                               actor=case.applicant)

    def complete_and_review(self, name, day):
        case = self.cases[name]
        with self.on(day, 12):
            handling.mark_complete(case=case, actor=self.caseworker)
            handling.start_review(case=case, actor=self.caseworker)

    def request_information(self, name, day):
        case = self.cases[name]
        with self.on(day, 13):
            requests.open_information_request(case=case, items=["site-plan"], message="Send a site plan in PDF.",
                                              due_date=None, kind="documentation", actor=self.caseworker)

    def review(self, name, day):
        with self.on(day, 12):
            handling.start_review(case=self.cases[name], actor=self.caseworker)

    def decide(self, name, day):
        with self.on(day, 14):
            record_decision(case=self.cases[name], outcome="granted", reasons="The project follows the rules.",
                            actor=self.caseworker)

    def contact(self, name, day, *, channel, topic, group, resolved, case=None, caller_email=""):
        from dialogueteam import services as dialogue_services

        with self.on(day, 9):
            self.contacts[name] = dialogue_services.log_contact(
                actor=self.dialogue, channel=channel, topic=topic, customer_group=group,
                case=self.cases[case] if case else None, resolved_first_contact=resolved,
                caller_email=caller_email, summary="Asked about the case.")

    def invitation(self, touchpoint, *, case=None, contact=None) -> Invitation:
        if contact:
            return Invitation.objects.get(touchpoint=touchpoint, source_key=f"contact:{self.contacts[contact].pk}")
        return Invitation.objects.get(touchpoint=touchpoint, case=self.cases[case])

    def answer(self, touchpoint, *scores, case=None, contact=None):
        invitation = self.invitation(touchpoint, case=case, contact=contact)
        with time_machine.travel(at(PERIOD.end, 20), tick=False):
            services.submit_response(token=services.make_token(invitation),
                                     scores=dict(enumerate(scores, start=1)), comment="")

    def decline(self, touchpoint, *, case):
        with time_machine.travel(at(PERIOD.end, 20), tick=False):
            services.decline(token=services.make_token(self.invitation(touchpoint, case=case)))


def build(capture, monkeypatch) -> World:
    """The world of the module docstring. ``capture``: pytest-django's django_capture_on_commit_callbacks."""
    world = World(capture)
    warn_for = set()
    monkeypatch.setattr(hooks, "continuity_checkers", [
        lambda case, codes: ["The minutes did not ask for this."] if case.pk in warn_for else []])
    # PDFs (receipts, decision letters) are not what is measured here: skip them, they are slow.
    monkeypatch.setattr("applications.services.decisions.generate_letter", lambda **kwargs: True)
    monkeypatch.setattr("applications.services.receipts.send_receipt", lambda **kwargs: True)

    # December 2025: outside the period.
    world.submit("o1", world.type_a, date(2025, 12, 1))
    world.complete_and_review("o1", date(2025, 12, 2))
    world.decide("o1", date(2025, 12, 20))

    a1 = date(2026, 1, 5)
    world.submit("a1", world.type_a, a1, group="owner")
    world.complete_and_review("a1", date(2026, 1, 6))
    world.decide("a1", date(2026, 1, 16))  # 10 days
    world.submit("a2", world.type_a, date(2026, 1, 12), group="owner")
    world.complete_and_review("a2", date(2026, 1, 13))
    world.decide("a2", date(2026, 2, 2))  # 20 days
    world.submit("a3", world.type_a, date(2026, 2, 2))
    world.complete_and_review("a3", date(2026, 2, 3))
    world.decide("a3", date(2026, 3, 5))  # 30 days
    world.submit("a4", world.type_a, date(2026, 2, 9))
    world.complete_and_review("a4", date(2026, 2, 10))
    world.decide("a4", date(2026, 3, 23))  # 41 days: over the target, still by the date promised (26 March)

    world.submit("b1", world.type_b, date(2026, 3, 2), group="professional")
    world.complete_and_review("b1", date(2026, 3, 3))
    world.decide("b1", date(2026, 4, 22))  # 50 days
    world.submit("b2", world.type_b, date(2026, 3, 9), broken=True)
    world.fix_site_plan("b2", date(2026, 3, 9))
    world.complete_and_review("b2", date(2026, 3, 10))
    world.decide("b2", date(2026, 5, 19))  # 70 days: late (promised 13 May)

    world.submit("x", world.type_a, date(2026, 3, 16), broken=True)
    warn_for.add(world.cases["x"].pk)
    world.request_information("x", date(2026, 3, 16))
    world.review("x", date(2026, 3, 20))
    world.decide("x", date(2026, 6, 1))  # never complete; late (promised 30 April)
    world.submit("y", world.type_a, date(2026, 3, 23))
    world.request_information("y", date(2026, 3, 23))
    world.review("y", date(2026, 3, 24))
    world.decide("y", date(2026, 3, 26))  # never complete; in time
    world.submit("z", world.type_a, date(2026, 4, 6), broken=True)
    warn_for.add(world.cases["z"].pk)
    world.request_information("z", date(2026, 4, 6))
    world.submit("w", world.type_b, date(2026, 4, 13))

    world.contact("c1", date(2026, 1, 20), channel="phone", topic="status", group="owner", resolved=True, case="a1")
    world.contact("c2", date(2026, 2, 3), channel="phone", topic="status", group="private", resolved=False,
                  caller_email="caller@example.dk")
    world.contact("c3", date(2026, 3, 4), channel="email", topic="documents", group="private", resolved=True)
    world.contact("c4", date(2026, 4, 8), channel="desk", topic="status", group="professional", resolved=True,
                  case="b1")
    world.contact("c_out", date(2026, 7, 2), channel="phone", topic="other", group="private", resolved=False)

    world.answer("submission", 5, 4, 3, case="a1")
    world.answer("submission", 3, 2, 4, case="a2")
    world.answer("submission", 4, 4, 4, case="b1")
    world.answer("submission", 1, 2, 3, case="x")
    world.decline("submission", case="z")
    world.answer("decision", 4, 4, 4, case="a1")
    world.answer("decision", 2, 1, None, case="b2")
    world.answer("decision", 1, 1, 1, case="x")
    world.answer("dialogue_contact", 5, 5, 4, 5, contact="c2")
    world.answer("submission", 1, 1, 1, case="o1")  # December: outside the period
    return world
