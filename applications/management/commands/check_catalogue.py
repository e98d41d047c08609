"""``manage.py check_catalogue [--path FILE]``: list every problem in the catalogue file; fails if there is one."""

from django.core.management.base import BaseCommand, CommandError

from applications.services.catalogue import DEFAULT_PATH, CatalogueError, check_catalogue, read_catalogue


class Command(BaseCommand):
    help = ("Check the catalogue file for dead ends, cycles, unknown and duplicate codes and missing texts. "
            "Exits with an error listing every problem.")

    def add_arguments(self, parser):
        parser.add_argument("--path", default=None, help=f"the catalogue file (default: {DEFAULT_PATH})")

    def handle(self, *args, path=None, **options):
        try:
            data = read_catalogue(path=path)
        except CatalogueError as exc:
            problems = exc.problems
        else:
            problems = check_catalogue(data=data)
        if problems:
            for problem in problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(f"The catalogue has {len(problems)} problem(s).")
        self.stdout.write(self.style.SUCCESS(f"Catalogue {data['version']} is fine."))
