"""A published video has something to play: an uploaded video or a video on a platform the site
embeds. The page editor refuses to publish one without, saying why, and keeps what was typed."""

import pytest
from django.urls import reverse

from media_library.models import VideoPage
from tests.helpers_admin import page_form

pytestmark = pytest.mark.django_db

NOTHING_TO_PLAY = "This video has nothing to play."


def add_video(admin_client, site_tree, action="action-publish", **fields):
    url = reverse(
        "wagtailadmin_pages:add", args=("media_library", "videopage", site_tree.en.video_index.pk)
    )
    data = page_form(admin_client, url, VideoPage)
    data.update(
        {
            "title": "Rotterdam treats asbestos",
            "slug": "rotterdam-asbestos",
            "date": "2024-06-01",
            "poster": str(site_tree.image.pk),
            **fields,
        }
    )
    if action:
        data[action] = action
    return admin_client.post(url, data)


def test_publishing_a_new_video_without_anything_to_play_is_refused(admin_client, site_tree):
    response = add_video(admin_client, site_tree)
    assert response.status_code == 200
    html = response.content.decode()
    assert NOTHING_TO_PLAY in html
    assert not VideoPage.objects.filter(slug="rotterdam-asbestos").exists()
    # What the officer typed is still there, ready to be completed.
    assert 'value="Rotterdam treats asbestos"' in html


def test_a_draft_of_a_video_may_be_saved_without_anything_to_play(admin_client, site_tree):
    response = add_video(admin_client, site_tree, action=None)
    assert response.status_code == 302
    draft = VideoPage.objects.child_of(site_tree.en.video_index).get(slug="rotterdam-asbestos")
    assert not draft.live


def test_removing_a_published_videos_file_is_refused_and_nothing_is_published(
    admin_client, site_tree
):
    video = site_tree.en.video
    live_revision = video.live_revision_id
    url = reverse("wagtailadmin_pages:edit", args=(video.pk,))
    data = page_form(admin_client, url, VideoPage)
    data.update({"video": "", "video_url": "", "title": "Prague, flood prevention"})
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert NOTHING_TO_PLAY in html
    assert 'value="Prague, flood prevention"' in html
    video.refresh_from_db()
    assert video.live_revision_id == live_revision
    assert video.video is not None and video.title == "Prague - Boosting flood prevention"


def test_a_video_on_a_platform_the_site_does_not_embed_is_refused(admin_client, site_tree):
    response = add_video(admin_client, site_tree, video_url="https://example.org/videos/42")
    assert response.status_code == 200
    assert "Videos from this address cannot be played on the site" in response.content.decode()
    assert "one of these platforms: YouTube, Vimeo, or upload" in response.content.decode()
    assert not VideoPage.objects.filter(slug="rotterdam-asbestos").exists()


@pytest.mark.parametrize(
    "address", ["https://www.youtube.com/watch?v=AbCdEfGhIjk", "https://vimeo.com/76979871"]
)
def test_a_video_on_youtube_or_vimeo_is_published(admin_client, site_tree, address):
    response = add_video(admin_client, site_tree, video_url=address)
    assert response.status_code == 302
    assert VideoPage.objects.child_of(site_tree.en.video_index).get(slug="rotterdam-asbestos").live


def test_a_platform_whose_player_the_site_may_not_frame_is_refused(
    admin_client, site_tree, settings
):
    settings.CSP_FRAME_SOURCES = ["https://www.youtube-nocookie.com"]
    response = add_video(admin_client, site_tree, video_url="https://vimeo.com/76979871")
    assert response.status_code == 200
    assert "one of these platforms: YouTube, or upload" in response.content.decode()
