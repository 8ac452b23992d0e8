"""Wagtail's autosave and the "add page" form: one form makes one page, and Publish wins.

Wagtail 8 autosaves the editor: in the background it posts the form to the view it came from
with ``Accept: application/json`` (``JsonPostResponseMixin.expects_json_response``); on a new
page the first autosave *creates* the page (``CreateView.save_action``) and the editor switches
to the new page's edit view once the answer arrives. Clicking Publish while that first autosave
is under way posted the same form to the create view again: a second page with the same slug,
refused ("The page could not be created due to validation errors", "slug already in use"), or,
when both requests passed the form's checks before either saved, a ``ValidationError`` from
``add_child`` and a 500 for the autosave. Each abandoned attempt also left 23 aliases behind
(wagtail-localize creates them in every synchronised locale as soon as a page is created).

Here:

- Each "add page" form carries a ``creation_token`` (``wagtailadmin/pages/create.html``).
  The create view (``CreatePageView``, routed in ``cms/urls.py`` before Wagtail's admin) takes
  a lock on the parent page, in a transaction, before it looks at the form: requests of one
  form are handled one after the other. The page a token created is found again by the token,
  kept in the data of its "wagtail.create" log entry. A later request of the same form goes to
  that page's edit view: Publish publishes the page the autosave created, with the content of
  the form as submitted; an autosave that arrives after Publish saves nothing and answers
  Wagtail's "Saving will overwrite a newer version" (JSON, 400).
- A ``ValidationError`` raised while saving (``full_clean`` in ``add_child`` or the revision)
  comes back as form errors, or as Wagtail's JSON validation error to an autosave: never a 500.
- The edit view (``EditPageView``, routed in ``cms/urls.py`` like the create view) does the same
  with a ``ValidationError`` raised while saving an existing page (a slug taken by another
  officer's page between the form's checks and the save): form errors, or a 400 JSON answer to an
  autosave, and nothing saved. It also says "published", not "updated", when "Approve and
  publish" (the last task of a workflow) has published the page.
- A page created as a draft in the admin gets its copies in the other languages
  (wagtail-localize's aliases) when it is first published (``page_published``), not at once:
  a draft nobody publishes leaves nothing in the other trees, the translation report or the
  site. (A page created and published at once gets them from wagtail-localize as before.)
"""

import uuid

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.signals import page_published
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import after_create_page as localize_after_create_page

TOKEN_FIELD = "creation_token"  # noqa: S105 (the name of a form field)
DEFERRED = "aliases_deferred"


def page_created_by(token, parent):
    """The page that the "add page" form with this token created under ``parent``, if any."""
    if not token:
        return None
    page_ids = PageLogEntry.objects.filter(
        action="wagtail.create", data__creation_token=token
    ).values_list("page_id", flat=True)
    return Page.objects.filter(pk__in=list(page_ids)).child_of(parent).first()


class SavingFailedMixin:
    """A ``ValidationError`` raised while a page view saves: the form's errors, or Wagtail's JSON
    validation error to an autosave."""

    def saving_failed(self, error):
        if self.expects_json_response:
            return self.json_error_response(
                "validation_error",
                _("There are validation errors, click save to highlight them."),
            )
        if hasattr(error, "error_dict"):
            for name, errors in error.message_dict.items():
                field = name if name in self.form.fields and name != NON_FIELD_ERRORS else None
                self.form.add_error(field, errors)
        else:
            self.form.add_error(None, error)
        return self.form_invalid(self.form)


class CreatePageView(SavingFailedMixin, CreateView):
    """Wagtail's create view, made safe against its own autosave (see the module)."""

    def post(self, request):
        token = request.POST.get(TOKEN_FIELD, "")
        with transaction.atomic():
            # One request of a form at a time: the second waits for the first to commit.
            Page.objects.select_for_update().filter(pk=self.parent_page.pk).first()
            created = page_created_by(token, self.parent_page)
            if created is not None:
                return self.continue_on(created)
            with transaction.atomic():
                response = self.post_guarded(request)
            if self.page.pk:
                # Remember which form made the page, and whether its aliases are still to make.
                PageLogEntry.objects.filter(page_id=self.page.pk, action="wagtail.create").update(
                    data={TOKEN_FIELD: token, DEFERRED: self.aliases_deferred}
                )
            return response

    def continue_on(self, page):
        """A later request of the form that already created ``page``."""
        if self.expects_json_response and self.action_name == "save" and page.live:
            # An autosave overtaken by Publish: what was published stays the latest version.
            return self.json_error_response(
                "invalid_revision", _("Saving will overwrite a newer version.")
            )
        return EditPageView.as_view()(self.request, page_id=page.pk)

    def post_guarded(self, request):
        try:
            with transaction.atomic():
                return super().post(request)
        except ValidationError as error:
            self.page.pk = self.page.id = None
            return self.saving_failed(error)

    aliases_deferred = False

    def run_hook(self, hook_name, *args, **kwargs):
        if hook_name != "after_create_page" or self.page.live:
            return super().run_hook(hook_name, *args, **kwargs)
        # A draft: wagtail-localize's aliases wait for its first publication
        # (aliases_on_first_publication).
        self.aliases_deferred = True
        for fn in hooks.get_hooks(hook_name):
            if fn is localize_after_create_page:
                continue
            result = fn(*args, **kwargs)
            if hasattr(result, "status_code"):
                return result
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[TOKEN_FIELD] = self.request.POST.get(TOKEN_FIELD) or new_token()
        return context


class EditPageView(SavingFailedMixin, EditView):
    """Wagtail's edit view: a ValidationError while saving is no 500, and a workflow's approval
    that publishes the page says so (see the module)."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            # Nothing was saved: show the page as it was, with the form as submitted.
            self.page = self.real_page_record.get_latest_revision_as_object()
            return self.saving_failed(error)

    def add_save_confirmation_message(self):
        if self.action_name == "perform_workflow_action" and self.published_by_workflow():
            message = _("Page '%(page_title)s' has been published.") % {
                "page_title": self.page.get_admin_display_title()
            }
            messages.success(self.request, message)
            return
        super().add_save_confirmation_message()

    def published_by_workflow(self):
        """Whether the workflow action just taken published the page ("Approve and publish" on
        the workflow's last task)."""
        page = self.page.specific_class.objects.get(pk=self.page.pk)
        return (
            page.live
            and not page.has_unpublished_changes
            and page.current_workflow_state is None
            and page.live_revision_id == page.latest_revision_id
        )


def new_token():
    return uuid.uuid4().hex


def create_missing_aliases(page):
    """Give ``page`` an alias in each locale synchronised from its own that has no copy of it
    yet (what wagtail-localize does when a page is created), and so on down the chain."""
    target_ids = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values_list(
        "locale_id", flat=True
    )
    present = Page.objects.filter(translation_key=page.translation_key).values_list(
        "locale_id", flat=True
    )
    for locale in Locale.objects.filter(pk__in=list(target_ids)).exclude(pk__in=list(present)):
        alias = page.copy_for_translation(locale, copy_parents=True, alias=True)
        create_missing_aliases(alias)


def aliases_on_first_publication(sender, instance, **kwargs):
    """``page_published``: the aliases of a page created as a draft in the admin."""
    created = PageLogEntry.objects.filter(
        page_id=instance.pk, action="wagtail.create", **{f"data__{DEFERRED}": True}
    ).first()
    if created is None or instance.alias_of_id is not None:
        return
    create_missing_aliases(instance)
    created.data = {**created.data, DEFERRED: False}
    created.save(update_fields=["data"])


def register():
    page_published.connect(aliases_on_first_publication, dispatch_uid="cms.autosave.aliases")
