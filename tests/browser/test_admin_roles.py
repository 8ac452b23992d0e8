"""The admin as each role uses it, in Chromium: a signature manager exports, a translator
starts from the English tree and the status report and translates with the page chooser
working, while visitors see nothing change until publication."""

import csv
import re

from home.models import JointCallPage
from tests.browser.helpers import publish, screenshot
from tests.browser.test_journeys import add_block, log_in, run_worker


def test_signature_manager_sees_the_dashboard_and_exports_the_signatures(demo_site, new_page):
    page = new_page(locale="en-GB")
    log_in(page, "signature-manager")
    screenshot(page, "admin-signature-manager-dashboard")
    page.get_by_role("button", name="Signatures").click()
    page.get_by_role("link", name="Call settings").click()
    page.wait_for_url("**/admin/signatures/calls/")
    assert page.get_by_role("link", name=demo_site.call.title).count() >= 1
    page.goto("/admin/signatures/")
    screenshot(page, "admin-signature-manager-signatures")
    page.locator("header").get_by_role("button", name="Actions").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        header = next(csv.reader(exported))
    assert "Reference" in header and any(h.startswith("Signed at") for h in header), header
    # No pages for this role.
    page.goto("/admin/pages/")
    assert (
        page.get_by_text("do not have permission").count() >= 1 or "/admin/pages/" not in page.url
    )


def test_translator_starts_from_the_english_tree_and_the_status_report(demo_site, new_page):
    call = JointCallPage.objects.get(pk=demo_site.call.pk)
    page = new_page(locale="en-GB")
    log_in(page, "translator")

    # The English tree, which they read but do not edit.
    english_home = call.get_parent()
    page.goto(f"/admin/pages/{english_home.pk}/")
    screenshot(page, "admin-translator-english-tree")
    # Listed (with "Translate" in its menu), not a link to an editor they may not open.
    assert page.locator("main").get_by_text(call.title, exact=True).count() == 1
    assert page.get_by_role("link", name=call.title, exact=True).count() == 0

    # The status report leads somewhere they may go.
    page.goto("/admin/reports/translation-status/")
    screenshot(page, "admin-translator-status-report")
    page.get_by_role("link", name=call.title, exact=True).first.click()
    page.wait_for_load_state()
    assert page.get_by_text("you do not have permission").count() == 0

    # Greek: the demo has translated the call's title and introduction (its section pages speak
    # every language); the rest is the translator's work, and the visitors' page stays as it was
    # until the translation is published.
    visitor = new_page(locale="el-GR")
    greek = JointCallPage.objects.get(
        translation_key=call.translation_key, locale__language_code="el"
    )
    visitor.goto(greek.get_url())
    before = visitor.locator("main").inner_html()
    assert visitor.locator(".translation-notice").count() == 0

    page.goto(f"/admin/pages/{greek.pk}/edit/")
    page.wait_for_load_state()
    assert page.get_by_text("you do not have permission").count() == 0
    # The page chooser of the full text's call to action asks the admin API, and gets JSON.
    answers = []
    page.on(
        "response",
        lambda r: answers.append((r.url, r.status)) if "/admin/api/main/pages/" in r.url else None,
    )
    page.reload()
    page.wait_for_load_state("networkidle")
    screenshot(page, "admin-translator-editor-greek")
    assert answers and all(status == 200 for _url, status in answers), answers
    assert page.get_by_text("Fetching page information").count() == 0

    visitor.goto(greek.get_url())
    assert visitor.locator("main").inner_html() == before

    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Translate with")).click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Publish in")).click()
    visitor.goto(greek.get_url())
    assert visitor.locator(".translation-notice").count() == 0
    assert visitor.locator("main").inner_html() != before
    screenshot(visitor, "admin-translator-greek-published")


def choose_page(page, title):
    """Pick ``title`` in the last empty page chooser of the body (its search, in the modal)."""
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name=re.compile("Choose a page")).last.click()
    modal = page.locator(".modal-content")
    modal.locator("input[name='q']").fill(title)
    modal.get_by_role("link", name=title, exact=True).first.click()
    modal.wait_for(state="hidden")


def test_officer_builds_publishes_moves_and_deletes_as_a_member_of_officers(demo_site, new_page):
    from home.models import ContentPage, StoryIndexPage, StoryPage
    from podcasts.models import EpisodePage, PodcastShowPage

    page = new_page(locale="en-GB")
    log_in(page, "officer-in-group")
    stories = StoryIndexPage.objects.get(locale__language_code="en")
    home = stories.get_parent()

    # A page to link to, then a story that links to it and shows a video.
    page.goto(f"/admin/pages/add/home/contentpage/{home.pk}/")
    screenshot(page, "admin-officer-add-page")
    page.locator("#id_title").fill("Cycle paths toolkit")
    page.locator("#id_introduction").fill("Plans and signs for a cycle path.")  # the slug follows
    publish(page, f"**/admin/pages/{home.pk}/**")
    screenshot(page, "admin-officer-published-toolkit")
    toolkit = ContentPage.objects.get(title="Cycle paths toolkit", locale__language_code="en")
    run_worker()  # the search index learns of it, for the chooser's search

    page.goto(f"/admin/pages/add/home/storypage/{stories.pk}/")
    page.locator("#id_title").fill("Cycling across the border")
    page.locator("#id_date").fill("2025-04-01")
    page.locator("#id_summary").fill("Two towns share one cycle path.")
    add_block(page, "Video")
    choose_page(
        page,
        "Cohesion Alliance - Join us for a strong cohesion policy!",
    )
    add_block(page, "Call to action")
    page.locator("input[name='body-1-value-heading']").fill("Build your own")
    page.locator("input[name='body-1-value-link_label']").fill("Get the toolkit")
    choose_page(page, toolkit.title)
    publish(page, f"**/admin/pages/{stories.pk}/**")
    story = StoryPage.objects.get(title="Cycling across the border", locale__language_code="en")
    assert story.live
    run_worker()  # the reference index learns what the story links to
    visitor = new_page(locale="en-GB")
    visitor.goto(story.get_url())
    assert visitor.locator("main video").count() >= 1
    assert visitor.get_by_role("link", name="Get the toolkit").count() == 1
    screenshot(visitor, "admin-officer-story-published")

    # Deleting the toolkit names the story that links to it, once, and says the copies go.
    page.goto(f"/admin/pages/{toolkit.pk}/delete/")
    screenshot(page, "admin-officer-delete-confirmation")
    main = page.locator("main")
    assert main.get_by_text(story.title).count() == 1
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Yes, delete")).click()
    assert not ContentPage.objects.filter(title="Cycle paths toolkit").exists()
    visitor.goto(story.get_url())
    assert visitor.get_by_role("link", name="Get the toolkit").count() == 0
    assert visitor.locator("h1").inner_text() == "Cycling across the border"

    # Moving an episode to another show moves its Latvian translation too, with a redirect.
    episode = EpisodePage.objects.filter(locale__language_code="en").first()
    show = episode.get_parent()
    other = PodcastShowPage.objects.filter(locale__language_code="en").exclude(pk=show.pk).first()
    latvian = EpisodePage.objects.get(
        translation_key=episode.translation_key, locale__language_code="lv"
    )
    old_latvian_url = latvian.get_url()
    page.goto(f"/admin/pages/{episode.pk}/move/{other.pk}/confirm/")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Yes, move")).click()
    latvian = EpisodePage.objects.get(pk=latvian.pk)
    assert latvian.get_parent().translation_key == other.translation_key
    response = visitor.goto(old_latvian_url)
    assert response.ok and visitor.url.endswith(latvian.get_url())
    # The page that held the site up stays: no delete for the show.
    page.goto(f"/admin/pages/{other.pk}/delete/")
    assert "/delete/" not in page.url or page.get_by_text("permission").count() >= 1
