"""The languages content may be written in, for hyphenation: a code a coach writes (`de`, `en-us`,
`pt-br`) and the hyphenation patterns it names (pyphen's dictionaries, shipped with it)."""

from __future__ import annotations

DEFAULT = "en"  # British English: the shipped content's

# A code as written (lower case, a hyphen before the region) → pyphen's dictionary. Listed here
# rather than read from pyphen: checking a plan must not load the hyphenation library.
PATTERNS = {
    "en": "en_GB", "en-gb": "en_GB", "en-us": "en_US",
    "de": "de_DE", "de-de": "de_DE", "de-at": "de_AT", "de-ch": "de_CH",
    "fr": "fr", "es": "es", "it": "it_IT", "nl": "nl_NL", "pt": "pt_PT", "pt-pt": "pt_PT", "pt-br": "pt_BR",
    "da": "da_DK", "sv": "sv", "nb": "nb_NO", "nn": "nn_NO", "is": "is",
    "pl": "pl_PL", "cs": "cs_CZ", "sk": "sk_SK", "sl": "sl_SI", "hr": "hr_HR", "hu": "hu_HU", "ro": "ro_RO",
    "et": "et_EE", "lv": "lv_LV", "lt": "lt", "ca": "ca", "gl": "gl", "eu": "eu",
    "el": "el_GR", "ru": "ru_RU", "uk": "uk_UA", "bg": "bg_BG",
}  # fmt: skip
COMMON = ("en", "en-us", "de", "fr", "es", "it", "nl", "pt")  # named in a message; the rest are in the docs


def language_code(value: object) -> str:
    """A language code as the patterns know it ("de-AT" → "de-at"), or a ValueError that says what to write."""
    if not isinstance(value, str):
        raise ValueError(f"a language is a code such as 'de' or 'en-us', not {value!r}")
    code = value.strip().lower().replace("_", "-")
    if code in PATTERNS:
        return code
    raise ValueError(
        f"unknown language {value!r}{_suggest(code)}; use a code such as {', '.join(COMMON)} "
        "(docs/content-format.md lists them all)"
    )


# What a coach may write instead of a code: the language's name in English or in itself.
NAMES = {
    "english": "en", "british": "en-gb", "american": "en-us", "german": "de", "deutsch": "de",
    "french": "fr", "français": "fr", "francais": "fr", "spanish": "es", "español": "es", "espanol": "es",
    "italian": "it", "italiano": "it", "dutch": "nl", "nederlands": "nl", "portuguese": "pt", "português": "pt",
    "danish": "da", "dansk": "da", "swedish": "sv", "svenska": "sv", "norwegian": "nb", "norsk": "nb",
    "polish": "pl", "polski": "pl", "czech": "cs", "greek": "el", "russian": "ru", "ukrainian": "uk",
}  # fmt: skip


def _suggest(code: str) -> str:
    import difflib  # here: only an unknown language needs it

    close = difflib.get_close_matches(code, [*NAMES, *PATTERNS], n=1, cutoff=0.6)
    return f" (did you mean {NAMES.get(close[0], close[0])!r}?)" if close else ""
