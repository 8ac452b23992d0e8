"""Builds the demo site from its content files (demo/content/*.toml): the English tree, made with
the project's factories, and its Latvian translation, made through wagtail-localize's own models so
that it shows in the admin as a translation that translators can edit and sync. In every other
language, the section pages (the Joint Call, the stories, the media library…) are translated the
same way, as a Committee rolling out a language starts: their titles, addresses and introductions,
so that the menu, the footer and the sections' headers speak the language; the pages under them
stay aliases of the English ones until they are translated.

Running it again finds what it made before and makes nothing twice.
"""

import json
import os
import uuid
from collections import defaultdict
from functools import partial
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from modelcluster.fields import ParentalKey
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue
from wagtailmedia.models import get_media_model

from cms.caching.warming import prepare_after_publication, warm_after_publication
from cms.factories import DocumentFactory, ImageFactory
from cms.i18n.locales import grant_translators, sync_locale_trees
from cms.models import SiteSettings
from documents.factories import DocumentIndexPageFactory, DocumentPageFactory
from documents.models import LANGUAGE_NAMES, DocumentLanguageVersion
from home.factories import (
    AlliancePageFactory,
    ContentPageFactory,
    JointCallPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from media_library.factories import (
    VideoIndexPageFactory,
    VideoPageFactory,
    VideoSeriesFactory,
)
from media_library.models import VideoSeries
from podcasts.factories import (
    EpisodePageFactory,
    PodcastIndexPageFactory,
    PodcastShowPageFactory,
)

from . import files
from .content_files import T, read_content
from .factories import MediaFactory

ADMIN_USERNAME = "admin"


def _key(text):
    """A text as wagtail-localize stores it in a segment."""
    return StringValue.from_plaintext(text).data


def list_items(values):
    """ListBlock items in the format the admin saves, with stable ids: wagtail-localize finds
    each item's translation by its id."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def same(text):
    """A text that stays as it is in Latvian: a name, or the words of an English recording."""
    return T(text, text)


def vtt_text(text):
    """Text as a WebVTT cue holds it: "&", "<" and ">" escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraphs(texts):
    return "".join(f"<p>{StringValue.from_plaintext(text).data}</p>" for text in texts)


class Housekeeping:
    """Wagtail's housekeeping tasks, held back while the demo loads and done once at the end.

    Each object saved queues a search index and a reference index update (the demo saves some
    5,000 times: pages, their aliases in 22 languages, revisions, translations); a publication
    queues a cache purge. Queued for the worker, they would keep the signers' emails waiting
    (they have a lower priority, but there are thousands), and those for objects the loader
    replaced (document language versions and video captions of translated pages) would fail.
    Here they are collected instead, then done in bulk for the objects that still exist, in one
    pass: the purges become one task, and the renditions and the warming after each publication
    one warming of the landing pages of every language (cms.caching.warming, which makes their
    renditions), so that the queue is done soon after the load; the other pages are rendered as
    visitors come. Other tasks are queued as usual.
    """

    def __init__(self):
        self.search = defaultdict(set)  # (app label, model name): primary keys
        self.references = defaultdict(set)
        self.purges = defaultdict(set)  # (backend settings, backends): URLs
        self.warm = False  # a publication asked for its renditions and the caches to be warmed
        self.backend = None

    def start(self):
        self.backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        task_backends[DEFAULT_TASK_BACKEND_ALIAS] = self
        return self

    def stop(self):
        if task_backends[DEFAULT_TASK_BACKEND_ALIAS] is self:
            task_backends[DEFAULT_TASK_BACKEND_ALIAS] = self.backend

    # The task backend's interface, for the time of the load.

    def __getattr__(self, name):
        return getattr(self.backend, name)

    def enqueue(self, task, args, kwargs):
        if task.func is insert_or_update_object_task.func:
            app_label, model_name, pk = args
            self.search[(app_label, model_name)].add(pk)
        elif task.func is update_reference_index_task.func:
            app_label, model_name, pk = args
            self.references[(app_label, model_name)].add(pk)
        elif task.func is purge_urls_from_cache_task.func:
            urls, backend_settings, backends = args
            key = json.dumps([backend_settings, backends], sort_keys=True)
            self.purges[key].update(urls)
        elif task.func in (prepare_after_publication.func, warm_after_publication.func):
            self.warm = True
        else:
            return self.backend.enqueue(task, args, kwargs)
        return None

    # The housekeeping itself.

    def finish(self, log=None):
        self.stop()
        with transaction.atomic():
            searched = self.update_search_index()
            referenced = self.update_reference_index()
            for key, urls in self.purges.items():
                backend_settings, backends = json.loads(key)
                purge_urls_from_cache_task.enqueue(sorted(urls), backend_settings, backends)
            if self.warm:
                warm_after_publication.enqueue([])  # the landing pages
        if log:
            log(f"Search index: {searched} objects updated; reference index: {referenced}.")

    def existing(self, collected):
        """The objects still there, each in its most specific class, by class."""
        found = defaultdict(set)
        for (app_label, model_name), pks in collected.items():
            model = apps.get_model(app_label, model_name)
            if issubclass(model, Page):
                for pk, content_type in Page.objects.filter(pk__in=pks).values_list(
                    "pk", "content_type"
                ):
                    specific = ContentType.objects.get_for_id(content_type).model_class()
                    found[specific or Page].add(pk)
            else:
                found[model].update(model.objects.filter(pk__in=pks).values_list("pk", flat=True))
        return found

    def update_search_index(self):
        count = 0
        backends = list(get_search_backends(with_auto_update=True))
        for model, pks in self.existing(self.search).items():
            if not class_is_indexed(model):
                continue
            objects = list(model.get_indexed_objects().filter(pk__in=pks))
            for backend in backends:
                backend.add_bulk(model, objects)
            count += len(objects)
        return count

    def update_reference_index(self):
        """What wagtail.tasks.update_reference_index_task does, once per object: an inline
        object (a document's language version) counts as its page's."""
        instances = {}
        for model, pks in self.existing(self.references).items():
            for instance in model.objects.filter(pk__in=pks):
                while instance is not None:
                    parental_keys = [
                        field
                        for field in instance._meta.get_fields()
                        if isinstance(field, ParentalKey)
                    ]
                    if not parental_keys:
                        break
                    instance = getattr(instance, parental_keys[0].name)
                if instance is not None:
                    instances[(instance._meta.label, instance.pk)] = instance
        indexed = 0
        for instance in instances.values():
            if ReferenceIndex.is_indexed(instance._meta.model):
                ReferenceIndex.create_or_update_for_object(instance)
                indexed += 1
        return indexed


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.content = read_content()
        # Each language's text of each English text, as wagtail-localize stores them in segments.
        self.translations = defaultdict(lambda: {"": ""})
        self.latvian = self.translations["lv"]
        self.english_pages = []
        self.section_pages = []
        self.created = 0

    # -- helpers ----------------------------------------------------------------------------

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def t(self, text):
        """The English of a text, remembering its other languages for the translation step."""
        english = _key(text.en)
        for language, translated in text.languages().items():
            if language != "en":
                self.translations[language][english] = _key(translated)
        return text.en

    def ts(self, texts):
        for text in texts:
            self.t(text)
        return [text.en for text in texts]

    def page(self, factory, parent, slug, **fields):
        """The child of ``parent`` with this slug, made by ``factory`` if it does not exist."""
        existing = parent.get_children().filter(slug=self.t(slug)).first()
        if existing:
            page = existing.specific
        else:
            page = factory(parent=parent, slug=slug.en, **fields)
            self.created += 1
        self.english_pages.append(page)
        if parent.depth == 2:
            # A section of the site (a child of the landing page), whose chrome (title, address,
            # introduction) the demo has in every language.
            self.section_pages.append(page)
        return page

    def file_object(self, model, factory, title, data_factory, filename, **fields):
        """The ``model`` object (an image, a document, a media item) called ``title``, made
        with ``factory`` from the bytes ``data_factory()`` returns if there is none yet."""
        existing = model.objects.filter(title=title).first()
        if existing:
            return existing
        self.created += 1
        return factory(title=title, file=ContentFile(data_factory(), name=filename), **fields)

    def image(self, title, data_factory, filename):
        return self.file_object(get_image_model(), ImageFactory, title, data_factory, filename)

    def document(self, title, data_factory, filename):
        return self.file_object(
            get_document_model(), DocumentFactory, title, data_factory, filename
        )

    def media(self, title, path, media_type):
        """An audio or video file; its type, size and duration are read from it."""
        return self.file_object(
            get_media_model(), MediaFactory, title, path.read_bytes, path.name, type=media_type
        )

    def vtt(self, title, cues, filename):
        """A WebVTT file (captions, transcripts) in the document library."""

        def timestamp(seconds):
            minutes, secs = divmod(seconds, 60)
            return f"{int(minutes // 60):02d}:{int(minutes % 60):02d}:{secs:06.3f}"

        def content():
            lines = ["WEBVTT", ""]
            for start, end, text in cues:
                lines += [f"{timestamp(start)} --> {timestamp(end)}", text, ""]
            return "\n".join(lines).encode()

        return self.document(title, content, filename)

    # -- the site ---------------------------------------------------------------------------

    def run(self):
        """Load the demo. What Wagtail queues for each object saved (search and reference index
        updates, cache purges: thousands of tasks) is done once at the end instead, in bulk, for
        the objects that still exist (see ``Housekeeping``)."""
        housekeeping = Housekeeping().start()
        try:
            self.load()
        except BaseException:
            housekeeping.stop()
            raise
        # wagtail-localize publishes the translations once the transaction commits (on_commit):
        # the housekeeping comes after them.
        transaction.on_commit(partial(housekeeping.finish, self.log))

    def load(self):
        english = Locale.objects.get_or_create(language_code="en")[0]
        latvian = Locale.objects.get_or_create(language_code="lv")[0]
        password = self.admin_user()
        home = self.alliance_page(english)
        self.translate(latvian)
        self.site_settings(home)
        # Every other language gets the whole tree, as aliases of the English pages, and
        # translators may work on it; its section pages are translated.
        sync_locale_trees()
        for root in Page.objects.filter(depth=2):
            grant_translators(root)
        languages = self.translate_sections()
        self.log(
            f"Demo content ready: {self.created} objects created, "
            f"{len(self.english_pages)} English pages, each translated into Latvian; "
            f"{len(self.section_pages)} section pages translated into {languages} other "
            f"languages, whose other pages show the English until they are translated."
        )
        if password:
            admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
            self.log(f"Admin login: {ADMIN_USERNAME} / {password}  ({admin_url})")
        else:
            self.log(f"Admin login: {ADMIN_USERNAME} (password unchanged)")

    def admin_user(self):
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            return None
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "cohesion-demo")
        User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", password)
        return password

    def alliance_page(self, english):
        from home.models import AlliancePage

        data = self.content["alliance"]
        fields = {
            "title": self.t(data["title"]),
            "slug": self.t(data["slug"]),
            "seo_title": self.t(data["seo_title"]),
            "search_description": self.t(data["search_description"]),
            "introduction": self.t(
                T(
                    "\n\n".join(text.en for text in data["introduction"]),
                    "\n\n".join(text.lv for text in data["introduction"]),
                )
            ),
            "hero_image": self.image(
                data["hero_image"],
                lambda: files.illustration("#CohesionAlliance", 1600, 600),
                "cohesion-alliance-hero.jpg",
            ),
        }
        home = AlliancePage.objects.filter(depth=2, locale=english).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's migrations leave a "Welcome" page where the site's root goes.
            root.get_children().filter(slug="home", content_type__model="page").delete()
            home = AlliancePageFactory(parent=Page.get_first_root_node(), **fields)
            self.created += 1
        self.english_pages.append(home)

        # The site's address is the one of WAGTAILADMIN_BASE_URL, so that the links of its emails
        # (confirmations of signatures) lead back to it.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page = home
        site.site_name = self.content["site"]["site_name"]
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.save()

        call = self.joint_call(home)
        stories = self.stories(home)
        toolkit = self.toolkit(home)
        videos = self.media_library(home)
        podcasts = self.podcasts(home)
        documents = self.documents(home)
        call_documents = documents[0]
        self.link_full_text(call, call_documents)
        self.policy_pages(home)
        self.home_body(home, call, stories, toolkit, videos, podcasts, documents[0].get_parent())
        return home

    def home_body(self, home, call, stories, toolkit, videos, podcasts, document_index):
        """The landing page, as rich as the seed: "More about the Alliance", the table of
        contents, what the Alliance is, the Joint Call, then each section's newest pages (a
        featured video and episode first) and the branding toolkit."""
        from media_library.models import VideoPage
        from podcasts.models import EpisodePage

        data = self.content["alliance"]
        latest = data["latest"]
        english = Locale.objects.get(language_code="en")
        featured_video = VideoPage.objects.get(locale=english, title=latest["featured_video"])
        featured_episode = EpisodePage.objects.get(locale=english, title=latest["featured_episode"])
        body = [
            {
                "type": "link",
                "value": {
                    "label": self.t(data["more_link"]),
                    "page": None,
                    "section": self.t(data["story_heading"]),
                },
            },
            {"type": "table_of_contents", "value": None},
            {"type": "heading", "value": {"text": self.t(data["story_heading"]), "level": "h2"}},
        ]
        body += [
            {"type": "paragraph", "value": paragraphs([self.t(text)])} for text in data["story"]
        ]
        body += [
            {
                "type": "joint_call_teaser",
                "value": {
                    "heading": self.t(data["call_heading"]),
                    "text": paragraphs([self.t(self.content["joint_call"]["introduction"])]),
                    "page": call.pk,
                    "show_principles": True,
                },
            },
            self.latest(data["stories_heading"], stories, latest["stories"]),
            {
                "type": "call_to_action",
                "value": {
                    "heading": self.t(data["toolkit_heading"]),
                    "text": self.t(data["toolkit_text"]),
                    "page": toolkit.pk,
                    "link_label": self.t(data["toolkit_link"]),
                },
            },
            self.latest(data["videos_heading"], videos, latest["videos"], featured_video),
            self.latest(data["podcasts_heading"], podcasts, latest["podcasts"], featured_episode),
            self.latest(data["documents_heading"], document_index, latest["documents"]),
        ]
        if not home.body:
            home.body = body
            home.save_revision().publish()

    def latest(self, heading, index, count, featured=None):
        return {
            "type": "latest_pages",
            "value": {
                "heading": self.t(heading),
                "index_page": index.pk,
                "featured": featured.pk if featured else None,
                "count": count,
            },
        }

    def joint_call(self, home):
        data = self.content["joint_call"]
        principles = self.ts(data["principles"])
        return self.page(
            JointCallPageFactory,
            home,
            data["slug"],
            title=self.t(data["title"]),
            search_description=self.t(data["search_description"]),
            show_in_menus=True,
            introduction=paragraphs([self.t(data["subtitle"]), self.t(data["introduction"])]),
            call_settings={
                "signatory_baseline": data["baseline"],
                "personal_data_kept_until": data["personal_data_kept_until"],
            },
            body=[
                {
                    "type": "principles",
                    "value": {
                        "heading": self.t(data["principles_heading"]),
                        "introduction": paragraphs([self.t(data["principles_introduction"])]),
                        "principles": list_items(paragraphs([text]) for text in principles),
                    },
                }
            ],
        )

    def link_full_text(self, call, document_page):
        """The full text of the Joint Call on its page ("Read the full text" leads to it): its
        title, its text and its principles, then its file in every language."""
        data = self.content["joint_call"]
        subtitle = self.t(data["subtitle"])
        introduction = paragraphs([self.t(data["introduction"])])
        principles_introduction = paragraphs([self.t(data["principles_introduction"])])
        principles = "".join(f"<li>{_key(text)}</li>" for text in self.ts(data["principles"]))
        heading = self.t(data["full_text_heading"])
        text = self.t(data["full_text"])
        label = self.t(data["full_text_link"])
        if call.full_text:
            return
        call.full_text = [
            {"type": "heading", "value": {"text": subtitle, "level": "h3"}},
            {"type": "paragraph", "value": introduction},
            {"type": "paragraph", "value": principles_introduction},
            {"type": "paragraph", "value": f"<ol>{principles}</ol>"},
            {
                "type": "call_to_action",
                "value": {
                    "heading": heading,
                    "text": text,
                    "page": document_page.pk,
                    "link_label": label,
                },
            },
        ]
        call.save_revision().publish()

    def index_page(self, factory, home, data):
        return self.page(
            factory,
            home,
            data["slug"],
            title=self.t(data["title"]),
            introduction=self.t(data["introduction"]),
            show_in_menus=True,
        )

    def stories(self, home):
        data = self.content["stories"]
        index = self.index_page(StoryIndexPageFactory, home, data["index"])
        for story in data["stories"]:
            body = []
            for reference in story["body"]:
                field, position = reference.split(":")
                text = self.content["alliance"][field][int(position)]
                body.append({"type": "paragraph", "value": paragraphs([self.t(text)])})
            title = self.t(story["title"])
            self.page(
                StoryPageFactory,
                index,
                story["slug"],
                title=title,
                date=story["date"],
                summary=self.t(story["summary"]),
                region=self.t(story["region"]),
                country=story["country"],
                hero_image=self.image(
                    title,
                    lambda title=title: files.illustration(title, 1280, 720),
                    f"{story['slug'].en}.jpg",
                ),
                body=body,
            )
        return index

    def toolkit(self, home):
        data = self.content["toolkit"]
        licence = self.t(data["licence"])
        image_items = []
        for logo in data["logos"]:
            width, on_blue = logo["width"], logo["on_blue"]
            image = self.image(
                logo["title"],
                lambda width=width, on_blue=on_blue: files.logo(width, on_blue),
                f"cohesion-alliance-logo-{width}-{'blue' if on_blue else 'white'}.png",
            )
            image_items.append(
                {
                    "image": {
                        "image": image.pk,
                        "alt_text": self.t(logo["alt"]),
                        "decorative": False,
                    },
                    "licence": licence,
                }
            )
        guidelines = self.document(
            data["guidelines_title"],
            lambda: files.pdf(
                data["guidelines_title"],
                "English",
                [data["guidelines_description"].en],
                pages=3,
            ),
            "cohesion-alliance-branding-guidelines.pdf",
        )
        return self.page(
            ContentPageFactory,
            home,
            data["slug"],
            title=self.t(data["title"]),
            introduction=self.t(data["introduction"]),
            show_in_menus=True,
            body=[
                {
                    "type": "image_downloads",
                    "value": {
                        "heading": self.t(data["logos_heading"]),
                        "images": list_items(image_items),
                    },
                },
                {
                    "type": "documents",
                    "value": {
                        "heading": self.t(data["files_heading"]),
                        "documents": list_items(
                            [
                                {
                                    "document": guidelines.pk,
                                    "description": self.t(data["guidelines_description"]),
                                }
                            ]
                        ),
                    },
                },
            ],
        )

    def media_library(self, home):
        data = self.content["videos"]
        index = self.index_page(VideoIndexPageFactory, home, data["index"])
        english = Locale.objects.get(language_code="en")
        series = {}
        for key, name in data["series"].items():
            series[key] = VideoSeries.objects.filter(
                locale=english, name=self.t(name)
            ).first() or VideoSeriesFactory(name=name.en, locale=english)
        clip = self.media(
            data["clip"]["title"], files.ASSETS / "video" / data["clip"]["file"], "video"
        )
        for entry in data["videos"]:
            title = entry["title"].en
            if entry["file"]:
                video = self.media(title, files.ASSETS / "video" / entry["file"], "video")
                cues = {
                    language: [(0, video.duration, getattr(entry["captions"], language))]
                    for language in ("en", "lv")
                }
            else:
                video = clip
                cues = self.clip_cues(entry, clip.duration)
            self.page(
                VideoPageFactory,
                index,
                T(*[self._slug(title)] * 2),
                title=self.t(entry["title"]),
                date=entry["date"],
                series=series[entry["series"]],
                description=paragraphs([self.t(entry["description"])]),
                poster=self.image(
                    title,
                    lambda title=title: files.illustration(title),
                    f"{self._slug(title)[:80]}.jpg",
                ),
                video=video,
                captions=self.captions(title, cues),
            )
        return index

    @staticmethod
    def clip_cues(entry, duration):
        """Captions of a video that plays the clip without words: its title, then its
        description, in English and in Latvian (an English title marked as English)."""
        middle = round(duration * 0.4, 3)
        title, description = entry["title"], entry["description"]
        latvian_title = vtt_text(title.lv)
        if title.lv == title.en:
            latvian_title = f"<lang en>{latvian_title}</lang>"
        return {
            "en": [(0, middle, vtt_text(title.en)), (middle, duration, vtt_text(description.en))],
            "lv": [(0, middle, latvian_title), (middle, duration, vtt_text(description.lv))],
        }

    def captions(self, title, cues):
        """A video page's captions (WebVTT files), in English and Latvian."""
        from media_library.models import VideoCaption

        return [
            VideoCaption(
                language=language,
                file=self.vtt(
                    f"{title} (captions, {language})",
                    language_cues,
                    f"{self._slug(title)}-{language}.vtt",
                ),
            )
            for language, language_cues in cues.items()
        ]

    @staticmethod
    def _slug(title):
        from django.utils.text import slugify

        return slugify(title)[:80].strip("-")

    def podcasts(self, home):
        data = self.content["podcasts"]
        owner = data["owner"]
        index = self.index_page(PodcastIndexPageFactory, home, data["index"])
        shows = {}
        for show in data["shows"]:
            title = self.t(show["title"])
            shows[show["key"]] = self.page(
                PodcastShowPageFactory,
                index,
                show["slug"],
                title=title,
                introduction=self.t(show["introduction"]),
                artwork=self.image(
                    f"{title} artwork",
                    lambda title=title: files.cover(title, 1400),
                    f"{show['key']}-artwork.jpg",
                ),
                category=show["category"],
                audio_language="en",
                author=owner["name"],
                owner_name=owner["name"],
                owner_email=owner["email"],
                copyright=self.t(owner["copyright"]),
            )
        show_titles = {show["key"]: show["title"].en for show in data["shows"]}
        for episode in data["episodes"]:
            show_key, number, title = episode["show"], episode["number"], episode["title"].en
            audio_file = files.ASSETS / "audio" / f"{show_key}-{number}.mp3"
            audio = self.media(title, audio_file, "audio")
            # What the recording says: the demo's audio files speak these words.
            spoken = f"{show_titles[show_key]}. {title}. {data['closing']}"
            self.page(
                EpisodePageFactory,
                shows[show_key],
                T(*[self._slug(title)] * 2),
                title=self.t(episode["title"]),
                episode_number=number,
                date=episode["date"],
                summary=self.t(episode["summary"]),
                audio=audio,
                transcript=paragraphs([self.t(same(spoken))]),
                transcript_file=self.vtt(
                    f"{title} (transcript)",
                    [(0, audio.duration, spoken)],
                    f"{show_key}-{number}-transcript.vtt",
                ),
                chapters=[
                    {
                        "type": "chapter",
                        "value": {"start": chapter["start"], "title": self.t(chapter["title"])},
                    }
                    for chapter in episode["chapters"]
                ],
                guests=[
                    {
                        "type": "guest",
                        "value": {
                            "name": self.t(same(guest["name"])),
                            "role": self.t(guest["role"]),
                        },
                    }
                    for guest in episode["guests"]
                ],
            )
        return index

    def documents(self, home):
        data = self.content["documents"]
        index = self.index_page(DocumentIndexPageFactory, home, data["index"])
        pages = []
        for document in data["documents"]:
            title = self.t(document["title"])
            versions = []
            for position, version in enumerate(document["versions"], 1):
                language, language_title = version["language"], version["title"]
                file_title = f"{title} ({language}{f', {position}' if language == 'en' else ''})"
                versions.append(
                    DocumentLanguageVersion(
                        language=language,
                        title=language_title,
                        document=self.document(
                            file_title,
                            partial(
                                files.pdf,
                                language_title or title,
                                LANGUAGE_NAMES[language],
                                [document["summary"].en],
                            ),
                            self.document_filename(language_title or title, language, position),
                        ),
                        sort_order=position,
                    )
                )
            pages.append(
                self.page(
                    DocumentPageFactory,
                    index,
                    document["slug"],
                    title=title,
                    date=document["date"],
                    summary=paragraphs([self.t(document["summary"])]),
                    language_versions=versions,
                )
            )
        return pages

    @staticmethod
    def document_filename(title, language, position):
        """The file's name in its language: downloads keep it (Content-Disposition)."""
        from django.utils.text import slugify

        name = slugify(title, allow_unicode=True)[:60].strip("-")
        return f"{name}-{language}-{position}.pdf"

    def policy_pages(self, home):
        self.language_policy = self.content_page(home, self.content["language_policy"])
        self.privacy = self.content_page(home, self.content["privacy"])
        self.contact = self.content_page(home, self.content["contact"])
        self.accessibility = self.content_page(home, self.content["accessibility"])

    def content_page(self, home, data):
        body = []
        for section in data["body"]:
            if section["heading"]:
                heading = {"text": self.t(section["heading"]), "level": "h2"}
                body.append({"type": "heading", "value": heading})
            body.append({"type": "paragraph", "value": paragraphs([self.t(section["text"])])})
        return self.page(
            ContentPageFactory,
            home,
            data["slug"],
            title=self.t(data["title"]),
            introduction=self.t(data["introduction"]),
            body=body,
        )

    def site_settings(self, home):
        site = Site.objects.get(root_page=home)
        site_settings = SiteSettings.for_site(site)
        data = self.content["site"]
        site_settings.contact_email = data["contact_email"]
        site_settings.postal_address = data["postal_address"]
        site_settings.social_links = [
            {"type": "social_link", "value": {"platform": link["platform"], "url": link["url"]}}
            for link in data["social_links"]
        ]
        site_settings.contact_page = self.contact
        site_settings.privacy_page = self.privacy
        site_settings.language_policy_page = self.language_policy
        site_settings.accessibility_page = self.accessibility
        site_settings.accessibility_email = data["accessibility_email"]
        site_settings.save()

    # -- the translations -------------------------------------------------------------------

    def translate(self, latvian):
        """Every page and video series in Latvian, each text translated."""
        english = Locale.objects.get(language_code="en")
        for series in VideoSeries.objects.filter(locale=english):
            self.translate_object(series, latvian)
        for page in self.english_pages:
            self.translate_object(page, latvian)

    def translate_sections(self):
        """The section pages in every other language the site has, published: their titles,
        addresses and introductions translated, the rest of them (a section's body: the Joint
        Call's principles, say) still in English, which the site marks as English. Returns how
        many languages."""
        locales = list(Locale.objects.exclude(language_code__in=["en", "lv"]))
        for page in self.section_pages:
            source, _created = TranslationSource.update_or_create_from_instance(page)
            for locale in locales:
                # A section whose title the demo has not in that language stays an alias.
                if _key(page.title) in self.translations[locale.language_code]:
                    self.translate_source(source, locale, complete=False)
        return len(locales)

    def translate_object(self, instance, locale):
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        self.translate_source(source, locale)

    def translate_source(self, source, locale, complete=True):
        """Translate a wagtail-localize source into ``locale`` with the demo's texts in that
        language, and publish it. Without ``complete``, a text the demo has not in that
        language stays in English."""
        texts = self.translations[locale.language_code]
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        strings = []
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            text = texts.get(segment.string.data)
            if text is None:
                if not complete:
                    continue
                model = source.specific_content_type.model_class()
                raise CommandError(
                    f"The demo content has no {locale.language_code} text for "
                    f"{segment.string.data!r} ({model._meta.label} {source.object_id}, "
                    f"{segment.context.path})"
                )
            if complete and text == segment.string.data:
                # Kept in English on the Latvian page (the seed's video and episode titles,
                # names): left untranslated, as a translator leaves it, so that wagtail-localize
                # shows the English and the page marks it as English. (A section page's title
                # that is the same word in another language, "Podcasts", is translated.)
                continue
            strings.append(
                StringTranslation(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    data=text,
                    translation_type="manual",
                    tool_name="load_demo",
                )
            )
        # In one query, new or updated: the demo's texts are plain text and valid links, which
        # StringTranslation.save() would check one by one.
        StringTranslation.objects.bulk_create(
            strings,
            update_conflicts=True,
            unique_fields=["locale", "translation_of", "context"],
            update_fields=["data", "translation_type", "tool_name", "updated_at"],
        )
        translation.save_target(publish=True)
