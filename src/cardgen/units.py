"""Lengths: everything inside cardgen is in PDF points (1/72 in)."""

MM = 72 / 25.4
INCH = 72.0
