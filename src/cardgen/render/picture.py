"""A picture block: an image file, upright as the camera meant it, scaled into a box."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from cardgen.render.layout import Block, DrawContext


class ImageBlock(Block):
    def __init__(self, path: str, max_width: float, max_height: float, space_after: float = 0.0):
        self.image = _upright_image(path)
        iw, ih = self.image.getSize()
        scale = min(max_width / iw, max_height / ih)
        self.iw, self.ih = iw * scale, ih * scale
        self.space_after = space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width, self.height = width, self.ih
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        ctx.canv.drawImage(self.image, 0, 0, self.iw, self.ih, mask="auto")


@lru_cache(maxsize=64)
def _upright_image(path: str) -> Any:
    """The picture turned by its EXIF orientation, from its bytes: ReportLab names an image by
    its file path, which would make the PDF depend on where the content folder lives."""
    from PIL import Image, ImageOps
    from reportlab.lib.utils import ImageReader

    with Image.open(path) as img:
        upright = ImageOps.exif_transpose(img)
        upright.load()
    return ImageReader(upright)
