"""The admin side of pages: who may do what (``roles``), the page editor's form (``page_forms``)
and Wagtail's add and edit views made safe against autosave (``autosave``), a page's copies in
every language following its moves and deletion (``moves``), what deleting a page breaks
(``references``), and the image form that asks for alternative text (``image_forms``)."""
