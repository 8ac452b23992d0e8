"""The admin as each role uses it, in Chromium: a signature manager exports, a translator
starts from the English tree and the status report and translates with the page chooser
working, while visitors see nothing change until publication."""

import csv
import re

from wagtail.models import Locale

from home.models import JointCallPage
from tests.browser.helpers import screenshot
from tests.browser.test_journeys import log_in


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

    # Greek: the visitors' page stays as it was until the translation is published.
    visitor = new_page(locale="el-GR")
    german = JointCallPage.objects.get(
        translation_key=call.translation_key, locale__language_code="el"
    )
    visitor.goto(german.get_url())
    before = visitor.locator("main").inner_html()
    assert visitor.locator(".translation-notice").count() == 1

    page.goto(f"/admin/localize/submit/page/{call.pk}/")
    greek_locale = Locale.objects.get(language_code="el")
    page.locator(f"input[name='locales'][value='{greek_locale.pk}']").check()
    page.get_by_role("button", name="Submit", exact=True).click()
    page.wait_for_url("**/admin/pages/*/edit/**")
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

    visitor.goto(german.get_url())
    assert visitor.locator(".translation-notice").count() == 1
    assert visitor.locator("main").inner_html() == before
    assert visitor.locator('link[hreflang="el"]').count() == 0

    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Translate with")).click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Publish in")).click()
    visitor.goto(
        JointCallPage.objects.get(
            translation_key=call.translation_key, locale__language_code="el"
        ).get_url()
    )
    assert visitor.locator(".translation-notice").count() == 0
    screenshot(visitor, "admin-translator-greek-published")
