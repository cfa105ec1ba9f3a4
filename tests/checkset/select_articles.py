#!/usr/bin/env python3
"""Reproducible pick of the check-set articles from the 2017 baomoi corpus.

    python tests/checkset/select.py [--corpus PATH] [--seed 2017] [--write]

Keeps an article when its text is 1,500-8,000 characters long, mentions at least one
numbered instrument (Party `N-XX/TW`, `/TU`, decrees `N/YYYY/NĐ-CP`, `/QĐ-TTg`,
`/QĐ-UBND`, `/KH-UBND`) and names at least two State or Party officials by post and full name.
Near-duplicates (the same story from several outlets) are dropped by comparing
the sets of instrument numbers and personal names. Candidates are then drawn with a
fixed seed from themed buckets, in order, so that the set covers a Party inspection,
the National Assembly, provinces, line ministries and government acts:

    party_inspection 2, national_assembly 2, province 2, ministry 2, government 2, relation 2

(relation: a sentence where a cue such as "hướng dẫn thi hành" or "quy định chi tiết" links two
instruments, so that the relations category has something to find).

With --write, each pick's `text` is saved unchanged as articles/NNN_<id>.txt (NNN from 100).
Standard library only.
"""
import argparse
import gzip
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path("/work/shared/corpus/baomoi-2017.jsonl.gz")

INSTRUMENT = re.compile(
    r"\d+\s*-\s*(?:CT|NQ|KL|QĐ|KH|HD)/TW|\d+/\d{4}/NĐ-CP|\d+(?:/\d{4})?/QĐ-TTg"
    r"|\d+/QĐ-UBND|\d+/KH-UBND|\d+\s*-\s*[A-ZĐa-z]+/TU\b")
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Trương", "Lương", "Mai", "Tô", "Hà", "Lâm", "Trịnh", "Cao", "Lưu", "Thái", "Tạ", "Chu", "Đoàn", "Vương", "Triệu", "Quách", "Kiều", "Phùng", "La", "Nghiêm", "Tống", "Lại", "Giang", "Châu", "Thân", "Mạc", "Hứa", "Vi", "Lò", "Nông", "Lục", "Hầu", "Sùng", "Tòng", "Uông", "Viên", "Mẫn", "Thào"]
UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"
# a personal name: a common family name, then one to three capitalised syllables
NAME = r"(?:{})(?: [{}][a-zà-ỹđ]+){{1,3}}\b".format("|".join(FAMILY), UPPER)
NOT_A_NAME = re.compile(r"Hà (?:Nội|Nam|Tĩnh|Giang)|Thái (?:Bình|Nguyên)|Lâm Đồng|Cao Bằng|Hồ Chí Minh|Đoàn (?:Đại|Thanh)")
# a State or Party post (company posts such as "Giám đốc Công ty" do not count)
POST = re.compile(
    r"(?:Tổng Bí thư|(?:Phó )?Bí thư|(?:Phó )?Thủ tướng|(?:Thứ|Bộ) trưởng|(?:Phó )?Chủ nhiệm"
    r"|(?:Phó )?(?:Tổng cục|Cục|Vụ) trưởng|Thống đốc|Chánh án|Tổng Thanh tra|Chánh Thanh tra"
    r"|(?:Phó )?Chủ tịch (?:nước|Quốc hội|UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng|Thường trực)"
    r"|(?:Phó )?Giám đốc Sở|(?:Phó )?Trưởng ban|Trưởng đoàn)"
    r"[^.\n]{0,80}?(" + NAME + ")")
# two instruments linked by a relation cue ("Nghị định X ... hướng dẫn thi hành Luật Y")
INSTRUMENT_WORD = (r"(?:Nghị quyết|Chỉ thị|Kết luận|Quyết định|Nghị định|Thông tư|Kế hoạch|Quy định|Bộ luật|Luật"
                   r"|Hướng dẫn|Chương trình)")
LINKED = (INSTRUMENT_WORD + r"[^.;]{0,120}?(?:hướng dẫn thi hành|hướng dẫn thực hiện|quy định chi tiết"
          r"|sửa đổi, bổ sung một số điều của|thay thế|bãi bỏ|triển khai thực hiện|thực hiện|kế thừa)"
          r"\s+(?:\S+\s+){0,8}?" + INSTRUMENT_WORD + r"\b")
BUCKETS = [
    ("party_inspection", r"(?:Ủy|Uỷ) ban Kiểm tra|UBKT", 2),
    ("national_assembly", r"(?:Kỳ|kỳ) họp thứ|Ủy ban (?:Thường vụ Quốc hội|Pháp luật|Tư pháp|Kinh tế|Tài chính)|Đoàn giám sát", 2),
    ("province", r"UBND tỉnh|(?:Ủy|Uỷ) ban nhân dân tỉnh|Tỉnh (?:ủy|uỷ)|Sở [A-ZĐ]", 2),
    ("ministry", r"Bộ (?:Tài chính|Y tế|Công Thương|Giáo dục|Nông nghiệp|Tài nguyên|Giao thông|Xây dựng"
                 r"|Lao động|Thông tin|Văn hóa|Khoa học|Kế hoạch|Ngoại giao)", 2),
    ("government", r"\d+/\d{4}/NĐ-CP|\d+/QĐ-TTg", 2),
    ("relation", LINKED, 2),
]


def candidates(corpus):
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            text = art["text"]
            if not 1500 <= len(text) <= 8000 or not INSTRUMENT.search(text):
                continue
            names = {m.group(1) for m in POST.finditer(text)} - {""}
            names = {n for n in names if not NOT_A_NAME.match(n)}
            if len(names) < 2:
                continue
            numbers = {re.sub(r"\s", "", m.group(0)) for m in INSTRUMENT.finditer(text)}
            yield art, numbers | names


def pick(corpus, seed):
    pool = list(candidates(corpus))
    pool.sort(key=lambda a: a[0]["id"])
    rng = random.Random(seed)
    rng.shuffle(pool)
    chosen = []
    for bucket, pattern, k in BUCKETS:
        got = 0
        for art, sig in pool:
            if got == k:
                break
            if any(art["id"] == c[0]["id"] for c in chosen):
                continue
            if any(len(sig & s) / len(sig | s) > 0.3 for _, s, _ in chosen):
                continue  # same story as an earlier pick
            if pattern and not re.search(pattern, art["text"]):
                continue
            chosen.append((art, sig, bucket))
            got += 1
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--write", action="store_true", help="write articles/NNN_<id>.txt")
    args = ap.parse_args()
    report(pick(args.corpus, args.seed), HERE / "articles", 100, args.write)


def report(chosen, out, first_number, write):
    """List the picks (file name, bucket, length, title); with write, save each text unchanged."""
    for n, (art, _, bucket) in enumerate(chosen, first_number):
        name = f"{n:03d}_{art['id']}.txt"
        print(f"{name}\t{bucket:<18}\t{len(art['text']):5d}\t{art['title'][:80]}")
        if write:
            out.mkdir(exist_ok=True)
            (out / name).write_text(art["text"], encoding="utf-8")


if __name__ == "__main__":
    main()
