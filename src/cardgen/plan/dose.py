"""A dose is plan data; it is defined in the leaf `cardgen.doselang` so that content can parse it too."""

from cardgen.doselang import UNITS, Dose, format_weeks, parse_dose, parse_weeks

__all__ = ["UNITS", "Dose", "format_weeks", "parse_dose", "parse_weeks"]
