"""The Europa Component Library's resources in templates: its icons and the EU emblem, served from
the site's own static files (``/static/ecl/``, installed by ``deploy/install_ecl.py``)."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language

from cms.models import SOCIAL_PLATFORMS

register = template.Library()

SPRITES = {
    "icons": "ecl/images/icons/sprites/icons.svg",
    "social": "ecl/images/icons-social-media/sprites/icons-social-media.svg",
}
EU_LOGO = "ecl/images/logo/{version}-version/positive/logo-eu--{code}.svg"


@register.simple_tag
def ecl_icon(name, size="s", extra_classes="", sprite="icons", title=""):
    """An ECL icon from one of its sprites: decorative (hidden from assistive technologies),
    unless it has a ``title``, which is then its text."""
    classes = f"ecl-icon ecl-icon--{size} {extra_classes}".strip()
    href = f"{static(SPRITES[sprite])}#{name}"
    if title:
        return format_html(
            '<svg class="{}" focusable="false" aria-hidden="false" role="img"><title>{}</title>'
            '<use xlink:href="{}"></use></svg>',
            classes,
            title,
            href,
        )
    return format_html(
        '<svg class="{}" focusable="false" aria-hidden="true"><use xlink:href="{}"></use></svg>',
        classes,
        href,
    )


@lru_cache
def _logo_path(version, code):
    path = EU_LOGO.format(version=version, code=code)
    if finders.find(path):
        return path
    return EU_LOGO.format(version=version, code=settings.LANGUAGE_CODE)


@register.simple_tag
def eu_logo(version="standard"):
    """The address of the EU emblem with "European Union" in the visitor's language
    (``standard`` or ``condensed``), or in English where ECL has none in that language."""
    return static(_logo_path(version, get_language()))


# ECL's social media icons by the platforms of cms.models.SOCIAL_PLATFORMS (X is "twitter").
SOCIAL_ICONS = {"x": "twitter"}


@register.simple_tag
def social_platform(code):
    """A social media platform's ``name`` and its ECL ``icon``."""
    return {"name": dict(SOCIAL_PLATFORMS).get(code, code), "icon": SOCIAL_ICONS.get(code, code)}
