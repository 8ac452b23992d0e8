"""Images come in AVIF and WebP with a JPEG fallback, in several widths, with their size set,
and load lazily unless they are at the top of the page."""

import pytest
from bs4 import BeautifulSoup

from cms.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def large_image():
    return ImageFactory(file__width=1600, file__height=900)


def with_hero(story, image):
    story.hero_image = image
    story.save_revision().publish()
    return story


def pictures(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select("main picture")


def check_sources(picture, widths):
    types = [source["type"] for source in picture.select("source")]
    assert types == ["image/avif", "image/webp"]
    for source in picture.select("source"):
        candidates = [candidate.split() for candidate in source["srcset"].split(",")]
        assert [int(width.rstrip("w")) for _url, width in candidates] == widths
    image = picture.select_one("img")
    assert image["src"].endswith(".jpg")
    assert int(image["width"]) > 0 and int(image["height"]) > 0
    assert image.has_attr("sizes") or picture.select_one("source").has_attr("sizes")
    return image


@pytest.mark.parametrize("language", ["en", "lv"])
def test_story_hero_is_responsive_and_loads_first(client, site_tree, language, large_image):
    story = with_hero(getattr(site_tree, language).story, large_image)
    (hero,) = [p for p in pictures(client, story.url) if p.find_parent(class_="story")]
    image = check_sources(hero, [480, 800, 1200])
    assert image.get("loading") != "lazy"
    assert image["fetchpriority"] == "high"


@pytest.mark.parametrize("language", ["en", "lv"])
def test_cards_of_an_index_are_responsive_and_lazy(client, site_tree, language, large_image):
    with_hero(getattr(site_tree, language).story, large_image)
    index = getattr(site_tree, language).story_index
    cards = [p for p in pictures(client, index.url) if p.select_one("img.ecl-content-item__image")]
    assert cards
    for card in cards:
        image = check_sources(card, [320, 640])
        assert image["loading"] == "lazy"
