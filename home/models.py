import hashlib
from http import HTTPMethod

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseBodyBlock
from cms.caching.fragments import FRAGMENT_SECONDS, content_version
from cms.models import IndexPage, SitePage, image_field
from cms.seo.structured_data import SCHEMA, landing_page, organization, plain
from signatures import views as signing
from signatures.panels import CallSettingsPanel
from signatures.services import call_settings_for, signatory_count

from .blocks import AllianceBodyBlock, JointCallBodyBlock

# The levels below a landing page that its routing looks up at once (a deeper page is found a
# level at a time, by Wagtail's routing), and the longest part of an address a slug can be.
ROUTE_LOOKUP_LEVELS = 8
SLUG_MAX_LENGTH = Page._meta.get_field("slug").max_length


def route_key(prefix, path_components):
    """The cache key of the page at ``path_components``: of a fixed length, however long the
    path."""
    path = "/".join(path_components).encode()
    return prefix + hashlib.blake2b(path, digest_size=16).hexdigest()


class AlliancePage(SitePage):
    """The landing page of each locale: the Alliance's story and the latest from every section."""

    protected_from_deletion = True
    route_select_related = ["hero_image"]

    introduction = models.TextField(_("introduction"), blank=True)
    hero_image = image_field(_("hero image"))
    body = StreamField(AllianceBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        TranslatableField("introduction"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.JointCallPage",
        "home.StoryIndexPage",
        "home.ContentPage",
        "media_library.VideoIndexPage",
        "podcasts.PodcastIndexPage",
        "documents.DocumentIndexPage",
    ]

    class Meta:
        verbose_name = _("Alliance page")

    def share_image(self):
        return self.hero_image

    def structured_data(self, request, site_settings, image):
        """The Alliance (schema.org Organization) and the site in this language (WebSite), with
        its search."""
        url = self.get_full_url(request)
        website = {
            "@type": "WebSite",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": url,
            "inLanguage": self.locale.language_code,
            "publisher": {"@id": url + "#organization"},
        }
        try:
            search_url = request.build_absolute_uri(reverse("search"))
        except NoReverseMatch:  # pragma: no cover - the search is always there
            search_url = None
        if search_url:
            website["potentialAction"] = {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": search_url + "?query={query}"},
                "query-input": "required name=query",
            }
        alliance = organization(site_settings, self, request)
        if self.introduction:
            alliance["description"] = plain(self.introduction)
        return {"@context": SCHEMA, "@graph": [alliance, website]}

    def route(self, request, path_components):
        """Find the page at a path of this language's site: from the cache, or in two queries.

        Wagtail looks a path up a level at a time, two queries a level; the landing page holds
        every page of its language, so it can find the deepest page whose address starts the
        path at once, then let that page route the rest (a route of a routable page, or a 404).
        What it finds is kept under the page's own address for the content version, so that
        the addresses of a page's routes (a link with a token, say) share one entry.

        It looks at the first ``ROUTE_LOOKUP_LEVELS`` parts at most, up to the first that is
        longer than a slug: an address of a thousand levels costs no more than a real one.
        """
        if not path_components:
            return super().route(request, path_components)
        levels = 0
        for component in path_components[:ROUTE_LOOKUP_LEVELS]:
            if len(component) > SLUG_MAX_LENGTH:
                break
            levels += 1
        if not levels:
            return super().route(request, path_components)
        prefix = f"route:{content_version()}:{self.pk}:"
        keys = {route_key(prefix, path_components[:n]): n for n in range(1, levels + 1)}
        cached = cache.get_many(keys)
        deepest = max(cached, key=keys.get, default=None)
        # A page found for the start of the path is the one sought if nothing is below it, or
        # if it is as deep as this looks.
        if deepest and (keys[deepest] == levels or not cached[deepest][0].numchild):
            page, parent = cached[deepest]
            consumed = keys[deepest]
        else:
            page, parent, consumed = self.find_page(path_components[:levels])
            cache.set(
                route_key(prefix, path_components[:consumed]), (page, parent), FRAGMENT_SECONDS
            )
        page._cached_parent_obj = self if page.depth == self.depth + 1 else parent
        return page.route(request, path_components[consumed:])

    def find_page(self, path_components):
        """The deepest page whose address starts ``path_components`` and its parent if known
        (each as its specific type, with its locale), and the number of components the page's
        address takes; in two or three queries."""
        lengths = {
            self.url_path + "/".join(path_components[:n]) + "/": n
            for n in range(1, len(path_components) + 1)
        }
        # The page and its parent, in one query.
        found = list(
            Page.objects.filter(path__startswith=self.path, url_path__in=lengths).order_by(
                "-depth"
            )[:2]
        )
        if not found:
            raise Http404
        model = found[0].specific_class
        page = model.objects.select_related("locale", *model.route_select_related).get(
            pk=found[0].pk
        )
        parent = None
        if len(found) == 2 and found[1].depth == page.depth - 1:
            # Specific: an episode shows its show's title, artwork and feed.
            parent_model = found[1].specific_class or Page
            parent = parent_model.objects.select_related("locale").get(pk=found[1].pk)
        return page, parent, lengths[found[0].url_path]


class JointCallPage(RoutablePageMixin, SitePage):
    """The Joint Call: its principles, its full text and the form to sign it.

    Its routes (see ``signatures.views``): the form, "check your inbox", the confirmation,
    withdrawal and personal-data links of the emails, and the public list of signatories.
    """

    protected_from_deletion = True

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(JointCallBodyBlock(), blank=True, verbose_name=_("principles and call"))
    full_text = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("full text"))
    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("full_text"),
        CallSettingsPanel(heading=_("Signatures")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("full_text"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("body"),
        TranslatableField("full_text"),
    ]
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    parent_page_types = ["home.AlliancePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Joint Call page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unconfirmed_purge_days"] = settings.SIGNATURE_UNCONFIRMED_PURGE_DAYS
        return context

    @property
    def submit_url(self):
        return reverse("submit_signature", args=(self.translation_key,))

    @property
    def signatories_url(self):
        return self.url + self.reverse_subpage("signatories")

    @cached_property
    def call_settings(self):
        """The call's own facts (earlier signatories, retention, whether signing is open), one
        for every language of the call: see ``CallSettings``."""
        return call_settings_for(self.translation_key)

    @property
    def signatory_count(self):
        """Earlier signatories plus the confirmed signatures of this call in every language."""
        return signatory_count(self.translation_key)

    def get_cached_paths(self):
        return ["/", "thank-you/", "signatories/"]

    @path("")
    def sign(self, request):
        return signing.sign(request, self)

    @path("thank-you/", name="thank_you")
    def thank_you(self, request):
        return signing.thank_you(request, self)

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        return signing.confirm(request, self, token)

    @path("withdraw/<str:token>/", name="withdraw")
    def withdraw(self, request, token):
        return signing.withdraw(request, self, token)

    @path("my-data/<str:token>/", name="my_data")
    def my_data(self, request, token):
        return signing.my_data(request, self, token)

    @path("signatories/", name="signatories")
    def signatories(self, request):
        return signing.signatories(request, self)


class StoryPage(SitePage):
    route_select_related = ["hero_image"]

    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=500)
    hero_image = image_field(_("hero image"))
    region = models.CharField(_("region or city"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("body"))

    card_template = "home/cards/story_card.html"
    og_type = "article"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("region"), FieldPanel("country")],
            heading=_("Where and when"),
        ),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("region"),
        SynchronizedField("country"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("hero_image")

    def share_image(self):
        return self.hero_image

    def structured_data(self, request, site_settings, image):
        """schema.org Article, by and from the Alliance."""
        alliance = organization(site_settings, landing_page(self), request)
        data = {
            "@context": SCHEMA,
            "@type": "Article",
            "headline": Truncator(self.title).chars(110),
            "description": plain(self.summary),
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
            "author": alliance,
            "publisher": alliance,
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if image:
            data["image"] = image["url"]
        if self.region or self.country:
            data["contentLocation"] = {
                "@type": "Place",
                "name": ", ".join(str(part) for part in (self.region, self.country.name) if part),
            }
        return data


class StoryIndexPage(IndexPage):
    listed_model = StoryPage
    listed_order = ("-date", "-pk")

    parent_page_types = ["home.AlliancePage"]
    subpage_types = ["home.StoryPage"]

    class Meta:
        verbose_name = _("story index")


class ContentPage(SitePage):
    """A plain page: privacy notice, contact, the branding toolkit, "find out why"…"""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.AlliancePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")

    def archive(self):
        """The ZIP of this page's downloads (an untranslated page offers its source's)."""
        from cms.models import DownloadArchive

        return DownloadArchive.objects.filter(page_id=self.alias_of_id or self.pk).first()
