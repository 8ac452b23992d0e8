"""The demo's files: images and PDF files drawn with Pillow (no downloads), and the recordings in
assets/ (audio made with espeak-ng, one short video).
"""

import hashlib
import io
import math
import textwrap
from functools import cache
from pathlib import Path

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

ASSETS = Path(__file__).resolve().parent / "assets"
EU_BLUE = (0, 51, 153)
EU_YELLOW = (255, 214, 23)
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


def _colour(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    return (digest[0] // 4, 40 + digest[1] // 3, 110 + digest[2] // 3)


def _star(centre, size):
    points = []
    for n in range(10):
        angle = math.pi / 2 + n * math.pi / 5
        radius = size if n % 2 == 0 else size * 0.4
        points.append((centre[0] + radius * math.cos(angle), centre[1] - radius * math.sin(angle)))
    return points


def _stars(draw, centre, radius, size):
    for n in range(12):
        angle = 2 * math.pi * n / 12
        point = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        draw.polygon(_star(point, size), fill=EU_YELLOW)


def picture(title, subtitle="", width=1280, height=720, fmt="JPEG", with_text=True):
    """A title card: a gradient in a colour derived from the title, the twelve stars and text."""
    top = _colour(title)
    image = Image.new("RGB", (width, height), EU_BLUE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(top[i] * (1 - mix) + EU_BLUE[i] * mix) for i in range(3)),
        )
    _stars(draw, (width * 0.8, height * 0.35), min(width, height) * 0.18, min(width, height) / 40)
    heading = _font(max(18, width // 28), bold=True)
    lines = textwrap.wrap(_text(title), width=max(16, width // 40))[:4] if with_text else []
    y = height * 0.55
    for line in lines:
        draw.text((width * 0.06, y), line, font=heading, fill="white")
        y += heading.size * 1.25
    if subtitle and with_text:
        draw.text(
            (width * 0.06, height * 0.08),
            _text(subtitle),
            font=_font(max(14, width // 45)),
            fill=EU_YELLOW,
        )
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=85) if fmt == "JPEG" else image.save(buffer, fmt)
    return buffer.getvalue()


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
