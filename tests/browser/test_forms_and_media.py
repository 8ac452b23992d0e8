"""The sign form, the filters and the media as a visitor sees them, in English and Latvian, on a
desktop and a phone (screenshots of each go to test-artifacts/): the filter button level with its
fields and apart from "Show all", every checkbox the same size, no radio button's label wrapping
under its button; the demo's videos play with their captions."""

import pytest
from django.utils import translation

from home.models import JointCallPage
from media_library.models import VideoPage
from podcasts.models import EpisodePage, PodcastShowPage
from tests.browser.helpers import PHONE, screenshot

WIDTHS = {"desktop": {}, "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True}}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "lv"])
def test_filters_are_level_with_their_fields_and_apart(demo_site, new_page, language, width):
    page = new_page(locale=language, **WIDTHS[width])
    call = JointCallPage.objects.get(locale__language_code=language)
    with translation.override(language):
        page.goto(call.signatories_url)
    button = box(page, ".filters__actions button")
    show_all = box(page, ".filters__actions a")
    if width == "desktop":
        # One row: the button's bottom edge on the fields' bottom edge.
        for field in ("select[name='kind']", "select[name='country']", "input[name='q']"):
            field_box = box(page, field)
            assert abs(field_box["y"] + field_box["height"] - (button["y"] + button["height"])) <= 1
    assert abs(button["height"] - show_all["height"]) <= 1
    assert abs(button["y"] - show_all["y"]) <= 1
    assert show_all["x"] - (button["x"] + button["width"]) >= 12  # "Filter" and "Show all" apart
    screenshot(page, f"{language}-Signatories-filters-{width}")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "lv"])
def test_sign_form_boxes_are_alike_and_labels_stay_beside_them(
    demo_site, new_page, language, width
):
    page = new_page(locale=language, **WIDTHS[width])
    page.goto(JointCallPage.objects.get(locale__language_code=language).url)
    checkboxes = page.locator(".form--sign .ecl-checkbox__box")
    sizes = {
        (round(b["width"]), round(b["height"]))
        for b in (checkboxes.nth(n).bounding_box() for n in range(checkboxes.count()))
    }
    assert checkboxes.count() == 3 and len(sizes) == 1, sizes  # the consent's too
    # Every line of a radio button's or checkbox's label starts right of its box.
    overlaps = page.evaluate(
        """() => [...document.querySelectorAll('.form--sign label')].flatMap(label => {
            const box = label.querySelector('.ecl-radio__box, .ecl-checkbox__box');
            const text = label.querySelector('.ecl-radio__text, .ecl-checkbox__text');
            if (!box) return [];
            const edge = box.getBoundingClientRect().right;
            return [...text.getClientRects()].filter(line => line.left < edge)
                .map(() => text.textContent);
        })"""
    )
    assert overlaps == []
    if width == "phone":  # the long "Elected representative" label does wrap, beside its button
        heights = page.evaluate(
            """() => [...document.querySelectorAll('.form--sign .ecl-radio__text')]
                .map(text => text.offsetHeight)"""
        )
        assert max(heights) > 1.5 * min(heights), heights
    page.locator("#sign").scroll_into_view_if_needed()
    screenshot(page, f"{language}-JointCallPage-form-{width}")
    page.locator(".form--sign button[type='submit']").click()
    page.wait_for_selector("#form-errors")
    assert page.locator(".ecl-feedback-message").count() >= 4
    screenshot(page, f"{language}-JointCallPage-errors-{width}")


@pytest.mark.parametrize("language", ["en", "lv"])
def test_demo_videos_play_with_their_captions(demo_site, new_page, language):
    page = new_page(locale=language)
    videos = VideoPage.objects.live().filter(locale__language_code=language, video__isnull=False)
    # The video with a recording of its own, and one that plays the shared clip.
    shown = [videos.order_by("video_id").first(), videos.order_by("-video_id").first()]
    for number, video in enumerate(shown):
        page.goto(video.get_url())
        player = page.locator("main video")
        player.evaluate("video => { video.muted = true; return video.play(); }")
        page.wait_for_function(
            "() => { const v = document.querySelector('main video'); return v.currentTime > 0.3; }"
        )
        state = player.evaluate(
            """video => ({error: video.error, duration: video.duration,
                tracks: [...video.textTracks].map(track => track.language).sort()})"""
        )
        assert state["error"] is None and state["duration"] > 5, state
        assert state["tracks"] == ["en", "lv"], state
        screenshot(page, f"{language}-VideoPage-{number}-desktop")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "lv"])
def test_podcast_pages(demo_site, new_page, language, width):
    """Screenshots of a show and an episode, whose covers keep their ring of stars."""
    page = new_page(locale=language, **WIDTHS[width])
    show = PodcastShowPage.objects.live().filter(locale__language_code=language).first()
    page.goto(show.get_url())
    covers = page.locator("main img")
    assert covers.count() >= 1
    screenshot(page, f"{language}-PodcastShowPage-{width}")
    episode = EpisodePage.objects.live().child_of(show).first()
    page.goto(episode.get_url())
    screenshot(page, f"{language}-EpisodePage-{width}")
