from http import HTTPMethod

from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .caching.fragments import (
    any_view_restrictions,
    for_content_version,
)
from .editing.page_forms import PageForm
from .editing.roles import SitePagePermissionTester
from .i18n.addresses import page_url_parts
from .numbers import whole_number
from .seo.metadata import SeoMixin


def image_field(verbose_name):
    """An optional image of a page, kept when the image is deleted from the library."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


SOCIAL_PLATFORMS = [
    ("x", "X"),
    ("facebook", "Facebook"),
    ("linkedin", "LinkedIn"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("flickr", "Flickr"),
    ("bluesky", "Bluesky"),
    ("mastodon", "Mastodon"),
]


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(label=_("Platform"), choices=SOCIAL_PLATFORMS)
    url = blocks.URLBlock(label=_("Address"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["platform_name"] = dict(SOCIAL_PLATFORMS).get(value["platform"], value["platform"])
        return context

    class Meta:
        template = "cms/blocks/social_link_block.html"
        icon = "link-external"
        label = _("Social media account")
        preview_value = {"platform": "x", "url": "https://x.com/EU_CoR"}


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide contact details, social media accounts and the pages every footer links to."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    social_links = StreamField(
        [("social_link", SocialLinkBlock())], blank=True, verbose_name=_("follow us")
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("language policy page"),
        help_text=_('The "Looking for another language? Find out why" page of documents.'),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_email = models.EmailField(
        _("email for accessibility problems"),
        blank=True,
        help_text=_(
            'Where visitors report an accessibility problem ("Report an accessibility problem" '
            "in every footer). Empty: the contact email."
        ),
    )
    share_image = image_field(_("default share image"))
    share_image.help_text = _(
        "Shown when a page is shared on social media and has no image of its own "
        "(1200 × 630 pixels is best)."
    )

    select_related = [
        "contact_page",
        "privacy_page",
        "language_policy_page",
        "accessibility_page",
        "share_image",
    ]

    @classmethod
    def for_request(cls, request):
        """The settings of the request's site, as Wagtail's ``for_request``, but read from the
        cache: every page shows them. Kept under the content version, which saving them moves on
        (``cms.caching.signals``); the admin reads and saves them with ``for_site``, uncached."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = for_content_version(f"site-settings:{site.pk}", lambda: cls.for_site(site))
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
                FieldPanel("contact_page"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("language_policy_page")],
            heading=_("Key pages"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("accessibility_email")],
            heading=_("Accessibility"),
        ),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def accessibility_contact(self):
        """The address to report an accessibility problem to."""
        return self.accessibility_email or self.contact_email


# What a page that takes no form answers to; anything else (POST, PUT, PATCH, DELETE) gets 405.
# Wagtail 8 pages accept every method unless told otherwise.
READ_ONLY_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]


class SitePage(SeoMixin, Page):
    """The base of every page type of the site: what each page type has, and may override.

    - ``allowed_http_methods``: GET, HEAD and OPTIONS; a page that takes a form adds POST.
    - ``route_select_related``: the related objects its template shows, fetched with the page
      when an address is routed to it (``home.models.AlliancePage.route``).
    - ``card_template``: the card that index pages and "latest" sections show it with, and
      ``listing_queryset()``: what that card needs, fetched with the list.
    - ``translatable_fields``: those of every page; a page type adds its own to
      ``SitePage.translatable_fields``.
    - In the admin, the form that keeps a translation's synchronised fields for those who edit
      the source (``cms.editing.page_forms``) and the deletion rules of ``cms.editing.roles``;
      the pages that hold up the site set ``protected_from_deletion``.
    - What it tells search engines and social media: ``og_type``, ``share_image()`` and
      ``structured_data()`` (``cms.seo.metadata.SeoMixin``).
    - ``get_view_restrictions()``: Wagtail's, without its two queries on every request while
      no page of the site is private (``cms.caching.fragments.any_view_restrictions``).
    - ``get_url_parts()``: Wagtail's, without switching to the page's language to reverse its
      address (``cms.i18n.addresses``).
    """

    allowed_http_methods = READ_ONLY_METHODS
    route_select_related = ()
    card_template = None
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
    ]
    base_form_class = PageForm
    protected_from_deletion = False

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_url_parts(self, request=None):
        return page_url_parts(self, request)

    @classmethod
    def listing_queryset(cls, queryset):
        """Fetch with the queryset what a card of this page type shows, in a fixed number of
        queries."""
        return queryset

    def permissions_for_user(self, user):
        return SitePagePermissionTester(user, self)


class IndexPage(SitePage):
    """A page that lists its children, newest first, a page at a time."""

    introduction = models.TextField(_("introduction"), blank=True)

    listed_model = None
    listed_order = ("-first_published_at",)
    items_per_page = 12
    protected_from_deletion = True

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    translatable_fields = SitePage.translatable_fields + [TranslatableField("introduction")]

    class Meta:
        abstract = True

    def listed_pages(self):
        """The live pages this index lists, in the visitor's locale, ready to render as cards."""
        return self.listed_model.listing_queryset(
            self.listed_model.objects.child_of(self).live()
        ).order_by(*self.listed_order)

    def latest(self, limit):
        return self.listed_pages()[:limit]

    def listing_variant(self):
        """What the listed pages depend on besides the page number (a filter chosen): part of
        the key of a cached listing."""
        return ""

    def paginate(self, request, listed_pages):
        """One page of ``listed_pages()`` (a queryset); a page number that is not one answers
        404. Its pages and their count are kept once per content version, for each page number
        and variant: the queryset is made only when they are not."""
        number = request.GET.get("page", "1")
        cached_number = whole_number(number, max_digits=4)
        if not cached_number or getattr(request, "is_preview", False):
            return self._page_of(listed_pages(), number)
        number = cached_number

        def listing():
            page = self._page_of(listed_pages(), number)
            return list(page.object_list), page.paginator.count

        items, count = for_content_version(
            f"listing:{self.pk}:{self.listing_variant()}:{number}", listing
        )
        paginator = Paginator(range(count), self.items_per_page)
        return paginator._get_page(items, number, paginator)

    def _page_of(self, queryset, number):
        try:
            return Paginator(queryset, self.items_per_page).page(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error

    def cached_list(self, name, make_queryset):
        """``list(make_queryset())``, kept under ``name`` and this page once per content
        version: what the page lists changes only with a publication, or with an object every
        page shows."""
        return for_content_version(f"{name}:{self.pk}", lambda: list(make_queryset()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate(request, self.listed_pages)
        return context


class DownloadArchive(models.Model):
    """One ZIP of every file a page offers for download (the branding toolkit), made when the
    page is published."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to="archives/")
    file_size = models.PositiveBigIntegerField()
    file_count = models.PositiveIntegerField()
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("download archive")

    def __str__(self):
        return self.file.name
