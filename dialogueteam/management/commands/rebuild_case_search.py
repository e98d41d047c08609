from django.core.management.base import BaseCommand

from dialogueteam.search import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the dialogue team's case search entries (after a bulk load or a change made outside Django)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, batch_size, **options):
        count = rebuild_all(batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"{count} case search entries written."))
