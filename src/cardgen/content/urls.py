"""Web addresses in the content: an exercise's demonstration video and the coach's template for
them. Each becomes a QR code on paper, so it must be a complete https address a phone can open,
and short enough that the code stays coarse enough to scan at 15 mm."""

from __future__ import annotations

import re
import string
from urllib.parse import urlsplit

MAX_URL = 150  # characters: a QR code of this many (version 8) still has 0.4 mm modules at 23 mm
LONGEST_ID = 40  # what a template's {id} is checked with: the longest exercise id worth typing
EXAMPLE = "https://example.com/videos/glute-bridge"
TEMPLATE_EXAMPLE = "https://example.com/videos/{id}"


def video_url(text: str) -> str:
    """`text` if it is an https address fit for a QR code; else ValueError with what to write."""
    found = text if len(text) <= 60 else text[:57] + "..."
    if not text.lower().startswith("https://"):
        raise ValueError(f"expected a web address starting with https://, such as {EXAMPLE}, found {found!r}")
    if re.search(r"[^\x21-\x7e]", text):
        raise ValueError(f"a web address has no spaces or accented letters (write them as %20, %C3%A9), found {found!r}")
    parts = urlsplit(text)
    host = parts.hostname or ""
    if "." not in host.strip(".") or "@" in parts.netloc:
        raise ValueError(f"expected a web address with a site name, such as {EXAMPLE}, found {found!r}")
    if len(text) > MAX_URL:
        raise ValueError(f"a web address of at most {MAX_URL} characters prints as a QR code a phone can read; this one has {len(text)} (use a shorter link)")
    return text


def video_template(text: str) -> str:
    """A coach's video address with {id} where each exercise's id goes; ValueError if it is not one."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    except ValueError:
        raise ValueError("a { or } without its pair; write {{ or }} for a brace itself") from None
    if fields != ["id"]:
        other = [f"{{{f}}}" for f in fields if f != "id"]
        said = f"found {', '.join(other)}" if other else f"found {text!r}"
        raise ValueError(f"expected an address with {{id}} once, where the exercise's id goes, such as {TEMPLATE_EXAMPLE}; {said}")
    video_url(text.format(id="glute-bridge"))
    if len(longest := text.format(id="x" * LONGEST_ID)) > MAX_URL:
        raise ValueError(
            f"with an exercise id of {LONGEST_ID} characters this makes an address of {len(longest)}; a QR code a phone "
            f"can read at 15 mm takes at most {MAX_URL} (use a shorter address)"
        )
    return text

