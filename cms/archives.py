"""The ZIP of everything a page offers for download, built in the background on publish."""

import tempfile
import zipfile
from pathlib import PurePath

from django.core.files import File
from django.utils.text import slugify
from django_tasks import task
from wagtail.models import Page


def downloadable_files(page):
    """(name in the archive, file) of every image and document of the page's download blocks."""
    files = []
    for block in getattr(page, "body", []):
        if block.block_type == "image_downloads":
            for item in block.value["images"]:
                image = item["image"]
                files.append((image.title, image.file))
        elif block.block_type == "documents":
            for item in block.value["documents"]:
                document = item["document"]
                files.append((document.title, document.file))
    return files


def archive_name(title, file, used):
    """A readable, unique name in the archive: the title and the file's extension."""
    extension = PurePath(file.name).suffix.lower()
    base = slugify(title, allow_unicode=True) or "file"
    name, n = f"{base}{extension}", 1
    while name in used:
        n += 1
        name = f"{base}-{n}{extension}"
    used.add(name)
    return name


@task()
def build_download_archive(page_id):
    from .models import DownloadArchive

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return "the page is gone"
    page = page.specific
    files = downloadable_files(page)
    existing = DownloadArchive.objects.filter(page=page).first()
    if not files:
        if existing:
            existing.file.delete(save=False)
            existing.delete()
        return "nothing to download"
    used = set()
    with tempfile.TemporaryFile() as temporary:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for title, file in files:
                with file.open("rb") as source:
                    archive.writestr(archive_name(title, file, used), source.read())
        temporary.seek(0)
        archive_file = File(temporary, name=f"{slugify(page.slug)}-{page.locale.language_code}.zip")
        if existing:
            existing.file.delete(save=False)
        archive_record = existing or DownloadArchive(page=page)
        archive_record.file.save(archive_file.name, archive_file, save=False)
        archive_record.file_size = archive_record.file.size
        archive_record.file_count = len(files)
        archive_record.save()
    return f"{len(files)} files"


def page_published(sender, instance, **kwargs):
    from .models import DownloadArchive

    if downloadable_files(instance) or DownloadArchive.objects.filter(page=instance).exists():
        build_download_archive.enqueue(instance.pk)
