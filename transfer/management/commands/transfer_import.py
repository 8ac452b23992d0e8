from django.core.management.base import BaseCommand, CommandError

from transfer.errors import TransferError
from transfer.importing import import_page


class Command(BaseCommand):
    help = (
        "Import pages from a source of WAGTAILTRANSFER_SOURCES, each with its subtree and its "
        "translations, as the admin's Import does (docs/content-transfer.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Name of the source in WAGTAILTRANSFER_SOURCES.")
        parser.add_argument("page_ids", nargs="+", type=int, help="Ids of pages on the source.")
        parser.add_argument(
            "--destination",
            type=int,
            help="Id of the page here to import under (default: where it is on the source).",
        )

    def handle(self, *args, source, page_ids, destination, **options):
        for page_id in page_ids:
            try:
                result = import_page(source, page_id, destination)
            except TransferError as error:
                raise CommandError(f"Nothing was imported: {error}") from error
            self.stdout.write(
                f"“{result.root.title}” ({result.root.url_path}) imported in "
                f"{', '.join(result.languages)}: {len(result.created)} page(s) created, "
                f"{len(result.updated)} updated."
            )
