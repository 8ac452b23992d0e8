"""Query budgets per page type, measured on a warm request (renditions made, shared fragments
cached), in both languages. Index pages are measured with several children to show there is no
N+1. The issue's target is at most 10 queries for every page type."""

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
    "home": 8,
    "joint_call": 9,
    "story_index": 9,
    "story": 7,
    "content": 8,
    "video_index": 10,
    "video": 9,
    "podcast_index": 10,
    "show": 9,
    "episode": 8,
    "document_index": 10,
    "document": 10,
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
