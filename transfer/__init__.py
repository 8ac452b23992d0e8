"""Moving content from the staging instance to production with wagtail-transfer.

wagtail-transfer does the work: its export API on the source, its import planner on the
destination. What is ours adapts it to this site (see docs/content-transfer.md):

- ``exporting`` (with ``urls``): the source's page export with each page's translations, the
  pages above them and the site's settings; the export API closed without a secret, never giving
  out accounts or signatures, never cached;
- ``adapters``: files fetched by the address the importer reaches the source at, checked, and
  an import stopped when one cannot be; registered through wagtail-transfer's
  ``register_field_adapters`` hook (``wagtail_hooks``);
- ``importing``: an import with every translation of a page, in one transaction, refused with a
  clear message when the source cannot be trusted or understood;
- ``views`` (with ``admin_urls``): the admin's import and chooser proxy, in place of
  wagtail-transfer's, through Wagtail's ``register_admin_urls`` hook;
- ``manage.py transfer_import``: the same import from the command line.
"""
