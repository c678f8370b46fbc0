"""cardgen's dataclasses compile their generated methods at first use (cardgen/_dataclass_methods.py):
they must behave exactly as the standard library's, and other packages' dataclasses stay untouched."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import types

import pytest

from cardgen.errors import Problem
from cardgen.figure.model import Item, Limbs


def test_equality_hash_and_repr_are_the_standard_ones():
    a, b, c = Limbs(hip=10), Limbs(hip=10), Limbs(knee=5)
    assert a == b and a != c and (a == "Limbs") is False
    assert Limbs.__eq__(a, "x") is NotImplemented
    assert hash(a) == hash(b) == hash((10, 0.0, 0.0, 0.0, 0.0))
    assert len({a, b, c}) == 2
    assert repr(a) == "Limbs(hip=10, knee=0.0, ankle=0.0, shoulder=0.0, elbow=0.0)"
    assert repr(Item("box", under="right-foot")).startswith("Item(item='box', under='right-foot'")


def test_a_frozen_class_stays_frozen():
    limbs = Limbs()
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'hip'"):
        limbs.hip = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'knee'"):
        del limbs.knee  # type: ignore[misc]
    assert dataclasses.replace(limbs, hip=4).hip == 4 and limbs.hip == 0.0


def test_order_compares_field_by_field():
    problems = [Problem("b.yaml", 1, "x", "m"), Problem("a.yaml", 9, "x", "m"), Problem("a.yaml", 2, "y", "m")]
    assert [(p.file, p.line) for p in sorted(problems)] == [("a.yaml", 2), ("a.yaml", 9), ("b.yaml", 1)]
    assert Problem("a", 1, "", "") < Problem("a", 2, "", "") and not Problem("a", 2, "", "") <= Problem("a", 1, "", "")


def test_once_called_the_class_holds_the_compiled_method_with_its_name():
    a = Limbs(elbow=1)
    assert a == Limbs(elbow=1) and hash(a)
    for name in ("__eq__", "__hash__"):
        method = vars(Limbs)[name]
        assert method.__qualname__ == f"Limbs.{name}"
        assert method.__code__.co_filename == "<string>"  # what dataclasses compiled, no stand-in left


def test_another_packages_dataclasses_are_made_as_the_standard_library_makes_them():
    @dataclasses.dataclass(frozen=True)
    class Plain:
        x: int = 0

    assert Plain.__eq__.__code__.co_filename == "<string>"
    assert Plain.__setattr__.__code__.co_filename == "<string>"


@pytest.mark.skipif(not hasattr(dataclasses, "_create_fn"), reason="Python 3.13 compiles a class's methods in one go")
def test_the_methods_compile_only_when_used():
    # A fresh process: the build's imports define ~90 classes, and their equality, hashing, repr,
    # frozen guards and __init__ are compiled only if a run calls them (a build whose content comes
    # from the cache unpickles its content models, which calls no __init__).
    code = (
        "import cardgen.pipeline, cardgen.figure.model as m; "
        "print(vars(m.Pose)['__eq__'].__code__.co_filename != '<string>', vars(m.Pose)['__init__'].__code__.co_filename != '<string>')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True"]


CUE = '''
import dataclasses

@dataclasses.dataclass(frozen=True)
class Cue:
    """A cue."""

    text: str
    weight: int = 1
    tags: list = dataclasses.field(default_factory=list)
'''


@pytest.mark.skipif(not hasattr(dataclasses, "_create_fn"), reason="Python 3.13 compiles a class's methods in one go")
def test_init_is_the_standard_one_from_the_first_call(monkeypatch):
    # The same class made fresh in a module of cardgen's (so its first construction is the one under
    # test) and in another package's, as the standard library makes it.
    made = {}
    for name in ("cardgen.cue", "elsewhere.cue"):
        module = types.ModuleType(name)
        monkeypatch.setitem(sys.modules, name, module)
        exec(compile(CUE, name, "exec", dont_inherit=True), vars(module))
        made[name] = module.Cue
    Cue, Std = made["cardgen.cue"], made["elsewhere.cue"]
    assert Cue.__init__.__code__.co_filename != "<string>" and Std.__init__.__code__.co_filename == "<string>"
    for args, kwargs in [((), {}), (("a", 2, [], 4), {}), (("a",), {"colour": 1}), (("a",), {"text": "b"})]:
        with pytest.raises(TypeError) as std_error:
            Std(*args, **kwargs)
        with pytest.raises(TypeError) as our_error:
            Cue(*args, **kwargs)
        assert str(our_error.value) == str(std_error.value)  # "Cue.__init__() missing 1 required positional ..."
    cue = Cue("squeeze", tags=["glutes"])
    assert (cue.text, cue.weight, cue.tags) == ("squeeze", 1, ["glutes"]) and Cue("x").tags is not Cue("x").tags
    init = vars(Cue)["__init__"]
    assert init.__qualname__ == "Cue.__init__" and init.__code__.co_filename == "<string>"  # compiled, on the class
    assert Cue.__doc__ == "A cue."


def test_every_dataclass_of_cardgen_has_its_own_docstring():
    """Without one, dataclasses makes a docstring from `__init__`'s signature, which before the first
    construction is the stand-in's (`Cls(*a, **k)`): each class says what it is instead."""
    import importlib
    import pkgutil

    import cardgen

    for info in pkgutil.walk_packages(cardgen.__path__, "cardgen."):
        importlib.import_module(info.name)
    classes = [
        v
        for m in list(sys.modules.values())
        if getattr(m, "__name__", "").startswith("cardgen.")
        for v in vars(m).values()
        if isinstance(v, type) and dataclasses.is_dataclass(v) and v.__module__ == m.__name__
    ]
    assert len(classes) > 90
    assert [c.__qualname__ for c in classes if not c.__dict__.get("__doc__") or c.__doc__.startswith(f"{c.__name__}(")] == []
