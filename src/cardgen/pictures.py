"""Pictures a user gives (the coach's logo, exercise photos): checked (a PNG or JPEG, whole, not a
decompression bomb), turned upright, flattened on white, in 8-bit RGB or grey whatever the file
stored (16-bit, CMYK, palette); then scaled to the size they print at. Pillow only, no ReportLab."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen.units import MM

if TYPE_CHECKING:
    from PIL.Image import Image

# A printed picture needs a few megapixels at most (60 × 40 mm at 300 dpi is 709 × 472 pixels); 40
# megapixels is a big camera photo. Anything larger is refused from its header, before it is decoded.
MAX_PIXELS = 40_000_000
DPI = 300
FORMATS = ("PNG", "JPEG")
JPEG_QUALITY = 85  # photos are recompressed at their printed size: no visible loss on paper, a fraction of the bytes


_NEEDS = {"logo": "1000 × 400 pixels", "picture": "2000 pixels across"}  # what prints sharply at the largest size each is given


class PictureProblem(Exception):
    """What is wrong with a picture file, in words for the user (the caller adds file and line)."""


def check_picture(path: Path, shown: str, what: str = "picture") -> None:
    """Raise PictureProblem unless `path` is a whole PNG or JPEG of a sane size. Reads the header and
    checks the data without decoding the pixels into memory."""
    _open(path, shown, what, decode=False)


def read_picture(path: Path, shown: str, what: str = "picture", at_least: tuple[int, int] | None = None) -> Image:
    """The picture upright (EXIF orientation applied), opaque on white, 8-bit RGB; `shown` names it in
    messages. `at_least`: the pixels it will print at, so a JPEG decodes at a fraction of its size."""
    return _open(path, shown, what, decode=True, at_least=at_least)


def _open(path: Path, shown: str, what: str, decode: bool, at_least: tuple[int, int] | None = None):
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not path.is_file():
        raise PictureProblem(f"no file {shown}")
    too_big = PictureProblem(
        f"{shown} is too large for a {what}: more than {MAX_PIXELS // 1_000_000} megapixels (a {what} needs about {_NEEDS[what]}); make it smaller"
    )
    try:
        with warnings.catch_warnings():
            # Pillow warns past its own limit and raises past twice it (a decompression bomb): refuse
            # both, and anything past ours, from the header, before the pixels are decoded.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                if img.format not in FORMATS:
                    raise PictureProblem(f"{shown} is a {img.format or 'kind of'} image; use a PNG or JPEG")
                if img.width * img.height > MAX_PIXELS:
                    raise too_big
                if not decode:
                    img.verify()
                    return None
                if at_least and img.format == "JPEG":
                    # libjpeg scales by 1/2, 1/4 or 1/8 while decoding, never below `at_least`: a phone photo
                    # decodes in a fraction of the time and memory. (Rotation only swaps the sides.)
                    img.draft("RGB", (max(at_least), max(at_least)))
                img.load()
                upright = ImageOps.exif_transpose(img)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except UnidentifiedImageError:
        raise PictureProblem(f"{shown} is not a PNG or JPEG image (or it is damaged)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise PictureProblem(f"{shown} is damaged and cannot be read ({exc})") from None
    return _flatten(upright)


def _flatten(img: Image) -> Image:
    """8-bit RGB, transparency composed over white paper: printers and PDF viewers then agree on what shows."""
    from PIL import Image

    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit grey: scale to 8 bits (a plain convert would clip everything above 255 to white).
        img = img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("RGB")
    return img.convert("RGB")  # CMYK, palette, grey: RGB for one code path


def picture_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels as the picture prints (EXIF rotation applied), from its header."""
    from PIL import Image

    with Image.open(path) as img:
        w, h = img.size
        turned = img.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # the orientations that swap width and height
    return (h, w) if turned else (w, h)


def fit(size: tuple[int, int], max_w: float, max_h: float) -> tuple[float, float]:
    """The printed width and height (points) of an image of `size` pixels in a box, aspect kept."""
    iw, ih = size
    scale = min(max_w / iw, max_h / ih)
    return iw * scale, ih * scale


def dpi(pixels: int, width: float) -> float:
    """The resolution `pixels` across print at over `width` points."""
    return pixels / (width / (25.4 * MM)) if width else 0.0


def pixels(width: float, height: float) -> tuple[int, int]:
    """The pixels `width` × `height` points take at 300 dpi."""
    return max(1, round(width / (25.4 * MM) * DPI)), max(1, round(height / (25.4 * MM) * DPI))


def printed(img: Image, width: float, height: float, grey: bool) -> Image:
    """`img` resampled to 300 dpi at `width` × `height` points (never enlarged), grey when asked."""
    from PIL import Image

    px = pixels(width, height)
    out = img
    if px[0] < img.width and px[1] < img.height:
        out = img.resize(px, Image.Resampling.LANCZOS)
    return out.convert("L") if grey else out


def photo_for_print(img: Image, width: float, height: float, grey: bool) -> bytes:
    """A photo as the JPEG to embed: at 300 dpi for its printed size, and in grey stretched to the
    full range, since a laser printer's grey is flatter and darker than a screen's."""
    from PIL import ImageOps

    out = printed(img, width, height, grey)
    if grey:
        out = ImageOps.autocontrast(out, cutoff=0.5)
    buf = io.BytesIO()
    # optimize: smaller Huffman tables; no EXIF, no timestamps: the same photo gives the same bytes.
    out.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buf.getvalue()
