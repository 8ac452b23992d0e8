import pytest

from tests.helpers import assert_language, get_page, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "lv"])
def test_alliance_page_renders_in_both_languages(client, site_tree, language):
    home = getattr(site_tree, language).home
    response = get_page(client, home)
    assert_language(response, language)
    assert text_of(response.soup, "h1") == home.title
    menu = response.soup.select(".ecl-menu__link")
    assert [a.get_text() for a in menu[1:]] == [
        getattr(site_tree, language).joint_call.title,
        getattr(site_tree, language).story_index.title,
        getattr(site_tree, language).video_index.title,
        getattr(site_tree, language).podcast_index.title,
        getattr(site_tree, language).document_index.title,
    ]
    links = response.soup.select(".ecl-site-header__language-link:not([aria-current])")
    switcher = [a["hreflang"] for a in links]
    assert len(switcher) == 23 and language not in switcher
    other = "lv" if language == "en" else "en"
    link = response.soup.select_one(f'.ecl-site-header__language-link[hreflang="{other}"]')["href"]
    assert link == f"/language/{other}/?next=%2F{other}%2F"


@pytest.mark.parametrize("language", ["en", "lv"])
def test_joint_call_page_shows_the_count_formatted_for_the_language(client, site_tree, language):
    response = get_page(client, getattr(site_tree, language).joint_call)
    assert_language(response, language)
    count = response.soup.select_one(".signatory-count .ecl-fact-figures__value").get_text()
    assert count == {"en": "12,000", "lv": "12\xa0000"}[language]
    assert response.soup.select_one("#sign") is not None


@pytest.mark.parametrize("language", ["en", "lv"])
def test_story_page_renders_in_both_languages(client, site_tree, language):
    story = getattr(site_tree, language).story
    response = get_page(client, story)
    assert_language(response, language)
    assert text_of(response.soup, "h1") == story.title
    assert {"en": "Belgium", "lv": "Beļģija"}[language] in text_of(response.soup, ".page-meta")
    assert response.soup.select_one(".story .ecl-media-container img") is not None


@pytest.mark.parametrize("language", ["en", "lv"])
def test_story_index_lists_the_stories_of_its_language(client, site_tree, language):
    tree = getattr(site_tree, language)
    response = get_page(client, tree.story_index)
    assert_language(response, language)
    titles = [a.get_text() for a in response.soup.select(".ecl-content-block__title a")]
    assert titles == [tree.story.title]


@pytest.mark.parametrize("language", ["en", "lv"])
def test_content_page_renders_in_both_languages(client, site_tree, language):
    page = getattr(site_tree, language).content
    response = get_page(client, page)
    assert_language(response, language)
    assert text_of(response.soup, "h1") == page.title


@pytest.mark.parametrize("query", ["page=abc", "page=0", "page=999999"])
def test_index_pagination_rejects_bad_page_numbers_with_404(client, site_tree, query):
    response = client.get(f"{site_tree.en.story_index.url}?{query}")
    assert response.status_code == 404
