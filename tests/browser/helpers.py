"""Helpers of the browser tests: axe-core, screenshots, the keyboard focus, what a page says in
its console and which origins it asks for."""

import os
import re
import warnings
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

BASE_DIR = Path(settings.BASE_DIR)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = BASE_DIR / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = BASE_DIR / "test-artifacts"
PASSWORD = "browser-pw"
# The languages of the browser tests: the source, its demo translation and two alphabets more.
LANGUAGES = ["en", "lv", "el", "bg"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def axe_violations(page, impacts=("serious", "critical")):
    """axe-core's violations of WCAG 2.0/2.1 A and AA (and best practices) on ``page``."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """() => axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary)
        })))"""
    )
    return [violation for violation in results if violation["impact"] in impacts]


def describe(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )


# Lazy images (cards, figures) load as they scroll into view: a full-page screenshot does not
# scroll, so they are loaded first, within two seconds.
LOAD_LAZY_IMAGES = """async () => {
    const images = [...document.querySelectorAll('img[loading="lazy"]')];
    images.forEach((image) => { image.loading = "eager"; });
    const loaded = images.map((image) => image.complete ? null : new Promise((done) => {
        image.addEventListener("load", done);
        image.addEventListener("error", done);
    }));
    await Promise.race([Promise.all(loaded), new Promise((done) => setTimeout(done, 2000))]);
}"""


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "-", name).strip("-")
    page.evaluate(LOAD_LAZY_IMAGES)
    page.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=True)


def focused(page):
    """What has the keyboard focus: tag, id, text and href of the active element."""
    return page.evaluate(
        """() => { const e = document.activeElement; return {
            tag: e.tagName.toLowerCase(), id: e.id, text: (e.innerText || e.value || "").trim(),
            href: e.getAttribute("href"), name: e.getAttribute("name"), type: e.type || null,
            outline: getComputedStyle(e).outlineStyle,
            outlineWidth: getComputedStyle(e).outlineWidth }; }"""
    )


def wait_for_autosave(page):
    """Until the editor has autosaved what was typed into it (Wagtail 8 autosaves half a second
    after an edit). Publish or Save draft clicked while an autosave is under way is refused as
    overwriting a newer version, which a person would see and click again; a test must wait."""
    page.wait_for_function(
        """() => {
            const form = document.querySelector("form[data-controller~='w-autosave']");
            const app = window.wagtail && window.wagtail.app;
            if (!form || !app) return true;
            const autosave = app.getControllerForElementAndIdentifier(form, "w-autosave");
            const unsaved = app.getControllerForElementAndIdentifier(form, "w-unsaved");
            if (!autosave || !unsaved || !autosave.activeValue) return true;
            return Boolean(unsaved.initialFormData) && !autosave.submitPromise
                && !unsaved.hasEditsValue && unsaved.formData === unsaved.initialFormData;
        }"""
    )


# Wagtail's editing session holds Publish back behind its "save confirmation" dialog after a
# failed ping ("network") or when the server reports a newer revision ("conflict").
SESSION_STATE = r"""() => {
    const element = document.querySelector("[data-controller~='w-session']");
    const session = element
        && window.wagtail.app.getControllerForElementAndIdentifier(element, "w-session");
    const dialog = document.querySelector("#w-save-confirmation-dialog");
    return {intercept: session ? session.interceptValue : null,
            dialog: dialog ? dialog.innerText.replace(/\s+/g, " ").trim().slice(0, 200) : null,
            dialogShown: dialog ? dialog.getAttribute("aria-hidden") !== "true" : null};
}"""


def publish(page, then_url):
    """Publish what the editor holds, from the footer's menu, and wait for the page Wagtail goes
    to then (``then_url``, a glob). A click that Wagtail refuses, or that the menu swallows, while
    an autosave is under way leaves the editor where it was; a person clicks again, and so does
    this, once. If the second fails too, what the editor shows is in the error and in
    test-artifacts/publish-failed.png."""
    publish_button = page.locator("button[name='action-publish']")
    posts = []
    page.on(
        "response",
        lambda response: (
            posts.append((response.url, response.status))
            if response.request.method == "POST"
            else None
        ),
    )
    for attempt in range(2):
        wait_for_autosave(page)
        if not publish_button.is_visible():
            page.locator("footer").get_by_role("button", name="More actions").click()
        publish_button.click()
        try:
            page.wait_for_url(then_url, timeout=20_000)
            return
        except PlaywrightTimeoutError:
            if not attempt:
                # Shown in the run's warnings: how often a person would have clicked twice.
                warnings.warn(
                    f"Publishing took a second click at {page.url}; POSTs: {posts}; "
                    f"the session: {page.evaluate(SESSION_STATE)}",
                    stacklevel=2,
                )
            if attempt:
                screenshot(page, "publish-failed")
                messages = page.locator(".messages, .help-critical, [role='alert']")
                raise AssertionError(
                    f"Publishing left the editor at {page.url}; POSTs: {posts}; it says: "
                    f"{messages.all_inner_texts()}; the session: {page.evaluate(SESSION_STATE)}"
                ) from None


class PageWatch:
    """What a page does while it loads: the errors in its console (and uncaught exceptions), and
    the requests it makes to another origin than the site's. ``clear()`` before each address."""

    def __init__(self, page, site_url):
        self.host = urlsplit(site_url).netloc
        self.errors = []
        self.elsewhere = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("request", self._request)

    def _console(self, message):
        if message.type == "error":
            location = message.location.get("url", "")
            self.errors.append(f"{message.text} ({location})" if location else message.text)

    def _request(self, request):
        netloc = urlsplit(request.url).netloc
        if netloc and netloc != self.host:
            self.elsewhere.append(request.url)

    def clear(self):
        self.errors.clear()
        self.elsewhere.clear()
