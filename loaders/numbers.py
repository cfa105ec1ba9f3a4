"""Document numbers: find them in prose, normalise them, read their type and issuer codes.

Shapes (shared/domain/conventions.md §1): Party `39-CT/TW`, State legal `03/1999/NĐ-CP`,
`45/2019/QH14`, administrative `128/NQ-CP`, `1439/QĐ-BNV`, joint `01/2015/TTLT-BNV-BTC`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from loaders.vntext import DASHES, LEXICON_DIR

_D = f"[-{DASHES}]"
_CODE = r"[A-ZĐÐa-zđ][A-Za-zĐÐđ&]{0,11}\d{0,2}"
# Party: 39-CT/TW, 32-KH/BCSĐ, 18-CTr/TU, 39- CT/TW
PARTY = rf"(?P<pn>0*\d{{1,4}})\s?{_D}\s?(?P<pt>[A-ZĐa-zđ][A-Za-zĐđ]{{0,4}})\s?/\s?(?P<pi>{_CODE})"
# State: 03/1999/NĐ-CP, 45/2019/QH14, 128/NQ-CP, 1439/QĐ-BNV, 01/2015/TTLT-BNV-BTC
# (a dash misprinted for the first slash, "19-2017/NQ-CP" or "19- 2017/NQ-CP", is read when a
# year follows it, so the year is never taken for the number)
STATE = (
    rf"(?P<sn>0*\d{{1,5}})\s?(?:/\s?(?:(?P<sy>(?:19|20)\d\d)\s?/\s?)?|{_D}\s?(?P<sy2>(?:19|20)\d\d)\s?/\s?)"
    rf"(?P<st>{_CODE})(?:\s?{_D}\s?(?P<si>{_CODE}(?:{_D}{_CODE})*))?"
)
NUMBER_RE = re.compile(rf"(?<![\w/.-])(?:{PARTY}|{STATE})(?![\w/])")


@dataclass(frozen=True)
class DocNumber:
    printed: str        # as in the text
    normalized: str     # 39-CT/TW, 3/1999/NĐ-CP
    number: str         # leading number without zeros: "39"
    type_code: str | None   # CT, NĐ, ... (upper case, Đ kept)
    issuer_code: str | None  # TW, CP, BNV, QH14 ...
    year: str | None
    party: bool


# Codes written in mixed case by convention keep it (QĐ-TTg, 18-CTr/TU); others are upper case.
_MIXED_CASE = {"TTG": "TTg", "CTR": "CTr", "QYĐ": "QyĐ"}


# The National Assembly's code misprinted with an O ("22/2023/OH15"): no body's code is OH.
_QH_MISPRINT = re.compile(r"^OH(\d{1,2})$")


def _up(code: str | None) -> str | None:
    if code is None:
        return None
    parts = unicodedata.normalize("NFC", code).replace("Ð", "Đ").upper().split("-")
    return "-".join(_MIXED_CASE.get(p, _QH_MISPRINT.sub(r"QH\1", p)) for p in parts)


@lru_cache(maxsize=1)
def _codes() -> tuple[tuple[str, ...], frozenset[str]]:
    """Type codes (longest first) and issuer codes of instruments.toml, compared by code_key."""
    with open(LEXICON_DIR / "instruments.toml", "rb") as fh:
        raw = tomllib.load(fh)
    # (the table [type_codes] also holds the list non_instrument_codes: codes only, not lists)
    types = sorted({code_key(c) for c, kind in raw["type_codes"].items() if isinstance(kind, str)}, key=len, reverse=True)
    return tuple(types), frozenset(code_key(c) for c in raw["issuer_codes"])


def _split_fused(code: str) -> tuple[str, str] | None:
    """A type and an issuer code the copy printed without their dash ("NĐCP", "TTBYT")."""
    types, issuers = _codes()
    key = code_key(code)
    if key in issuers:
        return None
    for t in types:
        if key.startswith(t) and key[len(t) :] in issuers:
            return code[: len(t)], code[len(t) :]
    return None


def parse_number(m: re.Match[str]) -> DocNumber | None:
    """Turn a NUMBER_RE match into a DocNumber; None for shapes that are not documents."""
    printed = m.group(0)
    if m.group("pn"):
        num = str(int(m.group("pn")))
        tcode, icode = _up(m.group("pt")), _up(m.group("pi"))
        return DocNumber(printed, f"{num}-{tcode}/{icode}", num, tcode, icode, None, True)
    num = str(int(m.group("sn")))
    year = m.group("sy") or m.group("sy2")
    first, second = _up(m.group("st")), _up(m.group("si"))
    if second is None:
        # 45/2019/QH14 (law) or 4567/BNV (letter without unit): the only code is the issuer
        if year is None and not (len(first or "") >= 2 and any(c.isupper() for c in first or "")):
            return None  # "100/TTg" (before 1990 numbers had no year) is one; "3/x" is not
        tcode, icode = None, first
        if year and first and (fused := _split_fused(first)):
            tcode, icode = _up(fused[0]), _up(fused[1])    # "118/2025/NĐCP" is 118/2025/NĐ-CP
    else:
        tcode, icode = first, second
    parts = [num] + ([year] if year else []) + [f"{tcode}-{icode}" if tcode else str(icode)]
    return DocNumber(printed, "/".join(parts), num, tcode, icode, year, False)


def normalize_number(printed: str) -> str:
    """'39- CT/TW' -> '39-CT/TW', '04-KH/TW' -> '4-KH/TW'; text that is no number is returned cleaned."""
    m = NUMBER_RE.search(printed)
    if m:
        d = parse_number(m)
        if d:
            return d.normalized
    return re.sub(r"\s+", "", printed)


def code_key(code: str | None) -> str:
    """Compare codes with Đ typed as D and case ignored ('ND' = 'NĐ')."""
    return (code or "").upper().replace("Đ", "D")
