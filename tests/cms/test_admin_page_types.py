"""Every page type can be created and published by an officer through the real admin views."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from documents.models import DocumentIndexPage, DocumentPage
from home.models import AlliancePage, ContentPage, JointCallPage, StoryIndexPage, StoryPage
from media_library.models import VideoIndexPage, VideoPage
from podcasts.models import EpisodePage, PodcastIndexPage, PodcastShowPage
from signatures.models import CallSettings
from tests.helpers import PAGE_NAMES, get_page
from tests.helpers_admin import create_page_through_admin

pytestmark = pytest.mark.django_db


def body(*items):
    return nested_form_data({"body": streamfield(list(items))})


def test_officer_creates_a_story_from_blocks(admin_client, site_tree):
    fields = {
        "title": "Turku moves towards climate neutrality",
        "slug": "turku",
        "date": "2024-05-02",
        "region": "Turku",
        "country": "FI",
        "summary": "How Turku cuts its emissions.",
        "hero_image": str(site_tree.image.pk),
        **body(
            ("heading", {"text": "A city plan", "level": "h2"}),
            ("paragraph", rich_text("<p>Turku wants to be climate neutral by 2029.</p>")),
            ("quote", {"quote": "Every street counts.", "attribution": "The mayor"}),
        ),
    }
    story = create_page_through_admin(admin_client, site_tree.en.story_index, StoryPage, fields)
    assert story.live
    assert [block.block_type for block in story.body] == ["heading", "paragraph", "quote"]
    response = get_page(admin_client, story)
    assert response.soup.select_one("#a-city-plan").get_text() == "A city plan"
    assert "Every street counts." in response.soup.select_one("blockquote").get_text()


def test_officer_creates_a_joint_call_page_with_principles(admin_client, site_tree):
    # One Joint Call per landing page: a second landing page (another site) takes a new one.
    site_tree.en.joint_call.delete()
    fields = {
        "title": "Joint Call",
        "slug": "joint-call",
        "introduction": rich_text("<p>Cohesion policy unites Europe.</p>"),
        **body(
            (
                "principles",
                {
                    "heading": "Our principles",
                    "introduction": rich_text("<p>Based on:</p>"),
                    "principles": streamfield(
                        [
                            ("item", rich_text("<p>A policy for all regions.</p>")),
                            ("item", rich_text("<p>A policy based on local solutions.</p>")),
                        ]
                    ),
                },
            ),
        ),
    }
    page = create_page_through_admin(admin_client, site_tree.en.home, JointCallPage, fields)
    # A new call starts with its own settings, changed in Signatures › Call settings.
    call_settings = CallSettings.objects.get(call_key=page.translation_key)
    assert call_settings.signatory_baseline == 0 and call_settings.signing_open
    assert page.signatory_count == 0
    response = get_page(admin_client, page)
    assert len(response.soup.select(".principles__list li")) == 2


def test_officer_creates_a_content_page_with_downloads(admin_client, site_tree):
    document = site_tree.en.document.language_versions.first().document
    fields = {
        "title": "Branding toolkit",
        "slug": "toolkit",
        "introduction": "Logos and guidelines.",
        **body(
            (
                "documents",
                {
                    "heading": "Guidelines",
                    "documents": streamfield(
                        [("item", {"document": str(document.pk), "description": "PDF"})]
                    ),
                },
            ),
        ),
    }
    page = create_page_through_admin(admin_client, site_tree.en.home, ContentPage, fields)
    response = get_page(admin_client, page)
    assert response.soup.select_one(".file-list a.ecl-file__download")["href"] == document.url


def test_officer_creates_a_story_index(admin_client, site_tree):
    fields = {"title": "More stories", "slug": "more-stories", "introduction": "Stories."}
    page = create_page_through_admin(admin_client, site_tree.en.home, StoryIndexPage, fields)
    assert get_page(admin_client, page).soup.h1.get_text() == "More stories"


def test_officer_creates_a_video_page(admin_client, site_tree):
    fields = {
        "title": "Turku video",
        "slug": "turku-video",
        "date": "2024-05-02",
        "series": str(site_tree.series.pk),
        "poster": str(site_tree.image.pk),
        "description": rich_text("<p>A video from Turku.</p>"),
        "video_url": "https://www.youtube.com/watch?v=abc",
    }
    page = create_page_through_admin(admin_client, site_tree.en.video_index, VideoPage, fields)
    assert page.series == site_tree.series
    assert get_page(admin_client, page).soup.h1.get_text() == "Turku video"


def test_officer_creates_a_video_index(admin_client, site_tree):
    fields = {"title": "Videos", "slug": "videos"}
    page = create_page_through_admin(admin_client, site_tree.en.home, VideoIndexPage, fields)
    assert page.live


def test_officer_creates_a_podcast_show_and_an_episode(admin_client, site_tree):
    show = create_page_through_admin(
        admin_client,
        site_tree.en.podcast_index,
        PodcastShowPage,
        {
            "title": "Local Solutions",
            "slug": "local-solutions",
            "introduction": "Local leaders share what works.",
            "description": rich_text("<p>A podcast.</p>"),
            "artwork": str(site_tree.image.pk),
        },
    )
    fields = {
        "title": "Rural depopulation",
        "slug": "rural-depopulation",
        "episode_number": "1",
        "date": "2022-09-28",
        "summary": "How rural areas keep their people.",
        "audio": str(site_tree.en.episode.audio.pk),
        **nested_form_data(
            {"guests": streamfield([("guest", {"name": "Enda Stenson", "role": "Guest"})])}
        ),
    }
    episode = create_page_through_admin(admin_client, show, EpisodePage, fields)
    response = get_page(admin_client, episode)
    assert response.soup.select_one("audio source")["src"] == episode.audio.url
    assert "Enda Stenson" in response.soup.select_one(".guests").get_text()


def test_officer_creates_a_document_with_language_versions(admin_client, site_tree):
    documents = [version.document for version in site_tree.en.document.language_versions.all()]
    fields = {
        "title": "Declaration",
        "slug": "declaration",
        "date": "2020-10-12",
        "summary": rich_text("<p>A declaration.</p>"),
        **nested_form_data(
            {
                "language_versions": inline_formset(
                    [
                        {"language": "de", "title": "Erklärung", "document": str(documents[0].pk)},
                        {"language": "en", "title": "", "document": str(documents[1].pk)},
                    ]
                )
            }
        ),
    }
    page = create_page_through_admin(
        admin_client, site_tree.en.document_index, DocumentPage, fields
    )
    assert sorted(page.language_versions.values_list("language", flat=True)) == ["de", "en"]
    response = get_page(admin_client, page)
    assert len(response.soup.select(".ecl-file__translation-download")) == 2


def test_a_document_needs_a_language_version(admin_client, site_tree):
    with pytest.raises(AssertionError, match="Not created"):
        create_page_through_admin(
            admin_client,
            site_tree.en.document_index,
            DocumentPage,
            {"title": "Empty", "slug": "empty", "date": "2020-10-12"},
        )
    assert not DocumentPage.objects.filter(slug="empty").exists()


def test_officer_creates_the_index_pages_of_a_landing_page(admin_client, site_tree):
    home = create_page_through_admin(
        admin_client,
        Page.get_first_root_node(),
        AlliancePage,
        {"title": "Cohesion Alliance (new site)", "slug": "new-site", "introduction": "Hello."},
    )
    for model, slug in [
        (PodcastIndexPage, "podcasts"),
        (DocumentIndexPage, "documents"),
        (StoryIndexPage, "stories"),
    ]:
        page = create_page_through_admin(
            admin_client, home, model, {"title": slug.title(), "slug": slug}
        )
        assert page.live and page.get_parent().pk == home.pk


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_officer_opens_every_page_type_in_the_editor(admin_client, site_tree, name):
    for language in ("en", "lv"):
        page = getattr(getattr(site_tree, language), name)
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, (language, name)
