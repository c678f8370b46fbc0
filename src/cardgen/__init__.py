"""cardgen: printable workout booklets and pocket cards from YAML."""

__version__ = "0.1.0"
