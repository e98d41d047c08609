"""``manage.py create_staff EMAIL ROLE MUNICIPALITY_CODE [MUNICIPALITY_CODE ...]``: a staff member of
one or more municipalities (idempotent). The national role takes no code."""

from django.core.management.base import BaseCommand, CommandError

from applications.services.municipalities import create_staff
from permitportal.accounts import roles
from permitportal.core.errors import Invalid


class Command(BaseCommand):
    help = ("Create a staff member (or give an existing one) the role and membership of the municipalities "
            "named by their four-digit codes. Running it again changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("role", choices=(*roles.STAFF_ROLES, roles.NATIONAL))
        parser.add_argument("codes", nargs="*", metavar="MUNICIPALITY_CODE")
        parser.add_argument("--name", default="", help="the staff member's full name (when created)")

    def handle(self, *args, email, role, codes, name, **options):
        try:
            user, created = create_staff(email=email, role=role, codes=codes, full_name=name)
        except Invalid as exc:
            raise CommandError(str(exc)) from exc
        where = ", ".join(str(m) for m in user.municipalities.order_by("code")) or "-"
        self.stdout.write(f"{'created' if created else 'exists'}: {user.email} ({role}; {where})")
        if created:
            self.stdout.write("They set their password through 'Forgotten password' on the login page.")
