"""The groups the documentation names, each with what its role needs and nothing more:

- Officers: create, edit, publish, move and delete content in every language (not the landing
  pages, the Joint Call or the index pages: ``cms.editing.roles``), images, documents, media and video
  series, submit translations, see and export signatures; no users, groups or settings.
- Signature managers: the signatures (moderate, erase, resend) and the calls' settings.
- Translators (made in 0002): submit translations, edit and publish the other languages.
"""

from django.db import migrations

OFFICER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
    ("media_library", "videoseries", "add_videoseries"),
    ("media_library", "videoseries", "change_videoseries"),
    ("media_library", "videoseries", "delete_videoseries"),
    ("media_library", "videoseries", "view_videoseries"),
    ("home", "signature", "view_signature"),
]
OFFICER_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
OFFICER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
    ("wagtailmedia", "media", "add_media"),
    ("wagtailmedia", "media", "change_media"),
]
SIGNATURE_MANAGER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("home", "signature", "view_signature"),
    ("home", "signature", "change_signature"),
    ("home", "signature", "delete_signature"),
    ("home", "callsettings", "view_callsettings"),
    ("home", "callsettings", "change_callsettings"),
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, model, codename):
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        return Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )[0]

    officers, _created = Group.objects.get_or_create(name="Officers")
    officers.permissions.add(*(permission(*p) for p in OFFICER_PERMISSIONS))
    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        for action in OFFICER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=officers,
                page=root_page,
                permission=permission("wagtailcore", "page", f"{action}_page"),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for p in OFFICER_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=officers, collection=root_collection, permission=permission(*p)
            )

    managers, _created = Group.objects.get_or_create(name="Signature managers")
    managers.permissions.add(*(permission(*p) for p in SIGNATURE_MANAGER_PERMISSIONS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Officers", "Signature managers"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_source_owned_fields"),
        ("home", "0003_call_settings"),
        ("media_library", "0003_videopage_transcript_videocaption"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
