"""Print geometry: paper, printable frame, card grids, duplex, imposition, marks. Knows no exercises."""

# The choices the command line offers, here so that `cardgen --help` need not load the geometry.
CARDS = ("quarter", "a6", "a7", "index-3x5", "index-4x6", "id1")
DUPLEX = ("long", "short", "fold")
