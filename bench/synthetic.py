"""A synthetic corpus N times the real one, for scale: python -m bench.synthetic OUT.jsonl.gz [--times 10]

Copy 0 of each article is the article; copy i > 0 is the article with its people renamed (each
given-name syllable after a family name replaced through a shuffle of the syllables, one shuffle
a copy) and its documents renumbered (the number before "/" or "-" of a code shifted), under a
new id.  So the copies name new people and new instruments in the real sentences around them, and
the graph grows as a bigger corpus would, not by repeating facts.  The copies of an article
follow one another, so the first N articles of the file (``python -m bench --extract-limit N``)
hold every copy, not copy 0 alone.  Then ``python -m bench OUT`` measures it like the real one.

What the copies are not: independent articles.  Their text is the original's but for the names
and numbers, so most are within the SimHash distance of graph/copies.py and are counted as copies
of one source (a sample of 299: 262), and an article with no name or number to change is copied
unchanged (43%).  The figures measure size (nodes, links, evidence, time, memory), not support.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

from bench.extract_bench import CORPUS
from loaders.lexicon import get_lexicon
from loaders.vntext import UPPER, fold

_NUMBER = re.compile(r"(?<![\d/])(\d{1,5})(?=(?:/\d{4})?[/-][A-ZĐ])")


def _name_pattern() -> re.Pattern[str]:
    families = "|".join(sorted(get_lexicon().family_names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{families})((?:\s+[{UPPER}][^\W\d_]*){{1,3}})")


def _syllables(path: Path, pattern: re.Pattern[str], sample: int = 4000) -> list[str]:
    """The given-name syllables of the first ``sample`` articles (what the shuffles permute)."""
    seen: dict[str, None] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= sample:
                break
            for m in pattern.finditer(json.loads(line).get("text") or ""):
                seen.update(dict.fromkeys(m.group(1).split()))
    return sorted(seen)


def copy_text(text: str, copy: int, pattern: re.Pattern[str], shuffle: dict[str, str]) -> str:
    """Copy ``copy`` of one article's text: people renamed (not places: "Hồ Chí Minh"), documents
    renumbered."""
    if copy == 0:
        return text
    places = get_lexicon().places

    def rename(m: re.Match[str]) -> str:
        if any(fold(" ".join(m.group(0).split()[:k])) in places for k in (2, 3, 4)):
            return m.group(0)
        given = re.sub(r"\S+", lambda w: shuffle.get(w.group(0), w.group(0)), m.group(1))
        return m.group(0)[:m.start(1) - m.start()] + given

    text = pattern.sub(rename, text)
    return _NUMBER.sub(lambda m: str((int(m.group(1)) + 7919 * copy) % 100_000), text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="the synthetic archive to write (.jsonl.gz)")
    ap.add_argument("--times", type=int, default=10, help="how many times the real corpus (default 10)")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--seed", type=int, default=2017)
    args = ap.parse_args(argv)
    pattern = _name_pattern()
    syllables = _syllables(Path(args.corpus), pattern)
    rng = random.Random(args.seed)
    shuffles = []
    for _ in range(args.times):
        perm = syllables[:]
        rng.shuffle(perm)
        shuffles.append(dict(zip(syllables, perm, strict=True)))
    t0, n, size = time.perf_counter(), 0, 0
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=3) as out, \
            gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            original = json.loads(line)
            for copy in range(args.times):
                rec = dict(original)
                if copy:
                    rec["id"] = f"{original.get('id')}~{copy}"
                    rec["text"] = copy_text(original.get("text") or "", copy, pattern, shuffles[copy])
                    rec["title"] = copy_text(original.get("title") or "", copy, pattern, shuffles[copy])
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
                size += len((rec.get("text") or "").encode())
            if i % 5000 == 0:
                print(f"{i} articles read, {n} written, {size / 1e6:.0f} MB of text, "
                      f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    print(f"{args.out}: {n} articles, {size / 1e6:.0f} MB of text ({len(syllables)} syllables shuffled)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
