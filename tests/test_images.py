"""Exercise pictures: checked when content is checked (format, size, damage, inside the content folder),
turned upright, embedded at 300 dpi for their printed size, grey in mono, placed reproducibly."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from cardgen.pipeline import BuildOptions, plan_from, render

from pdfcheck import reader


def _photo(path, size=(800, 400), orientation=6):
    """A phone-style JPEG stored sideways, with an EXIF tag saying how to turn it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", size, (200, 120, 40))
    exif = img.getexif()
    exif[0x0112] = orientation
    img.save(path, exif=exif)


def _with_image(content, rel="images/bridge.jpg"):
    _photo(content.root / rel)
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", f"dose: 3 x 12\nimage: {rel}\n")


def _images(pdf: bytes) -> list[tuple[int, int, str, str]]:
    """Width, height, colour space and filter of every image the PDF embeds."""
    found = []
    for page in reader(pdf).pages:
        for obj in page["/Resources"].get("/XObject", {}).values():
            obj = obj.get_object()
            if obj.get("/Subtype") == "/Image":
                filters = obj["/Filter"]
                found.append((int(obj["/Width"]), int(obj["/Height"]), str(obj["/ColorSpace"]), str(filters[-1] if isinstance(filters, list) else filters)))
    return found


def test_a_sideways_photo_prints_upright_at_300_dpi_for_its_box(content):
    _with_image(content)
    plan = plan_from(content.load(), "basic")
    pdfs = render(plan, BuildOptions("basic", only=("booklet",), theme="color"))
    # 40 mm tall at 300 dpi is 472 pixels; the 800-pixel side is not embedded whole.
    assert _images(pdfs["booklet.pdf"]) == [(236, 472, "/DeviceRGB", "/DCTDecode")]


def test_a_phone_photo_is_downsampled_and_grey_in_mono(content):
    _photo(content.root / "images" / "bridge.jpg", size=(6000, 4000), orientation=1)  # 24 megapixels
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", "dose: 3 x 12\nimage: images/bridge.jpg\n")
    pdfs = render(plan_from(content.load(), "basic"), BuildOptions("basic", only=("booklet",)))
    assert _images(pdfs["booklet.pdf"]) == [(709, 472, "/DeviceGray", "/DCTDecode")]  # 60 × 40 mm at 300 dpi
    assert len(pdfs["booklet.pdf"]) < 120_000


def test_16_bit_and_cmyk_pictures_print_with_their_tones(content):

    from cardgen.pictures import read_picture

    grey16 = content.root / "images" / "grey16.png"
    grey16.parent.mkdir(parents=True)
    Image.new("I;16", (40, 20), 32768).save(grey16)  # mid grey in 16 bits
    assert read_picture(grey16, "grey16.png").getpixel((0, 0)) == (128, 128, 128)  # not clipped to white
    cmyk = content.root / "images" / "cmyk.jpg"
    Image.new("CMYK", (40, 20), (0, 255, 255, 0)).save(cmyk)  # red in print colours
    r, g, b = read_picture(cmyk, "cmyk.jpg").getpixel((0, 0))
    assert r > 200 and g < 60 and b < 60
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", "dose: 3 x 12\nimage: images/grey16.png\n")
    pdf = render(plan_from(content.load(), "basic"), BuildOptions("basic", only=("booklet",)))["booklet.pdf"]
    [(_, _, space, _)] = _images(pdf)
    assert space == "/DeviceGray"


def test_the_same_content_elsewhere_gives_the_same_bytes(content, tmp_path):
    _with_image(content)
    moved = tmp_path / "elsewhere" / "content"
    shutil.copytree(content.root, moved)
    first = render(plan_from(content.load(), "basic"), BuildOptions("basic", only=("booklet",)))
    from cardgen.content.load import load_library

    second = render(plan_from(load_library(moved), "basic"), BuildOptions("basic", only=("booklet",)))
    assert first == second


def test_a_file_that_is_not_a_picture_is_a_content_error(content):
    (content.root / "images").mkdir()
    (content.root / "images" / "bridge.jpg").write_text("not a picture")
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", "dose: 3 x 12\nimage: images/bridge.jpg\n")
    assert content.problems() == [
        "content/exercises/glute-bridge.yaml:14: image: content/images/bridge.jpg is not a PNG or JPEG image (or it is damaged)"
    ]


def _bomb(path):
    """A PNG whose header claims 30000 × 30000 pixels (900 megapixels) in a few hundred bytes."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("name, make, message", [
    ("images/bomb.png", _bomb,
     "content/images/bomb.png is too large for a picture: more than 40 megapixels (a picture needs about 2000 pixels across); make it smaller"),
    ("images/anim.gif", lambda p: Image.new("RGB", (8, 8)).save(p), "content/images/anim.gif is a GIF image; use a PNG or JPEG"),
    ("../outside.png", None, "name a picture from the content folder, like images/bridge.jpg; found '../outside.png'"),
    ("/etc/passwd", None, "name a picture from the content folder, like images/bridge.jpg; found '/etc/passwd'"),
    ("images/link.png", "link", "content/images/link.png is a link to a file outside the content folder; copy the picture into the folder"),
], ids=["bomb", "gif", "parent", "absolute", "symlink-out"])
def test_pictures_that_cannot_or_must_not_print_are_content_errors(content, tmp_path, name, make, message):
    target = content.root / name
    if make == "link":
        outside = tmp_path / "outside.png"
        Image.new("RGB", (8, 8)).save(outside)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(outside)
    elif make is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        make(target)
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", f"dose: 3 x 12\nimage: {name}\n")
    assert content.problems() == [f"content/exercises/glute-bridge.yaml:14: image: {message}"]
