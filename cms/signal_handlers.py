from wagtail.models import Page
from wagtail.signals import page_published


def repair_child_count(sender, instance, **kwargs):
    """Keep a published page's child count true.

    Publishing a revision writes back the tree fields of the page object the revision was made
    from. When wagtail-localize translates a subtree in one transaction, it publishes each new
    translation when the transaction commits, from an object made before its children were
    added: the page is saved with a child count of 0 and its children vanish from the site.
    """
    actual = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if actual != instance.numchild:
        Page.objects.filter(pk=instance.pk).update(numchild=actual)
        instance.numchild = actual


def register_signal_handlers():
    from .caching.signals import register_signal_handlers as register_caching
    from .editing.moves import register as register_moves
    from .i18n.translation_state import register_hooks as register_translation_state

    page_published.connect(repair_child_count, dispatch_uid="cms.repair_child_count")
    register_caching()
    register_moves()
    register_translation_state()
