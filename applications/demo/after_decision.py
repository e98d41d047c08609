"""The demo applicant's cases after the decision (issue 18)."""

from .common import _application, _complete, blank_pdf

# The demo applicant's cases after the decision (issue 18): (address, type, what, the state it ends in).
AFTER_DECISION_CASES = [
    ("Gothersgade 112B", "small-building", "Carport på 26 m² ved gavlen.", "permitted"),
    ("Gothersgade 39", "housing-multistorey", "Ny etage med fire lejligheder på taget.", "work_started"),
    ("Gothersgade 51", "single-family-house", "Tilbygning på 40 m² med to værelser.", "completion_reported"),
    ("Gothersgade 53", "small-building", "Garage på 45 m² i skel mod naboen.", "appealed"),
    ("Nørregade 23", "small-building", "Udhus på 30 m² bag huset.", "lapsed"),
]


# Days before today: the decision, the start, the completion report (None: not reached).
AFTER_DECISION_DAYS = {"permitted": (60, None, None), "work_started": (120, 40, None),
                       "completion_reported": (200, 150, 3), "appealed": (10, None, None),
                       "lapsed": (400, None, None)}


def load_after_decision(*, stdout) -> list[str]:
    """The demo applicant's cases after the decision, each moved through the services on its own days: a permit
    waiting for the start, work started (with the start declarations), completion reported with its document
    waiting for the caseworker's check, a decision a neighbour has appealed, a permit that lapsed. Needs
    time-machine (a development package, installed by ``make run``)."""
    from django.test.utils import override_settings

    from applications.models import Case, Property
    from permitportal.accounts.models import User

    applicant = User.objects.filter(email="applicant@example.dk").first()
    worker = User.objects.filter(email="caseworker@example.dk").first()
    addresses = [address for address, *_rest in AFTER_DECISION_CASES]
    if not (applicant and worker) or Property.objects.filter(address__in=addresses).count() < len(addresses):
        return []
    if Case.objects.filter(applicant=applicant, property__address__in=addresses).exists():
        return ["After the decision: the demo cases are there already."]
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        made = [_after_decision_case(applicant=applicant, worker=worker, address=address, type_code=type_code,
                                     text=text, state=state)
                for address, type_code, text, state in AFTER_DECISION_CASES]
    return [f"After the decision: {len(made)} demo cases ({', '.join(made)})."]


def _days_ago(days: int, hour: int = 10):
    from datetime import datetime, time, timedelta

    import time_machine
    from django.utils import timezone

    day = timezone.localdate() - timedelta(days=days)
    return time_machine.travel(timezone.make_aware(datetime.combine(day, time(hour))), tick=False)


def _stage_files(case, stage: str) -> dict:
    """A blank PDF for each document the stage asks for, by requirement code."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from applications.services import stage_documents

    return {r.code: SimpleUploadedFile(f"{r.code}.pdf", blank_pdf(f"{case.pk} {r.code}"), "application/pdf")
            for r in stage_documents.required_for(case=case, stage=stage)}


def _after_decision_case(*, applicant, worker, address, type_code, text, state) -> str:
    """One case granted on its day and taken to ``state``; its status."""
    from django.utils import timezone

    from applications.services import appeals, completion, decisions, handling, start_of_work

    decided, started, completed = AFTER_DECISION_DAYS[state]
    with _days_ago(decided + 14):
        case = _application(applicant=applicant, address=address, type_code=type_code, description=text)
        handling.assign(case=case, caseworker=worker, actor=worker)
        _complete(case=case, worker=worker)
        handling.start_review(case=case, actor=worker)
    with _days_ago(decided, 13):
        decisions.record_decision(case=case, outcome="granted", actor=worker,
                                  reasons="Projektet er vurderet efter bygningsreglementet (demo).")
    if state == "appealed":
        with _days_ago(decided - 5):
            appeals.lodge_appeal(case=case, actor=worker, by_letter=True, appellant_name="Ole Nabo",
                                 appellant_email="ole.nabo@example.dk",
                                 grounds="Garagen tager lyset fra min have og står for tæt på skel.")
    else:
        with _days_ago(decided - 31):
            decisions.close_after_appeal_period()
    case.refresh_from_db()
    if started is not None:
        with _days_ago(started):
            start_of_work.report_start(case=case, actor=applicant, start_date=timezone.localdate(),
                                       files=_stage_files(case, "start"))
        case.refresh_from_db()
    if completed is not None:
        with _days_ago(completed):
            completion.report_completion(case=case, actor=applicant, completed_on=timezone.localdate(),
                                         files=_stage_files(case, "completion"))
    if state == "lapsed":
        start_of_work.lapse_permits()
    case.refresh_from_db()
    return case.status
