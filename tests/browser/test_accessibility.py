"""WCAG 2.1 AA in a real browser: axe-core finds no serious or critical violation on any page
type in English, Latvian, Greek and Bulgarian, and no page logs an error or asks another origin
for anything; full-page screenshots of every page type in English and Latvian, at desktop and
phone widths, go to test-artifacts/. The skip link, the menu, the language list, the filters,
the sign form and its errors, the audio player's chapters and the video consent placeholder all
work from the keyboard alone."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from documents.models import DocumentIndexPage, DocumentPage
from home.models import (
    AlliancePage,
    ContentPage,
    JointCallPage,
    StoryIndexPage,
    StoryPage,
)
from media_library.models import VideoIndexPage, VideoPage
from podcasts.models import EpisodePage, PodcastIndexPage, PodcastShowPage
from tests.browser.helpers import (
    LANGUAGES,
    PHONE,
    PageWatch,
    axe_violations,
    describe,
    focused,
    screenshot,
)

PAGE_TYPES = [
    AlliancePage,
    JointCallPage,
    StoryIndexPage,
    StoryPage,
    ContentPage,
    VideoIndexPage,
    VideoPage,
    PodcastIndexPage,
    PodcastShowPage,
    EpisodePage,
    DocumentIndexPage,
    DocumentPage,
]


def first_of_each_type(language):
    pages = {}
    for model in PAGE_TYPES:
        page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
        assert page is not None, f"No {model.__name__} in {language}"
        pages[model.__name__] = page
    return pages


def page_urls(language):
    """The address of one page of every type in ``language``'s tree, and of the Joint Call's
    list of signatories, of its "thank you" page and of a page that does not exist."""
    urls = {name: page.get_url() for name, page in first_of_each_type(language).items()}
    call = JointCallPage.objects.get(locale__language_code=language)
    with translation.override(language):
        urls["Signatories"] = call.signatories_url
        urls["ThankYou"] = call.url + call.reverse_subpage("thank_you")
    urls["NotFound"] = f"/{language}/no-such-page/"
    return urls


# The languages photographed at both widths: the source and its demo translation.
PHOTOGRAPHED = ["en", "lv"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_or_critical_axe_violation_on_any_page_type(
    language, demo_site, new_page, site_server
):
    urls = page_urls(language)
    # Pages not translated yet (the demo translates the section pages only).
    aliases = {name for name, page in first_of_each_type(language).items() if page.alias_of_id}
    desktop = new_page(locale=language)
    widths = [("desktop", desktop)]
    # Page types look alike in every language: English and Latvian are checked and photographed
    # at both widths, the other alphabets at desktop width (the time the tests take counts too).
    if language in PHOTOGRAPHED:
        phone = new_page(locale=language, viewport=PHONE, is_mobile=True, has_touch=True)
        widths.append(("phone", phone))
    failures = []
    for width, page in widths:
        watch = PageWatch(page, site_server.url)
        for name, url in urls.items():
            watch.clear()
            response = page.goto(url)
            page.wait_for_load_state("load")
            expected = 404 if name == "NotFound" else 200
            assert response.status == expected, f"{url}: {response.status}"
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator("h1").count() == 1, f"{url} has not exactly one h1"
            if language in ("el", "bg") and name in aliases:
                # Not translated yet: the English text is marked as English.
                assert page.locator("main").get_attribute("lang") == "en", url
            violations = axe_violations(page)
            if violations:
                failures.append(f"{url} ({width}):\n{describe(violations)}")
            # The 404 page's own status is the one error the browser may report.
            errors = [e for e in watch.errors if name != "NotFound" or url not in e]
            if errors:
                failures.append(f"{url} ({width}) logged errors: {errors}")
            if watch.elsewhere:
                failures.append(f"{url} ({width}) asked other origins: {watch.elsewhere}")
            if language in PHOTOGRAPHED:
                screenshot(page, f"{language}-{name}-{width}")
    assert not failures, "\n".join(failures)


def test_the_sign_form_with_errors_has_no_serious_axe_violation(demo_site, new_page):
    page = new_page(locale="el")
    page.goto(JointCallPage.objects.get(locale__language_code="el").url)
    page.get_by_role("button", name="Υπογράψτε την έκκληση").click()
    page.wait_for_selector("#form-errors")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    screenshot(page, "el-JointCallPage-errors-desktop")


def tab_until(page, predicate, limit=80):
    """Press Tab until the focused element matches ``predicate``; return it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError(f"Tabbing {limit} times never reached the element")


def skip_to_main(page):
    """Tab to the skip link and follow it, as keyboard users do to pass the header (whose search
    has a submit button of its own)."""
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#main"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"


def assert_focus_visible(element):
    assert element["outline"] != "none" and element["outlineWidth"] != "0px", element


def test_skip_link_menu_and_language_switcher_by_keyboard(demo_site, new_page):
    page = new_page(locale="en")
    page.goto("/en/")
    # The first Tab reaches the skip link, which is then visible, and leads to the content.
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main"
    assert_focus_visible(skip)
    expect(page.locator(".ecl-skip-link")).to_be_in_viewport(ratio=1)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # From the top again: the language list opens with Enter next to its button, and a language
    # is a Tab away.
    page.goto("/en/")
    selector = tab_until(page, lambda e: e["href"] == "#language-list")
    assert_focus_visible(selector)
    page.keyboard.press("Enter")
    languages = page.locator("#language-list")
    expect(languages).to_be_visible()
    assert page.locator("[data-ecl-language-selector]").get_attribute("aria-expanded") == "true"
    button = page.locator("[data-ecl-language-selector]").bounding_box()
    box = languages.bounding_box()
    assert box["x"] <= button["x"] + button["width"] / 2 <= box["x"] + box["width"]
    greek = tab_until(page, lambda e: (e["href"] or "").startswith("/language/el/"))
    assert_focus_visible(greek)
    page.keyboard.press("Enter")
    page.wait_for_url("**/el/**")
    assert page.locator("html").get_attribute("lang") == "el"
    # Every item of the main menu is reachable, visibly focused, and opens its section.
    menu = page.locator(".ecl-menu__link")
    hrefs = [menu.nth(i).get_attribute("href") for i in range(menu.count())]
    assert len(hrefs) >= 6
    last = hrefs[-1]
    for href in hrefs:
        element = tab_until(page, lambda e, href=href: e["href"] == href)
        assert_focus_visible(element)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{last}")
    assert page.locator(".ecl-menu__link[aria-current='page']").get_attribute("href") == last


def test_the_menu_folds_on_a_phone_and_opens_from_its_button(demo_site, new_page):
    page = new_page(locale="lv", viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/lv/")
    links = page.locator(".ecl-menu__link")
    assert links.count() >= 6
    # Folded: one button, no row of links across the header.
    expect(links.first).not_to_be_visible()
    page.locator("[data-ecl-menu-open]").click()
    expect(links.last).to_be_visible()
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    assert len({round(box["x"]) for box in boxes}) == 1  # one under the other, in its panel
    assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
    links.nth(1).click()
    page.wait_for_load_state()
    assert page.locator(".ecl-menu__link[aria-current='page']").count() == 1


def test_sign_form_and_its_errors_by_keyboard(demo_site, new_page):
    page = new_page(locale="en")
    page.goto(JointCallPage.objects.get(locale__language_code="en").url)
    # Sending the empty form: the summary of errors takes the focus and links to each field.
    skip_to_main(page)
    button = tab_until(page, lambda e: e["tag"] == "button" and e["type"] == "submit")
    assert_focus_visible(button)
    page.keyboard.press("Enter")
    # The site's script gives it the focus once it runs (after ECL's, both deferred).
    expect(page.locator("#form-errors")).to_be_focused()
    name_error = page.locator("#form-errors a[href='#id_name']")
    assert name_error.count() == 1
    name_error.focus()
    page.keyboard.press("Enter")
    assert focused(page)["name"] == "name"
    invalid = page.locator("#id_name")
    assert invalid.get_attribute("aria-invalid") == "true"
    assert "id_name_error" in (invalid.get_attribute("aria-describedby") or "")
    # Correcting the errors with the keyboard alone, from the name field on.
    page.keyboard.type("Kalle Keyboard")
    page.keyboard.press("Shift+Tab")
    while focused(page)["name"] != "kind":
        page.keyboard.press("Shift+Tab")
    for _ in range(10):  # the arrow keys move through the kinds of signatory, and choose
        if focused(page)["text"] == "individual":
            break
        page.keyboard.press("ArrowUp")
    assert page.locator("input[name='kind'][value='individual']").is_checked()
    tab_until(page, lambda e: e["name"] == "country")
    page.keyboard.type("Latvia")
    tab_until(page, lambda e: e["name"] == "email")
    page.keyboard.type("kalle.keyboard@example.eu")
    tab_until(page, lambda e: e["name"] == "consent")
    page.keyboard.press("Space")
    tab_until(page, lambda e: e["tag"] == "button" and e["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator("#form-errors")
    assert "/thank-you/" in page.url, errors.inner_text() if errors.count() else page.url
    assert page.locator("h1").count() == 1


def test_signatory_filters_by_keyboard(demo_site, new_page):
    page = new_page(locale="en")
    call = JointCallPage.objects.get(locale__language_code="en")
    page.goto(call.signatories_url)
    tab_until(page, lambda e: e["name"] == "q")
    page.keyboard.type("Region")
    filter_button = tab_until(page, lambda e: e["tag"] == "button")
    assert_focus_visible(filter_button)
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Region**")
    assert page.locator("main p[role='status']").count() == 1


def test_episode_chapters_move_the_player_by_keyboard(demo_site, new_page):
    episode = next(
        episode
        for episode in EpisodePage.objects.live().filter(locale__language_code="en")
        if episode.chapters and episode.audio
    )
    page = new_page(locale="en")
    page.goto(episode.get_url())
    chapter = tab_until(page, lambda e: e["tag"] == "button" and e["text"][:1].isdigit())
    assert_focus_visible(chapter)
    start = float(page.locator(".chapter").first.get_attribute("data-seek"))
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "episode-audio"
    position = page.evaluate("document.getElementById('episode-audio').currentTime")
    assert position >= start


def test_video_consent_placeholder_by_keyboard(demo_site, new_page):
    page = new_page(locale="en")
    page.goto(demo_site.platform_video.get_url())
    assert page.locator("iframe").count() == 0  # nothing loads from the platform yet
    violations = axe_violations(page)
    assert not violations, describe(violations)
    skip_to_main(page)
    play = tab_until(page, lambda e: e["tag"] == "button")
    assert_focus_visible(play)
    page.keyboard.press("Enter")
    assert page.locator("iframe").count() == 1
    assert focused(page)["tag"] == "iframe"


def test_reduced_motion_is_respected(demo_site, new_page):
    page = new_page(locale="en", reduced_motion="reduce")
    page.goto("/en/")
    styles = page.evaluate(
        """() => [getComputedStyle(document.documentElement).scrollBehavior,
                  getComputedStyle(document.querySelector('.ecl-skip-link')).transitionDuration]"""
    )
    assert styles == ["auto", "0s"]
    moving = new_page(locale="en", reduced_motion="no-preference")
    moving.goto("/en/")
    assert moving.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"
