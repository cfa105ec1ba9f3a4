"""Careers of 20 much-named people against hand-checked posts (tests/careers).

The fixture (tests/careers/README.md) holds 12 corpus articles per person and the posts a
helper session wrote from reading them; ``score`` builds a graph of those 228 articles and
compares each person's career, as the CLI shows it by default (facts under the confidence
threshold hidden), with the gold:

- recall: the gold posts (not marked optional) the career shows;
- precision: the career's posts that are a gold post (optional ones included);
- traps: posts of someone else printed near the person (``wrong_traps``) the career shows.

People at odd positions of people.json are the tuning half (their misses may be read); those at
even positions are held out (read their figures only).

    python -m bench.careers            # figures per half
    python -m bench.careers --misses   # and the tuning half's misses
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.duplicates import agency_key
from graph import backend as q
from graph.ids import fold
from graph.ingest import build
from graph.store import NxStore
from graph.weigh import threshold

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "careers"


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    shown: int = 0
    right: int = 0
    traps: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.shown += other.shown
        self.right += other.right
        self.traps += other.traps
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.shown if self.shown else 1.0


def people() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((FIXTURE / "people.json").read_text(encoding="utf-8"))
    return data


def _title(t: str) -> str:
    return fold(t).removeprefix("nguyen ").strip()


def _agencies(post: dict[str, Any]) -> set[str] | None:
    if post.get("agency") is None:
        return None
    return {agency_key(a) for a in [post["agency"], *post.get("agency_aliases", [])]}


def _matches(gold: dict[str, Any], title: str, agency: str | None) -> bool:
    if _title(gold["title"]) != _title(title):
        return False
    names = _agencies(gold)
    return names is None or (agency is not None and agency_key(agency) in names)


def _agency_name(g: Any, p: q.Post) -> str | None:
    if p.agency is None:
        return None
    return str(g.nodes[p.agency.id].get("name") or p.agency.label)


def score_person(g: Any, person: dict[str, Any], min_confidence: float | None) -> Tally:
    t = Tally()
    pid = q.resolve(g, person["name"], ["Person"])
    posts = q.career(g, pid, min_confidence).posts if pid else []
    shown = [(p.title, _agency_name(g, p)) for p in posts]
    wanted = [x for x in person["posts"] if not x.get("optional")]
    t.gold = len(wanted)
    for x in wanted:
        if any(_matches(x, ti, ag) for ti, ag in shown):
            t.found += 1
        else:
            t.misses.append(f"{person['name']}: missing {x['title']} — {x.get('agency')}")
    for ti, ag in shown:
        t.shown += 1
        if any(_matches(x, ti, ag) for x in person["posts"]):
            t.right += 1
        else:
            trap = any(_matches(x, ti, ag) for x in person.get("wrong_traps", []))
            t.traps += trap
            t.misses.append(f"{person['name']}: shows {ti} — {ag}" + ("  (a trap)" if trap else ""))
    return t


def fixture_graph(work: Path) -> NxStore:
    """The graph of the fixture's articles (built in this process)."""
    store = NxStore(path=work / "careers.kg")
    build(store, [str(FIXTURE / "articles.jsonl.gz")], workers=1, progress=False)
    return store


def score(store: NxStore, min_confidence: float | None) -> dict[str, Tally]:
    """"tuning" and "held_out" tallies over the fixture's people."""
    out = {"tuning": Tally(), "held_out": Tally()}
    g = store.graph
    for i, person in enumerate(people()):
        out["tuning" if i % 2 else "held_out"].add(score_person(g, person, min_confidence))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--misses", action="store_true", help="print the tuning half's misses")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = fixture_graph(Path(tmp))
        for label, m in (("shown by default", threshold()), ("everything", None)):
            res = score(store, m)
            for half, t in res.items():
                print(f"{label:<17} {half:<9} recall {t.recall:.3f} ({t.found}/{t.gold})  "
                      f"precision {t.precision:.3f} ({t.right}/{t.shown})  traps shown {t.traps}")
            if args.misses and m is not None:
                print("\n".join("  " + x for x in res["tuning"].misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
