"""Lay out a concrete Plan as PDF products. Imports ReportLab; nothing above this package does."""
