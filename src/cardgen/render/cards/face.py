"""One side of a card: a header, the exercises (in one or two columns) and a foot, measured for the
card's safe area and fitted to it: the largest type that fits, then tighter variants, then an error
that names the card and what to shorten."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from cardgen.errors import LayoutError
from cardgen.prepress.paper import Box
from cardgen.render.brand import Brand, BrandLine
from cardgen.render.layout import Block, DrawContext, draw_stack, gap_between, stack_height
from cardgen.style.cards import FLOOR, CardStyles
from cardgen.units import MM

COLUMN_GAP = 6 * MM
SPREAD = 6 * MM  # at most this much more space between two exercises when the card has room
SHRINK = 0.95  # each try sets the type this much smaller


@dataclass
class Face:
    """One side of a card, laid out for its safe area."""

    head: list[Block]
    body: list[Block]  # one block per exercise
    foot: list[Block] = field(default_factory=list)
    cols: int = 1
    foot_gap: float = 2 * MM  # at least this much between the exercises and the foot
    spread: float = SPREAD  # the most white space added between two exercises when there is room

    def runs(self, width: float) -> list[list[Block]]:
        """The body in `cols` runs, in order, the tallest as short as it can be."""
        if self.cols == 1 or len(self.body) < 2:
            return [self.body]
        col = self.col_width(width)
        hs = [b.measure(col) + b.space_after for b in self.body]
        # on a tie the first column takes more: it is read first
        cut = min(range(1, len(hs)), key=lambda k: (max(sum(hs[:k]), sum(hs[k:])), -k))
        return [self.body[:cut], self.body[cut:]]

    def col_width(self, width: float) -> float:
        return (width - COLUMN_GAP) / 2 if self.cols == 2 else width

    def height(self, width: float) -> float:
        col = self.col_width(width)
        body = max((stack_height(run, col) for run in self.runs(width)), default=0.0)
        gap = gap_between(self.head[-1], self.body[0]) if self.head and self.body else 0.0
        return stack_height(self.head, width) + gap + body + self._foot_height(width)

    def _foot_height(self, width: float) -> float:
        return stack_height(self.foot, width) + (self.foot_gap if self.foot else 0.0)

    def draw(self, ctx: DrawContext, box: Box) -> None:
        """The header from the top, the foot on the bottom, and the exercises between, spaced out
        a little (never more than `spread`) when the card has room, so it reads as a whole."""
        width = box.width
        free = box.height - self.height(width)
        y = draw_stack(ctx, self.head, box.x, box.top, width)
        col = self.col_width(width)
        for k, run in enumerate(self.runs(width)):
            extra = min(self.spread, max(0.0, free) / len(run)) if run else 0.0
            yy = y - (gap_between(self.head[-1], run[0]) if self.head and run else 0.0)
            prev: Block | None = None
            for b in run:
                yy -= (gap_between(prev, b) + extra if prev else 0.0) + b.measure(col)
                b.draw(ctx, box.x + k * (col + COLUMN_GAP), yy, col)
                prev = b
        if self.foot:
            draw_stack(ctx, self.foot, box.x, box.y + stack_height(self.foot, width), width)


@dataclass(frozen=True)
class Variant:
    """One way to set a card's side, tried at each type size in turn."""

    build: Callable[[CardStyles], Face]
    warning: str = ""  # what the card says when this variant was needed, after "Week 1 · Session A (front): "
    tier: int = 0  # variants of one tier are tried at each size in turn; a later tier only past the floor


def with_byline(variants: Sequence[Variant], brand: Brand | None, logo: tuple[float, float]) -> list[Variant]:
    """Each tier's variants with the coach's logo and byline at the foot first, then the same without:
    the byline is printed where the card has room for it at the type the card gets anyway, and is
    the first thing to go, before the type shrinks. `logo` is the box (w, h) the logo is sized into."""
    if brand is None:
        return list(variants)
    out: list[Variant] = []
    for tier in sorted({v.tier for v in variants}):
        same = [v for v in variants if v.tier == tier]
        out += [Variant(_footed(v.build, brand, logo), v.warning, tier) for v in same] + same
    return out


def _footed(build: Callable[[CardStyles], Face], brand: Brand, logo: tuple[float, float]) -> Callable[[CardStyles], Face]:
    def make(z: CardStyles) -> Face:
        face = build(z)
        return replace(face, foot=[*face.foot, BrandLine(brand, z.facts.size, logo_h=logo[1], logo_w=logo[0])])

    return make


def fit(name: str, label: str, variants: Sequence[Variant], styles: CardStyles, box: Box, advice: str, lossless: bool = False) -> tuple[Face, list[str]]:
    """The variant that fits at the largest type, and the warnings it costs.

    Within a tier, a tighter layout at a size beats a looser one a size down (a compact card read
    easily beats a roomy one read with effort); a later tier (one that leaves something out) is
    tried only when the earlier ones do not fit even at the floor. Past the last, the card cannot
    be printed and the error says what to shorten. `lossless` tries only the first tier: the
    variants that leave nothing out.
    """
    tiers = sorted({v.tier for v in variants})
    for tier in tiers[:1] if lossless else tiers:
        scale = 1.0
        while True:
            z = styles.at(scale)
            for variant in (v for v in variants if v.tier == tier):
                face = variant.build(z)
                if face.height(box.width) <= box.height:
                    warnings = [f"{name} ({label}): {variant.warning}"] if variant.warning else []
                    if scale < 1.0:
                        warnings.append(f"{name} ({label}): text shrunk to {scale:.0%} to fit the card")
                    return face, warnings
            if z.at_floor:
                break
            scale *= SHRINK
    raise LayoutError(f"card {name!r} ({label}) does not fit even at the smallest type ({FLOOR:g} pt); use {advice}")
