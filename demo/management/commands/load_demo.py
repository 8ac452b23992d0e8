from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Load the demo content: the seed page in English with its Latvian translation. "
        "Running it again creates nothing twice."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            DemoLoader(self.stdout).run()
