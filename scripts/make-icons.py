"""Draw the app icons (five rings, one per circle) as PNG files; needs Pillow."""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
BACKGROUND = "#1f5f5b"
RINGS = ["#fdf6e3", "#f3d9a4", "#e9b872", "#c9e4de", "#fdf6e3"]


def draw_icon(size: int, maskable: bool) -> Image.Image:
    """Return an icon; a maskable one keeps its rings inside the 80% safe zone."""
    scale = 4
    big = size * scale
    image = Image.new("RGB", (big, big), BACKGROUND)
    draw = ImageDraw.Draw(image)
    outer = big * (0.36 if maskable else 0.44)
    centre = big / 2
    width = max(2, int(big * 0.028))
    for index, colour in enumerate(RINGS):
        radius = outer * (index + 1) / len(RINGS)
        box = [centre - radius, centre - radius, centre + radius, centre + radius]
        if index == 0:
            draw.ellipse(box, fill=colour)
        else:
            draw.ellipse(box, outline=colour, width=width)
    return image.resize((size, size), Image.LANCZOS).quantize(48)


if __name__ == "__main__":
    draw_icon(192, maskable=False).save(ICONS / "icon-192.png", optimize=True)
    draw_icon(512, maskable=False).save(ICONS / "icon-512.png", optimize=True)
    draw_icon(512, maskable=True).save(ICONS / "icon-maskable-512.png", optimize=True)
