"""The demo's files: pictures and PDF files drawn with Pillow (no downloads), and the recordings in
assets/ (audio made with espeak-ng, short videos made by demo/clips.py).

The pictures carry no words: illustrations in the EU's colours. The logos of the branding toolkit
are the exception, being the campaign's name itself (a word mark).
"""

import hashlib
import io
import math
import random
import textwrap
from functools import cache
from pathlib import Path

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

ASSETS = Path(__file__).resolve().parent / "assets"
EU_BLUE = (0, 51, 153)  # #003399, the flag's
EU_YELLOW = (255, 214, 23)  # #FFD617
# The illustrations' flat colours: the EU's blues and yellow, and lighter blues.
PALETTE = {
    "flag blue": EU_BLUE,
    "blue": (0, 68, 148),  # #004494
    "deep blue": (8, 43, 122),  # #082B7A
    "mid blue": (56, 96, 186),  # #3860BA
    "light blue": (127, 161, 216),  # #7FA1D8
    "pale blue": (198, 213, 239),  # #C6D5EF
    "yellow": EU_YELLOW,
    "white": (255, 255, 255),
}
# A square cover may be shown whole, cut to a circle or to a 16:9 strip across its middle: what
# must always show (the ring of stars) stays within this distance of the centre, as a fraction of
# the side (a 16:9 strip keeps 9/32 of the side above and below the centre).
COVER_SAFE_RADIUS = 0.25
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


@cache
def _font_path(bold):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    return None


def _font(size, bold=False):
    path = _font_path(bold)
    if path:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _text(text):
    """Without a font for every script, draw a Latin transliteration rather than boxes."""
    return text if _font_path(False) else anyascii(text)


def _star(centre, size):
    points = []
    for n in range(10):
        angle = math.pi / 2 + n * math.pi / 5
        radius = size if n % 2 == 0 else size * 0.4
        points.append((centre[0] + radius * math.cos(angle), centre[1] - radius * math.sin(angle)))
    return points


def ring_of_stars(draw, centre, radius, size, colour=EU_YELLOW):
    """The twelve stars of the European flag, around ``centre``: none reaches further from it
    than ``radius + size``."""
    for n in range(12):
        angle = 2 * math.pi * n / 12
        point = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        draw.polygon(_star(point, size), fill=colour)


def _save(image, fmt):
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=85) if fmt == "JPEG" else image.save(buffer, fmt)
    return buffer.getvalue()


def _random(seed):
    """The same drawing for the same seed."""
    return random.Random(hashlib.sha256(seed.encode()).digest())  # noqa: S311 - a drawing


def _wave(width, base, amplitude, phase, periods, bottom):
    """A band under a gentle wave: the outline of a hill, a dune or the sea."""
    points = [(0, bottom)]
    for x in range(0, width + 1, max(1, width // 120)):
        y = base + amplitude * math.sin(phase + periods * 2 * math.pi * x / width)
        points.append((x, y))
    points.append((width, bottom))
    return points


def _hills(draw, width, height, rng, colours):
    """Rolling hills under the sky, in layers."""
    for layer, colour in enumerate(colours[1:4]):
        base = height * (0.62 + 0.12 * layer)
        draw.polygon(
            _wave(width, base, height * 0.05, rng.uniform(0, 6), rng.uniform(0.6, 1.6), height),
            fill=colour,
        )


def _city(draw, width, height, rng, colours):
    """A skyline of houses and towers with lit windows, on the ground."""
    x = 0
    while x < width:
        building = rng.uniform(0.05, 0.11) * width
        top = height * rng.uniform(0.52, 0.78)
        colour = colours[1 + int(rng.random() * 3)]
        draw.rectangle([x, top, x + building, height], fill=colour)
        step = max(6, int(building / 4))
        for wx in range(int(x + step / 2), int(x + building - step / 2), step):
            for wy in range(int(top + step / 2), int(height * 0.92), step * 2):
                if rng.random() < 0.35:
                    draw.rectangle([wx, wy, wx + step / 3, wy + step / 2], fill=PALETTE["yellow"])
        x += building + rng.uniform(0, 0.02) * width
    draw.rectangle([0, height * 0.92, width, height], fill=colours[3])


def _sea(draw, width, height, rng, colours):
    """The sea in waves, a sun low over it."""
    sun = (width * rng.choice((0.15, 0.85)), height * 0.55)
    radius = height * 0.12
    draw.ellipse(
        [sun[0] - radius, sun[1] - radius, sun[0] + radius, sun[1] + radius], fill=PALETTE["yellow"]
    )
    for layer, colour in enumerate(colours[1:4] + colours[1:2]):
        base = height * (0.62 + 0.1 * layer)
        draw.polygon(
            _wave(width, base, height * 0.025, rng.uniform(0, 6), rng.uniform(3, 6), height),
            fill=colour,
        )


def _network(draw, width, height, rng, colours):
    """Regions and cities as places joined by lines: a network under the sky."""
    places = [
        (rng.uniform(0.05, 0.95) * width, rng.uniform(0.58, 0.92) * height) for _ in range(14)
    ]
    line = max(2, height // 180)
    for n, (x, y) in enumerate(places):
        for other in places[n + 1 : n + 3]:
            draw.line([(x, y), other], fill=colours[2], width=line)
    for n, (x, y) in enumerate(places):
        radius = height * (0.03 if n % 3 else 0.05)
        fill = PALETTE["yellow"] if n % 5 == 0 else colours[3]
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)


def _turbines(draw, width, height, rng, colours):
    """Wind turbines on a ridge."""
    _hills(draw, width, height, rng, colours)
    line = max(3, height // 120)
    for n in range(rng.randint(3, 5)):
        x = width * (0.12 + 0.2 * n + rng.uniform(-0.04, 0.04))
        foot, hub = height * 0.7, height * rng.uniform(0.5, 0.58)
        blade = height * 0.09
        draw.line([(x, foot), (x, hub)], fill=PALETTE["white"], width=line)
        turn = rng.uniform(0, 2 * math.pi)
        for k in range(3):
            angle = turn + k * 2 * math.pi / 3
            tip = (x + blade * math.cos(angle), hub + blade * math.sin(angle))
            draw.line([(x, hub), tip], fill=PALETTE["white"], width=line)


def _trees(draw, width, height, rng, colours):
    """A park: rows of round trees on the grass, a path through them."""
    draw.rectangle([0, height * 0.68, width, height], fill=colours[1])
    draw.polygon(
        [
            (width * 0.45, height),
            (width * 0.55, height),
            (width * 0.52, height * 0.68),
            (width * 0.5, height * 0.68),
        ],
        fill=PALETTE["pale blue"],
    )
    for row, colour in ((0, colours[2]), (1, colours[3])):
        y = height * (0.64 + 0.12 * row)
        radius = height * (0.06 + 0.02 * row)
        x = rng.uniform(0, radius)
        while x < width:
            if abs(x - width / 2) > radius * 1.5:
                draw.rectangle(
                    [x - radius * 0.12, y, x + radius * 0.12, y + radius * 1.3], fill=colours[3]
                )
                draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
            x += radius * rng.uniform(2.2, 3.2)


SCENES = [_hills, _city, _sea, _network, _turbines, _trees]
BACKGROUNDS = [
    ("flag blue", "blue", "mid blue", "deep blue"),
    ("blue", "mid blue", "deep blue", "flag blue"),
    ("deep blue", "blue", "mid blue", "flag blue"),
    ("light blue", "pale blue", "mid blue", "blue"),
]


def illustration(seed, width=1280, height=720, fmt="JPEG"):
    """A picture without words in the EU's colours, the same for the same ``seed``: a scene
    (hills, a city, the sea or a network of places) under the ring of stars, which stays in
    the middle of the picture, where every crop of it keeps it."""
    rng = _random(seed)
    colours = [PALETTE[name] for name in rng.choice(BACKGROUNDS)]
    image = Image.new("RGB", (width, height), colours[0])
    draw = ImageDraw.Draw(image)
    centre = (width * rng.uniform(0.4, 0.6), height * 0.3)
    rng.choice(SCENES)(draw, width, height, rng, colours)
    short = min(width, height)
    ring_of_stars(draw, centre, short * 0.14, short * 0.03)
    return _save(image, fmt)


def cover(seed, size=1400, fmt="JPEG"):
    """A podcast's square cover without words: sound waves around the ring of stars, which stays
    within ``COVER_SAFE_RADIUS`` of the centre, so that a round or a 16:9 crop keeps it whole."""
    rng = _random(seed)
    colours = [PALETTE[name] for name in rng.choice(BACKGROUNDS[:3])]
    image = Image.new("RGB", (size, size), colours[0])
    draw = ImageDraw.Draw(image)
    centre = size / 2
    line = max(4, size // 60)
    for n in range(1, 5):
        reach = size * (0.3 + 0.09 * n)
        box = [centre - reach, centre - reach, centre + reach, centre + reach]
        colour = colours[1 + (n + rng.randrange(3)) % 3]
        draw.arc(box, -40, 40, fill=colour, width=line)
        draw.arc(box, 140, 220, fill=colour, width=line)
    star = size * 0.035
    ring_of_stars(draw, (centre, centre), size * COVER_SAFE_RADIUS - star - size * 0.01, star)
    return _save(image, fmt)


def logo(width, on_blue=True):
    """The #CohesionAlliance word mark, as a PNG."""
    height = width // 4
    background, foreground = (EU_BLUE, "white") if on_blue else ((255, 255, 255), EU_BLUE)
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    font = _font(height // 3, bold=True)
    text = "#CohesionAlliance"
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - box[2]) / 2, (height - box[3]) / 2), text, font=font, fill=foreground)
    draw.rectangle([0, height - height // 12, width, height], fill=EU_YELLOW)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def pdf(title, language_name, paragraphs=(), pages=2):
    """A real, multi-page PDF of a document in one language."""
    width, height = 827, 1169  # A4 at 100 dpi
    heading, body = _font(30, bold=True), _font(18)
    sheets = []
    for number in range(1, pages + 1):
        sheet = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(sheet)
        draw.rectangle([0, 0, width, 90], fill=60)
        draw.text((60, 28), "#CohesionAlliance", font=_font(28, bold=True), fill=255)
        y = 150
        if number == 1:
            for line in textwrap.wrap(_text(title), width=40):
                draw.text((60, y), line, font=heading, fill=0)
                y += 42
            draw.text((60, y + 10), _text(language_name), font=body, fill=80)
            y += 70
        for paragraph in paragraphs:
            for line in textwrap.wrap(_text(paragraph), width=70):
                draw.text((60, y), line, font=body, fill=0)
                y += 26
            y += 14
        draw.text((width - 120, height - 60), f"{number} / {pages}", font=body, fill=80)
        sheets.append(sheet)
    buffer = io.BytesIO()
    sheets[0].save(buffer, "PDF", resolution=100, save_all=True, append_images=sheets[1:])
    return buffer.getvalue()
