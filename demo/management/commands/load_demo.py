from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo content: the seed page in English with its Latvian translation. "
        "Running it again creates nothing twice."
    )

    def handle(self, *args, **options):
        # The loader builds the pages with the apps' factories (factory-boy), which only the dev
        # extra installs: a production install says what is missing rather than a traceback.
        try:
            from demo.loader import DemoLoader
        except ModuleNotFoundError as error:
            if error.name not in ("factory", "wagtail_factories"):
                raise
            raise CommandError(
                f"load_demo needs the development dependencies ({error.name} is missing): "
                "pip install -e '.[dev]'"
            ) from error
        with transaction.atomic():
            DemoLoader(self.stdout).run()
