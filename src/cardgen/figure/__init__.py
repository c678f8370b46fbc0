"""Pictograms from data: a figure's two poses as points, placed on their supports (pure geometry,
no drawing; cardgen.render.figure draws them)."""

from cardgen.figure.model import Figure, Item, Limbs, Pose
from cardgen.figure.pair import Pair, pair
from cardgen.figure.place import TOLERANCE, Placed, below_ground, distances, misplaced, place

__all__ = ["TOLERANCE", "Figure", "Item", "Limbs", "Pair", "Placed", "Pose", "below_ground", "distances", "misplaced", "pair", "place"]
