"""cardgen's dataclasses compile their generated methods when first called, not when defined.

Python 3.11 and 3.12 compile every method a dataclass generates (`__init__`, `__repr__`, `__eq__`,
`__hash__`, a frozen class's `__setattr__` and `__delattr__`, ...) with one `exec` each while the
class is created: a build creates about 90 of cardgen's dataclasses, and this was a third of its
import time, though most of those methods are never called in a run. Here `dataclasses._create_fn`
hands back, for cardgen's own classes only, a stand-in that compiles the same text with the same
names on its first call and puts the compiled method on the class: same behaviour, paid for when
used. That includes `__init__` (~0.3 ms a class): a build that reads its content from the cache
(content/cache.py) makes its content models by unpickling, which calls no `__init__`, and 25 of
the ~90 classes are never constructed. (A class without a docstring would get one made from its
`__init__`'s signature, the stand-in's: every cardgen dataclass has its own, and a test holds that.)

Python 3.13 compiles all of a class's methods in one go and has no `_create_fn`: nothing to do
there. Another package's dataclasses are left as the standard library makes them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

_PACKAGE = __name__.split(".")[0] + "."


def _lazy(create: Callable[..., Any]) -> Callable[..., Any]:
    def create_fn(name: str, args: Any, body: Any, *, globals: dict[str, Any] | None = None, **kw: Any) -> Any:
        if not (globals or {}).get("__name__", "").startswith(_PACKAGE):
            return create(name, args, body, globals=globals, **kw)
        compiled: list[Callable[..., Any]] = []

        def method(self: Any, /, *a: Any, **k: Any) -> Any:
            if not compiled:
                fn = create(name, args, body, globals=globals, **kw)
                fn.__qualname__ = method.__qualname__  # as dataclasses named this one: Class.__eq__
                compiled.append(fn)
                # From now on the class calls the method itself (not for __repr__, which dataclasses
                # wraps against recursion: the wrapper keeps calling this stand-in).
                for klass in type(self).__mro__:
                    if klass.__dict__.get(name) is method:
                        setattr(klass, name, fn)
                        break
            return compiled[0](self, *a, **k)

        method.__name__ = method.__qualname__ = name
        return method

    create_fn.lazy = True  # type: ignore[attr-defined]
    return create_fn


def install() -> None:
    create = getattr(dataclasses, "_create_fn", None)
    if create is not None and not getattr(create, "lazy", False):
        dataclasses._create_fn = _lazy(create)  # type: ignore[attr-defined]
