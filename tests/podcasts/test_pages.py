import pytest

from tests.helpers import assert_language, get_page, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "lv"])
def test_episode_page_has_an_audio_player_in_both_languages(client, site_tree, language):
    tree = getattr(site_tree, language)
    response = get_page(client, tree.episode)
    assert_language(response, language)
    assert text_of(response.soup, "h1") == tree.episode.title
    assert response.soup.select_one("audio source")["src"] == tree.episode.audio.url
    assert text_of(response.soup, ".guests") == "Marta Wnuk, Commission"
    assert text_of(response.soup, ".page-meta a") == tree.show.title


@pytest.mark.parametrize("language", ["en", "lv"])
def test_show_page_lists_its_episodes(client, site_tree, language):
    tree = getattr(site_tree, language)
    response = get_page(client, tree.show)
    assert_language(response, language)
    titles = [a.get_text() for a in response.soup.select(".ecl-content-block__title a")]
    assert titles == [tree.episode.title]


@pytest.mark.parametrize("language", ["en", "lv"])
def test_podcast_index_lists_shows_and_latest_episodes(client, site_tree, language):
    tree = getattr(site_tree, language)
    response = get_page(client, tree.podcast_index)
    assert_language(response, language)
    titles = [a.get_text() for a in response.soup.select(".ecl-content-block__title a")]
    assert titles == [tree.show.title, tree.episode.title]
