"""Cached fragments (menu, switcher, footer, "latest" sections) change as soon as content does."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from cms.models import SiteSettings
from home.factories import ContentPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu(client, url):
    return [a.get_text() for a in soup(client, url).select(".ecl-menu__link")]


def test_menu_follows_publishing(client, site_tree, django_capture_on_commit_callbacks):
    story_url = site_tree.en.story.url
    assert "Accessibility" not in menu(client, story_url)  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(
            parent=site_tree.en.home, title="Accessibility", show_in_menus=True
        )
    assert "Accessibility" in menu(client, story_url)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "Accessibility" not in menu(client, story_url)


def test_footer_follows_the_site_settings(client, site_tree, django_capture_on_commit_callbacks):
    url = site_tree.lv.home.url
    assert "press@example.eu" not in soup(client, url).select_one("footer").get_text()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        settings.contact_email = "press@example.eu"
        settings.save()
    assert "press@example.eu" in soup(client, url).select_one("footer").get_text()


def test_latest_stories_follow_publishing(client, site_tree, django_capture_on_commit_callbacks):
    home = site_tree.en.home.url
    titles = "#stories ~ ul .ecl-content-block__title a"
    before = [a.get_text() for a in soup(client, home).select(titles)]
    with django_capture_on_commit_callbacks(execute=True):
        StoryPageFactory(
            parent=site_tree.en.story_index, title="Brand new story", date="2031-01-01"
        )
    after = [a.get_text() for a in soup(client, home).select(titles)]
    assert after[0] == "Brand new story" and after[1:] == before[:2]


def test_cached_fragments_are_not_shared_between_languages(client, site_tree):
    english = soup(client, site_tree.en.story.url).select_one(".ecl-skip-link").get_text()
    latvian = soup(client, site_tree.lv.story.url).select_one(".ecl-skip-link").get_text()
    assert english != latvian
    latvian_menu = soup(client, site_tree.lv.story.url).select_one(".ecl-menu__link")
    assert latvian_menu["href"].startswith("/lv/")


def test_video_cards_follow_their_series(client, site_tree, django_capture_on_commit_callbacks):
    """The video series is registered by its own app (media_library's ready())."""

    def card_meta():
        metas = soup(client, site_tree.en.home.url).select(".ecl-content-block__primary-meta-item")
        return " ".join(meta.get_text() for meta in metas)

    series = site_tree.en.video.series
    assert series.name in card_meta()  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        series.name = "Cohesion at work"
        series.save()
    assert "Cohesion at work" in card_meta()
