from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class GuestBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=300)

    class Meta:
        template = "podcasts/blocks/guest_block.html"
        icon = "user"
        label = _("Guest")
        preview_value = {"name": "Kieran McCarthy", "role": "Member of the Cork City Council"}
