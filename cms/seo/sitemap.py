"""The sitemap of every language, with each page's translations as ``hreflang`` alternates."""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from cms.i18n.addresses import page_full_url
from cms.i18n.translation_state import published_translation_q

LANGUAGE_ORDER = {code: number for number, (code, _name) in enumerate(settings.LANGUAGES)}


class MultilingualSitemap(Sitemap):
    """Every live public page of the site in every language; a language's page not translated
    yet (an alias of the English page, or a translation never published) is left out, as its
    canonical address is the English one.
    Each address lists the page's translations, itself included, and ``x-default`` (the page in
    the source language)."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        within = Q()
        for path in roots.values_list("path", flat=True):
            within |= Q(path__startswith=path)
        return (
            Page.objects.live()
            .public()
            .filter(within)
            .filter(published_translation_q())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = {}
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages})
            .filter(published_translation_q())
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
        ):
            translations.setdefault(translation.translation_key, []).append(translation)
        urls = []
        last_mods = set()
        for item in pages:
            alternates = self.alternates(translations.get(item.translation_key, []))
            location = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if url_info.get("location") == location:
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates(self, translations):
        translations = sorted(
            translations, key=lambda page: LANGUAGE_ORDER.get(page.locale.language_code, 99)
        )
        alternates = [
            {"lang_code": page.locale.language_code, "location": page_full_url(page, self.request)}
            for page in translations
        ]
        source = [a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE]
        if source:
            alternates.append({"lang_code": "x-default", "location": source[0]["location"]})
        return alternates
