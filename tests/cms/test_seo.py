"""Findable and shareable: sitemap with hreflang alternates, robots.txt, canonical addresses,
Open Graph and Twitter cards, schema.org data, and share links that load nothing from others."""

import json
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from cms.models import SiteSettings
from tests.helpers import get_page

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def alias(page, language):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=language)


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_translated_page_with_its_alternates(client, site_tree):
    entries = sitemap_entries(client)
    for name in ("home", "story", "joint_call", "episode", "document", "video"):
        english = getattr(site_tree.en, name).get_full_url()
        latvian = getattr(site_tree.lv, name).get_full_url()
        assert english in entries and latvian in entries, name
        expected = {"en": english, "lv": latvian, "x-default": english}
        assert entries[english] == expected, name
        assert entries[latvian] == expected, name
    assert "/lv/" in site_tree.lv.story.get_full_url()


def test_sitemap_leaves_out_untranslated_copies_and_unpublished_pages(client, site_tree):
    french_story = alias(site_tree.en.story, "fr")
    assert french_story.alias_of_id
    site_tree.en.content.unpublish()
    entries = sitemap_entries(client)
    assert french_story.get_full_url() not in entries
    assert not any("/fr/" in location for location in entries)
    assert site_tree.en.content.get_full_url() not in entries
    # The Latvian page stays, without its unpublished English alternate.
    assert entries[site_tree.lv.content.get_full_url()] == {
        "lv": site_tree.lv.content.get_full_url()
    }


def test_robots_txt_points_to_the_sitemap_and_keeps_out_the_admin(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/search/" in lines and "Disallow: /lv/search/" in lines
    assert "Disallow: /" not in lines


def canonical(soup):
    links = soup.select('link[rel="canonical"]')
    assert len(links) == 1
    return links[0]["href"]


def test_canonical_address_of_pages_routes_aliases_and_list_pages(client, site_tree):
    story = site_tree.en.story
    assert canonical(get_page(client, story).soup) == story.get_full_url()
    assert canonical(get_page(client, site_tree.lv.story).soup) == site_tree.lv.story.get_full_url()
    # An untranslated copy points to the page whose content it shows.
    assert canonical(get_page(client, alias(story, "de")).soup) == story.get_full_url()
    # A route of a routable page is its own address.
    call = site_tree.en.joint_call
    response = client.get(call.url + "signatories/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert canonical(soup) == call.get_full_url() + "signatories/"
    # Query strings are dropped, except the page number of a list.
    index = site_tree.en.story_index
    soup = BeautifulSoup(client.get(index.url + "?utm_source=x").content, "html.parser")
    assert canonical(soup) == index.get_full_url()


def meta(soup, name):
    tag = soup.select_one(f'meta[property="{name}"], meta[name="{name}"]')
    return tag["content"] if tag else None


def test_open_graph_and_twitter_cards_with_the_page_image(client, site_tree):
    story = site_tree.en.story
    story.search_description = ""
    story.summary = "How Mons rebuilt its <b>station</b> quarter."
    story.save_revision().publish()
    soup = get_page(client, story).soup
    assert meta(soup, "og:title") == story.title
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:url") == story.get_full_url()
    assert meta(soup, "og:description") == "How Mons rebuilt its station quarter."
    assert meta(soup, "og:locale") == "en_GB"
    assert meta(soup, "twitter:card") == "summary_large_image"
    image = meta(soup, "og:image")
    assert image.startswith("http") and ".fill-1200x630" in image
    rendition = site_tree.image.get_rendition("fill-1200x630")
    assert image == rendition.full_url
    sizes = (meta(soup, "og:image:width"), meta(soup, "og:image:height"))
    assert sizes == (str(rendition.width), str(rendition.height))
    assert meta(soup, "twitter:image") == image
    latvian = get_page(client, site_tree.lv.story).soup
    assert meta(latvian, "og:locale") == "lv_LV"


def test_a_page_without_image_shares_the_site_default_image(
    client, site_tree, django_capture_on_commit_callbacks
):
    page = site_tree.en.content
    soup = get_page(client, page).soup
    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"
    settings = SiteSettings.objects.get()
    settings.share_image = site_tree.image
    with django_capture_on_commit_callbacks(execute=True):  # moves the content version on
        settings.save()
    soup = get_page(client, page).soup
    assert ".fill-1200x630" in meta(soup, "og:image")
    assert meta(soup, "twitter:card") == "summary_large_image"


def json_ld(client, page):
    scripts = get_page(client, page).soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, page.url
    return json.loads(scripts[0].string)


def test_landing_page_describes_the_organisation_and_the_site_search(client, site_tree):
    data = json_ld(client, site_tree.en.home)
    types = {item["@type"]: item for item in data["@graph"]}
    organization = types["Organization"]
    assert organization["name"] == "#CohesionAlliance"
    assert organization["url"] == site_tree.en.home.get_full_url()
    assert organization["sameAs"] == ["https://x.com/EU_CoR"]
    assert organization["email"] == "cohesionalliance@example.eu"
    search = types["WebSite"]["potentialAction"]
    assert search["target"]["urlTemplate"] == "http://testserver/en/search/?query={query}"


def test_story_is_an_article(client, site_tree):
    data = json_ld(client, site_tree.lv.story)
    assert data["@type"] == "Article"
    assert data["headline"] == site_tree.lv.story.title
    assert data["inLanguage"] == "lv"
    assert data["datePublished"] == site_tree.lv.story.date.isoformat()
    assert data["contentLocation"]["name"] == "Mons, Beļģija"  # in the page's language
    assert ".fill-1200x630" in data["image"]
    assert data["publisher"]["url"] == site_tree.lv.home.get_full_url()


def test_podcast_show_and_episode(client, site_tree):
    show = json_ld(client, site_tree.en.show)
    assert show["@type"] == "PodcastSeries"
    assert show["webFeed"] == "http://testserver" + site_tree.en.show.feed_url
    episode = json_ld(client, site_tree.en.episode)
    assert episode["@type"] == "PodcastEpisode"
    assert episode["partOfSeries"] == {
        "@type": "PodcastSeries",
        "name": site_tree.en.show.title,
        "url": site_tree.en.show.get_full_url(),
    }
    assert episode["associatedMedia"]["@type"] == "AudioObject"
    assert episode["associatedMedia"]["contentUrl"].startswith("http://testserver/")
    # The episode is shared with its show's artwork.
    assert ".fill-1200x630" in episode["image"]


def test_video_and_document(client, site_tree):
    video = json_ld(client, site_tree.en.video)
    assert video["@type"] == "VideoObject"
    document = json_ld(client, site_tree.en.document)
    assert document["@type"] == "DigitalDocument"
    assert sorted(document["inLanguage"]) == ["el", "en", "lv"]
    assert {part["inLanguage"] for part in document["encoding"]} == {"el", "en", "lv"}
    assert all(part["contentUrl"].startswith("http://") for part in document["encoding"])


def test_titles_are_escaped_in_meta_tags_and_json_ld(client, site_tree):
    story = site_tree.en.story
    story.title = 'Mons </script><script>alert("x")</script>'
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "<script>alert" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert meta(soup, "og:title") == story.title
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["headline"] == story.title


def test_share_links_load_nothing_from_third_parties(client, site_tree):
    soup = get_page(client, site_tree.en.story).soup
    share = soup.select_one("aside.share")
    hrefs = [a["href"] for a in share.select("a")]
    url = site_tree.en.story.get_full_url()
    assert any(h.startswith("https://x.com/intent/post?url=") for h in hrefs)
    assert any(h.startswith("https://www.facebook.com/sharer/sharer.php?u=") for h in hrefs)
    assert any(h.startswith("https://www.linkedin.com/sharing/share-offsite/") for h in hrefs)
    assert any(h.startswith("mailto:?subject=") for h in hrefs)
    # Copy-link and the device's share sheet: buttons the site's own script shows.
    copy = share.select_one("[data-share-copy]")
    native = share.select_one("[data-share-native]")
    assert copy.has_attr("hidden") and native.has_attr("hidden")
    assert copy.button["data-share-url"] == url
    assert share.select_one('[role="status"][data-share-status]') is not None
    # Nothing on the page is fetched from another site: no script, frame, image or style.
    for tag, attribute in (("script", "src"), ("iframe", "src"), ("img", "src"), ("link", "href")):
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value and not (
                tag == "link" and element.get("rel") in (["alternate"], ["canonical"])
            ):
                assert not value.startswith(("http://", "https://", "//")) or value.startswith(
                    "http://localhost/"
                ), (tag, value)
    assert all(not script.string for script in soup.select("script:not([type])"))
