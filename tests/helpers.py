from bs4 import BeautifulSoup

# One page of every public page type in the shared test site (tests/conftest.py), by name.
PAGE_NAMES = [
    "home",
    "joint_call",
    "story_index",
    "story",
    "content",
    "video_index",
    "video",
    "podcast_index",
    "show",
    "episode",
    "document_index",
    "document",
]


def get_page(client, page, **headers):
    """GET a page at its public URL; the response with its parsed HTML as ``response.soup``."""
    response = client.get(page.url, **headers)
    assert response.status_code == 200, (page.url, response.status_code)
    response.soup = BeautifulSoup(response.content, "html.parser")
    return response


def text_of(soup, selector):
    element = soup.select_one(selector)
    assert element is not None, f"{selector} not found"
    return " ".join(element.get_text(" ").split())


def assert_language(response, language):
    assert response.soup.html["lang"] == language
    h1s = response.soup.find_all("h1")
    assert len(h1s) == 1, [h1.get_text() for h1 in h1s]
