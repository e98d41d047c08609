"""Seed the load-test database: demo users, load users and a few hundred cases (run by run.py).

Idempotent: does nothing when the load users' cases are there already. Tasks run in-process here.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.base")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402

PASSWORD = "load-test-password-2026"
APPLICANTS, CASEWORKERS, DIALOGUE = 50, 5, 3
CASES_PER_APPLICANT = 6
STREETS = ["Æbeløgade", "Nørrebrogade", "Østerbrogade", "Vesterbrogade", "Amagerbrogade", "Jagtvej", "Strandvejen"]


def user(email, name, role):
    from permitportal.accounts.models import User
    from permitportal.accounts.services import add_role

    person, created = User.objects.get_or_create(email=email, defaults={
        "full_name": name, "email_verified": True, "is_active": True, "preferred_language": "da"})
    if created:
        person.set_password(PASSWORD)
        person.save(update_fields=["password"])
    add_role(user=person, role=role)
    from permitportal.accounts import roles

    if role != roles.APPLICANT:  # staff work for the demo's København (issue 19)
        from applications.models import Municipality

        Municipality.objects.get(code="0101").staff.add(person)
    return person


def main():
    from applications.demo import blank_pdf
    from applications.models import ApplicationType, Case, Property
    from applications.services import cases as case_services
    from applications.services.documents import add_document
    from permitportal.accounts import roles

    call_command("seed_demo", verbosity=0)
    for n in range(CASEWORKERS):
        user(f"load-caseworker-{n}@example.dk", f"Sagsbehandler {n}", roles.CASEWORKER)
    for n in range(DIALOGUE):
        user(f"load-dialogue-{n}@example.dk", f"Dialog {n}", roles.DIALOGUE_TEAM)
    applicants = [user(f"load-applicant-{n}@example.dk", f"Ansøger Åse Ørnbøl {n}", roles.APPLICANT)
                  for n in range(APPLICANTS)]
    if Case.objects.filter(applicant__email__startswith="load-applicant-").exists():
        print("load data already there")
        return
    app_type = ApplicationType.objects.get(code="small-building")
    data = blank_pdf()
    created = 0
    for i, applicant in enumerate(applicants):
        for j in range(CASES_PER_APPLICANT):
            k = i * CASES_PER_APPLICANT + j
            prop, _ = Property.objects.get_or_create(property_number=str(9_000_000 + k), defaults={
                "address": f"{STREETS[k % len(STREETS)]} {k + 1}", "postcode": "2100", "city": "København Ø",
                "cadastral_number": f"{k + 1}a Østerbro, København", "zoning_plan": "Lokalplan 123"})
            case = case_services.create_draft(applicant=applicant, property=prop, application_type=app_type)
            case_services.update_draft(case=case, actor=applicant, description=f"Carport nr. {k} på 30 m².")
            first = case.checklist.filter(required=True).first()
            add_document(case=case, requirement=first.requirement, actor=applicant,
                         uploaded_file=SimpleUploadedFile("situationsplan.pdf", data, "application/pdf"))
            if j % 3:  # two in three are sent, the rest stay drafts
                for item in case.checklist.filter(required=True, is_active=True, state="missing"):
                    case_services.mark_not_relevant(case=case, requirement_code=item.requirement.code,
                                                    reason="Ikke relevant for en carport.", actor=applicant)
                case_services.submit(case=case, actor=applicant)
            created += 1
    call_command("rebuild_case_search", verbosity=0)
    print(f"seeded {created} cases for {APPLICANTS} applicants")


if __name__ == "__main__":
    main()
