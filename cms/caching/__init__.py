"""Caching: the fragments many pages share, under a content version every change moves on
(``fragments``); the HTTP cache in front of the site, purged of what a change shows
(``frontend``); what a change clears (``signals``); the headers that say which answers a shared
cache may keep, and the cached lookup of the request's site (``middleware``)."""
