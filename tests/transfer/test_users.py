"""Users are matched by username and never created by an import (an IntegrityError on
auth_user.username otherwise: the source's "admin" is not this instance's "admin" by UUID)."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail_transfer.locators import FieldLocator, get_locator_for_model

from tests.transfer.conftest import SOURCE, InProcessSource
from transfer.importing import import_model

pytestmark = pytest.mark.usefixtures("transfer_settings")


def test_users_are_located_by_username_on_both_sides():
    locator = get_locator_for_model(get_user_model())
    assert isinstance(locator, FieldLocator)
    assert locator.fields == ["username"]


IMAGE_UID = "11111111-2222-3333-4444-555555555555"


def image_export(image, uploader_pk, uploader_username, file_data):
    fields = {
        "title": image.title,
        "file": file_data,
        "width": image.width,
        "height": image.height,
        "collection": image.collection_id,
        "uploaded_by_user": uploader_pk,
        "file_size": image.file_size,
        "file_hash": image.file_hash,
        "created_at": image.created_at.isoformat(),
        "focal_point_x": None,
        "focal_point_y": None,
        "focal_point_width": None,
        "focal_point_height": None,
        "description": "",
        "tagged_items": [],
    }
    return {
        "ids_for_import": [["wagtailimages.image", 999_001]],
        "mappings": [
            ["wagtailimages.image", 999_001, IMAGE_UID],
            ["auth.user", uploader_pk, [uploader_username]],
            ["wagtailcore.collection", image.collection_id, "66666666-2222-3333-4444-555555555555"],
        ],
        "objects": [{"model": "wagtailimages.image", "pk": 999_001, "fields": fields}],
    }


@pytest.mark.parametrize("known_here", [True, False])
def test_image_uploaded_by_a_source_user(site_tree, known_here):
    User = get_user_model()
    image = site_tree.image
    # The image's data as the source exports it (file included), then forgotten here.
    client = InProcessSource()
    exported = client.post_export("api/objects/", json.dumps({"wagtailimages.image": [image.pk]}))
    [image_data] = [obj for obj in exported["objects"] if obj["model"] == "wagtailimages.image"]
    if known_here:
        local = User.objects.create_user("editor", password="pw")
    # On the source, "editor" has another primary key than here.
    data = image_export(image, 424_242, "editor", image_data["fields"]["file"])
    collection_uid = next(m for m in exported["mappings"] if m[0] == "wagtailcore.collection")[2]
    data["mappings"][2][2] = collection_uid
    users_before = User.objects.count()
    recorded = {"/wagtail-transfer/api/models/wagtailimages.image/": json.dumps(data).encode()}

    import_model(SOURCE, "wagtailimages.image", client=InProcessSource(recorded=recorded))

    assert User.objects.count() == users_before
    copy = get_locator_for_model(get_image_model()).find(IMAGE_UID)
    assert copy.pk != image.pk and copy.title == image.title
    assert copy.uploaded_by_user_id == (local.pk if known_here else None)
    with image.file.open("rb") as original, copy.file.open("rb") as copied:
        assert copied.read() == original.read()
