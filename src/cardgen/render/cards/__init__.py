"""Pocket cards: one card per session per week (or, ID-1, one wallet card per session), n-up on
A4 or Letter with cut marks, the form cues on the back.

`sheet` makes the PDF; `week` and `wallet` compose a card's faces from blocks (`blocks`), and
`face` fits a face to its card.
"""

from cardgen.render.cards.sheet import CardOptions, Rendered, render_cards

__all__ = ["CardOptions", "Rendered", "render_cards"]
