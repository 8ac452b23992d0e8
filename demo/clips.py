"""The demo's video clip, drawn frame by frame with Pillow and encoded with ffmpeg.

    python -m demo.clips

writes ``demo/assets/video/cohesion-across-europe.mp4``: eight seconds without words or sound,
in the EU's colours (the twelve stars gather into their ring over a sea and wind turbines on a
ridge), H.264 in MP4, which every browser plays, and small enough to commit (some 100 KB). The
demo's videos that have no recording of their own share it, each with its own captions (see
demo/content/videos.toml). It needs ffmpeg (Debian: `apt-get install ffmpeg`) only to make the
clip again; loading the demo reads the committed file.
"""

import math
import shutil
import subprocess
import sys

from PIL import Image, ImageDraw

from .files import ASSETS, PALETTE, _star, _wave

CLIP = ASSETS / "video" / "cohesion-across-europe.mp4"
WIDTH, HEIGHT = 640, 360
FPS = 24
SECONDS = 8
ENCODER = [
    "-c:v", "libx264", "-profile:v", "main", "-pix_fmt", "yuv420p", "-preset", "veryslow",
    "-crf", "30", "-movflags", "+faststart", "-an",
]  # fmt: skip


def frame(number):
    """Frame ``number``: each of the twelve stars flies in from above, one after the other,
    to its place on the ring, which then turns slowly; the sea rolls, the blades turn."""
    time = number / FPS
    image = Image.new("RGB", (WIDTH, HEIGHT), PALETTE["flag blue"])
    draw = ImageDraw.Draw(image)
    # A ridge with its wind turbines, then the sea in front of it.
    draw.polygon(_wave(WIDTH, HEIGHT * 0.62, HEIGHT * 0.04, 1.2, 0.8, HEIGHT), fill=PALETTE["blue"])
    for x in (0.14, 0.3, 0.8):
        hub = (WIDTH * x, HEIGHT * 0.5)
        draw.line([hub, (hub[0], HEIGHT * 0.66)], fill=PALETTE["white"], width=3)
        for blade in range(3):
            angle = time * 1.6 + x * 10 + blade * 2 * math.pi / 3
            tip = (hub[0] + 30 * math.cos(angle), hub[1] + 30 * math.sin(angle))
            draw.line([hub, tip], fill=PALETTE["white"], width=3)
    for layer, colour in enumerate(("mid blue", "deep blue", "blue")):
        phase = time * (0.8 + 0.4 * layer) + layer
        base = HEIGHT * (0.72 + 0.09 * layer)
        draw.polygon(_wave(WIDTH, base, 6, phase, 3 + layer, HEIGHT), fill=PALETTE[colour])
    # The stars: star k starts at k/3 s and takes a second to reach the ring.
    centre, radius, size = (WIDTH / 2, HEIGHT * 0.3), HEIGHT * 0.16, HEIGHT * 0.032
    turn = max(0.0, time - 5) * 0.15
    for k in range(12):
        progress = min(1.0, max(0.0, time - k / 3))
        if progress == 0:
            continue
        eased = 1 - (1 - progress) ** 3
        angle = 2 * math.pi * k / 12 - math.pi / 2 + turn
        place = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        start = (place[0], -size * 2)
        point = (start[0], start[1] + (place[1] - start[1]) * eased)
        draw.polygon(_star(point, size), fill=PALETTE["yellow"])
    return image


def make_clip(path=CLIP):
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        sys.exit("ffmpeg is needed to make the clip (Debian: apt-get install ffmpeg).")
    command = [
        ffmpeg, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
        "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS), "-i", "-", *ENCODER, str(path),
    ]  # fmt: skip
    with subprocess.Popen(command, stdin=subprocess.PIPE) as encoder:  # noqa: S603 - our own arguments
        for number in range(FPS * SECONDS):
            encoder.stdin.write(frame(number).tobytes())
        encoder.stdin.close()
    if encoder.returncode:
        sys.exit(f"ffmpeg failed ({encoder.returncode})")
    return path


if __name__ == "__main__":
    written = make_clip()
    print(f"{written}: {written.stat().st_size:,} bytes")
