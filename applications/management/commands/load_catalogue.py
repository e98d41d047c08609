"""``manage.py load_catalogue [--path FILE]``: load the catalogue data file and make it the current version."""

from django.core.management.base import BaseCommand, CommandError

from applications.services.catalogue import DEFAULT_PATH, CatalogueError, current_version, load_catalogue


class Command(BaseCommand):
    help = ("Load the catalogue (application types, document requirements, the guide) from its YAML file. "
            "Loading the same file again changes nothing; changed content needs a new version.")

    def add_arguments(self, parser):
        parser.add_argument("--path", default=None, help=f"the catalogue file (default: {DEFAULT_PATH})")

    def handle(self, *args, path=None, **options):
        before = current_version()
        try:
            version = load_catalogue(path=path)
        except CatalogueError as exc:
            for problem in exc.problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(f"The catalogue was not loaded: {len(exc.problems)} problem(s) to fix.") from exc
        if before == version.version:
            self.stdout.write(f"Catalogue {version.version} is already loaded; nothing changed.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Catalogue {version.version} loaded."))
