"""Who may do what with pages, beyond Wagtail's defaults.

- Those who may submit translations (translators, officers) read the whole tree of the source
  language in the explorer and the choosers, without any right to change it: they translate
  from it. (Wagtail lets a user explore only where they may add, edit, publish or lock.)
- Deleting a page takes the "Bulk delete" page permission (officers have it; translators, who
  edit and publish their languages, do not), and the pages that hold up the site — each
  language's landing page, the Joint Call, the index pages — are deleted by administrators only.

The groups that use these rules (Officers, Signature managers, Translators) are made by the
migration ``cms/migrations/0006_roles.py``; ``docs/authoring.md`` describes them.
"""

from django.conf import settings
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy


def may_read_source_tree(user):
    return user.is_active and user.has_perm("wagtail_localize.submit_translation")


def source_landing_pages():
    return Page.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE)


class SitePagePermissionPolicy(PagePermissionPolicy):
    def instances_with_direct_explore_permission(self, user):
        pages = super().instances_with_direct_explore_permission(user)
        if user.is_superuser or not may_read_source_tree(user):
            return pages
        return [*pages, *source_landing_pages()]

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if user.is_superuser or not may_read_source_tree(user):
            return pages
        source = Page.objects.none()
        for landing in source_landing_pages():
            source |= Page.objects.descendant_of(landing, inclusive=True)
        return pages | source | Page.objects.filter(depth=1)


class SitePagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if self.user.is_superuser or not self.user.is_active:
            return super().can_delete(ignore_bulk)
        if getattr(self.page.specific_class, "protected_from_deletion", False):
            return False
        return "bulk_delete" in self.permissions and super().can_delete(ignore_bulk)
