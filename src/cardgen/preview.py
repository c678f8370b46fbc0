"""PNG thumbnails of a PDF's pages, to look at a build without a PDF viewer."""

from __future__ import annotations

from pathlib import Path

from cardgen.doselang import parse_weeks
from cardgen.errors import CardgenError


def page_selection(text: str | None, count: int) -> list[int]:
    """1-based page numbers from "1-4" / "2, 5-6" (all pages when None), within the document."""
    if text is None:
        return list(range(1, count + 1))
    try:
        chosen = parse_weeks(text)
    except ValueError:
        raise CardgenError(f"--pages: expected pages like 1-4 or 2,5-6, found {text!r}") from None
    missing = [p for p in chosen if p > count]
    if missing:
        raise CardgenError(f"--pages: the PDF has {count} page{'s' if count != 1 else ''}, found page {missing[0]}")
    return list(chosen)


def render_previews(pdf: Path, out: Path, pages: str | None = None, dpi: int = 60) -> list[Path]:
    """Write PAGE-NN.png files into `out`; returns their paths."""
    import pypdfium2 as pdfium

    from cardgen.write import prepare_dir

    try:
        doc = pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as exc:
        raise CardgenError(f"cannot open {pdf} as a PDF: {exc}") from None
    try:
        chosen = page_selection(pages, len(doc))
        prepare_dir(out)
        written = []
        for n in chosen:
            image = doc[n - 1].render(scale=dpi / 72).to_pil()
            path = out / f"{pdf.stem}-{n:02d}.png"
            image.save(path)
            written.append(path)
        return written
    finally:
        doc.close()
