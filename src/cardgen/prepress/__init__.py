"""Print geometry: paper, printable frame, card grids, duplex, imposition, marks. Knows no exercises."""
