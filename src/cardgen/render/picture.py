"""A picture block: an exercise photo, upright as the camera meant it, scaled into a box and embedded
at 300 dpi for that box (grey with a laser printer's contrast in the mono theme), not at the camera's
resolution."""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from cardgen.pictures import fit, photo_for_print, picture_size, pixels, read_picture
from cardgen.render.layout import Block, DrawContext


class ImageBlock(Block):
    def __init__(self, path: str, max_width: float, max_height: float, space_after: float = 0.0):
        self.path = path
        self.iw, self.ih = fit(picture_size(Path(path)), max_width, max_height)
        self.space_after = space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width, self.height = width, self.ih
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        image = _embedded(self.path, round(self.iw, 3), round(self.ih, 3), ctx.theme.name == "mono")
        ctx.canv.drawImage(image, 0, 0, self.iw, self.ih)


@lru_cache(maxsize=64)
def _embedded(path: str, width: float, height: float, grey: bool) -> Any:
    """The photo as ReportLab embeds it: a JPEG made for this size, from its bytes (ReportLab names an
    image by its file path, which would make the PDF depend on where the content folder lives)."""
    from reportlab.lib.utils import ImageReader

    photo = read_picture(Path(path), Path(path).name, at_least=pixels(width, height))
    return ImageReader(io.BytesIO(photo_for_print(photo, width, height, grey)))
