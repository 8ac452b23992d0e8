"""Query budgets per page type, measured on a warm request (renditions made, shared fragments
cached), in both languages. Index pages are measured with several children to show there is no
N+1. The goal is at most 8 queries for every page type (docs/performance.md). A warm page asks
the database nothing: the site, the landing page of its language and the page at the address
come from the cache (cms.caching.middleware, home.models.AlliancePage.route), as do the site's
settings, a page of a listing (cms.models.IndexPage), blocks and cards
(cms.caching.rendering), the parts a page's template keeps ({% page_fragment %}: a video's
player and captions), and whether any page is private (cms.models.SitePage). What is left: a
content page's download archive."""

import pytest
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page

from documents.factories import DocumentLanguageVersionFactory, DocumentPageFactory
from home.factories import StoryPageFactory
from media_library.factories import VideoPageFactory
from podcasts.factories import EpisodePageFactory
from tests.conftest import django_db_setup_tree, fetch_site_tree

pytestmark = pytest.mark.django_db

BUDGETS = {
    "home": 0,
    "joint_call": 0,
    "story_index": 0,
    "story": 0,
    "content": 1,
    "video_index": 0,
    "video": 0,
    "podcast_index": 0,
    "show": 0,
    "episode": 0,
    "document_index": 0,
    "document": 0,
}


@pytest.fixture(scope="module")
def crowd(django_db_setup, django_db_blocker):
    """Five more stories, videos, episodes and documents (with versions) in English, for this
    module only (rolled back at its end)."""
    with django_db_blocker.unblock(), transaction.atomic():
        en = {
            name: Page.objects.get(pk=pk).specific
            for name, pk in django_db_setup_tree["en"].items()
        }
        image = get_image_model().objects.get(pk=django_db_setup_tree["image"])
        for _ in range(5):
            StoryPageFactory(parent=en["story_index"], hero_image=image)
            VideoPageFactory(parent=en["video_index"], poster=image)
            EpisodePageFactory(parent=en["show"])
            DocumentPageFactory(
                parent=en["document_index"],
                language_versions=[
                    DocumentLanguageVersionFactory.build(language=code) for code in ("de", "fr")
                ],
            )
        yield
        transaction.set_rollback(True)


@pytest.fixture
def crowded_site_tree(crowd, db):
    """The shared site's objects as the crowd left them (``site_tree``'s copies are older)."""
    return fetch_site_tree(django_db_setup_tree)


@pytest.mark.parametrize("language", ["en", "lv"])
@pytest.mark.parametrize("page_type", BUDGETS)
def test_page_type_stays_within_its_query_budget(
    client, crowded_site_tree, django_assert_max_num_queries, page_type, language
):
    url = getattr(getattr(crowded_site_tree, language), page_type).url
    assert client.get(url).status_code == 200  # make the renditions
    with django_assert_max_num_queries(BUDGETS[page_type]):
        assert client.get(url).status_code == 200
