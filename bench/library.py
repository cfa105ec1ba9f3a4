"""A library of official texts with the news corpus (not a test): what lineage the graph then holds.

    python -m bench.library DATASET_DIR [--corpus PATH | --no-corpus] [--limit N] [--workers N]
    python -m bench.library --scaling


DATASET_DIR is the folder ``src/etl/dataset/`` of the public crawl tnt305/tai_lieu_noi_bo (its
pages of a legal database and other documents); only its files whose names begin with 0, 1, 3, 4,
5 or 6 are read, the others being kept for independent measurement.  The news corpus
(../shared/corpus/baomoi-2017.jsonl.gz) is ingested with it unless ``--no-corpus``.  Printed: how
many files were read as official texts and as legal-database pages, the lineage links between
instruments by type (and how many an official text states), the instruments whose status the
links derive (amended, replaced, repealed, succeeded) and the ones carrying a database's table.
Figures depend on the inputs; nothing is asserted.

``--scaling`` prints how the parse of one official text grows with its size: a preamble of one
"Căn cứ" line wrapped over N physical lines (each naming two acts, one amending the other) and
a body of N repealing items; time should double when N doubles.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bench.graph_bench import CORPUS, LINEAGE_TYPES
from graph.ingest import build
from graph.queries import node_status
from graph.schema import load_schema
from graph.store import NxStore
from loaders.model import SourceText
from loaders.official import parse_official

PERMITTED = tuple("013456")


def permitted_files(dataset: Path, limit: int | None = None) -> list[Path]:
    """The dataset's files that may be read here (names beginning 0, 1, 3, 4, 5 or 6)."""
    files = sorted(p for p in dataset.iterdir() if p.is_file() and p.name.startswith(PERMITTED)
                   and p.suffix in (".md", ".txt", ".html", ".htm"))
    return files[:limit] if limit else files


_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 12/2025/QĐ-UBND\nHà Tĩnh, ngày 3 tháng 5 năm 2025\n\n"
           "QUYẾT ĐỊNH\nVề việc bãi bỏ một số quyết định\n\nỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n\n")


def synthetic_text(n: int, part: str) -> str:
    """An official text whose preamble or body holds ``n`` rows naming acts."""
    if part == "preamble":
        rows = "\n".join(f"Quyết định số {i}/2020/QĐ-UBND được sửa đổi, bổ sung bởi Quyết định số {i}/2021/QĐ-UBND và"
                         for i in range(1, n + 1))
        return f"{_HEADER}Căn cứ {rows} Luật số 72/2025/QH15;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành.\n"
    rows = "\n".join(f"{i}. Bãi bỏ Quyết định số {i}/2020/QĐ-UBND ngày 1/2/2020 của Ủy ban nhân dân tỉnh Hà Tĩnh."
                     for i in range(1, n + 1))
    return f"{_HEADER}Căn cứ Luật số 72/2025/QH15;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Bãi bỏ các quyết định sau:\n{rows}\n"


def scaling(sizes: tuple[int, ...] = (1000, 2000, 4000, 8000)) -> None:
    print(f"{'rows':>6} {'preamble s':>11} {'bases':>6} {'body s':>8} {'links':>6}")
    for n in sizes:
        row = [f"{n:6d}"]
        for part in ("preamble", "body"):
            text = synthetic_text(n, part)
            start = time.perf_counter()
            ot = parse_official(SourceText(source_id=part, name=part, path=part, text=text))
            row += [f"{time.perf_counter() - start:{11 if part == 'preamble' else 8}.2f}",
                    f"{len(ot.bases) if part == 'preamble' else len(ot.links):6d}"]
        print(" ".join(row))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", type=Path, nargs="?")
    ap.add_argument("--scaling", action="store_true", help="how one text's parse grows with its size")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="read only the first N dataset files")
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    if args.scaling:
        scaling()
        return
    if args.dataset is None:
        ap.error("DATASET_DIR is needed (or --scaling)")

    files = permitted_files(args.dataset, args.limit)
    paths = [str(p) for p in files] + ([] if args.no_corpus else [str(args.corpus)])
    store = NxStore()
    start = time.perf_counter()
    summary = build(store, paths, workers=args.workers, progress=True)
    took = time.perf_counter() - start
    g = store.graph

    sources = [d for _, d in g.nodes(data=True) if d.get("type") == "Source"]
    instruments = [(n, d) for n, d in g.nodes(data=True) if d.get("type") == "Instrument"]
    official = [n for n, d in instruments if d.get("authority")]
    with_table = [n for n, d in instruments if d.get("db_record")]
    by_type: Counter[str] = Counter()
    stated_by_official: Counter[str] = Counter()
    for u, _, data in g.edges(data=True):
        if data.get("type") in LINEAGE_TYPES:
            by_type[data["type"]] += 1
            if g.nodes[u].get("authority"):
                stated_by_official[data["type"]] += 1
    statuses: Counter[str] = Counter()
    default = load_schema().status_default
    for n, _ in instruments:
        state = node_status(g, n).state
        if state != default:
            statuses[state] += 1

    print(f"dataset files read: {len(files)} (names 0,1,3,4,5,6) + {'no corpus' if args.no_corpus else args.corpus.name}")
    print(f"sources in the graph: {len(sources)}; failed: {len(summary.failed)}; ingest {took:.1f} s")
    print(f"instruments: {len(instruments)}; with their own official text: {len(official)}; "
          f"with a legal database's table: {len(with_table)}")
    print("lineage links between instruments (all / from the instrument's own official text):")
    for t in LINEAGE_TYPES:
        print(f"  {t:10s} {by_type[t]:7d} / {stated_by_official[t]:7d}")
    print(f"  {'total':10s} {sum(by_type.values()):7d} / {sum(stated_by_official.values()):7d}")
    print(f"instruments with a derived status: {sum(statuses.values())} "
          + ", ".join(f"{k} {v}" for k, v in statuses.most_common()))


if __name__ == "__main__":
    main()
