"""How things look: fonts, the type scale and the ink themes, in one place."""
