"""Files, addresses and the podcast feed's owner are the source page's: no translation may
override them in wagtail-localize's editor any more. What was extracted for overriding goes."""

from django.db import migrations

SOURCE_OWNED = {
    "podcasts.episodepage": [
        "audio",
        "transcript_file",
    ],
    "podcasts.podcastshowpage": [
        "category",
        "audio_language",
        "author",
        "owner_name",
        "owner_email",
    ],
    "media_library.videopage": ["video", "video_url"],
}


def remove_overridable_segments(apps, schema_editor):
    for label, paths in SOURCE_OWNED.items():
        keys = list(apps.get_model(label).objects.values_list("translation_key", flat=True))
        for model_name in ("OverridableSegment", "SegmentOverride"):
            apps.get_model("wagtail_localize", model_name).objects.filter(
                context__object_id__in=keys, context__path__in=paths
            ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_accessibility_and_sharing"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("podcasts", "0003_episodepage_chapters_episodepage_season_number_and_more"),
        ("media_library", "0003_videopage_transcript_videocaption"),
    ]

    operations = [migrations.RunPython(remove_overridable_segments, migrations.RunPython.noop)]
