"""The HTTP cache in front of the site: what it may keep, and what a change purges from it."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Site

from cms.models import SiteSettings
from tests.fakes import RecordingFrontendCache
from tests.signatures.signing import run_worker

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"


@pytest.fixture
def purged(settings):
    """The addresses purged once the change is committed and the task worker has run."""
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.fakes.RecordingFrontendCache"}}
    RecordingFrontendCache.purged = []

    def run():
        run_worker()
        return set(RecordingFrontendCache.purged)

    return run


def address(page, path=""):
    return ROOT + page.url + path


def test_anonymous_pages_may_be_kept_by_a_shared_cache(client, site_tree):
    for page in (site_tree.lv.home, site_tree.lv.joint_call, site_tree.en.story):
        response = client.get(page.url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=300", page.url
        assert not response.cookies


def test_the_sign_page_is_shared_but_answers_with_personal_data_are_not(client, site_tree):
    from tests.signatures.signing import sign

    page = site_tree.en.joint_call
    assert "public" in client.get(page.url)["Cache-Control"]
    posted = sign(client, page)
    assert posted.status_code == 303
    assert posted["Cache-Control"] == "private, no-cache"
    refused = sign(client, page, email="not an address")
    assert refused.status_code == 400
    assert refused["Cache-Control"] == "private, no-cache"


def test_signed_in_editors_and_sessions_are_never_shared(admin_client, client, site_tree):
    url = site_tree.en.story.url
    assert admin_client.get(url)["Cache-Control"] == "private, no-cache"
    client.cookies["sessionid"] = "anything"
    assert client.get(url)["Cache-Control"] == "private, no-cache"
    assert client.get(url, HTTP_AUTHORIZATION="Basic eDp5")["Cache-Control"] == "private, no-cache"


def test_errors_and_admin_pages_are_not_shared(client, admin_client, site_tree):
    assert client.get("/en/no-such-page/")["Cache-Control"] == "private, no-cache"
    assert "public" not in admin_client.get("/admin/")["Cache-Control"]


def test_publishing_a_story_purges_it_its_lists_and_its_translations(site_tree, purged):
    story = site_tree.en.story
    story.save_revision().publish()
    urls = purged()
    expected = {
        address(story),
        address(site_tree.en.story_index),
        address(site_tree.en.home),
        address(site_tree.lv.story),
    }
    assert expected <= urls
    # Pages that show nothing of it keep their cached copy.
    assert address(site_tree.en.joint_call) not in urls
    assert address(site_tree.lv.story_index) not in urls


def test_unpublishing_purges_the_same_pages(site_tree, purged):
    story = site_tree.lv.story
    story_url = address(story)
    story.unpublish()
    urls = purged()
    assert {story_url, address(site_tree.lv.story_index), address(site_tree.lv.home)} <= urls


def test_a_section_of_the_navigation_purges_its_whole_language(site_tree, purged):
    site_tree.lv.story_index.save_revision().publish()
    urls = purged()
    call = site_tree.lv.joint_call
    assert {
        address(site_tree.lv.home),
        address(call),
        address(call, "thank-you/"),
        address(call, "signatories/"),
        address(site_tree.lv.document),
        address(site_tree.lv.episode, "transcript/"),
    } <= urls
    assert address(site_tree.en.joint_call) not in urls


def test_a_replaced_document_purges_its_download_and_the_pages_offering_it(site_tree, purged):
    version = site_tree.en.document.language_versions.get(language="en")
    document = version.document
    old_address = ROOT + document.url
    document.file.save("joint-call-2026.pdf", ContentFile(document.file.read()), save=False)
    document.save()
    urls = purged()
    assert {old_address, ROOT + document.url} <= urls
    assert {address(site_tree.en.document), address(site_tree.lv.document)} <= urls


def test_the_site_settings_purge_every_page(site_tree, purged):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.save()
    urls = purged()
    for page in (site_tree.en.home, site_tree.lv.story, site_tree.en.document):
        assert address(page) in urls


def test_nothing_is_purged_when_no_cache_is_configured(site_tree, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingFrontendCache.purged = []
    site_tree.en.story.save_revision().publish()
    run_worker()
    assert RecordingFrontendCache.purged == []


def test_a_video_series_purges_every_page(site_tree, purged):
    """The video series is registered by its own app (media_library's ready())."""
    series = site_tree.en.video.series
    series.save()
    urls = purged()
    for page in (site_tree.en.home, site_tree.lv.story, site_tree.en.document):
        assert address(page) in urls
