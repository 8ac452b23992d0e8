"""Numbers written by a visitor or an editor: a page number, a series, a page id.

``str.isdigit()`` also says yes to "²" (which ``int()`` refuses) and to "١" or "１" (which it
reads), and ``int()`` refuses more than 4,300 digits: a check with the one and a conversion with
the other turned ``?page=²`` into a server error."""


def whole_number(value, max_digits=9):
    """The number ``value`` writes in ASCII digits (zeros in front allowed), or None if it is
    anything else or longer than ``max_digits`` digits."""
    if not (isinstance(value, str) and value.isascii() and value.isdigit()):
        return None
    significant = value.lstrip("0")
    if len(significant) > max_digits:
        return None
    return int(significant or "0")
