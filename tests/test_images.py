"""Exercise pictures: checked when content is checked, turned upright, placed reproducibly."""

from __future__ import annotations

import shutil

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


def _image_sizes(pdf: bytes) -> list[tuple[int, int]]:
    sizes = []
    for page in reader(pdf).pages:
        for obj in page["/Resources"].get("/XObject", {}).values():
            obj = obj.get_object()
            if obj.get("/Subtype") == "/Image":
                sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes


def test_a_sideways_photo_prints_upright(content):
    _with_image(content)
    plan = plan_from(content.load(), "basic")
    pdfs = render(plan, BuildOptions("basic", only=("booklet",)))
    assert _image_sizes(pdfs["booklet.pdf"]) == [(400, 800)]


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
        "content/exercises/glute-bridge.yaml:14: image: expected a PNG or JPEG picture, found a file that is not an image: content/images/bridge.jpg"
    ]
