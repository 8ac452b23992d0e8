"""Moving or deleting an English page in the admin carries its copies in every language
(translations and aliases): each answers at its new address, its old address redirects there,
the feeds and pages that showed it are purged; deleted, it is gone in every language."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.i18n.locales import sync_locale_trees
from podcasts.factories import PodcastShowPageFactory
from tests.fakes import RecordingFrontendCache
from tests.signatures.signing import run_worker

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"
LANGUAGES = ("en", "lv", "de", "fr")  # the source, a translation, two aliases


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.fakes.RecordingFrontendCache"}}
    RecordingFrontendCache.purged = []

    def run():
        run_worker()
        return set(RecordingFrontendCache.purged)

    return run


def version(page, code):
    return Page.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    ).specific


def feed(visitor, show, code):
    response = visitor.get(version(show, code).feed_url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def local_solutions(site_tree):
    """A second English show, with its aliases in every other language."""
    show = PodcastShowPageFactory(
        parent=site_tree.en.podcast_index,
        title="Local Solutions",
        slug="local-solutions",
        artwork=site_tree.image,
    )
    sync_locale_trees()
    return show


def test_moving_an_episode_moves_it_in_every_language(
    admin_client, site_tree, local_solutions, purged, django_capture_on_commit_callbacks
):
    episode, old_show = site_tree.en.episode, site_tree.en.show
    assert version(episode, "lv").alias_of_id is None  # a translation
    assert version(episode, "de").alias_of_id is not None  # an alias
    visitor = Client()
    old = {code: version(episode, code).url for code in LANGUAGES}
    guid = str(episode.translation_key)
    for code in LANGUAGES:
        assert guid in feed(visitor, old_show, code)
    run_worker()
    RecordingFrontendCache.purged = []

    confirm = reverse("wagtailadmin_pages:move_confirm", args=(episode.pk, local_solutions.pk))
    assert admin_client.get(confirm).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(confirm)
    assert response.status_code == 302

    copies = Page.objects.filter(translation_key=episode.translation_key)
    assert copies.count() == Locale.objects.count()
    for copy in copies:
        parent = copy.get_parent()
        assert parent.translation_key == local_solutions.translation_key, copy.locale
        assert parent.locale_id == copy.locale_id
    purges = purged()
    for code in LANGUAGES:
        new_url = version(episode, code).url
        assert new_url == version(local_solutions, code).url + version(episode, code).slug + "/"
        assert new_url != old[code]
        assert visitor.get(new_url).status_code == 200, new_url
        moved = visitor.get(old[code])
        assert moved.status_code in (301, 302), old[code]
        assert moved["Location"].endswith(new_url), (old[code], moved["Location"])
        assert guid not in feed(visitor, old_show, code)
        assert guid in feed(visitor, local_solutions, code)
        # The shared cache forgets the old address, both shows and their feeds.
        assert ROOT + old[code] in purges, code
        for show in (old_show, local_solutions):
            assert ROOT + version(show, code).url in purges
            assert ROOT + version(show, code).feed_url in purges


def test_reordering_keeps_every_language_in_the_same_order(
    admin_client, site_tree, local_solutions, django_capture_on_commit_callbacks
):
    """Moving a page next to a sibling places each language's copy next to that sibling's."""
    from wagtail.actions.move_page import MovePageAction

    index, show = site_tree.en.podcast_index, site_tree.en.show
    with django_capture_on_commit_callbacks(execute=True):
        MovePageAction(local_solutions, show, pos="left").execute(skip_permission_checks=True)
    for code in ("en", "lv", "de"):
        keys = [
            page.translation_key for page in version(index, code).get_children().order_by("path")
        ]
        assert keys == [local_solutions.translation_key, show.translation_key], code


def test_deleting_an_english_page_deletes_it_in_every_language(
    admin_client, site_tree, purged, django_capture_on_commit_callbacks
):
    story = site_tree.en.story
    key = story.translation_key
    urls = {code: version(story, code).url for code in LANGUAGES}
    visitor = Client()
    for url in urls.values():
        assert visitor.get(url).status_code == 200
    delete = reverse("wagtailadmin_pages:delete", args=(story.pk,))
    assert admin_client.get(delete).status_code == 200
    run_worker()
    RecordingFrontendCache.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(delete)
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=key).exists()
    purges = purged()
    for code, url in urls.items():
        assert visitor.get(url).status_code == 404, url
        assert ROOT + version(site_tree.en.story_index, code).url in purges, code


def test_bulk_deleting_an_english_page_deletes_it_in_every_language(admin_client, site_tree):
    story = site_tree.en.story
    key = story.translation_key
    assert Page.objects.filter(translation_key=key).count() > 2
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    query = f"?id={story.pk}&next=/admin/pages/{site_tree.en.story_index.pk}/"
    assert admin_client.get(url + query).status_code == 200
    response = admin_client.post(url + query)
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=key).exists()
