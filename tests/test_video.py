"""QR codes to demonstration videos: the addresses checked where they are written, the codes printed
on the exercise page and the card backs, rendered at 300 dpi and read back with a real decoder."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from cardgen.coach import load_coach
from cardgen.errors import ContentError
from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.render.qr import QR_MIN, qr_side, short_url, url_lines
from cardgen.style.fonts import REGULAR, register
from cardgen.units import MM

from conftest import GLUTE_BRIDGE, LIBRARY
from pdfcheck import reader

OWN = "https://vids.example/bridge"
TEMPLATE = "https://coach.example.org/v/{id}"
NEEDS_ID = "expected an address with {id} once, where the exercise's id goes, such as https://example.com/videos/{id}"


def _decoded(pdf: bytes, page: int, dpi: int = 300) -> list[str]:
    """Every QR code a real decoder finds on `page` (0-based) rendered at `dpi`."""
    # The test extra installs it; a venv made before it was added skips only the decoding tests
    # (reinstall with -c constraints.txt -e '.[test]') instead of failing to collect the file.
    zxingcpp = pytest.importorskip("zxingcpp")
    doc = pdfium.PdfDocument(pdf)
    image = doc[page].render(scale=dpi / 72).to_pil().convert("L")
    return sorted(r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode))


def _with_video(content, url: str = OWN) -> None:
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", f"dose: 3 x 12\nvideo: {url}\n")


def _page_of(pdf: bytes, phrase: str) -> int:
    for i, page in enumerate(reader(pdf).pages):
        if phrase in page.extract_text():
            return i
    raise AssertionError(f"no page reads {phrase!r}")


# -- the addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://example.com/v/1", "expected a web address starting with https://, such as https://example.com/videos/glute-bridge, found 'http://example.com/v/1'"),
        ("example.com/v/1", "expected a web address starting with https://, such as https://example.com/videos/glute-bridge, found 'example.com/v/1'"),
        ("https://example.com/my video", "a web address has no spaces or accented letters (write them as %20, %C3%A9), found 'https://example.com/my video'"),
        ("https://localhost/v", "expected a web address with a site name, such as https://example.com/videos/glute-bridge, found 'https://localhost/v'"),
        ("https://example.com/" + "v" * 140,
         "a web address of at most 150 characters prints as a QR code a phone can read; this one has 160 (use a shorter link)"),
    ],
)
def test_a_bad_video_address_is_named_with_its_file_and_line(content, url, message):
    _with_video(content, f'"{url}"')
    assert content.problems() == [f"content/exercises/glute-bridge.yaml:14: video: {message}"]


def write_coach(folder, videos: str):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "coach.yaml").write_text(f"name: Ana Pérez\nvideos: {videos}\n", encoding="utf-8")
    return folder


def test_the_coach_template_is_read(tmp_path):
    assert load_coach(write_coach(tmp_path, TEMPLATE)).videos == TEMPLATE


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("https://example.com/videos", f"{NEEDS_ID}; found 'https://example.com/videos'"),
        ("https://example.com/{name}", f"{NEEDS_ID}; found {{name}}"),
        ("https://example.com/{id", "a { or } without its pair; write {{ or }} for a brace itself"),
        ("http://example.com/{id}", "expected a web address starting with https://, such as https://example.com/videos/glute-bridge, found 'http://example.com/glute-bridge'"),
        ("https://example.com/" + "v" * 100 + "/{id}",
         "with an exercise id of 40 characters this makes an address of 161; a QR code a phone can read at 15 mm takes at most 150 (use a shorter address)"),
    ],
)
def test_a_bad_template_in_coach_yaml_is_named_with_its_line(tmp_path, template, message):
    write_coach(tmp_path, f'"{template}"')
    with pytest.raises(ContentError) as info:
        load_coach(tmp_path)
    assert [str(p) for p in info.value.problems] == [f"coach.yaml:2: videos: {message}"]


def test_an_exercise_s_own_address_beats_the_coach_s_template(content):
    _with_video(content)
    plan = plan_from(content.load(), "basic", videos=TEMPLATE)
    assert {k: (v.url, v.own) for k, v in plan.videos.items()} == {
        "glute-bridge": (OWN, True),
        "side-plank": ("https://coach.example.org/v/side-plank", False),
    }


def test_no_template_and_no_address_is_no_code(content):
    assert plan_from(content.load(), "basic").videos == {}


def test_shipped_exercises_have_no_invented_videos():
    assert [k for k, ex in LIBRARY.exercises.items() if ex.video] == []


def test_the_printed_address_drops_the_scheme():
    assert short_url("https://Example.com/videos/glute-bridge/") == "Example.com/videos/glute-bridge"


def test_a_long_address_makes_a_bigger_code_never_a_smaller_one():
    assert qr_side("https://a.co/x") == QR_MIN
    assert qr_side("https://example.com/" + "v" * 120) > QR_MIN


LONG = "coach.example.org/videos/lower-body/glute-bridge-with-a-pause"


def test_a_long_address_goes_on_over_lines_after_its_separators_and_prints_whole():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register()
    width = 35 * MM
    lines = url_lines(LONG, REGULAR, 7, width)
    assert lines == ["coach.example.org/videos/", "lower-body/glute-bridge-with-", "a-pause"]
    assert all(stringWidth(line, REGULAR, 7) <= width for line in lines)
    assert all(line[-1] in "/.-" for line in lines[:-1])


def test_an_address_past_three_lines_is_cut_and_a_piece_wider_than_the_line_breaks_at_a_letter():
    register()
    lines = url_lines(LONG, REGULAR, 7, 18 * MM)
    assert len(lines) == 3 and lines[-1].endswith("…") and "".join(lines)[:-1] in LONG
    assert url_lines("example.org/" + "x" * 60, REGULAR, 7, 18 * MM, most=9)[1:] != ["x" * 60]


# -- on paper -------------------------------------------------------------------------------------


@pytest.fixture
def booklet(content):
    _with_video(content)
    plan = plan_from(content.load(), "basic", videos=TEMPLATE)
    return render(plan, BuildOptions("basic", only=("booklet",), theme="color"))


def test_the_exercise_page_code_decodes_to_its_address(booklet):
    pdf = booklet["booklet.pdf"]
    assert _decoded(pdf, _page_of(pdf, "Lifts the hips with the glutes")) == [OWN]
    assert _decoded(pdf, _page_of(pdf, "Holds the pelvis level")) == ["https://coach.example.org/v/side-plank"]


def test_the_alternatives_in_brief_carry_their_codes_too():
    plan = plan_from(LIBRARY, "8-week-half", videos=TEMPLATE)
    assert plan.alternatives and set(plan.alternatives) <= set(plan.videos)
    pdf = render(plan, BuildOptions("8-week-half", only=("booklet",)))["booklet.pdf"]
    page = _page_of(pdf, "Harder than Step-up")  # the Bulgarian split squat's entry, after the elevated glute bridge's
    assert _decoded(pdf, page) == ["https://coach.example.org/v/bulgarian-split-squat", "https://coach.example.org/v/elevated-glute-bridge"]
    assert "coach.example.org/v/bulgarian-split-squat" in reader(pdf).pages[page].extract_text().replace("\n", "")


def test_the_code_is_at_least_15_mm_with_its_quiet_zone_and_its_address_is_printed(booklet):
    pdf = booklet["booklet.pdf"]
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[_page_of(pdf, "Lifts the hips with the glutes")]
        white = [r for r in page.rects if r["non_stroking_color"] in ((1, 1, 1), [1, 1, 1], (1.0, 1.0, 1.0)) and abs(r["width"] - r["height"]) < 0.01]
        assert white and min(r["width"] for r in white) >= 15 * MM - 0.01
        assert "vids.example/bridge" in page.extract_text()
        assert "https://" not in page.extract_text()


def test_a_long_address_prints_whole_under_its_code(content):
    _with_video(content, "https://" + LONG)
    pdf = render(plan_from(content.load(), "basic"), BuildOptions("basic", only=("booklet",)))["booklet.pdf"]
    text = reader(pdf).pages[_page_of(pdf, "Lifts the hips with the glutes")].extract_text()
    assert LONG in text.replace("\n", "")
    assert _decoded(pdf, _page_of(pdf, "Lifts the hips with the glutes")) == ["https://" + LONG]


def test_the_reading_copy_links_the_code_and_the_print_file_does_not(booklet):
    def uris(pdf: bytes) -> list[str]:
        out = []
        for page in reader(pdf).pages:
            for annot in page.get("/Annots", []) or []:
                action = annot.get_object().get("/A", {})
                if action.get("/S") == "/URI":
                    out.append(str(action["/URI"]))
        return sorted(out)

    assert uris(booklet["booklet.pdf"]) == sorted([OWN, "https://coach.example.org/v/side-plank"])
    assert uris(booklet["booklet-print.pdf"]) == []


@pytest.mark.parametrize("card", ["quarter", "a6"])
def test_card_back_codes_decode_at_the_card_size(content, card):
    _with_video(content)
    plan = plan_from(content.load(), "basic", videos=TEMPLATE)
    rendered = render(plan, BuildOptions("basic", only=("cards",), card=card))
    pdf = rendered["cards.pdf"]
    backs = [(i, p.extract_text().count("form cues")) for i, p in enumerate(reader(pdf).pages) if "Session A: form cues" in p.extract_text()]
    assert backs
    page, cards = backs[0]
    # Every card on the sheet: each back's two codes are read, none is missed.
    assert _decoded(pdf, page) == sorted([OWN, "https://coach.example.org/v/side-plank"] * cards)
    assert not [w for w in rendered.warnings if "video" in w]


def _crowded(content, own: bool) -> None:
    """A one-week plan of six exercises in one session, each with its own address or none."""
    for k in range(6):
        text = GLUTE_BRIDGE.replace("Glute bridge", f"Bridge {k}")
        content.write(f"exercises/bridge-{k}.yaml", text + (f"video: https://vids.example/b{k}\n" if own else ""))
    moves = "".join(f"      - exercise: bridge-{k}\n" for k in range(6))
    content.write("plans/crowded.yaml", f"title: Crowded\nweeks: 1\nsessions:\n  A:\n    focus: Glutes\n    exercises:\n{moves}")


@pytest.mark.parametrize(("own", "template", "warned"), [(True, None, True), (False, TEMPLATE, False)])
def test_a_card_too_small_for_its_codes_leaves_them_off_and_warns_only_for_an_exercise_s_own_address(content, own, template, warned):
    _crowded(content, own)
    plan = plan_from(content.load(), "crowded", videos=template)
    rendered = render(plan, BuildOptions("crowded", only=("cards",), card="a7"))
    backs = [i for i, p in enumerate(reader(rendered["cards.pdf"]).pages) if "form cues" in p.extract_text()]
    assert _decoded(rendered["cards.pdf"], backs[-1]) == []  # not shrunk below 15 mm: left off
    said = [w for w in rendered.warnings if "video" in w]
    assert said == (["Week 1 · Session A (A7 back): video codes left off: at 15 mm they do not fit beside the cues"] if warned else [])
