import pytest

from cms.numbers import whole_number


@pytest.mark.parametrize(
    "written, number",
    [
        ("2", 2),
        ("0002", 2),
        ("0" * 5000 + "7", 7),
        ("0", 0),
        ("123456789", 123456789),
        ("1234567890", None),  # more than nine digits
        ("1" * 5000, None),
        ("", None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1.0", None),
        ("²", None),
        ("１", None),  # full-width
        ("١", None),  # Arabic-Indic
        (None, None),
        (["1"], None),
    ],
)
def test_a_whole_number_is_written_in_ascii_digits_only(written, number):
    assert whole_number(written) == number
