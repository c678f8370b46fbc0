"""Settings every PDF of ours shares: reproducible bytes, metadata, print scaling, fast output."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    subject: str
    keywords: str = ""


def tune_reportlab() -> None:
    from reportlab import rl_config

    # Raw deflate instead of ASCII85 text: smaller files and less pure-Python work per stream.
    rl_config.useA85 = 0


def finish_canvas(canv, meta: Meta) -> None:
    """Metadata and viewer hints, for a canvas made by a doc template or by hand."""
    canv.setTitle(meta.title)
    canv.setAuthor(meta.author)
    canv.setSubject(meta.subject)
    canv.setKeywords(meta.keywords)
    canv.setCreator("cardgen")
    # A hint to print at 100 %; many viewers honour it, the sheets also say so in words.
    canv.setViewerPreference("PrintScaling", "None")
