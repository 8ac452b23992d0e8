"""The site search: the search page (``views``) and the search backend it and Wagtail use, on
PostgreSQL full text with each language's stemming (``backend``)."""
