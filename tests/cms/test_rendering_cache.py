"""Blocks and cards rendered once per content version (cms.caching.rendering); the caches warmed
again after a publication, with every image rendition made before visitors come
(cms.caching.warming)."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.caching.warming import (
    pages_to_prepare,
    pages_to_warm,
    prepare_after_publication,
    warm_after_publication,
)
from cms.factories import ImageFactory
from signatures.counter import count_changed
from signatures.factories import SignatureFactory

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()


def block_templates(response):
    return {
        template.name
        for template in response.templates
        if template.name and "/blocks/" in template.name
    }


def card_templates(response):
    return {
        template.name
        for template in response.templates
        if template.name and "/cards/" in template.name
    }


def test_blocks_and_cards_render_once(client, site_tree):
    first = client.get(site_tree.en.home.url)
    assert "cms/blocks/latest_pages_block.html" in block_templates(first)
    assert card_templates(first)
    again = client.get(site_tree.en.home.url)
    # The Joint Call's teaser too: it is kept for each count of signatories.
    assert block_templates(again) == set()
    assert card_templates(again) == set()
    assert again.content == first.content

    index = site_tree.en.story_index.url
    assert card_templates(client.get(index))
    assert card_templates(client.get(index)) == set()


def test_each_language_and_page_has_its_own(client, site_tree):
    english = client.get(site_tree.en.home.url).content.decode()
    latvian = client.get(site_tree.lv.home.url).content.decode()
    assert "Since 2017 the Alliance has grown." in english
    lv_story = site_tree.lv.story
    assert lv_story.title in latvian
    assert lv_story.title not in english


def test_a_publication_shows_at_once(client, site_tree, django_capture_on_commit_callbacks):
    home = site_tree.en.home
    client.get(home.url)
    body = list(home.body.raw_data)
    grown = "<p>Since 2017 the Alliance has grown to 12,000 signatories.</p>"
    body[2] = {**body[2], "value": grown}
    home.body = body
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "grown to 12,000 signatories" in client.get(home.url).content.decode()

    story = site_tree.en.story
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "A story with a new title"
        story.save_revision().publish()
    assert "A story with a new title" in client.get(site_tree.en.story_index.url).content.decode()


def test_the_count_of_signatories_stays_live(client, site_tree, django_capture_on_commit_callbacks):
    def count(url):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        text = page.select_one(".joint-call-teaser .ecl-fact-figures__value").get_text()
        return int(text.replace(",", ""))

    url = site_tree.en.home.url
    before = count(url)
    call = site_tree.en.joint_call
    with django_capture_on_commit_callbacks(execute=True):
        SignatureFactory(call=call)
        count_changed(call.translation_key)  # as the sign and confirm services do
    assert count(url) == before + 1


def test_a_draft_preview_is_never_kept(client, site_tree):
    home = site_tree.en.home
    assert "Since 2017 the Alliance has grown." in client.get(home.url).content.decode()
    body = list(home.body.raw_data)
    body[2] = {**body[2], "value": "<p>A draft nobody has published.</p>"}
    home.body = body
    draft = home.save_revision().as_object()
    preview = draft.make_preview_request().content.decode()
    assert "A draft nobody has published." in preview
    assert "Since 2017 the Alliance has grown." not in preview
    live = client.get(home.url).content.decode()
    assert "A draft nobody has published." not in live
    assert "Since 2017 the Alliance has grown." in live


def test_a_replaced_image_shows_at_once(client, site_tree, django_capture_on_commit_callbacks):
    def pictures(url):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        return {source["srcset"] for source in page.select(".stream picture source")}

    story = site_tree.en.story
    image = ImageFactory(title="Latgale")
    figure = {"image": image.pk, "alt_text": "Fields in Latgale", "decorative": False}
    story.body = [{"type": "image", "value": {"image": figure, "caption": "", "credit": ""}}]
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    before = pictures(story.url)
    assert before
    # What the image's edit view does when a new file is uploaded.
    with django_capture_on_commit_callbacks(execute=True):
        image.file = ImageFactory.build().file
        image.save()
        image.renditions.all().delete()
    after = pictures(story.url)
    assert after
    assert before.isdisjoint(after), (before, after)


def test_the_landing_pages_come_first_then_the_page_then_what_shows_it(site_tree):
    story = site_tree.en.story
    warmed = pages_to_warm([story])
    landing = [page for page in warmed if page.depth == 2]
    assert warmed[: len(landing)] == landing
    assert {site_tree.en.home.pk, site_tree.lv.home.pk} <= {page.pk for page in landing}
    rest = [page.pk for page in warmed[len(landing) :]]
    assert rest[0] == story.pk
    assert site_tree.en.story_index.pk in rest
    assert site_tree.lv.story.pk in rest  # its translation
    assert site_tree.lv.story_index.pk in rest  # and the list that shows it
    assert len(rest) == len(set(rest))


def test_the_renditions_are_made_from_the_pages_in_the_language_published(site_tree):
    story = site_tree.en.story
    prepared = {page.pk for page in pages_to_prepare([story])}
    assert {site_tree.en.home.pk, story.pk, site_tree.en.story_index.pk} <= prepared
    assert prepared < {page.pk for page in pages_to_warm([story])}
    assert {page.locale_id for page in pages_to_prepare([story])} == {story.locale_id}


def test_a_publication_queues_the_renditions_before_the_purge_and_the_warming_after_it(
    site_tree, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    story = site_tree.en.story
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    purge = "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task"
    queued = list(DBTaskResult.objects.all())
    # What the worker takes now, in its order: the renditions, then the purges.
    ready = [task.task_path for task in DBTaskResult.objects.ready()]
    assert ready[0] == prepare_after_publication.module_path
    assert purge in ready
    assert warm_after_publication.module_path not in ready
    prepare = next(t for t in queued if t.task_path == prepare_after_publication.module_path)
    assert prepare.args_kwargs["args"] == [[story.pk]]
    # Queued before the purge too, for a publication outside a transaction.
    assert prepare.enqueued_at <= min(t.enqueued_at for t in queued if t.task_path == purge)
    warming = next(t for t in queued if t.task_path == warm_after_publication.module_path)
    assert warming.args_kwargs["args"] == [[story.pk]]
    assert warming.priority < 0  # Wagtail's purges have 0
    assert warming.run_after > timezone.now()


def test_no_visitor_waits_for_an_image_to_be_encoded(
    client, site_tree, django_capture_on_commit_callbacks
):
    story = site_tree.en.story
    image = ImageFactory(title="Mons")
    with django_capture_on_commit_callbacks(execute=True):
        story.hero_image = image
        story.save_revision().publish()
    assert not Rendition.objects.filter(image=image).exists()
    # What the worker does before it purges the HTTP cache (the test above).
    assert prepare_after_publication.call([story.pk]) >= 3
    made = Rendition.objects.filter(image=image).count()
    assert made >= 6  # AVIF, WebP and JPEG at two sizes at least: the story's and its card's
    # Another language shows the same picture with the same renditions (the Irish alias).
    story_ga = Page.objects.get(translation_key=story.translation_key, locale__language_code="ga")
    for url in (story.url, site_tree.en.story_index.url, site_tree.en.home.url, story_ga.url):
        response = client.get(url)
        assert response.status_code == 200
    assert any(rendition.url in response.content.decode() for rendition in image.renditions.all())
    assert Rendition.objects.filter(image=image).count() == made
    # The warming a moment later renders them again from the caches, and makes nothing more.
    assert warm_after_publication.call([story.pk]) >= 3
    assert Rendition.objects.filter(image=image).count() == made


def test_without_the_worker_the_visitor_would_wait(client, site_tree):
    """What the test above guards against: a visitor's request encoding the renditions."""
    story = site_tree.en.story
    image = ImageFactory(title="Mons")
    story.hero_image = image
    story.save_revision().publish()
    client.get(story.url)
    assert Rendition.objects.filter(image=image).exists()


def test_each_page_is_warmed_once_per_content_version(site_tree):
    story = site_tree.en.story
    first = warm_after_publication.call([story.pk])
    assert first >= 3
    assert warm_after_publication.call([story.pk]) == 0
    assert prepare_after_publication.call([story.pk]) >= 3
    assert prepare_after_publication.call([story.pk]) == 0


def test_warming_behind_a_proxy_that_speaks_https(site_tree, settings):
    """In production the site is https behind a proxy (SECURE_PROXY_SSL_HEADER): the warming's
    requests say so, or the site would only redirect them."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    Site.objects.filter(is_default_site=True).update(port=443)
    story = Page.objects.get(pk=site_tree.en.story.pk)
    assert story.get_full_url().startswith("https://")
    assert warm_after_publication.call([story.pk]) >= 3
