"""The coach's logo: read and checked once (a PNG or JPEG, whole, not a decompression bomb), turned
upright, flattened on white; then scaled to the size it prints at. Pillow only, no ReportLab."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen.units import MM

if TYPE_CHECKING:
    from PIL.Image import Image

# A logo needs about 1000 × 400 pixels at most (30 mm at 300 dpi is 354 pixels); 40 megapixels is a
# big camera photo. Anything larger is refused from its header, before it is decoded into memory.
MAX_PIXELS = 40_000_000
DPI = 300
FORMATS = ("PNG", "JPEG")


class LogoProblem(Exception):
    """What is wrong with the logo file, in words for the coach (the caller adds file and line)."""


def read_logo(path: Path, shown: str) -> Image:
    """The logo upright (EXIF orientation applied) and opaque on white, in RGB; `shown` names it in messages."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not path.is_file():
        raise LogoProblem(f"no file {shown} (a path is read from the folder of coach.yaml)")
    too_big = LogoProblem(
        f"{shown} is too large for a logo: more than {MAX_PIXELS // 1_000_000} megapixels (a logo needs about 1000 × 400 pixels); "
        "make it smaller"
    )
    try:
        with warnings.catch_warnings():
            # Pillow warns past its own limit and raises past twice it (a decompression bomb): refuse
            # both, and anything past ours, from the header, before the pixels are decoded.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                if img.format not in FORMATS:
                    raise LogoProblem(f"{shown} is a {img.format or 'kind of'} image; use a PNG or JPEG")
                if img.width * img.height > MAX_PIXELS:
                    raise too_big
                img.load()
                upright = ImageOps.exif_transpose(img)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except UnidentifiedImageError:
        raise LogoProblem(f"{shown} is not a PNG or JPEG image (or it is damaged)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise LogoProblem(f"{shown} is damaged and cannot be read ({exc})") from None
    return _flatten(upright)


def _flatten(img: Image) -> Image:
    """Transparency composed over white paper: printers and PDF viewers then agree on what shows."""
    from PIL import Image

    if img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("RGB")
    return img.convert("RGB")


def fit(size: tuple[int, int], max_w: float, max_h: float) -> tuple[float, float]:
    """The printed width and height (points) of an image of `size` pixels in a box, aspect kept."""
    iw, ih = size
    scale = min(max_w / iw, max_h / ih)
    return iw * scale, ih * scale


def dpi(pixels: int, width: float) -> float:
    """The resolution `pixels` across print at over `width` points."""
    return pixels / (width / (25.4 * MM)) if width else 0.0


def printed(img: Image, width: float, height: float, grey: bool) -> Image:
    """`img` resampled to 300 dpi at `width` × `height` points (never enlarged), grey when asked."""
    from PIL import Image

    px = (max(1, round(width / (25.4 * MM) * DPI)), max(1, round(height / (25.4 * MM) * DPI)))
    out = img
    if px[0] < img.width and px[1] < img.height:
        out = img.resize(px, Image.Resampling.LANCZOS)
    return out.convert("L") if grey else out
