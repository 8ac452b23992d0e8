"""Alternative text of images: the admin refuses an image without its description, which the
site uses as the image's ``alt`` wherever a page gives none of its own."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file_jpeg


def upload(client, **fields):
    image = get_test_image_file_jpeg()
    file = SimpleUploadedFile("poster.jpg", image.file.getvalue(), content_type="image/jpeg")
    return client.post(
        reverse("wagtailimages:add"), {"title": "Mayors on a bridge", "file": file, **fields}
    )


def test_an_image_without_a_description_is_refused(admin_client):
    response = upload(admin_client)
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not get_image_model().objects.filter(title="Mayors on a bridge").exists()


def test_an_image_with_a_description_is_saved_and_it_is_its_alt_text(admin_client):
    response = upload(admin_client, description="Mayors on a bridge over the Danube")
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Mayors on a bridge")
    assert image.default_alt_text == "Mayors on a bridge over the Danube"


def test_the_edit_form_requires_the_description_too(admin_client, site_tree):
    image = site_tree.image
    response = admin_client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {"title": image.title, "description": "", "collection": image.collection_id},
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
