"""The demo's content files: a text without one of its languages, or a key the loader does not
know, is refused with the file and the key named."""

import re
import shutil

import pytest

from demo.content_files import CONTENT_DIR, ContentFileError, read_content


@pytest.fixture
def content_dir(tmp_path):
    """A copy of the demo's content files, to break."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def rewrite(path, old, new):
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def refused(directory):
    with pytest.raises(ContentFileError) as error:
        read_content(directory)
    return str(error.value)


def test_the_shipped_files_have_every_text_in_english_and_latvian():
    content = read_content()
    assert content["alliance"]["title"].lv == "Kohēzijas alianse"
    assert len(content["podcasts"]["episodes"]) == 13
    assert str(content["joint_call"]["personal_data_kept_until"]) == "2028-12-31"


def test_a_text_without_its_latvian_is_refused(content_dir):
    stories = content_dir / "stories.toml"
    rewrite(stories, 'region.lv = "Monsa"\n', "")
    message = refused(content_dir)
    assert f"{stories}, stories[0].region: no Latvian text (key stories[0].region.lv)" in message


def test_a_text_without_its_english_is_refused(content_dir):
    alliance = content_dir / "alliance.toml"
    rewrite(alliance, 'title.en = "Cohesion Alliance"\n', "")
    assert f"{alliance}, title: no English text (key title.en)" in refused(content_dir)


def test_an_unknown_key_is_refused(content_dir):
    call = content_dir / "joint_call.toml"
    rewrite(call, "baseline = 12000\n", "baseline = 12000\nbasline = 12000\n")
    message = refused(content_dir)
    assert f"{call}, top level: unknown key(s) basline (known: title, slug," in message


def test_an_unknown_key_in_an_entry_is_refused(content_dir):
    podcasts = content_dir / "podcasts.toml"
    rewrite(podcasts, 'start = "00:07"\n', 'start = "00:07"\nend = "00:09"\n')
    message = refused(content_dir)
    assert re.search(
        rf"{re.escape(str(podcasts))}, episodes\[0\]\.chapters\[1\]: unknown key\(s\) end", message
    )


def test_a_language_the_demo_does_not_have_is_refused(content_dir):
    toolkit = content_dir / "toolkit.toml"
    rewrite(toolkit, 'licence.lv = "', 'licence.fr = "Libre"\nlicence.lv = "')
    message = refused(content_dir)
    assert f"{toolkit}, licence: unknown language key(s) fr (the demo has en, lv)" in message


def test_a_missing_key_is_refused(content_dir):
    documents = content_dir / "documents.toml"
    rewrite(documents, "date = 2024-03-18\n", "")
    assert f"{documents}, documents[0]: missing key documents[0].date" in refused(content_dir)


def test_a_date_that_is_no_toml_date_is_refused(content_dir):
    documents = content_dir / "documents.toml"
    rewrite(documents, "date = 2023-10-09\n", 'date = "9 October 2023"\n')
    message = refused(content_dir)
    assert f"{documents}, documents[1].date: expected a date (2024-03-18)" in message


def test_a_story_paragraph_that_the_home_page_lacks_is_refused(content_dir):
    stories = content_dir / "stories.toml"
    rewrite(stories, 'body = ["introduction:0"]', 'body = ["introduction:2"]')
    assert f"{stories}, stories[1].body[0]: 'introduction:2' is no paragraph" in refused(
        content_dir
    )


def test_an_unknown_file_is_refused(content_dir):
    (content_dir / "stroies.toml").write_text("")
    assert "unknown content file(s) stroies.toml" in refused(content_dir)


def test_the_section_pages_have_their_chrome_in_every_language():
    content = read_content()
    for section in (content["stories"]["index"], content["privacy"], content["joint_call"]):
        for key in ("title", "slug", "introduction"):
            assert len(section[key].languages()) == 24, key
    assert content["stories"]["index"]["title"].languages()["de"] == "Geschichten"


def test_a_section_title_without_one_of_the_24_languages_is_refused(content_dir):
    contact = content_dir / "contact.toml"
    rewrite(contact, 'title.ga = "Teagmháil"\n', "")
    assert f"{contact}, title: no Gaeilge text (key title.ga)" in refused(content_dir)


def test_an_address_that_is_no_ascii_slug_is_refused(content_dir):
    privacy = content_dir / "privacy.toml"
    rewrite(privacy, 'slug.el = "aporrito"', 'slug.el = "απόρρητο"')
    message = refused(content_dir)
    assert f"{privacy}, slug: the address 'απόρρητο' (key slug.el) is not lowercase" in message


def test_a_video_with_a_recording_of_its_own_needs_its_captions(content_dir):
    videos = content_dir / "videos.toml"
    text = videos.read_text()
    start = text.index("captions.en = ")
    end = text.index('aicinājumu."""', start) + len('aicinājumu."""')
    videos.write_text(text[:start] + text[end:])
    assert "videos[9]: a video with a file of its own needs the captions" in refused(content_dir)
