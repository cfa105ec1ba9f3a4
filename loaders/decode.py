"""Bytes to clean Unicode text for Vietnamese documents.

Files arrive as UTF-8 (with or without BOM), UTF-16 (with or without BOM) or the legacy
Windows-1258 code page, which stores tone marks as combining characters.  Two other legacy
encodings, TCVN3 (ABC) and VNI, decode "successfully" under any 8-bit code page and produce wrong
letters, so they are detected by their tell-tale characters and refused rather than guessed.
We deliberately do not fall back to a general charset guesser: a Western code page "works" on
almost any byte string and would silently turn a broken file into plausible-looking garbage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Decoded",
    "ReadError",
    "decode",
    "decode_bytes",
    "detect_legacy_encoding",
    "normalize_text",
]


class ReadError(Exception):
    """A file (or archive line) that cannot be turned into text; the message says why."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text plus how it was decoded, so callers can report it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- normalisation

# C0/C1 controls except \t and \n (\r is folded into \n before this table is applied), plus
# invisible format characters that only get in the way of matching (BOM, zero-width space,
# soft hyphen, word joiner).
_DROP: dict[int, str | None] = {
    c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
}
_DROP.update({0xFEFF: None, 0x200B: None, 0x00AD: None, 0x2060: None})
_DROP.update(
    {
        0x00A0: " ",  # no-break space
        0x202F: " ",  # narrow no-break space
        0x00D0: "\u0110",  # 'Ð' (Icelandic eth) typed for 'Đ'
        0x2028: "\n",  # line separator
        0x2029: "\n",  # paragraph separator
        0x0085: "\n",  # NEL
    }
)
# Every other blank is a plain space, so that a pattern's " " or "\s" meets one kind of blank and a
# run of blanks is collapsed by layout.clean_lines into one space (which keeps vntext.ahead exact).
_DROP.update({c: " " for c in [0x1680, *range(0x2000, 0x200B), 0x205F, 0x3000]})
_TRANSLATE = str.maketrans(_DROP)
_NEEDS_TRANSLATE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\u00ad\u00d0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060"
    "\u3000\ufeff]"
)


def file_name_text(name: str) -> str:
    """A file name or path as text that can be stored and shown: bytes the file system gave
    that are not UTF-8 (Python keeps them as lone surrogates) become U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def normalize_text(text: str) -> str:
    """NFC, \\n line endings, 'Ð'→'Đ', no control characters, no non-breaking spaces.

    Each step is skipped when it has nothing to do, so already-clean text (the common case) is
    not copied: this keeps memory flat on very large inputs.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# --------------------------------------------------------------------------- legacy detection

_VOWELS = set("aeiouyAEIOUYâêôơưăÂÊÔƠƯĂ")
_TONE_MARKS = set("\u0300\u0301\u0303\u0309\u0323")
# Precomposed letters that Vietnamese uses and Windows-1258 can hold.
_CP1258_VIET = set("ÀÁÂĂÈÉÊÍÓÔƠÙÚƯĐàáâăèéêíóôơùúưđ")
_CP1258_DISTINCT = set("ĂăƠơƯưĐđ")  # letters no Western language uses
# Typographic characters that may legitimately appear in any text.
_NEUTRAL = set("“”‘’–—…•°«»·×€₫§©®±²³¹º¼½¾‰")

# TCVN3 (ABC) puts Vietnamese letters on Latin-1 symbol positions: 'đ' is '®', 'ư' is a soft
# hyphen, 'á' is '¸', 'à' is 'µ' ...  A symbol glued to ASCII letters is its signature.
_TCVN3_SYMBOLS = "¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾"
_TCVN3_RE = re.compile(f"(?<=[^\\W\\d_])[{_TCVN3_SYMBOLS}]|[{_TCVN3_SYMBOLS}](?=[^\\W\\d_])")
# VNI writes a base vowel followed by a mark character ('Vieät' for 'Việt', 'ñ' for 'đ',
# 'öô' for 'ươ').
_VNI_RE = re.compile(
    "[aeiouyAEIOUY][øùûõïäåëüéèú]"
    "|[AEIOUY][ØÙÛÕÏÄÅËÜÉÈÚ]"
    "|(?<![^\\W\\d_])[ñÑ][aeiouAEIOUöÖôÔ]"
    "|[öÖ][ôÔ]"
)
_TCVN3_ANY = re.compile(f"[{_TCVN3_SYMBOLS}]")
_VNI_ANY = re.compile("[øûïäåëüñöØÛÏÄÅËÜÑÖ]")  # VNI mark characters that Vietnamese never uses
_GENUINE_VIET_RE = re.compile("[\u1ea0-\u1ef9ĂăƠơƯưĐđ]")


def detect_legacy_encoding(text: str, *, threshold: int = 3) -> str | None:
    """Return 'TCVN3' or 'VNI' when ``text`` reads like one of those legacy encodings.

    ``text`` is either bytes viewed as Latin-1 (for undecodable legacy files) or Unicode text
    that was produced by copying legacy-font text (both happen in the wild).  Genuine Vietnamese
    letters count against the verdict, so real Unicode text is never flagged.
    """
    sample = text[:200_000]
    # Cheap single-class scans first: most texts contain none of the tell-tale characters.
    tcvn = len(_TCVN3_RE.findall(sample)) if _TCVN3_ANY.search(sample) else 0
    vni = len(_VNI_RE.findall(sample)) if _VNI_ANY.search(sample) else 0
    if tcvn < threshold and vni < threshold:
        return None
    genuine = len(_GENUINE_VIET_RE.findall(sample))
    best, score = ("TCVN3", tcvn) if tcvn >= vni else ("VNI", vni)
    if score >= threshold and score > genuine:
        return best
    return None


def _legacy_error(kind: str) -> ReadError:
    name = "TCVN3 (ABC)" if kind == "TCVN3" else "VNI"
    return ReadError(
        f"legacy Vietnamese encoding {name} detected: the letters would come out wrong; "
        "convert the file to Unicode (UTF-8) first"
    )


def _looks_vietnamese_cp1258(text: str) -> bool:
    """True when Windows-1258-decoded text is Vietnamese rather than some other 8-bit text."""
    viet = distinct = foreign = good_marks = bad_marks = 0
    prev = ""
    for ch in text[:200_000]:
        o = ord(ch)
        if o < 0x80:
            prev = ch
            continue
        if ch in _TONE_MARKS:
            if prev in _VOWELS or unicodedata.normalize("NFD", prev)[:1] in _VOWELS:
                good_marks += 1
            else:
                bad_marks += 1
        elif ch in _CP1258_VIET:
            viet += 1
            distinct += ch in _CP1258_DISTINCT
        elif ch not in _NEUTRAL:
            foreign += 1
        prev = ch
    signals = good_marks + distinct
    if signals == 0:
        return False
    return bad_marks <= 0.05 * good_marks + 1 and foreign <= 0.05 * (viet + good_marks) + 1


# --------------------------------------------------------------------------- byte sniffing

_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\xd0\xcf\x11\xe0": "MS Office (OLE)",
    b"\x7fELF": "ELF executable",
}


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position, as ASCII does in UTF-16."""
    n = len(head) // 2
    if n < 2:
        return None
    even = head[0 : 2 * n : 2].count(0) / n
    odd = head[1 : 2 * n : 2].count(0) / n
    # Mostly-zero high bytes on one side only (NFD text puts a few zeros on the other side:
    # U+0300 is 00 03); _plausible_text later rejects binary data that happens to match.
    if odd >= 0.2 and even <= odd / 4:
        return "utf-16-le"
    if even >= 0.2 and odd <= even / 4:
        return "utf-16-be"
    return None


_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1A, 0x1B))


def _control_ratio(head: bytes) -> float:
    ctrl = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return ctrl / max(1, len(head))


def _binary_kind(head: bytes) -> str:
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return f"binary file ({kind} data), not text"
    return "binary file: contains NUL or control bytes, not text"


def _plausible_text(text: str) -> bool:
    """Guard for BOM-less UTF-16: binary data with a NUL pattern decodes to CJK or controls."""
    sample = text[:20_000]
    ok = sum(
        1
        for ch in sample
        if (ch >= " " or ch in "\t\n\r")
        and (ch <= "\u024f" or "\u0300" <= ch <= "\u036f" or "\u1e00" <= ch <= "\u1eff"
             or "\u2000" <= ch <= "\u20cf")
    )
    return ok >= 0.9 * len(sample)


def _decode_utf16(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3:
            raise ReadError(
                f"truncated UTF-16: the file ends inside a character (byte {e.start})"
            ) from None
        raise ReadError(f"undecodable: invalid UTF-16 at byte {e.start}") from None


def _decode_utf8(data: bytes, codec: str) -> tuple[str, tuple[str, ...]]:
    """Strict UTF-8, tolerating a handful of stray bytes in otherwise clean UTF-8 (with a warning)."""
    try:
        return data.decode(codec), ()
    except UnicodeDecodeError as e:
        first = e
    if first.reason == "unexpected end of data" and first.start >= len(data) - 3:
        raise ReadError(
            f"truncated UTF-8: the file ends inside a multi-byte character (byte {first.start});"
            " it was probably cut short"
        )
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) >= 0x80) - bad
    if multibyte >= 20 and bad * 200 <= multibyte:
        return text, (f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD",)
    raise ReadError(f"invalid UTF-8 at byte {first.start}")


def decode(data: bytes) -> Decoded:
    """Decode ``data`` to normalised text, saying which encoding was used; raise ReadError if unsure."""
    if not data:
        raise ReadError("empty file")
    head = data[:65536]
    warnings: tuple[str, ...] = ()
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "utf-32"
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError as e:
            raise ReadError(f"undecodable: invalid UTF-32 at byte {e.start}") from None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        text = _decode_utf16(data, "utf-16")
    elif data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
        text, warnings = _decode_utf8(data, "utf-8-sig")
    elif (codec := _utf16_without_bom(head)) is not None:
        encoding = codec
        text = _decode_utf16(data, codec)
        if not _plausible_text(text):
            raise ReadError(_binary_kind(head))
    elif b"\x00" in data or _control_ratio(head) > 0.1:
        raise ReadError(_binary_kind(head))
    else:
        try:
            text, warnings = _decode_utf8(data, "utf-8")
            encoding = "utf-8"
        except ReadError as utf8_error:
            if str(utf8_error).startswith("truncated"):
                raise
            try:
                text = data.decode("cp1258")
            except UnicodeDecodeError:
                text = ""
            if not text or not _looks_vietnamese_cp1258(text):
                # Not Windows-1258 Vietnamese: say so, naming TCVN3/VNI when their signature shows.
                legacy = detect_legacy_encoding(data[:200_000].decode("latin-1"), threshold=2)
                if legacy:
                    raise _legacy_error(legacy) from None
                raise ReadError(
                    f"undecodable: not UTF-8 ({utf8_error}), not UTF-16, and not Vietnamese "
                    "text in Windows-1258"
                ) from None
            encoding = "cp1258"
    text = normalize_text(text)
    if not text.strip():
        raise ReadError("empty file (only whitespace)")
    if encoding != "cp1258":
        legacy = detect_legacy_encoding(text)
        if legacy:
            raise _legacy_error(legacy)
    return Decoded(text, encoding, warnings)


def decode_bytes(data: bytes) -> str:
    """Decode a whole file to NFC text with \\n line endings; raise ReadError saying why not."""
    return decode(data).text
