"""End-to-end journeys in Chromium: a visitor with a Latvian browser, an officer who writes a
story in the admin, a translator who takes it into Latvian with wagtail-localize."""

import re
import threading
from pathlib import Path

from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from wagtail.models import Locale

from documents.models import DocumentIndexPage
from home.models import JointCallPage, StoryIndexPage, StoryPage
from podcasts.models import PodcastIndexPage
from signatures.models import Signature
from tests.browser.helpers import PASSWORD, publish, screenshot, wait_for_autosave
from tests.signatures.signing import last_email_to, link_path


def run_worker():
    """The task worker (`manage.py db_worker --batch`'s) in a thread of its own, whose database
    connection commits: this test's own is in a transaction that the server thread cannot see.
    The command itself cannot run there (it sets signal handlers, which only the main thread
    may), so its worker runs without them."""
    failures = []

    def work():
        try:
            Worker(
                queue_names=["*"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id="browser-tests",
                excluded_queue_names=[],
            ).run()
        except Exception as error:
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert not failures, failures


def test_visitor_with_a_latvian_browser_signs_in_greek_downloads_and_listens(demo_site, new_page):
    page = new_page(locale="lv-LV")
    page.goto("/")
    assert re.search(r"/lv/$", page.url), page.url
    assert page.locator("html").get_attribute("lang") == "lv"

    # Every section, from the main menu.
    menu = page.locator(".ecl-menu__link")
    count = menu.count()
    assert count >= 7
    for index in range(count):
        link = page.locator(".ecl-menu__link").nth(index)
        href = link.get_attribute("href")
        link.click()
        page.wait_for_url(f"**{href}")
        assert page.locator("h1").count() == 1
        assert page.locator(f".ecl-menu__link[href='{href}']").get_attribute("aria-current")

    # Greek, from the language switcher; the choice is remembered.
    page.locator("[data-ecl-language-selector]").click()
    page.locator(".ecl-site-header__language-link[hreflang='el']").click()
    page.wait_for_url("**/el/**")
    assert page.locator("html").get_attribute("lang") == "el"
    page.goto("/")
    assert re.search(r"/el/$", page.url), page.url

    # Signing the call in Greek, and confirming from the email.
    page.locator(f".ecl-menu__link[href='{section_url(JointCallPage)}']").click()
    # The radio buttons and checkboxes are drawn by their labels (ECL), which visitors click.
    page.locator("label[for='id_kind_0']").click()
    assert page.locator("#id_kind_0").is_checked()
    page.locator("#id_name").fill("Eleni Papadopoulou")
    page.locator("#id_country").select_option("GR")
    page.locator("#id_email").fill("eleni@example.eu")
    page.locator("label[for='id_consent']").click()
    assert page.locator("#id_consent").is_checked()
    page.locator("form.form button[type='submit']").click()
    page.wait_for_url("**/thank-you/**")
    signature = Signature.objects.get(email="eleni@example.eu")
    assert signature.status == Signature.Status.PENDING
    assert signature.language == "el"
    run_worker()
    page.goto(link_path(last_email_to("eleni@example.eu"), "confirm"))
    page.locator("main form button[type='submit']").click()
    page.wait_for_load_state()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.CONFIRMED
    screenshot(page, "journey-visitor-confirmed")

    # A document, from the documents section.
    page.locator(f".ecl-menu__link[href='{section_url(DocumentIndexPage)}']").click()
    page.locator("main .ecl-file__title a").first.click()
    download_link = page.locator(".ecl-file__translation-download").first
    with page.expect_download() as download_info:
        download_link.click(modifiers=["Alt"])  # Alt+click: save the link rather than open it
    download = download_info.value
    assert Path(download.path()).read_bytes()[:5] == b"%PDF-"

    # An episode, from the podcasts section: it plays.
    page.locator(f".ecl-menu__link[href='{section_url(PodcastIndexPage)}']").click()
    page.locator("main .ecl-content-block__title a").first.click()  # a show
    page.locator("main .ecl-content-block__title a").first.click()  # its latest episode
    player = page.locator("audio")
    player.evaluate("audio => audio.play()")
    page.wait_for_function("() => document.querySelector('audio').currentTime > 0.2")
    assert player.evaluate("audio => !audio.paused && !audio.error")


def section_url(model, language="el"):
    return model.objects.get(locale__language_code=language).get_url()


def log_in(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type='submit']").click()
    page.wait_for_url("**/admin/")


def add_block(page, label):
    """Append a block to the body with the last "Insert a block" button and its chooser."""
    page.locator("[data-contentpath='body'] button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def test_officer_writes_a_story_and_a_translator_takes_it_into_latvian(demo_site, new_page):
    stories = StoryIndexPage.objects.get(locale__language_code="en")
    page = new_page(locale="en-GB")
    log_in(page, "officer")
    page.goto(f"/admin/pages/add/home/storypage/{stories.pk}/")
    page.locator("#id_title").fill("Rail links across the border")
    page.locator("#id_date").fill("2025-03-14")
    page.locator("#id_summary").fill("Two regions share one train.")
    add_block(page, "Heading")
    page.locator("input[name='body-0-value-text']").fill("A train for two regions")
    add_block(page, "Paragraph")
    editor = page.locator("[data-contentpath='body'] .public-DraftEditor-content").last
    editor.click()
    page.keyboard.type("Since 2024 the train runs every hour.")
    add_block(page, "Quote")
    page.locator("textarea[name='body-2-value-quote']").fill("We meet on the train.")
    page.locator("input[name='body-2-value-attribution']").fill("A commuter")

    # Saved as a draft, then previewed: the preview shows the blocks before anything is live.
    wait_for_autosave(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    story = StoryPage.objects.get(title="Rail links across the border", locale__language_code="en")
    assert not story.live
    page.goto(f"/admin/pages/{story.pk}/edit/")
    previews = []
    page.on(
        "response",
        lambda r: previews.append((r.url, r.status, r.headers)) if "preview" in r.url else None,
    )
    with page.expect_response(re.compile(r"/preview/$")) as checked:
        page.locator("button[data-side-panel-toggle='preview']").click()
    assert checked.value.json().get("is_valid"), checked.value.json()
    preview = page.frame_locator("#w-preview-iframe")
    try:
        preview.locator("h2", has_text="A train for two regions").wait_for()
    except Exception:
        raise AssertionError(
            f"The preview panel shows nothing; the preview answers: {previews}"
        ) from None
    finally:
        screenshot(page, "journey-officer-preview")
    assert preview.locator("blockquote", has_text="We meet on the train.").count() == 1

    publish(page, f"**/admin/pages/{stories.pk}/**")
    story.refresh_from_db()
    assert story.live
    visitor = new_page(locale="en-GB")
    visitor.goto(story.get_url())
    assert visitor.locator("h1").inner_text() == "Rail links across the border"
    assert visitor.locator("main h2", has_text="A train for two regions").count() == 1

    # The translator takes it into Latvian with the machine translator, and publishes.
    translator = new_page(locale="en-GB")
    log_in(translator, "translator")
    translator.goto(f"/admin/localize/submit/page/{story.pk}/")
    latvian_locale = Locale.objects.get(language_code="lv")
    translator.locator(f"input[name='locales'][value='{latvian_locale.pk}']").check()
    translator.get_by_role("button", name="Submit", exact=True).click()
    translator.wait_for_url("**/admin/pages/*/edit/**")
    with translator.expect_navigation():
        translator.get_by_role("button", name=re.compile("Translate with")).click()
    screenshot(translator, "journey-translator-editor")
    with translator.expect_navigation():
        translator.get_by_role("button", name=re.compile("Publish in")).click()
    latvian = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="lv"
    )
    assert latvian.live and latvian.alias_of_id is None
    visitor.goto(latvian.get_url())
    assert visitor.locator("html").get_attribute("lang") == "lv"
    assert visitor.locator(".translation-notice").count() == 0
    # The dummy machine translator reverses the words.
    assert visitor.locator("h1").inner_text() == "border the across links Rail"
    assert visitor.locator("main h2", has_text="regions two for train A").count() == 1
    screenshot(visitor, "journey-translator-published")
