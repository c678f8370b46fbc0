"""Where things sit on a booklet page (the page sketch's margins, with a quiet foot)."""

from __future__ import annotations

from cardgen.units import MM

OUTER, INNER = 12 * MM, 15 * MM  # the outer edge, and the spine, where the fold takes its share
HEAD = 14.5 * MM  # the body starts under the running head and its rule
FOOT = 17.5 * MM  # the body ends here, well clear of the page number
HEAD_LINE = 10 * MM  # the running head's baseline, from the top edge: clear of the 6.35 mm a printer cannot reach
FOLIO = 11 * MM  # the page number's baseline: its figures stand 10 mm clear of the trim
FOLD_TICK = (6.5 * MM, 10 * MM)  # the print file's fold mark, from each long edge of the sheet

# Past about sixteen sheets a folded stack will not close flat or take a staple.
FOLDABLE_PAGES = 64
