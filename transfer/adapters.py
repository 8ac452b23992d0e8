"""How files travel, in place of wagtail-transfer's ``FileAdapter`` (registered for every
``FileField`` through its ``register_field_adapters`` hook, in ``wagtail_hooks``).

wagtail-transfer's adapter makes each file's address absolute with the *source's*
``WAGTAILADMIN_BASE_URL``, which is often not an address the destination can reach (a public
name behind a proxy, the default of a developer's machine); when the download then fails it
saves the image or document without its file and says nothing. Here the source sends the address
its storage gives (relative for files on its own disk) and the destination resolves a relative
one against the address it reaches the source at (``BASE_URL`` of ``WAGTAILTRANSFER_SOURCES``);
a file that cannot be fetched, or whose bytes are not the ones announced, stops the import.

A file whose hash is the one the destination already has is not downloaded again; a file fetched
once in an import serves every object naming it.
"""

import hashlib
import pathlib
from urllib.parse import urlparse

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail_transfer.field_adapters import FileAdapter
from wagtail_transfer.files import get_file_hash, get_file_size
from wagtail_transfer.models import ImportedFile

from .errors import TransferError


class SourceFileAdapter(FileAdapter):
    def serialize(self, instance):
        value = self.field.value_from_object(instance)
        if not value:
            return None
        return {
            "download_url": value.url,
            "size": get_file_size(self.field, instance),
            "hash": get_file_hash(self.field, instance),
        }

    def populate_field(self, instance, value, context):
        if not value:
            return
        existing = self.field.value_from_object(instance)
        if existing and get_file_hash(self.field, instance) == value["hash"]:
            return
        client = getattr(context, "source_client", None)
        if client is None:
            # The app's old name, kept: the message is translated as it is in every catalogue.
            raise TransferError(_("Files can only be fetched through cms.transfer's importer."))
        url = client.absolute_url(value["download_url"])
        imported = context.imported_files_by_source_url.get(url)
        if imported is None:
            content = client.download(url)
            if hashlib.sha1(content, usedforsecurity=False).hexdigest() != value["hash"]:
                raise TransferError(
                    _("The file %(url)s is not the one the source described (its content differs).")
                    % {"url": url}
                )
            name = pathlib.PurePosixPath(urlparse(url).path).name
            imported = ImportedFile.objects.create(
                file=ContentFile(content, name=self.field.generate_filename(instance, name)),
                source_url=url,
                hash=value["hash"],
                size=len(content),
            )
            context.imported_files_by_source_url[url] = imported
        getattr(instance, self.field.get_attname()).name = imported.file.name
