"""Paragraph styles for flowing text, built from the theme and type scale."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle

from cardgen.style.fonts import BOLD, ITALIC, REGULAR, register
from cardgen.style.theme import GAP, SCALE, Theme


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    item: ParagraphStyle


@cache
def styles(theme: Theme, scale: float = 1.0) -> Styles:
    """`scale` < 1 tightens a page that would otherwise spill by a few lines; never below the floor."""
    register()
    ink = Color(*theme.ink)
    accent = Color(*theme.accent)

    def pt(size: float) -> float:
        return max(SCALE.tiny, round(size * scale, 2))

    gap = GAP * scale
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=pt(SCALE.body), leading=pt(SCALE.body) * 1.35, textColor=ink, spaceAfter=gap * 0.8)
    return Styles(
        title=ParagraphStyle("title", base, fontName=BOLD, fontSize=SCALE.display, leading=SCALE.display * 1.12, textColor=accent, spaceAfter=GAP * 2),
        h1=ParagraphStyle("h1", base, fontName=BOLD, fontSize=pt(SCALE.h1), leading=pt(SCALE.h1) * 1.15, textColor=accent, spaceAfter=gap),
        h2=ParagraphStyle("h2", base, fontName=BOLD, fontSize=pt(SCALE.h2), leading=pt(SCALE.h2) * 1.2, spaceBefore=gap, spaceAfter=gap * 0.6),
        h3=ParagraphStyle("h3", base, fontName=BOLD, fontSize=pt(SCALE.h3), leading=pt(SCALE.h3) * 1.25, spaceBefore=gap * 1.2, spaceAfter=gap * 0.5, keepWithNext=1),
        body=base,
        lead=ParagraphStyle("lead", base, fontName=ITALIC, fontSize=pt(SCALE.lead), leading=pt(SCALE.lead) * 1.35),
        small=ParagraphStyle("small", base, fontSize=pt(SCALE.small), leading=pt(SCALE.small) * 1.3, spaceAfter=gap * 0.4),
        item=ParagraphStyle("item", base, spaceAfter=gap * 0.4),
    )
