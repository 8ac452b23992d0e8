"""The site in 24 languages: every language's page tree (``locales``), whether a page is
translated yet (``translation_state``), a page in the visitor's language (``localized``), who may
stop a translation's synchronisation (``translation_guard``), the translation status report
(``translation_report``), the language of each address (``middleware``) and the language switch
(``views``)."""
