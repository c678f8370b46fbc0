"""The choices a build takes, each defined once: the CLI offers these values, the pipeline and the
products receive these types, and nothing downstream checks a plain string again."""

from __future__ import annotations

from enum import StrEnum

from cardgen.equipment import HAVE_WORDS, parse_have

__all__ = ["HAVE_WORDS", "parse_have"]  # what a client has: --have and the roster's have column


class Choice(StrEnum):
    """A str enum whose value (and str(), and f-string) is what the user types."""

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]


class Paper(Choice):
    A4 = "a4"
    LETTER = "letter"


class PosterPaper(Choice):
    A4 = "a4"
    LETTER = "letter"
    A3 = "a3"
    TABLOID = "tabloid"


class CardSize(Choice):
    QUARTER = "quarter"
    A6 = "a6"
    A7 = "a7"
    INDEX_3X5 = "index-3x5"
    INDEX_4X6 = "index-4x6"
    ID1 = "id1"


class Duplex(Choice):
    LONG = "long"
    SHORT = "short"
    FOLD = "fold"


class ThemeName(Choice):
    MONO = "mono"
    COLOR = "color"


class Product(Choice):
    BOOKLET = "booklet"
    CARDS = "cards"
    POSTER = "poster"


PRODUCTS = tuple(Product)
