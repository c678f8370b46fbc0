"""cardgen: printable workout booklets and pocket cards from YAML."""

__version__ = "0.1.0"

# Before any of cardgen's dataclasses is defined: their rarely used methods compile when first called.
from cardgen._dataclass_methods import install as _install  # noqa: E402

_install()
