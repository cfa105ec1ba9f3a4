#!/usr/bin/env python3
"""Reproducible pick of the third and fourth check sets (tests/checkset3, tests/checkset4).

    python tests/checkset3/select_articles.py [--corpus PATH] [--seed 3003] [--write]
    python tests/checkset3/select_articles.py --seed 5005 --sets checkset5 checkset6 --write

Forty corpus articles, split once, in pick order: the 1st, 3rd, 5th ... go to tests/checkset3
(the tuning half, whose misses the rule author reads), the 2nd, 4th ... to tests/checkset4 (the
held-out half, of which the rule author reads only category figures).

Unlike the first two sets the pick does not demand a numbered instrument, so that it reaches what
the corpus is really made of: articles of 1,200-7,000 characters; "policy" buckets need a State or
Party official named by post and full name (the first set's pattern) and the bucket's own words;
the "other" bucket takes articles with no such official and no instrument number (sport, business,
culture, accidents ...), whose gold is nearly empty, so that precision on ordinary news is measured.
Articles of the earlier sets and near-duplicates of them or of each other are excluded (the
second set's test: instrument numbers and names overlapping above 0.3, or 15% of 6-grams shared).
The pool is shuffled with `random.Random(seed)` and filled bucket by bucket:

    party 4, national_assembly 4, government 4, ministry 6, province 6, inspection 4,
    court 2, history 2, other 8

With --write each pick's `text` is saved unchanged as articles/NNN_<id>.txt (NNN from 300 in
checkset3, 400 in checkset4). `--sets A B` picks a later pair the same way, each numbered from
a hundred times its own number (checkset5 from 500, checkset6 from 600), excluding the articles
of every set numbered below A (so that a later pair does not change the pick). Standard library only.
"""
import argparse
import gzip
import importlib.util
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


second = _load("checkset2_select", TESTS / "checkset2" / "select_articles.py")
first = second.first

BUCKETS = [
    ("party", r"Bộ Chính trị|Ban Bí thư|Tỉnh (?:ủy|uỷ)|Thành (?:ủy|uỷ)|Ban Thường vụ|Ban Tổ chức|Ban Tuyên giáo|Ban Dân vận", 4),
    ("national_assembly", r"Quốc hội|(?:Kỳ|kỳ) họp thứ|Đoàn ĐBQH|đại biểu Quốc hội|HĐND", 4),
    ("government", r"Thủ tướng|Phó Thủ tướng|Chính phủ|NĐ-CP|QĐ-TTg", 4),
    ("ministry", r"Bộ (?:Tài chính|Y tế|Công Thương|Giáo dục|Nông nghiệp|Tài nguyên|Giao thông|Xây dựng"
                 r"|Lao động|Thông tin|Văn hóa|Khoa học|Kế hoạch|Ngoại giao|Công an|Quốc phòng|Nội vụ|Tư pháp)"
                 r"|Tổng cục|Cục [A-ZĐ]", 6),
    ("province", r"UBND (?:tỉnh|TP|thành phố|huyện)|(?:Ủy|Uỷ) ban nhân dân|Sở [A-ZĐ]", 6),
    ("inspection", r"Thanh tra|(?:Ủy|Uỷ) ban Kiểm tra|UBKT|kỷ luật|tham nhũng|Kiểm toán", 4),
    ("court", r"Tòa án|TAND|Viện Kiểm sát|VKSND|xét xử", 2),
    ("history", r"năm 19[4-8]\d|kháng chiến|Chủ tịch Hồ Chí Minh|truyền thống|kỷ niệm \d+ năm", 2),
]
OTHER = ("other", 8)


def same_story(a, b):
    """The second set's near-duplicate test, safe for articles with no numbers or names."""
    (sa, ta), (sb, tb) = a, b
    return (bool(sa | sb) and len(sa & sb) / len(sa | sb) > 0.3) \
        or len(ta & tb) / max(1, min(len(ta), len(tb))) > 0.15
EXISTING = ("checkset", "checkset2")


def candidates(corpus):
    """(article, signature, has_official) for every article of the right length."""
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            text = art["text"]
            if not 1200 <= len(text) <= 7000:
                continue
            names = {m.group(1) for m in first.POST.finditer(text)} - {""}
            names = {n for n in names if not first.NOT_A_NAME.match(n)}
            numbers = {re.sub(r"\s", "", m.group(0)) for m in first.INSTRUMENT.finditer(text)}
            yield art, numbers | names, bool(names), bool(numbers)


def pick(corpus, seed, existing=EXISTING):
    pool = list(candidates(corpus))
    used = {p.stem.split("_", 1)[1] for d in existing for p in (TESTS / d / "articles").glob("*.txt")}
    earlier = [(s, second.shingles(a["text"])) for a, s, _, _ in pool if a["id"] in used]
    pool = [(a, s, off, num) for a, s, off, num in pool if a["id"] not in used]
    pool.sort(key=lambda a: a[0]["id"])
    random.Random(seed).shuffle(pool)
    chosen: list = []
    taken: list = list(earlier)

    def take(art, sig, bucket):
        key = (sig, second.shingles(art["text"]))
        if any(same_story(key, t) for t in taken):
            return False
        taken.append(key)
        chosen.append((art, sig, bucket))
        return True

    for bucket, pattern, k in BUCKETS:
        got = 0
        for art, sig, official, _ in pool:
            if got == k:
                break
            if official and not any(art["id"] == c[0]["id"] for c in chosen) and re.search(pattern, art["text"]):
                got += take(art, sig, bucket)
    bucket, k = OTHER
    got = 0
    for art, sig, official, numbered in pool:
        if got == k:
            break
        if not official and not numbered and not any(art["id"] == c[0]["id"] for c in chosen):
            got += take(art, sig, bucket)
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(first.CORPUS))
    ap.add_argument("--seed", type=int, default=3003)
    ap.add_argument("--write", action="store_true", help="write articles/NNN_<id>.txt")
    ap.add_argument("--sets", nargs=2, default=["checkset3", "checkset4"], metavar=("TUNING", "HELD_OUT"))
    args = ap.parse_args()
    tuning, held_out = args.sets
    def number(name: str) -> int:
        return int(name[len("checkset"):] or 1)
    existing = EXISTING if args.sets == ["checkset3", "checkset4"] else tuple(
        d.name for d in sorted(TESTS.glob("checkset*"))
        if (d / "articles").is_dir() and (d.name == "checkset" or d.name[len("checkset"):].isdigit())
        and number(d.name) < number(tuning))
    chosen = pick(args.corpus, args.seed, existing)
    for name, half in ((tuning, chosen[0::2]), (held_out, chosen[1::2])):
        first.report(half, TESTS / name / "articles", 100 * number(name), args.write)


if __name__ == "__main__":
    main()
