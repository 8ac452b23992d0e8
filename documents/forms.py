"""The base of the admin's document forms (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)."""

from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """An empty file is refused with the one message that says so ("The submitted file is
    empty."): Wagtail's extension check of the file that is then missing ("File extension “” is
    not allowed") is dropped."""

    def _post_clean(self):
        form_errors = list(self.errors.get("file", ()))
        super()._post_clean()
        if form_errors:
            self._errors["file"] = self.error_class(form_errors)
