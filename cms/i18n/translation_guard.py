"""Stopping a translation's synchronisation is for those who may edit its source.

wagtail-localize lets anyone who may edit a translated page stop its synchronisation, which
turns it into an ordinary page with every field editable. For a translator that would mean
rights over what the source page owns (synchronised fields); only those who may edit the source
may stop it. (The page form locks those fields too: ``cms.editing.page_forms``.)
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import stop_translation, user_can_edit_instance


@require_POST
def stop_translation_of_own_source(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    source = translation.source.get_source_instance()
    if isinstance(source, Page):
        allowed = source.permissions_for_user(request.user).can_edit()
    else:
        allowed = user_can_edit_instance(request.user, source)
    if not allowed:
        raise PermissionDenied(
            "Only those who may edit the source can stop synchronising its translations."
        )
    return stop_translation(request, translation_id)
