"""What a warm page reads from the cache instead of the database (tests/cms/test_query_budgets.py
counts it): the landing page of the language and the page at an address, the site's settings,
the Joint Call's empty form, a page of a listing. Each is kept under the content version, so a
change shows on the next request."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from wagtail.models import Page

from cms.factories import ImageFactory
from cms.models import SiteSettings
from home.factories import StoryPageFactory
from signatures.models import CallSettings

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_a_new_address_after_a_publication(client, site_tree, django_capture_on_commit_callbacks):
    story = site_tree.en.story
    old_url = story.url
    assert client.get(old_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        story.slug = "turku-renamed"
        story.save_revision().publish()
    story.refresh_from_db()
    assert story.url.endswith("/turku-renamed/")
    assert client.get(story.url).status_code == 200
    # Wagtail keeps the old address as a redirect to the new one.
    assert client.get(old_url).headers["Location"] == story.url


def test_routes_below_a_cached_page(client, site_tree):
    call = site_tree.en.joint_call
    assert client.get(call.url).status_code == 200
    assert client.get(call.url + "signatories/").status_code == 200
    assert client.get(call.url + "no-such-route/").status_code == 404
    # An index has pages below it: an address below it is looked up, not taken for the index.
    index = site_tree.en.story_index
    assert client.get(index.url).status_code == 200
    assert client.get(site_tree.en.story.url).status_code == 200
    assert client.get(index.url + "no-such-story/").status_code == 404


def test_a_page_published_below_a_visited_one(
    client, site_tree, django_capture_on_commit_callbacks
):
    index = site_tree.en.story_index
    assert client.get(index.url).status_code == 200
    assert client.get(index.url + "new-story/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(parent=index, title="New story", slug="new-story", live=False)
        story.save_revision().publish()
    assert client.get(index.url + "new-story/").status_code == 200
    assert "New story" in soup(client, index.url).get_text()


def test_the_landing_page_shows_its_publication_at_once(
    client, site_tree, django_capture_on_commit_callbacks
):
    home = Page.objects.get(pk=site_tree.lv.home.pk).specific
    assert client.get(home.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        home.introduction = "Jauns ievads."
        home.save_revision().publish()
    assert "Jauns ievads." in soup(client, home.url).get_text()


def test_saved_settings_show_at_once(client, site_tree, django_capture_on_commit_callbacks):
    url = site_tree.en.story.url
    assert "cohesionalliance@example.eu" in soup(client, url).get_text()
    settings = SiteSettings.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        settings.contact_email = "contact@example.eu"
        settings.save()
    text = soup(client, url).get_text()
    assert "contact@example.eu" in text and "cohesionalliance@example.eu" not in text


def test_the_empty_form_follows_the_calls_settings(
    client, site_tree, django_capture_on_commit_callbacks
):
    call = site_tree.en.joint_call
    assert "end of the campaign" in soup(client, call.url).select_one("form.form--sign").get_text()
    settings = CallSettings.objects.get(call_key=call.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        settings.personal_data_kept_until = "2031-12-31"
        settings.save()
    form = soup(client, call.url).select_one("form.form--sign")
    assert "We keep them until Dec. 31, 2031" in " ".join(form.get_text().split())


def test_pages_of_a_listing_are_kept_apart(client, site_tree, django_capture_on_commit_callbacks):
    index = site_tree.en.story_index
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(index.specific.items_per_page + 1):
            StoryPageFactory(parent=index, title=f"Story {number:02d}")
    first = {a.get_text(strip=True) for a in soup(client, index.url).select(".ecl-content-item a")}
    second = {
        a.get_text(strip=True)
        for a in soup(client, index.url + "?page=2").select(".ecl-content-item a")
    }
    assert first and second and not first & second
    assert client.get(index.url + "?page=2").status_code == 200
    for number in ("3", "abc", "0", "99999"):
        assert client.get(index.url + f"?page={number}").status_code == 404


def test_renditions_read_from_the_cache_are_not_written_again(client, site_tree, monkeypatch):
    """Wagtail 8.0 writes back what it has just read (cms/caching/renditions.py)."""
    url = site_tree.en.story.url
    renditions = caches["renditions"]
    writes, reads = [], []
    store, get_many = LocMemCache.set, renditions.get_many

    def write(cache, key, *args, **kwargs):
        if cache is renditions:
            writes.append(key)
        return store(cache, key, *args, **kwargs)

    def read_many(keys, **kwargs):
        reads.extend(keys)
        return get_many(keys, **kwargs)

    monkeypatch.setattr(LocMemCache, "set", write)
    monkeypatch.setattr(renditions, "get_many", read_many)
    client.get(url)
    assert writes  # the renditions found in the database go to the cache…
    writes.clear()
    caches["default"].clear()  # the page's fragments: its pictures are drawn again
    assert client.get(url).status_code == 200
    assert reads  # … the next request finds them there…
    assert writes == []  # … and writes nothing back


def test_a_preview_shows_its_own_hero_image(client, site_tree):
    """The hero image is kept once per content version (``{% page_fragment %}``), never for a
    preview of a draft."""

    def hero(html):
        picture = BeautifulSoup(html, "html.parser").select_one("main figure picture")
        return {source["srcset"] for source in picture.select("source")}

    story = site_tree.en.story
    live = hero(client.get(story.url).content)
    story.hero_image = ImageFactory(title="A draft's hero")
    preview = hero(story.save_revision().as_object().make_preview_request().content)
    assert live and preview and live.isdisjoint(preview)
    assert hero(client.get(story.url).content) == live


def test_a_page_number_written_with_zeros_is_the_same_page(client, site_tree, monkeypatch):
    """?page=2, ?page=02, ?page=0000002…: one entry in the cache for what the page says of
    itself, not one for each way of writing the number."""
    index = site_tree.en.story_index
    for number in range(index.specific.items_per_page + 1):
        StoryPageFactory(parent=index, title=f"Story {number:02d}")
    stored = []
    write = caches["default"].set
    monkeypatch.setattr(
        caches["default"], "set", lambda key, *a, **k: stored.append(key) or write(key, *a, **k)
    )
    for written in ("2", "02", "0002", "0" * 3000 + "2"):
        page = soup(client, index.url + f"?page={written}")
        assert page.find("link", rel="canonical")["href"].endswith("?page=2")
    assert len([key for key in stored if key.startswith("seo:")]) == 1, stored
