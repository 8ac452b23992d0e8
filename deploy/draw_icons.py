"""Draw the site's icons from the EU flag of ECL's EU emblem (var/ecl, `make install`): the ring
of twelve stars on blue, cropped to a square, no words. Run from the project's root when ECL's
emblem changes; the icons it writes are committed:

    python deploy/draw_icons.py

cms/static/icons/eu-emblem.svg, cms/static/icons/apple-touch-icon.png (180 px) and
cms/static/favicon.ico (16, 32 and 48 px), served at /favicon.ico by cms.views.favicon.
"""

import re
from pathlib import Path

from PIL import Image, ImageDraw

source = Path("var/ecl/dist/images/logo/condensed-version/positive/logo-eu--en.svg").read_text()
flag = source[source.index('id="EU_flag"') :]
blue = re.search(r'fill="(#[0-9A-Fa-f]{6})"', flag).group(1)
stars = re.search(r'<path\s+d="([^"]+)"', flag).group(1)
yellow = re.search(r'id="🌈-stars"\s+fill="(#[0-9A-Fa-f]{6})"', flag).group(1)

# The ring is centred on (36, 24) in a 72 × 48 flag: a 48 × 48 square from x = 12.
svg = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="12 0 48 48">'
    f'<rect x="12" width="48" height="48" fill="{blue}"/>'
    f'<path d="{stars}" fill="{yellow}"/></svg>\n'
)
out = Path("cms/static/icons")
(out / "eu-emblem.svg").write_text(svg)

polygons = []
for part in stars.split("Z"):
    points = [tuple(map(float, p)) for p in re.findall(r"([\d.]+),([\d.]+)", part)]
    if points:
        polygons.append(points)


def draw(size):
    scale = 16  # draw large, then reduce: smooth edges
    big = size * scale
    image = Image.new("RGB", (big, big), blue)
    pen = ImageDraw.Draw(image)
    factor = big / 48
    for points in polygons:
        pen.polygon([((x - 12) * factor, y * factor) for x, y in points], fill=yellow)
    return image.resize((size, size), Image.LANCZOS)


draw(180).save(out / "apple-touch-icon.png", optimize=True)
sizes = [16, 32, 48]
draw(48).save(
    "cms/static/favicon.ico", sizes=[(s, s) for s in sizes], append_images=[draw(s) for s in sizes]
)
