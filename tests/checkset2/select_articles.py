#!/usr/bin/env python3
"""Reproducible pick of the held-out check set (tests/checkset2) from the 2017 baomoi corpus.

    python tests/checkset2/select_articles.py [--corpus PATH] [--seed 4242] [--write]

Reuses the filter of tests/checkset/select_articles.py (1,500-8,000 characters, a numbered
instrument, at least two State or Party officials named by post and full name, near-duplicates
dropped by overlap of instrument numbers and names) with two changes:

* the instrument pattern is wider: any `N/YYYY/TYPE-ISSUER` or `N/TYPE-ISSUER` of a decree,
  resolution, decision, circular, directive, plan, conclusion, notice or instruction, laws
  `N/YYYY/QH13`, and Party numbers of any issuer (`N-XX/TU`, `N-XX/BCSĐ` ...), so that ministries,
  provinces and the National Assembly are reached through their own instruments;
* the relation cue list adds "căn cứ", "sửa đổi, bổ sung" and "hướng dẫn", and the linking
  instrument may not be a bill or draft (its links are optional in the gold, see the README).

Articles already in tests/checkset/articles are excluded, and so are near-duplicates of them
and of each other (the same story from another outlet): either the overlap of instrument numbers
and names used by the first script, or more than 15% of the shorter text's word 6-grams shared. The pool is shuffled with `random.Random(4242)` and
filled bucket by bucket, rarest first:

    party_inspection 1, relation 3, national_assembly 1, government_meeting 1, province 2, ministry 2

With --write each pick's `text` is saved unchanged as articles/NNN_<id>.txt (NNN from 200).
Standard library only.
"""
import argparse
import importlib.util
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_DIR = HERE.parent / "checkset"
_spec = importlib.util.spec_from_file_location("checkset1_select", FIRST_DIR / "select_articles.py")
first = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first)

first.INSTRUMENT = re.compile(
    first.INSTRUMENT.pattern
    + r"|\d+/(?:\d{4}/)?(?:NĐ|NQ|QĐ|TT|TTLT|CT|KH|KL|TB|HD)\s*-\s*[A-ZĐ][A-Za-zĐđ]*"
    + r"|\d+/\d{4}/QH1[2-4]|\d+\s*-\s*(?:CT|NQ|KL|QĐ|KH|HD|TB|QC)/[A-ZĐ]+")
CUE = (r"(?:hướng dẫn thi hành|hướng dẫn thực hiện|hướng dẫn|quy định chi tiết|sửa đổi, bổ sung(?: một số điều của)?"
       r"|thay thế|bãi bỏ|triển khai thực hiện|thực hiện|kế thừa|căn cứ|Căn cứ)")
W = first.INSTRUMENT_WORD
# the source must not be a bill ("dự án Luật sửa đổi ...", "dự thảo Nghị quyết"): links from bills are
# optional in the gold, so they would leave the relations category empty
NOT_BILL = r"(?<!dự án )(?<!dự thảo )(?<!Tờ trình )"
GAP = r"(?:(?!dự án|dự thảo)[^.;])"
LINKED = (NOT_BILL + W + GAP + r"{0,120}?" + CUE + r"\s+(?:\S+\s+){0,8}?" + W + r"\b"
          r"|Căn cứ\s+" + W + GAP + r"{0,200}?\b" + W + r"\b")
BUCKETS = [
    ("party_inspection", r"(?:Ủy|Uỷ) ban Kiểm tra|UBKT|kỷ luật đảng|thi hành kỷ luật", 1),
    ("relation", LINKED, 3),
    ("national_assembly", r"Quốc hội|(?:Kỳ|kỳ) họp thứ|Đoàn giám sát", 1),
    ("government_meeting", r"(?:Phó )?Thủ tướng[^.]{0,80}chủ trì|[Pp]hiên họp (?:thường kỳ )?Chính phủ", 1),
    ("province", r"UBND (?:tỉnh|TP|thành phố)|(?:Ủy|Uỷ) ban nhân dân (?:tỉnh|thành phố)|Tỉnh (?:ủy|uỷ)|HĐND|Sở [A-ZĐ]", 2),
    ("ministry", r"Bộ (?:Tài chính|Y tế|Công Thương|Giáo dục|Nông nghiệp|Tài nguyên|Giao thông|Xây dựng"
                 r"|Lao động|Thông tin|Văn hóa|Khoa học|Kế hoạch|Ngoại giao|Công an|Quốc phòng)", 2),
]


def shingles(text, n=6):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def same_story(a, b):
    """a, b: (signature, shingles). Same instruments and names, or much shared wording."""
    (sa, ta), (sb, tb) = a, b
    return len(sa & sb) / len(sa | sb) > 0.3 or len(ta & tb) / max(1, min(len(ta), len(tb))) > 0.15


def pick(corpus, seed):
    pool = list(first.candidates(corpus))
    used = {p.stem.split("_", 1)[1] for p in (FIRST_DIR / "articles").glob("*.txt")}
    first_set = [(s, shingles(a["text"])) for a, s in pool if a["id"] in used]
    pool = [(a, (s, shingles(a["text"]))) for a, s in pool if a["id"] not in used]
    pool = [(a, k) for a, k in pool if not any(same_story(k, u) for u in first_set)]
    pool.sort(key=lambda a: a[0]["id"])
    random.Random(seed).shuffle(pool)
    chosen = []
    for bucket, pattern, k in BUCKETS:
        got = 0
        for art, sig in pool:
            if got == k:
                break
            if any(art["id"] == c[0]["id"] for c in chosen):
                continue
            if any(same_story(sig, s) for _, s, _ in chosen):
                continue  # same story as an earlier pick
            if not re.search(pattern, art["text"]):
                continue
            chosen.append((art, sig, bucket))
            got += 1
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(first.CORPUS))
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--write", action="store_true", help="write articles/NNN_<id>.txt")
    args = ap.parse_args()
    first.report(pick(args.corpus, args.seed), HERE / "articles", 200, args.write)


if __name__ == "__main__":
    main()
