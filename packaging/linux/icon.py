"""The station's application icon, drawn with Pillow: a page with text lines and a red seal on blue."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BLUE = (21, 101, 192, 255)
PAPER = (250, 250, 245, 255)
INK = (120, 130, 145, 255)
SEAL = (198, 40, 40, 255)


def draw_icon(size: int) -> Image.Image:
    """A square RGBA icon, drawn at 4x and scaled down for smooth edges."""
    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = big / 64
    draw.rounded_rectangle((2 * unit, 2 * unit, 62 * unit, 62 * unit), radius=12 * unit, fill=BLUE)
    fold = 9 * unit
    left, top, right, bottom = 16 * unit, 9 * unit, 48 * unit, 55 * unit
    draw.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)], fill=PAPER
    )
    draw.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=INK)
    for row in range(5):
        y = (20 + row * 5.5) * unit
        end = right - (4 if row % 2 else 9) * unit
        draw.rounded_rectangle((left + 4 * unit, y, end, y + 2 * unit), radius=unit, fill=INK)
    draw.ellipse((33 * unit, 40 * unit, 45 * unit, 52 * unit), outline=SEAL, width=round(2 * unit))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icon(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    draw_icon(size).save(path, format="PNG")
    return path
