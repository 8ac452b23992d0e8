"""The page bodies in Chromium, where only a browser can tell: the Joint Call's principle numbers
can be read, its two link-buttons do not touch, a heading is clear of the paragraph above it,
"Read the full text" leads to the text, and a document's list of languages opens; screenshots of
the landing page, the Joint Call, a document, a video and an episode in English and Latvian, at
desktop and phone widths (test-artifacts/content-*.png)."""

import pytest

from documents.models import DocumentPage
from home.models import AlliancePage, JointCallPage
from media_library.models import VideoPage
from podcasts.models import EpisodePage
from tests.browser.helpers import PHONE, screenshot

# WCAG 2.1 AA: text against its background.
MINIMUM_CONTRAST = 4.5

CONTRAST = """(element) => {
    const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => {
        const [R, G, B] = [r, g, b].map((c) => {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const transparent = (e) => getComputedStyle(e).backgroundColor.match(/[\\d.]+/g)[3] === "0";
    let background = element;
    while (background.parentElement && transparent(background)) {
        background = background.parentElement;
    }
    const fore = luminance(rgb(getComputedStyle(element).color));
    const back = luminance(rgb(getComputedStyle(background).backgroundColor));
    return (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
}"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_landing_page_principles_buttons_and_headings(demo_site, new_page, viewport):
    options = {"viewport": PHONE, "is_mobile": True} if viewport == "phone" else {}
    page = new_page(locale="lv", **options)
    page.goto(AlliancePage.objects.get(locale__language_code="lv").url)
    # The eight numbers of the principles are there to read (they were blue on blue).
    numbers = page.locator(".joint-call-teaser .principles__number")
    assert numbers.count() == 8
    for index in range(8):
        number = numbers.nth(index)
        assert number.is_visible()
        assert number.inner_text().strip().startswith(str(index + 1))
        assert number.evaluate(CONTRAST) >= MINIMUM_CONTRAST
    # "Sign the call" and "Read the full text" a space apart (they touched).
    sign, read = page.locator(".joint-call-teaser .actions a").all()
    first, second = sign.bounding_box(), read.bounding_box()
    apart_across = second["x"] - (first["x"] + first["width"])
    apart_down = second["y"] - (first["y"] + first["height"])
    assert max(apart_across, apart_down) >= 8, (first, second)
    # Each heading that follows a paragraph is clear of it (one was cramped under it).
    gaps = page.evaluate(
        """() => [...document.querySelectorAll(".stream > .rich-text + :not(.rich-text)")]
            .map((block) => [block, block.matches("h2, h3") ? block : block.querySelector("h2")])
            .filter(([block, heading]) => heading)
            .map(([block, heading]) => heading.getBoundingClientRect().top
                 - block.previousElementSibling.getBoundingClientRect().bottom)"""
    )
    assert gaps and min(gaps) >= 24, gaps


def test_read_the_full_text_leads_to_the_text_on_the_joint_call_page(demo_site, new_page):
    page = new_page(locale="lv")
    page.goto(AlliancePage.objects.get(locale__language_code="lv").url)
    page.locator(".joint-call-teaser a[href$='#full-text']").click()
    page.wait_for_url("**#full-text")
    assert page.locator("#full-text").is_visible()
    assert page.locator("#full-text-content ol li").first.is_visible()


def test_a_document_lists_its_languages_and_the_list_opens_in_a_list(demo_site, new_page):
    page = new_page(locale="lv")
    page.goto(AlliancePage.objects.get(locale__language_code="lv").url)
    file = page.locator(".latest .ecl-file").first
    toggle = file.locator(".ecl-file__translation-toggle")
    versions = file.locator(".ecl-file__translation-list")
    assert toggle.get_attribute("aria-expanded") == "false"
    if page.evaluate("!!window.ECL"):  # ECL's script opens the list
        assert not versions.is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert versions.is_visible()
        assert file.locator(".ecl-file__translation-description a").is_visible()


@pytest.mark.parametrize("language", ["en", "lv"])
def test_screenshots_of_the_page_bodies(demo_site, new_page, language):
    pages = {
        "AlliancePage": AlliancePage.objects.get(locale__language_code=language),
        "JointCallPage": JointCallPage.objects.get(locale__language_code=language),
        "DocumentPage": DocumentPage.objects.filter(locale__language_code=language)
        .order_by("-date")
        .first(),
        "VideoPage": VideoPage.objects.filter(locale__language_code=language, video__isnull=False)
        .order_by("-date")
        .first(),
        "EpisodePage": EpisodePage.objects.filter(locale__language_code=language)
        .order_by("-date")
        .first(),
    }
    for width, options in (("desktop", {}), ("phone", {"viewport": PHONE, "is_mobile": True})):
        browser_page = new_page(locale=language, **options)
        for name, page in pages.items():
            response = browser_page.goto(page.url)
            assert response.status == 200, page.url
            # Lazy images load as they come into view: scroll through the page first.
            browser_page.evaluate(
                """async () => {
                    for (let y = 0; y < document.body.scrollHeight; y += 500) {
                        window.scrollTo(0, y);
                        await new Promise((done) => setTimeout(done, 50));
                    }
                    await Promise.all([...document.images].map((image) => image.complete
                        ? null
                        : new Promise((done) => {
                            image.onload = image.onerror = done;
                            setTimeout(done, 5000);
                        })));
                    window.scrollTo(0, 0);
                }"""
            )
            screenshot(browser_page, f"content-{language}-{name}-{width}")
