import pytest

from tests.helpers import assert_language, get_page, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "lv"])
def test_video_page_renders_its_player_in_both_languages(client, site_tree, language):
    video = getattr(site_tree, language).video
    response = get_page(client, video)
    assert_language(response, language)
    assert text_of(response.soup, "h1") == video.title
    player = response.soup.select_one(".video__player video")
    assert player["poster"].startswith("/media/images/")
    assert player.select_one("source")["src"] == video.video.url
    assert "EU is Cohesion" in text_of(response.soup, ".page-meta")


@pytest.mark.parametrize("language", ["en", "lv"])
def test_media_library_lists_videos_of_its_language(client, site_tree, language):
    tree = getattr(site_tree, language)
    response = get_page(client, tree.video_index)
    assert_language(response, language)
    titles = [a.get_text() for a in response.soup.select(".ecl-content-block__title a")]
    assert titles == [tree.video.title]
    assert response.soup.select_one(".ecl-content-item__image")["loading"] == "lazy"


def test_video_without_file_links_to_the_platform(client, site_tree):
    video = site_tree.en.video
    video.video = None
    video.video_url = "https://www.youtube.com/watch?v=abc"
    video.save_revision().publish()
    response = get_page(client, video)
    assert response.soup.select_one(".video__player video") is None
    assert response.soup.select_one(".video__player a.ecl-link--primary")["href"] == video.video_url
