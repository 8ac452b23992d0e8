from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def page_form(client, url, model=None):
    """The page editor form at ``url`` as the browser would submit it untouched (but for the
    StreamFields of ``model``, which the editor builds in the browser: they submit no blocks)."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for field in model._meta.get_fields() if model else ():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    return data


def create_page_through_admin(client, parent, model, fields, action="action-publish"):
    """Fill the real "add page" form of ``model`` under ``parent`` and publish it."""
    url = reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )
    data = page_form(client, url, model)
    for name, value in fields.items():
        data[name] = value
    data[action] = action
    response = client.post(url, data)
    if response.status_code != 302:
        errors = (
            response.context and response.context.get("form") and response.context["form"].errors
        )
        raise AssertionError(f"Not created: {errors}")
    return model.objects.child_of(parent).get(slug=fields["slug"])


def publish_through_editor(client, page, **changes):
    """Publish ``page`` through its editor as the browser would, with ``changes`` typed in."""
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = page_form(client, url, type(page))
    data.update(changes)
    data["action-publish"] = "action-publish"
    return client.post(url, data)
