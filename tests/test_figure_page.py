"""Figures on the booklet's exercise pages (issue 10): beside the title or under the purpose, inside
the frame, over no word; black and greys in mono, the accent in colour. And every shipped figure
rests on its supports."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from cardgen.figure import TOLERANCE, below_ground, distances, place
from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.style.theme import COLOR
from cardgen.to_plan import exercise

from conftest import LIBRARY

BAND_WALK_FIGURE = """
figure:
  view: front
  working: both
  equipment:
    - {item: band, at: knees}
  start:
    trunk: 90
    right: {hip: 6, knee: 0, ankle: 0, shoulder: 40, elbow: 100}
    left: same
    contact: [right-foot, left-foot]
  end:
    trunk: 90
    right: {hip: 16, knee: 0, ankle: 0, shoulder: 40, elbow: 100}
    left: same
    contact: [right-foot, left-foot]
"""

BRIDGE_FIGURE = """
figure:
  moves: hips
  equipment:
    - {item: mat}
  start:
    trunk: 180
    right: {hip: 60, knee: 126, ankle: -24, shoulder: 0, elbow: 0}
    left: same
    contact: [shoulders, hips, right-foot, left-foot]
  end:
    trunk: 202
    right: {hip: 0, knee: 112, ankle: 0, shoulder: 0, elbow: 0}
    left: same
    contact: [shoulders, right-foot, left-foot]
"""


@pytest.fixture
def figures(content):
    """The fixture's plan with a standing (front view) and a lying figure of the coach's own."""
    for rel, figure in (("exercises/band-walk.yaml", BAND_WALK_FIGURE), ("exercises/glute-bridge.yaml", BRIDGE_FIGURE)):
        path = content.root / rel
        path.write_text(path.read_text(encoding="utf-8") + figure, encoding="utf-8")
    content.edit("plans/basic.yaml", "      - exercise: glute-bridge\n", "      - exercise: glute-bridge\n      - exercise: band-walk\n")
    return content


def booklet(content, theme: str = "mono") -> bytes:
    return render(plan_from(content.load(), "basic"), BuildOptions("basic", only=("booklet",), theme=theme))["booklet.pdf"]


def exercise_page(pdf, name: str):
    """The exercise's page: "How to do it" on it, and its name among its first lines (the running head
    and the title)."""
    for page in pdf.pages:
        lines = (page.extract_text() or "").split("\n")
        if "How to do it" in lines and any(line.startswith(name) or line.endswith(name) for line in lines[:3]):
            return page
    raise AssertionError(f"no page for {name}")


def figure_box(page) -> tuple[float, float, float, float]:
    """The box of the page's curves: the figure's limbs, heads and arrows (no other part of an
    exercise page draws a curve: checked on the page without a figure)."""
    curves = page.curves
    assert curves, "no figure on the page"
    return min(c["x0"] for c in curves), min(c["top"] for c in curves), max(c["x1"] for c in curves), max(c["bottom"] for c in curves)


def frame_of(page) -> tuple[float, float]:
    """The frame's left and right: the rule under the running head spans it."""
    rule = max((ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.1 and ln["top"] < 80), key=lambda ln: ln["x1"] - ln["x0"])
    return rule["x0"], rule["x1"]


@pytest.mark.parametrize(("name", "beside"), [("Band walk", True), ("Glute bridge", False)])
def test_the_figure_is_inside_the_frame_and_over_no_word(figures, name, beside):
    with pdfplumber.open(io.BytesIO(booklet(figures))) as pdf:
        page = exercise_page(pdf, name)
        x0, top, x1, bottom = figure_box(page)
        left, right = frame_of(page)
        assert left - 0.5 <= x0 and x1 <= right + 0.5
        words = page.extract_words(extra_attrs=["size"])
        over = [w["text"] for w in words if w["x0"] < x1 and w["x1"] > x0 and w["top"] < bottom and w["bottom"] > top]
        assert over == []
        title = max((w for w in words if w["text"] == name.split()[0]), key=lambda w: w["size"])
        steps = next(w for w in words if w["text"] == "How")
        assert bottom < steps["top"]  # above the steps
        if beside:
            # Beside the title: level with it, right of every word of the page's head.
            assert top < title["bottom"] and x0 > max(w["x1"] for w in words if w["bottom"] < bottom and w["top"] > title["top"] - 1)
        else:
            assert top > title["bottom"]  # a lying pose goes under the purpose


def test_a_page_without_a_figure_draws_no_curve(content):
    with pdfplumber.open(io.BytesIO(booklet(content))) as pdf:
        assert exercise_page(pdf, "Glute bridge").curves == []


def test_mono_figures_are_black_and_grey_and_colour_ones_use_the_accent(figures):
    def figure_colours(data: bytes) -> set[tuple[float, ...]]:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = exercise_page(pdf, "Band walk")
            out = set()
            for c in page.curves:
                for key, on in (("stroking_color", "stroke"), ("non_stroking_color", "fill")):
                    if c.get(on) and c.get(key) is not None:
                        v = c[key]
                        out.add(tuple(round(x, 3) for x in (v if isinstance(v, (list, tuple)) else (v,))))
            return out

    mono = figure_colours(booklet(figures))
    assert mono and all(len(set(c)) == 1 for c in mono), mono
    assert tuple(round(v, 3) for v in COLOR.accent) in figure_colours(booklet(figures, "color"))


def test_a_coachs_figure_keeps_the_page_to_one_page(figures):
    with pdfplumber.open(io.BytesIO(booklet(figures))) as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    assert not any("(continued)" in t for t in texts)


SHIPPED_FIGURES = sorted(k for k, ex in LIBRARY.exercises.items() if ex.figure is not None)


def test_every_shipped_exercise_has_a_figure():
    assert sorted(k for k, ex in LIBRARY.exercises.items() if ex.figure is None) == []


@pytest.mark.parametrize("ex_id", SHIPPED_FIGURES or [pytest.param(None, marks=pytest.mark.skip(reason="no shipped figures yet"))])
def test_every_shipped_figure_rests_on_its_supports_and_nothing_goes_below_ground(ex_id):
    figure = exercise(LIBRARY.exercises[ex_id]).figure
    assert figure is not None
    for which in ("start", "end"):
        placed = place(figure, getattr(figure, which))
        off = {c: round(d, 2) for c, d in distances(placed).items() if abs(d) > TOLERANCE}
        assert off == {}, f"{ex_id} {which}: contacts off their supports (head heights): {off}"
        assert below_ground(placed) == [], f"{ex_id} {which}: below the ground"


@pytest.mark.parametrize("key", [(p, "a4") for p in sorted({"8-week-half", "suspended-glute-bridge", "heavy-strength-runners"})] + [("8-week-half", "letter")])
def test_no_shipped_exercise_page_runs_on(built, key):
    """A figure takes its room from air and from its own size, never by pushing a page over."""
    _, pdfs = built[key]
    with pdfplumber.open(io.BytesIO(pdfs["booklet.pdf"])) as pdf:
        assert not any("(continued)" in (p.extract_text() or "") for p in pdf.pages)


def test_a_photo_and_a_figure_stand_side_by_side(figures):
    from PIL import Image

    photo = figures.root / "images" / "walk.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (600, 400), (90, 140, 200)).save(photo)
    figures.edit("exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nimage: images/walk.jpg\n")
    with pdfplumber.open(io.BytesIO(booklet(figures))) as pdf:
        page = exercise_page(pdf, "Band walk")
        (image,) = page.images
        x0, top, x1, bottom = figure_box(page)
        assert x0 > image["x1"]  # beside the photo, to its right
        assert abs(bottom - image["bottom"]) < 6  # standing on the photo's bottom line (its feet: 2 mm)
        _, right = frame_of(page)
        assert x1 <= right + 0.5


def test_a_figure_left_out_of_a_full_page_is_a_warning_naming_its_file_and_what_to_change(figures):
    """A page short of room gives up white space, then figure size, then the figure: never silently.
    The band walk's page is filled (six two-line steps, eight cues, six mistakes) and its purpose
    lengthened through the point where the figure no longer fits (eight words more; ten run on): the
    build warns exactly when the page has no figure."""
    step = "Step sideways against the band, keeping the knees pushed out over the toes and the trunk tall."
    figures.edit("exercises/band-walk.yaml", "  - Step sideways against the band.\n", "".join(f"  - {step}\n" for _ in range(6)))
    cues = "".join(f"  - Keep the knees out over the toes {i}\n" for i in range(5))
    mistakes = "".join(f"  - Letting the knees fall in as the band pulls them together on each step {i}\n" for i in range(6))
    figures.edit("exercises/band-walk.yaml", "  - Toes forward\n", f"  - Toes forward\n{cues}mistakes:\n{mistakes}")
    path = figures.root / "exercises/band-walk.yaml"
    line = path.read_text(encoding="utf-8").split("\n").index("figure:") + 1
    expected = (
        f"content/exercises/band-walk.yaml:{line}: figure: left out of the exercise's booklet page, which has no room for it "
        "even at its smallest; shorten the purpose, steps, cues or mistakes to make room"
    )
    base = purpose = "purpose: Wakes up the side of the hip."
    seen = set()
    for words in (0, 4, 8):
        figures.edit("exercises/band-walk.yaml", purpose, purpose := base + " More words" * words)
        made = render(plan_from(figures.load(), "basic"), BuildOptions("basic", only=("booklet",)))
        with pdfplumber.open(io.BytesIO(made["booklet.pdf"])) as pdf:
            drawn = bool(exercise_page(pdf, "Band walk").curves)
            assert not any("(continued)" in (p.extract_text() or "") for p in pdf.pages), words
        assert list(made.warnings) == ([] if drawn else [expected]), f"purpose of {words} more words"
        seen.add(drawn)
    assert seen == {True, False}, "the page should hold its figure at first, and not at last"


def test_a_wide_low_pose_on_a_full_page_stands_in_the_titles_line_at_full_size(built):
    """The glute bridge's page is full: under the purpose its figure shrank to a head of 3 mm (its
    limbs 46 mm across) to keep the page to one page. In the title's line, where a short title leaves
    the width, it keeps its full size (a head of 3.6 mm, limbs 55 mm across) and costs the page no
    band of its own."""
    from pdfcheck import MM

    _, pdfs = built["8-week-half", "a4"]
    with pdfplumber.open(io.BytesIO(pdfs["booklet.pdf"])) as pdf:
        page = exercise_page(pdf, "Glute bridge")
        x0, top, x1, bottom = figure_box(page)
        words = page.extract_words(extra_attrs=["size"])
        title = max((w for w in words if w["text"] == "bridge"), key=lambda w: w["size"])
        works = next(w for w in words if w["text"].startswith("Works:"))
        assert x1 - x0 > 52 * MM, f"{(x1 - x0) / MM:.1f} mm wide"
        assert top < title["bottom"] and bottom > title["top"], "level with the title"
        assert x0 > title["x1"] + 10 * MM and bottom < works["top"]
        assert frame_of(page)[1] + 0.5 >= x1
