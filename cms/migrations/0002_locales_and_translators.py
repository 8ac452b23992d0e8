"""The 24 official EU languages as Wagtail locales, each kept in step with English by
wagtail-localize (so that every language has the whole page tree from the start), and the
"Translators" group with just the permissions translators need."""

from django.conf import settings
from django.db import migrations

TRANSLATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
    ("media_library", "videoseries", "view_videoseries"),
    ("media_library", "videoseries", "change_videoseries"),
    ("media_library", "videoseries", "add_videoseries"),
]
TRANSLATOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "choose_document"),
]


def create_locales_and_translators(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    source, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        if locale != source:
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )

    translators, _created = Group.objects.get_or_create(name="Translators")

    def permission(app_label, model, codename):
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        return Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )[0]

    translators.permissions.add(*(permission(*p) for p in TRANSLATOR_PERMISSIONS))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for p in TRANSLATOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=translators, collection=root_collection, permission=permission(*p)
            )


def remove_translators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Translators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("media_library", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_locales_and_translators, remove_translators)]
