"""Importing a page from a source instance: the page's subtree and its translations' subtrees,
with what they refer to, in one transaction.

wagtail-transfer's ``ImportPlanner`` does the planning and writing; what is ours:

- ``SourceClient`` talks to the source (signed requests, timeouts) and turns every way it can
  fail — unknown source, unreachable, wrong secret, an answer that is not an export — into a
  ``TransferError`` with a message for the officer, before anything is written;
- ``TransferPlanner`` places each translation under the page's translation at the destination,
  creates the pages above the page that the destination lacks (without touching those it has),
  and publishes what it wrote (new revisions, aliases in the other languages kept in step);
- ``import_page`` matches the pages that exist at the destination under another identity by
  translation key and locale (a wagtail-localize alias made there, say) so that they are updated
  rather than duplicated, and refuses an import that would leave the chosen page out.
"""

import json
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site
from wagtail_transfer.auth import digest_for_source, requests_auth
from wagtail_transfer.locators import get_locator_for_model
from wagtail_transfer.models import IDMapping
from wagtail_transfer.operations import CircularDependencyException, ImportPlanner

from cms.i18n.locales import sync_locale_trees
from cms.numbers import whole_number

from .errors import TransferError

EXPORT_KEYS = {"ids_for_import": list, "mappings": list, "objects": list}


class SourceClient:
    """The source instance named ``name`` in ``WAGTAILTRANSFER_SOURCES``."""

    def __init__(self, name):
        sources = getattr(settings, "WAGTAILTRANSFER_SOURCES", {}) or {}
        if name not in sources:
            raise TransferError(_("There is no source called “%(name)s”.") % {"name": name})
        self.name = name
        self.base_url = sources[name]["BASE_URL"]
        self.timeout = getattr(settings, "WAGTAILTRANSFER_CHOOSER_API_PROXY_TIMEOUT", 30)

    def send(self, method, url, **kwargs):
        """One HTTP request; tests replace it."""
        return requests.request(
            method, url, auth=requests_auth(self.name), timeout=self.timeout, **kwargs
        )

    def request(self, method, url, **kwargs):
        try:
            response = self.send(method, url, **kwargs)
        except requests.RequestException as error:
            raise TransferError(
                _("%(name)s could not be reached at %(url)s (%(error)s).")
                % {"name": self.name, "url": url, "error": error.__class__.__name__}
            ) from error
        if response.status_code == 403:
            raise TransferError(
                _(
                    "%(name)s refused the request: the secret key of this source in "
                    "WAGTAILTRANSFER_SOURCES is not its WAGTAILTRANSFER_SECRET_KEY."
                )
                % {"name": self.name}
            )
        if response.status_code != 200:
            raise TransferError(
                _("%(name)s answered %(status)s to %(url)s.")
                % {"name": self.name, "status": response.status_code, "url": url}
            )
        return response

    def export(self, response):
        """The export in an answer, checked to be one."""
        try:
            data = json.loads(response.content)
        except ValueError as error:
            raise TransferError(
                _("%(name)s did not answer with an export (not JSON).") % {"name": self.name}
            ) from error
        if not isinstance(data, dict) or any(
            not isinstance(data.get(key), kind) for key, kind in EXPORT_KEYS.items()
        ):
            raise TransferError(
                _("%(name)s did not answer with an export (fields missing).") % {"name": self.name}
            )
        return data

    def get_export(self, path, message):
        digest = digest_for_source(self.name, message)
        return self.export(self.request("GET", self.base_url + path, params={"digest": digest}))

    def post_export(self, path, body):
        digest = digest_for_source(self.name, body)
        return self.export(
            self.request("POST", self.base_url + path, params={"digest": digest}, data=body)
        )

    def absolute_url(self, url):
        """A file's address as the source gave it, resolved against the source's address."""
        return urljoin(self.base_url, url)

    def download(self, url):
        return self.request("GET", url).content


def check_export(data):
    """Refuse an export whose parts are not what the planner expects, before it reads them."""
    try:
        for model_path, _source_id in data["ids_for_import"]:
            get_model(model_path)
        for model_path, _source_id, _uid in data["mappings"]:
            get_model(model_path)
        for obj in data["objects"]:
            get_model(obj["model"])
            if not isinstance(obj["fields"], dict):
                raise TypeError(obj)
            obj["pk"]
    except (KeyError, TypeError, ValueError) as error:
        raise TransferError(_("The source's export is malformed.")) from error


def get_model(model_path):
    app_label, model_name = model_path.split(".")
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        model = None
    if model is None:
        raise TransferError(
            _("The source sent a kind of object this site does not have (%(model)s).")
            % {"model": model_path}
        )
    return model


class TransferPlanner(ImportPlanner):
    """wagtail-transfer's planner, placing translations and creating missing ancestors."""

    def __init__(self, root_page_source_pk, destination_parent_id, client):
        super().__init__(
            root_page_source_pk=root_page_source_pk,
            destination_parent_id=destination_parent_id,
            source_site=client.name,
        )
        self.client = client
        self.context.source_client = client
        # Pages created if the destination lacks them, left alone if it has them.
        self.ensure_ids = set()
        # Source id of a page -> destination id of the page to create it under.
        self.destination_parents = {}

    def _handle_objective(self, objective):
        key = (objective.model, objective.source_id)
        if key in self.ensure_ids and not objective.exists_at_destination:
            self._handle_task(("create", objective.model, objective.source_id))
            return
        super()._handle_objective(objective)

    def _handle_task(self, task):
        action, model, source_id = task
        parent = self.destination_parents.get(source_id) if model is Page else None
        if action != "create" or parent is None:
            super()._handle_task(task)
            return
        # wagtail-transfer places one page (the root of the import) under a chosen parent; do
        # the same for each translation root.
        saved = self.root_page_source_pk, self.destination_parent_id
        self.root_page_source_pk, self.destination_parent_id = source_id, parent
        try:
            super()._handle_task(task)
        finally:
            self.root_page_source_pk, self.destination_parent_id = saved

    def _add_to_operation_order(self, operation, operation_order, path):
        """wagtail-transfer's, except that a *soft* dependency on an operation already on the
        path is left for the second pass instead of raising ``CircularDependencyException``:
        raised there, it escapes through the hard dependency above it (a new home page whose
        body links to a new index page below it: the index needs the home, the home's link
        needs the index) and the whole import fails."""
        if operation in operation_order:
            return
        for dep_model, dep_source_id, dep_is_hard in operation.dependencies:
            resolution = self.resolutions.get((dep_model, dep_source_id))
            if resolution is None:
                # Already satisfied, or unsatisfiable and soft (see _check_satisfiable).
                continue
            if resolution in path:
                if dep_is_hard:
                    raise CircularDependencyException()
                continue
            try:
                self._add_to_operation_order(resolution, operation_order, path + [resolution])
            except CircularDependencyException:
                if dep_is_hard:
                    raise
        operation_order.append(operation)

    def run(self):
        super().run()
        # Second pass: references left empty because their target was created after the
        # object (soft dependencies broken to order the operations) now resolve.
        context = self.context
        for page in self.written_pages():
            operation = next(op for op in self.operations if getattr(op, "instance", None) is page)
            if any(
                not hard and (model, pk) in context.destination_ids_by_source
                for model, pk, hard in operation.dependencies
            ):
                operation._populate_fields(context)
                page.save()
                page.save_revision()

    def fetch_missing(self):
        while self.missing_object_data:
            by_type = {}
            for model, source_id in self.missing_object_data:
                by_type.setdefault(model._meta.label_lower, []).append(source_id)
            data = self.client.post_export("api/objects/", json.dumps(by_type))
            check_export(data)
            self.add_json(json.dumps(data))

    def written_pages(self):
        """The pages the import created or updated (after ``run``)."""
        return [
            operation.instance
            for operation in self.operations
            if isinstance(getattr(operation, "instance", None), Page)
            and operation.instance.pk
            and self._check_satisfiable(operation, {})
        ]


class ImportResult:
    def __init__(self, root, created, updated, languages, skipped_languages):
        self.root = root
        self.created = created
        self.updated = updated
        self.languages = languages
        self.skipped_languages = skipped_languages


def page_objects(data):
    return {
        obj["pk"]: obj
        for obj in data["objects"]
        if get_model(obj["model"]) is not None and issubclass(get_model(obj["model"]), Page)
    }


def subtree_ids(pages, root_id):
    """Source ids of ``root_id`` and the pages of the export below it."""
    children = {}
    for pk, obj in pages.items():
        children.setdefault(obj.get("parent_id"), []).append(pk)
    found, pending = [], [root_id]
    while pending:
        pk = pending.pop()
        found.append(pk)
        pending.extend(children.get(pk, []))
    return set(found)


def match_existing_pages(data, pages):
    """Give the source's uid to a destination page that is the same page by translation key and
    locale but was not transferred (an alias wagtail-localize made here, say)."""
    uids = {
        (model_path, source_id): uid
        for model_path, source_id, uid in data["mappings"]
        if model_path in ("wagtailcore.page", "wagtailcore.locale")
    }
    locator = get_locator_for_model(Page)
    for pk, obj in pages.items():
        uid = uids.get(("wagtailcore.page", pk))
        if uid is None or obj.get("parent_id") is None:
            continue
        if locator.find(uid) is not None:
            continue
        language = uids.get(("wagtailcore.locale", obj["fields"].get("locale")))
        if not language:
            continue
        existing = Page.objects.filter(
            translation_key=obj["fields"].get("translation_key"),
            locale__language_code=language[0],
        ).first()
        if existing is None:
            continue
        content_type = ContentType.objects.get_for_model(Page)
        if IDMapping.objects.filter(content_type=content_type, local_id=existing.pk).exists():
            raise TransferError(
                _(
                    "“%(title)s” (%(language)s) exists here already as the copy of another page "
                    "of the source; it cannot be matched to this one."
                )
                % {"title": existing.title, "language": language[0]}
            )
        locator.attach_uid(existing, uid)


def set_aside_placeholders(pages):
    """Wagtail's "Welcome" page of a new site is in the way of a home page that has its slug:
    rename it for now. Returns the placeholders."""
    slugs = {obj["fields"].get("slug") for obj in pages.values() if obj.get("parent_id")}
    placeholders = list(
        Page.objects.filter(
            depth=2,
            numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
            slug__in=slugs,
        )
    )
    for page in placeholders:
        page.slug = f"{page.slug}-placeholder-{page.pk}"
        page.save(update_fields=["slug"], clean=False)
    return placeholders


def replace_placeholders(placeholders, written):
    """Sites rooted at Wagtail's placeholder go to the new home page in the default language."""
    homes = [
        page
        for page in written
        if page.depth == 2 and page.locale.language_code == settings.LANGUAGE_CODE
    ]
    for placeholder in placeholders:
        home = next((page for page in homes if placeholder.slug.startswith(page.slug)), None)
        if home is None:
            placeholder.slug = placeholder.slug.split("-placeholder-")[0]
            placeholder.save(update_fields=["slug"], clean=False)
            continue
        Site.objects.filter(root_page=placeholder).update(root_page=home)
        placeholder.delete()
    if homes and not Site.objects.exists():
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.create(
            hostname=address.hostname or "localhost",
            port=address.port or (443 if address.scheme == "https" else 80),
            root_page=homes[0],
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )


def fill_site_settings(root, exported):
    """What the destination's site settings lack, from the source's: contact details and social
    links, and the pages every footer links to once they are here. Never overwrites."""
    from cms.models import SiteSettings

    site = root.get_site()
    if not exported or site is None:
        return
    settings_here = SiteSettings.for_site(site)
    changed = False
    for name in ("contact_email", "contact_phone", "postal_address"):
        if not getattr(settings_here, name) and exported.get(name):
            setattr(settings_here, name, exported[name])
            changed = True
    if not settings_here.social_links and exported.get("social_links"):
        settings_here.social_links = exported["social_links"]
        changed = True
    locator = get_locator_for_model(Page)
    for name, uid in (exported.get("pages") or {}).items():
        if name in ("contact_page", "privacy_page", "language_policy_page") and not getattr(
            settings_here, f"{name}_id"
        ):
            page = locator.find(uid)
            if page is not None:
                setattr(settings_here, name, page)
                changed = True
    if changed:
        settings_here.save()


def publish(pages):
    """What the importer wrote becomes the live version of each live page (revision, aliases in
    the other languages, caches), as if an editor had published it."""
    for page in pages:
        page = Page.objects.get(pk=page.pk).specific
        revision = page.latest_revision
        if page.live and revision is not None:
            revision.publish(log_action=False, skip_permission_checks=True)


def import_page(source, source_page_id, destination_parent_id=None, client=None):
    """Import the page ``source_page_id`` of ``source``, its subtree and its translations'.

    Without a destination the page goes where it is on the source: under the page that is its
    parent there, created (without its other children) if this site lacks it. With one, it goes
    under that page and each translation under that page's translation.
    """
    client = client or SourceClient(source)
    data = client.get_export(f"api/pages/{int(source_page_id)}/", str(int(source_page_id)))
    check_export(data)
    pages = page_objects(data)
    root_id = int(source_page_id)
    if root_id not in pages:
        raise TransferError(_("The source's export does not contain the chosen page."))
    translations = data.get("translations") or {}
    ancestors = data.get("ancestors") or []
    if not isinstance(translations, dict) or not isinstance(ancestors, list):
        raise TransferError(_("The source's export is malformed."))

    with transaction.atomic():
        destination_parent = None
        if destination_parent_id:
            destination_parent = Page.objects.filter(pk=destination_parent_id).first()
            if destination_parent is None:
                raise TransferError(_("The chosen destination page does not exist."))
        planner = TransferPlanner(root_id, destination_parent_id or None, client)
        skipped = []
        roots = {pages[root_id]["fields"].get("locale"): root_id}
        for language, translation_id in translations.items():
            if translation_id not in pages:
                raise TransferError(_("The source's export is malformed."))
            if destination_parent is not None:
                parent = destination_parent.get_translations(inclusive=True).filter(
                    locale__language_code=language
                )
                parent = parent.first()
                if parent is None:
                    skipped.append(language)
                    drop = subtree_ids(pages, translation_id)
                    data["ids_for_import"] = [
                        item for item in data["ids_for_import"] if item[1] not in drop
                    ]
                    continue
                planner.destination_parents[translation_id] = parent.pk
            roots[pages[translation_id]["fields"].get("locale")] = translation_id
        if destination_parent is None:
            planner.ensure_ids = {(Page, pk) for pk in ancestors} | {
                (Page, pk) for pk, obj in pages.items() if obj.get("parent_id") is None
            }
        match_existing_pages(data, pages)
        placeholders = set_aside_placeholders(pages) if destination_parent is None else []
        before = set(
            IDMapping.objects.filter(
                content_type=ContentType.objects.get_for_model(Page)
            ).values_list("local_id", flat=True)
        )
        try:
            planner.add_json(json.dumps(data))
            planner.fetch_missing()
            planner.run()
        except CircularDependencyException as error:
            raise TransferError(
                _("The pages refer to each other in a circle that cannot be imported.")
            ) from error
        except (ValidationError, IntegrityError) as error:
            raise TransferError(
                _("The import was refused by this site: %(error)s") % {"error": error}
            ) from error
        destination_ids = planner.context.destination_ids_by_source
        missing = [pk for pk in roots.values() if (Page, pk) not in destination_ids]
        if missing:
            raise TransferError(
                _(
                    "The page could not be placed here: the page above it on the source does "
                    "not exist on this site. Choose where to import it."
                )
            )
        written = planner.written_pages()
        publish(written)
        replace_placeholders(placeholders, written)
        # Every language has the whole tree: aliases of what is not translated yet.
        sync_locale_trees()
        root = Page.objects.get(pk=destination_ids[(Page, root_id)])
        exported_settings = data.get("site_settings")
        if exported_settings is not None and not isinstance(exported_settings, dict):
            raise TransferError(_("The source's export is malformed."))
        fill_site_settings(root, exported_settings)
        created = [page for page in written if str(page.pk) not in before]
        return ImportResult(
            root=root,
            created=created,
            updated=[page for page in written if page not in created],
            languages=sorted(
                Locale.objects.filter(
                    pk__in=Page.objects.filter(
                        pk__in=[destination_ids[(Page, pk)] for pk in roots.values()]
                    ).values("locale")
                ).values_list("language_code", flat=True)
            ),
            skipped_languages=skipped,
        )


def import_model(source, model_path, object_id=None, client=None):
    """Import snippets (every object of a model, or one), as wagtail-transfer's view does."""
    client = client or SourceClient(source)
    get_model(model_path)
    if object_id and whole_number(object_id) is None:
        raise TransferError(_("There is no object %(id)s to import.") % {"id": object_id[:20]})
    path = f"api/models/{model_path}/" + (f"{whole_number(object_id)}/" if object_id else "")
    data = client.get_export(path, model_path)
    check_export(data)
    with transaction.atomic():
        planner = ImportPlanner.for_model(model=model_path, source_site=source)
        planner.context.source_client = client
        planner.client = client
        planner.add_json(json.dumps(data))
        TransferPlanner.fetch_missing(planner)
        try:
            planner.run()
        except (ValidationError, IntegrityError) as error:
            raise TransferError(
                _("The import was refused by this site: %(error)s") % {"error": error}
            ) from error
    return len(data["ids_for_import"])
