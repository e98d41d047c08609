import time

from django.core.management.base import BaseCommand

from satisfaction import facts, services
from satisfaction.models import CaseFacts, SatisfactionDay


class Command(BaseCommand):
    help = ("Rebuild the dashboard's derived tables from their sources: the KPI facts of every submitted case and "
            "the daily satisfaction counts.")

    def handle(self, *args, **options):
        start = time.perf_counter()
        facts.refresh_case_facts()
        self.stdout.write(f"KPI facts: {CaseFacts.objects.count():,} cases in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        services.recount_satisfaction_days()
        self.stdout.write(f"Satisfaction per day: {SatisfactionDay.objects.count():,} rows in "
                          f"{time.perf_counter() - start:.1f} s")
