from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from permitportal.accounts import roles
from permitportal.accounts.models import User
from permitportal.accounts.services import add_role

DEMO_PASSWORD = "demo-portal-2026"
DEMO_USERS = [
    ("applicant@example.dk", "Anne Andersen", "+45 20 11 22 33", roles.APPLICANT),
    ("architect@example.dk", "Bjørn Bæk (arkitekt)", "+45 20 44 55 66", roles.APPLICANT),
    # Bjørn's colleague in the demo firm Bæk & Kollega Arkitekter ApS (issue 20): sees the firm's cases.
    ("colleague@example.dk", "Karin Kollega (arkitekt)", "+45 20 77 88 99", roles.APPLICANT),
    ("caseworker@example.dk", "Camilla Christensen", "+45 33 66 52 10", roles.CASEWORKER),
    ("dialogue@example.dk", "Dorthe Dam", "+45 33 66 52 00", roles.DIALOGUE_TEAM),
    ("manager@example.dk", "Mads Møller", "+45 33 66 52 01", roles.MANAGER),
]


class Command(BaseCommand):
    help = "Load demo data: one user per role (and the demo catalogue, properties and cases where installed)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo refuses to run with DEBUG off: demo logins must never reach production.")
        with transaction.atomic():
            for email, name, phone, role in DEMO_USERS:
                user, created = User.objects.get_or_create(
                    email=email,
                    defaults={"full_name": name, "phone": phone, "email_verified": True, "is_active": True},
                )
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save(update_fields=["password"])
                add_role(user=user, role=role)
                if role == roles.MANAGER and not user.is_staff:
                    user.is_staff = True
                    user.is_superuser = True
                    user.save(update_fields=["is_staff", "is_superuser"])
        from permitportal.core.demo import run_demo_hooks

        for line in run_demo_hooks(stdout=self.stdout):
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo logins (password for all: %s):" % DEMO_PASSWORD))
        for email, name, _phone, role in DEMO_USERS:
            self.stdout.write(f"  {roles.ROLE_LABELS[role]!s:<14} {email:<26} {name}")
