"""The site's chrome on the Europa Component Library (ECL): its styles and script from the site's
own origin (hashed names in production), the icons, nothing from another origin, the language
list, the breadcrumb, the meta description and the footer in the page's language."""

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation
from PIL import Image
from wagtail.models import Page

from cms.models import SiteSettings
from tests.helpers import PAGE_NAMES, get_page

pytestmark = pytest.mark.django_db

HASHED = r"\.[0-9a-f]{12}\."


def soup_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def test_ecl_styles_and_script_come_from_the_site_with_hashed_names_in_production(
    client, site_tree, tmp_path
):
    production_storage = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=production_storage, STATIC_ROOT=tmp_path):
        call_command("collectstatic", interactive=False, verbosity=0, stdout=io.StringIO())
        cache.clear()
        soup = soup_of(client, site_tree.lv.story.url)
        styles = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        scripts = [script["src"] for script in soup.select("script[src]")]
        for path in ("ecl/styles/ecl-eu", "ecl/styles/optional/ecl-eu-default", "css/site"):
            assert any(re.fullmatch(f"/static/{path}{HASHED}css", href) for href in styles), path
        assert [re.sub(HASHED, ".", src) for src in scripts] == [
            "/static/ecl/scripts/ecl-eu.js",
            "/static/js/site.js",
        ]
        assert all(re.search(HASHED, src) for src in scripts)
        # The emblem and the icons too, and the files answer from the site itself.
        logo = soup.select_one(".ecl-site-header__logo-image")["src"]
        logos = "/static/ecl/images/logo/condensed-version/positive"
        assert re.fullmatch(rf"{logos}/logo-eu--lv{HASHED}svg", logo)
        sprite = soup.select_one(".ecl-site-header use")["xlink:href"]
        assert re.fullmatch(rf"/static/ecl/images/icons/sprites/icons{HASHED}svg#\w[\w-]*", sprite)
        ecl_css = next(href for href in styles if "ecl-eu." in href)
        response = client.get(ecl_css)
        assert response.status_code == 200
        assert b".ecl-site-header" in b"".join(response.streaming_content)
        assert "immutable" in response["Cache-Control"]


def test_the_favicon_and_touch_icons_are_the_eu_emblem(client, site_tree):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and {(16, 16), (32, 32)} <= icon.info["sizes"]
    soup = get_page(client, site_tree.en.story).soup
    assert soup.select_one('link[rel="icon"][href="/favicon.ico"]')
    touch = soup.select_one('link[rel="apple-touch-icon"]')["href"]
    touch_file = finders.find(touch.removeprefix(settings.STATIC_URL))
    assert Image.open(touch_file).size == (180, 180)
    svg = soup.select_one('link[rel="icon"][type="image/svg+xml"]')["href"]
    emblem = Path(finders.find(svg.removeprefix(settings.STATIC_URL))).read_text()
    assert "<text" not in emblem and emblem.count("#") == 2  # blue, yellow: stars, no words


def own_origin(url):
    return not urlsplit(url).netloc or urlsplit(url).netloc == "testserver"


def referenced_resources(soup):
    """What a browser loads for the page: styles, scripts, icons, images, sprites, posters."""
    loaded = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest"}
    found = [link["href"] for link in soup.select("link[href]") if loaded & set(link["rel"])]
    found += [script["src"] for script in soup.select("script[src]")]
    found += [element["src"] for element in soup.select("img[src], source[src], audio[src]")]
    found += [
        candidate.split()[0]
        for element in soup.select("[srcset]")
        for candidate in element["srcset"].split(",")
    ]
    found += [video["poster"] for video in soup.select("video[poster]")]
    found += [use.get("xlink:href") or use.get("href") for use in soup.select("use")]
    found += re.findall(r"url\(['\"]?([^'\")]+)", str(soup))
    return [url for url in found if not url.startswith("data:")]


@pytest.mark.parametrize("language", ["en", "lv"])
def test_no_page_loads_css_scripts_or_images_from_another_origin(client, site_tree, language):
    urls = [getattr(getattr(site_tree, language), name).url for name in PAGE_NAMES]
    urls += [f"/{language}/search/?query=cohesion"]
    for url in urls:
        resources = referenced_resources(soup_of(client, url))
        assert any("/static/ecl/" in resource for resource in resources), url
        elsewhere = [resource for resource in resources if not own_origin(resource)]
        assert not elsewhere, (url, elsewhere)
    resources = referenced_resources(soup_of(client, f"/{language}/no-such-page/", status=404))
    assert resources and all(own_origin(resource) for resource in resources)


@pytest.mark.parametrize("language", ["en", "lv"])
def test_the_language_list_names_the_24_languages_each_in_itself(client, site_tree, language):
    soup = get_page(client, getattr(site_tree, language).story).soup
    links = soup.select(".ecl-site-header__language-list a.ecl-site-header__language-link")
    assert [link["hreflang"] for link in links] == [code for code, _name in settings.LANGUAGES]
    names = dict(settings.LANGUAGES)
    for link in links:
        label = link.select_one(".ecl-site-header__language-link-label")
        assert label["lang"] == link["hreflang"]
        assert label.get_text() == names[link["hreflang"]]
    assert [link["hreflang"] for link in links if link.get("aria-current")] == [language]
    # The button that opens it says which language the page is in, in that language.
    button = soup.select_one("[data-ecl-language-selector]")
    assert button["aria-controls"] == "language-list"
    assert button.select_one(f'[lang="{language}"]').get_text() == names[language]


def page_header(rf, page, language):
    """includes/page_header.html, which every page template includes, for ``page``."""
    request = rf.get(page.url)
    with translation.override(language):
        html = render_to_string(
            "includes/page_header.html",
            {"page": page, "request": request, "version": 1, "LANGUAGE_CODE": language},
        )
    return BeautifulSoup(html, "html.parser")


def test_the_breadcrumb_leads_from_home_to_the_page_and_marks_untranslated_titles(
    client, rf, site_tree
):
    soup = page_header(rf, site_tree.lv.story, "lv")
    crumbs = soup.select(".ecl-breadcrumb__segment")
    assert [crumb.get_text(strip=True) for crumb in crumbs] == [
        "Sākumlapa",
        site_tree.lv.story_index.title,
        site_tree.lv.story.title,
    ]
    assert [a["href"] for a in soup.select(".ecl-breadcrumb a")] == [
        site_tree.lv.home.url,
        site_tree.lv.story_index.url,
    ]
    assert crumbs[-1]["aria-current"] == "page"
    assert not soup.select(".ecl-breadcrumb [lang]")
    assert soup.select_one("h1.ecl-page-header__title").get_text() == site_tree.lv.story.title
    # In Greek the stories are not translated yet: their titles are marked as English.
    greek_story = Page.objects.get(
        translation_key=site_tree.en.story.translation_key, locale__language_code="el"
    ).specific
    greek = page_header(rf, greek_story, "el")
    assert [a.get("lang") for a in greek.select(".ecl-breadcrumb a")] == [None, "en"]
    # On a page: the landing page has none, it is where every breadcrumb starts.
    content = get_page(client, site_tree.lv.content).soup
    assert [a["href"] for a in content.select(".ecl-breadcrumb a")] == [site_tree.lv.home.url]
    assert not get_page(client, site_tree.lv.home).soup.select(".ecl-breadcrumb")


def meta_description(soup):
    (meta,) = soup.select('meta[name="description"]')
    return meta["content"]


def test_meta_description_falls_back_to_the_introduction(
    client, site_tree, django_capture_on_commit_callbacks
):
    index = site_tree.en.story_index

    def publish(**fields):
        for name, value in fields.items():
            setattr(index, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            index.save_revision().publish()
        return meta_description(get_page(client, index).soup)

    introduction = "How the Alliance and its members <b>speak up</b> for cohesion policy."
    assert publish(search_description="", introduction=introduction) == (
        "How the Alliance and its members speak up for cohesion policy."
    )
    # Long introductions are cut at a word, and a search description, when given, wins.
    words = " ".join(["cohesion"] * 60)
    assert publish(introduction=words) == " ".join(["cohesion"] * 25) + " …"
    described = "Stories of the #CohesionAlliance."
    assert publish(search_description=described) == described


@pytest.mark.parametrize("url", ["/lv/no-such-page/", "/lv/search/"])
def test_pages_of_no_page_have_a_meta_description_too(client, site_tree, url):
    soup = soup_of(client, url, status=404 if "no-such" in url else 200)
    assert meta_description(soup) == "Par spēcīgu ES kohēzijas politiku"


def test_the_footer_names_the_country_in_the_language_of_the_page(
    client, site_tree, django_capture_on_commit_callbacks
):
    site_settings = SiteSettings.objects.get()
    site_settings.postal_address = "Rue Belliard 99-101\n1040 Bruxelles/Brussel\nBelgium"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    latvian = get_page(client, site_tree.lv.story).soup.select_one(".ecl-site-footer address")
    assert "Beļģija" in latvian.get_text() and "Belgium" not in latvian.get_text()
    assert "1040 Bruxelles/Brussel" in latvian.get_text()
    english = get_page(client, site_tree.en.story).soup.select_one(".ecl-site-footer address")
    assert "Belgium" in english.get_text()


def test_the_footer_follows_us_with_ecl_social_media_icons(client, site_tree):
    footer = get_page(client, site_tree.lv.home).soup.select_one(".ecl-site-footer")
    follow = footer.select_one("#follow-us").find_next("ul")
    (link,) = follow.select("a")
    assert link["href"] == "https://x.com/EU_CoR"
    assert link.get_text(strip=True) == "X"
    assert link.select_one("use")["xlink:href"].endswith("icons-social-media.svg#twitter")
