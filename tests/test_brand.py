"""The coach on every product: the logo read and checked, the accent, the cover's coach line, the
booklet's foot, the poster's corner, the card backs and the PDF metadata."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from PIL import Image

from cardgen.cli import main
from cardgen.coach import Coach, load_coach
from cardgen.errors import ContentError
from cardgen.pictures import PictureProblem, printed, read_picture
from cardgen.pipeline import BuildOptions, brand_of, plan_from, render
from cardgen.style.theme import COLOR, MONO, with_accent
from cardgen.units import MM

from conftest import LIBRARY

ATHLETE = "Zoë Müller"
COACH_YAML = """\
name: Ana Pérez
business: Run Strong
email: ana@runstrong.example
phone: +44 7700 900123
logo: {logo}
accent: "#1f6f8b"
footer: Questions? Email me any time.
"""


def png_with_alpha(path: Path) -> Path:
    """A 600 × 200 wordmark: an opaque red bar on a transparent ground."""
    img = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    img.paste((200, 30, 30, 255), (50, 50, 550, 150))
    img.save(path)
    return path


def rotated_jpeg(path: Path) -> Path:
    """Stored 300 × 100 (landscape) with EXIF orientation 6: the camera meant it 100 × 300, portrait."""
    img = Image.new("RGB", (300, 100), (20, 90, 140))
    exif = Image.Exif()
    exif[0x0112] = 6
    img.save(path, exif=exif)
    return path


def bomb_png(path: Path, side: int = 30000) -> Path:
    """A tiny file whose header claims side × side pixels: what a decompression bomb looks like."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    return path


def workspace(tmp_path: Path, logo: str = "assets/logo.png") -> Path:
    (tmp_path / "assets").mkdir(parents=True, exist_ok=True)
    (tmp_path / "coach.yaml").write_text(COACH_YAML.format(logo=logo), encoding="utf-8")
    return tmp_path


def logo_problem(tmp_path: Path, name: str) -> str:
    with pytest.raises(ContentError) as info:
        load_coach(workspace(tmp_path, f"assets/{name}"))
    return info.value.message


# -- the logo file, off the PDF path -----------------------------------------------------------


def test_transparency_is_flattened_on_white(tmp_path):
    img = read_picture(png_with_alpha(tmp_path / "logo.png"), "logo.png", "logo")
    assert img.mode == "RGB"
    assert img.getpixel((5, 5)) == (255, 255, 255)
    assert img.getpixel((300, 100)) == (200, 30, 30)


def test_exif_orientation_is_applied(tmp_path):
    assert read_picture(rotated_jpeg(tmp_path / "logo.jpg"), "logo.jpg", "logo").size == (100, 300)


def test_scaled_to_300_dpi_never_up_and_grey_in_mono(tmp_path):
    img = read_picture(png_with_alpha(tmp_path / "logo.png"), "logo.png", "logo")
    assert printed(img, 30 * MM, 10 * MM, grey=False).size == (354, 118)  # 30 mm at 300 dpi
    assert printed(img, 100 * MM, 33 * MM, grey=False).size == (600, 200)  # the file's own pixels, not more
    grey = printed(img, 30 * MM, 10 * MM, grey=True)
    assert grey.mode == "L" and grey.size == (354, 118)


@pytest.mark.parametrize("name, write, message", [
    ("logo.png", lambda p: bomb_png(p), "assets/logo.png is too large for a logo: more than 40 megapixels (a logo needs about "
     "1000 × 400 pixels); make it smaller"),
    ("logo.png", lambda p: bomb_png(p, 7000), "assets/logo.png is too large for a logo: more than 40 megapixels (a logo needs "
     "about 1000 × 400 pixels); make it smaller"),
    ("logo.png", lambda p: p.write_bytes(b"not an image at all"), "assets/logo.png is not a PNG or JPEG image (or it is damaged)"),
    ("logo.png", lambda p: p.write_bytes(png_bytes()[:120]), None),
    ("logo.gif", lambda p: Image.new("RGB", (60, 20)).save(p), "assets/logo.gif is a GIF image; use a PNG or JPEG"),
    ("logo.png", lambda p: None, "no file assets/logo.png (a path is read from the folder of coach.yaml)"),
])
def test_a_bad_logo_is_one_clear_problem_on_its_line(tmp_path, name, write, message):
    (tmp_path / "assets").mkdir()
    write(tmp_path / "assets" / name)
    said = logo_problem(tmp_path, name)
    if message is None:  # a cut-off file: Pillow's own words for what broke follow ours
        assert said.startswith("coach.yaml:5: logo: assets/logo.png is damaged and cannot be read (")
    else:
        assert said == f"coach.yaml:5: logo: {message}\n1 problem found."


def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.effect_noise((200, 200), 60).save(buf, "PNG")
    return buf.getvalue()


def test_a_good_logo_is_resolved_against_the_workspace(tmp_path):
    png_with_alpha(workspace(tmp_path) / "assets" / "logo.png")
    coach = load_coach(tmp_path)
    assert coach.logo == tmp_path / "assets" / "logo.png" and coach.logo_line == 5


def test_the_accent_replaces_the_colour_themes_and_mono_ignores_it():
    teal = (0x1F / 255, 0x6F / 255, 0x8B / 255)
    themed = with_accent(COLOR, teal)
    assert themed.accent == teal and themed.ink == COLOR.ink
    assert all(0.85 <= c < 1 for c in themed.accent_fill) and all(f >= a for f, a in zip(themed.fill, themed.accent_fill, strict=True))
    assert with_accent(MONO, teal) == MONO


def test_the_cli_refuses_a_bomb_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ws = workspace(tmp_path / "ws")
    bomb_png(ws / "assets" / "logo.png")
    result = CliRunner().invoke(main, ["build", "--plan", "8-week-half", "--content", "ws"])
    assert result.exit_code == 1
    assert result.output == (
        "coach.yaml:5: logo: assets/logo.png is too large for a logo: more than 40 megapixels (a logo needs about 1000 × 400 "
        "pixels); make it smaller\n1 problem found.\n"
    )
    assert not (tmp_path / "output").exists()


# -- the products, read back -----------------------------------------------------------------


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    """Every product of the default plan, mono, for a coach with a transparent PNG logo."""
    folder = workspace(tmp_path_factory.mktemp("ws"))
    png_with_alpha(folder / "assets" / "logo.png")
    coach = load_coach(folder)
    plan = plan_from(LIBRARY, "8-week-half")
    return coach, plan, render(plan, BuildOptions("8-week-half", athlete=ATHLETE, coach=coach))


def pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def clear_of_words(page, image) -> bool:
    return not any(
        w["x0"] < image["x1"] and w["x1"] > image["x0"] and w["top"] < image["bottom"] and w["bottom"] > image["top"]
        for w in page.extract_words()
    )


def inside_trim(page, image, margin: float = 6.35 * MM) -> bool:
    return image["x0"] >= margin and image["top"] >= margin and image["x1"] <= page.width - margin and image["bottom"] <= page.height - margin


def test_cover_names_the_coach_with_the_logo_in_its_box(branded):
    _, plan, out = branded
    with pdf(out["booklet.pdf"]) as doc:
        cover = doc.pages[0]
        text = cover.extract_text()
        assert "Coach Ana Pérez · Run Strong" in text
        assert "Contact ana@runstrong.example · +44 7700 900123" in text
        (image,) = cover.images
        assert inside_trim(cover, image) and clear_of_words(cover, image)
        assert image["x1"] - image["x0"] <= 30 * MM + 0.01 and image["bottom"] - image["top"] <= 12 * MM + 0.01
        assert image["colorspace"][0].name == "DeviceGray"  # mono prints the logo grey
        assert all(p.images == [] for p in doc.pages[1:])


def test_every_page_after_the_cover_carries_the_footer_clear_of_the_page_number(branded):
    _, _, out = branded
    with pdf(out["booklet.pdf"]) as doc:
        for page in doc.pages[1:]:
            foot = [w for w in page.extract_words() if w["top"] > page.height - 17.5 * MM]
            line = " ".join(w["text"] for w in foot)
            assert "Questions? Email me any time." in line, (page.page_number, line)
            body = [w for w in page.extract_words() if w["top"] <= page.height - 17.5 * MM]
            assert all(w["bottom"] <= page.height - 17.5 * MM + 0.5 for w in body)
            number = [w for w in foot if w["text"] == str(page.page_number)]
            words = [w for w in foot if w["text"] != str(page.page_number)]
            if number:  # not on the back cover
                gap = min(abs(w["x0"] - number[0]["x1"]) if w["x0"] > number[0]["x1"] else abs(number[0]["x0"] - w["x1"]) for w in words)
                assert gap >= 5 * MM


def test_poster_corner_holds_logo_and_byline_clear_of_the_grid(branded):
    _, _, out = branded
    with pdf(out["poster.pdf"]) as doc:
        page = doc.pages[0]
        (image,) = page.images
        assert inside_trim(page, image) and clear_of_words(page, image)
        assert "Ana Pérez · Run Strong · ana@runstrong.example · +44 7700 900123" in page.extract_text()
        # The byline sits below everything else: the grid's lowest rule is above the logo.
        assert max(r["bottom"] for r in page.rects + page.lines if r["bottom"] < image["top"]) < image["top"]
        assert min(w["top"] for w in page.extract_words() if "Pérez" in w["text"]) > max(
            w["bottom"] for w in page.extract_words() if "Week" in w["text"]
        )


@pytest.mark.parametrize("card", ["quarter", "id1"])
def test_card_backs_carry_logo_and_name_inside_each_card(branded, card):
    coach, plan, _ = branded
    out = render(plan, BuildOptions("8-week-half", athlete=ATHLETE, coach=coach, card=card, only=("cards",)))
    data = out["cards.pdf"]
    assert data.count(b"/Subtype /Image") == 1  # one logo, embedded once for every back
    with pdf(data) as doc:
        backs = doc.pages[3] if card == "quarter" else doc.pages[1]
        fronts = doc.pages[2] if card == "quarter" else doc.pages[0]
        assert fronts.images == []
        assert len(backs.images) >= 2
        for image in backs.images:
            assert inside_trim(backs, image) and clear_of_words(backs, image)
        assert backs.extract_text().count("Ana Pérez") == len(backs.images)


def test_metadata_names_the_coach_and_the_client(branded):
    _, plan, out = branded
    for name in ("booklet.pdf", "booklet-print.pdf", "cards.pdf", "poster.pdf"):
        with pdf(out[name]) as doc:
            assert doc.metadata["Author"] == "Ana Pérez (Run Strong)", name
            assert doc.metadata["Subject"] == f"{ATHLETE}: {plan.title}", name


def test_a_rotated_jpeg_prints_upright_in_colour(tmp_path):
    folder = workspace(tmp_path, "assets/logo.jpg")
    rotated_jpeg(folder / "assets" / "logo.jpg")
    coach = load_coach(folder)
    plan = plan_from(LIBRARY, "8-week-half")
    out = render(plan, BuildOptions("8-week-half", coach=coach, theme="color", only=("booklet",)))
    with pdf(out["booklet.pdf"]) as doc:
        (image,) = doc.pages[0].images
        w, h = image["srcsize"]
        assert h > w and image["bottom"] - image["top"] > image["x1"] - image["x0"]  # portrait, as the camera meant
        assert image["colorspace"][0].name == "DeviceRGB"


def test_branded_output_is_reproducible(branded):
    coach, plan, out = branded
    again = render(plan, BuildOptions("8-week-half", athlete=ATHLETE, coach=coach))
    assert dict(again) == dict(out)


def test_a_logo_that_breaks_after_loading_is_a_message_not_a_traceback(tmp_path):
    folder = workspace(tmp_path)
    png_with_alpha(folder / "assets" / "logo.png")
    coach = load_coach(folder)
    (folder / "assets" / "logo.png").write_bytes(b"gone bad")
    with pytest.raises(Exception) as info:
        brand_of(coach, grey=True)
    assert str(info.value.message) == "coach.yaml:5: logo: logo.png is not a PNG or JPEG image (or it is damaged)"


def test_no_coach_changes_nothing():
    plan = plan_from(LIBRARY, "8-week-half")
    assert dict(render(plan, BuildOptions("8-week-half", coach=None))) == dict(render(plan, BuildOptions("8-week-half")))
    assert isinstance(PictureProblem("x"), Exception) and Coach("Ana").logo is None


def test_a_narrow_line_gives_up_web_then_phone_then_business_never_half_a_part():
    from cardgen.render.brand import Brand, fitted_line

    brand = Brand("Ana Pérez", "Run Strong", ("ana@runstrong.example", "+44 7700 900123", "runstrong.example"))
    assert brand.byline_parts() == [
        ("Ana Pérez", "Run Strong", "ana@runstrong.example", "+44 7700 900123", "runstrong.example"),
        ("Ana Pérez", "Run Strong", "ana@runstrong.example", "+44 7700 900123"),
        ("Ana Pérez", "Run Strong", "ana@runstrong.example"),
        ("Ana Pérez", "ana@runstrong.example"),
    ]
    assert fitted_line(brand.byline_parts(), 8, 70 * MM, bold_first=True) == "Ana Pérez · Run Strong · ana@runstrong.example"
    assert fitted_line(brand.byline_parts(), 8, 55 * MM, bold_first=True) == "Ana Pérez · ana@runstrong.example"
    assert fitted_line(brand.byline_parts(), 8, 30 * MM, bold_first=True) == "Ana Pérez"
    assert fitted_line(brand.byline_parts(), 8, 10 * MM, bold_first=True) == "Ana…"


def test_a_blurry_logo_and_a_pale_accent_are_warned_about(tmp_path):
    from cardgen.pipeline import coach_warnings

    folder = workspace(tmp_path)
    Image.new("RGB", (90, 30), (0, 0, 0)).save(folder / "assets" / "logo.png")
    (folder / "coach.yaml").write_text(COACH_YAML.format(logo="assets/logo.png").replace("#1f6f8b", "#ffee00"), encoding="utf-8")
    coach = load_coach(folder)
    assert coach_warnings(coach, brand_of(coach, grey=False), "color") == [
        "coach.yaml:5: logo: logo.png is 90 × 30 pixels: on the cover it prints at 76 dpi and will look blurred; use one about 1000 pixels wide",
        "coach.yaml: accent: #ffee00 is too pale to read on white paper (contrast 1.2:1, headings need 3:1); choose a darker shade",
    ]
    assert coach_warnings(coach, brand_of(coach, grey=True), "mono") == coach_warnings(coach, brand_of(coach, grey=True), "color")[:1]
    png_with_alpha(folder / "assets" / "logo.png")
    (folder / "coach.yaml").write_text(COACH_YAML.format(logo="assets/logo.png"), encoding="utf-8")
    coach = load_coach(folder)
    assert coach_warnings(coach, brand_of(coach, grey=False), "color") == []
    (folder / "coach.yaml").write_text(COACH_YAML.format(logo="assets/logo.png").replace("Run Strong", "跑步 Strong"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_coach(folder)  # refused where it is written, as content, the roster and --athlete are
    assert [str(p) for p in info.value.problems] == [
        "coach.yaml:2: business: the font cannot print '跑' (U+8DD1, cjk unified ideograph-8dd1), '步' (U+6B65, cjk unified ideograph-6b65); "
        "write it with Latin, Greek or Cyrillic letters"
    ]
    long = "Questions about a session, a missed week or a niggle? Email me any time, I answer within a day."
    (folder / "coach.yaml").write_text(COACH_YAML.format(logo="assets/logo.png").replace("Questions? Email me any time.", long), encoding="utf-8")
    coach = load_coach(folder)
    assert coach_warnings(coach, brand_of(coach, grey=False), "color") == [
        "coach.yaml: footer: too long for the foot of a booklet page, which takes about 64 characters; it is cut short"
    ]
