"""The demo's pictures: illustrations without words in the EU's colours, and podcast covers whose
ring of stars survives every crop a card makes of them."""

import io
import math

import pytest
from PIL import Image

from demo import files

SEEDS = [
    "EU is Cohesion: Prague - Boosting flood prevention with EU funds",
    "A walkway on the sea to live the full potential of Bastia",
    "The Cohesion Alliance launches its Joint Call in Mons",
    "#CohesionAlliance",
    "Regio Waves",
    "European Citizens Ask",
    "Local Solutions",
]


def pixels(data):
    image = Image.open(io.BytesIO(data)).convert("RGB")
    return image, list(image.get_flattened_data())


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("size", [(1280, 720), (1600, 600)])
def test_illustrations_are_flat_eu_colours_without_words(seed, size):
    """Only the palette's colours, pixel for pixel: drawn text would bring the in-between colours
    of its smoothed edges."""
    image, data = pixels(files.illustration(seed, *size, fmt="PNG"))
    assert image.size == size
    assert set(data) <= set(files.PALETTE.values()), set(data) - set(files.PALETTE.values())


def test_illustrations_differ_from_one_title_to_the_next():
    drawn = {files.illustration(seed, 320, 180, fmt="PNG") for seed in SEEDS}
    assert len(drawn) == len(SEEDS)


@pytest.mark.parametrize("seed", SEEDS[-3:])
@pytest.mark.parametrize("size", [1400, 300])
def test_podcast_covers_keep_the_ring_of_stars_inside_any_crop(seed, size):
    """Every star lies within the safe circle: inside the circle a round crop keeps and inside the
    16:9 strip a wide card keeps of the square, whose middle is 9/32 of the side either way."""
    image, data = pixels(files.cover(seed, size, fmt="PNG"))
    assert image.size == (size, size)
    assert set(data) <= set(files.PALETTE.values())
    centre = size / 2
    stars = [(n % size, n // size) for n, colour in enumerate(data) if colour == files.EU_YELLOW]
    assert len(stars) > size * size * 0.005  # the twelve stars are there, and big enough
    farthest = max(math.dist((x + 0.5, y + 0.5), (centre, centre)) for x, y in stars)
    assert farthest <= files.COVER_SAFE_RADIUS * size
    assert files.COVER_SAFE_RADIUS <= 9 / 32
    # All twelve: a star in each twelfth of the circle around the centre.
    sectors = {
        int((math.atan2(y + 0.5 - centre, x + 0.5 - centre) + math.pi / 12) // (math.pi / 6)) % 12
        for x, y in stars
    }
    assert sectors == set(range(12))
