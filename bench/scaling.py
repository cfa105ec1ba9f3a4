"""Extraction time against input size for hostile text: python -m bench.scaling [--sizes 1,4,16,64]

Each input repeats one short piece of text until it reaches the size (in MB of UTF-8): one line
with no sentence end, short lines, a list of names, numbers and dates, units after units, a random
mix of the rules' own words, and HTML nested deep (written three ways: "<div>", "<div/>" and
"<div title='<'>").  The table gives seconds and MB/s per size and, between each two sizes, the
exponent of growth, log(time ratio) / log(size ratio): about 1 is linear, 2 quadratic, whatever
the steps.  A benchmark, not a test: figures depend on the machine.  ``--cap S`` stops a kind once
one size has taken longer than S seconds (the next would take at least as long again).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Callable

from loaders.extract import extract
from loaders.readers import source_from_text

MB = 1_000_000

_PHRASES = ("Bộ Nội vụ Bộ trưởng Thứ trưởng Chỉ thị số 39-CT/TW Nghị định 12/2017/NĐ-CP Luật Đất đai "
          "ngày 5/6/2017 hội nghị chủ trì Nguyễn Văn An Lê Vĩnh Tân ông bà UBND tỉnh Nam Định Sở Y tế "
          "Ban Bí thư Quyết định thay thế sửa đổi bãi bỏ hướng dẫn thực hiện Chính phủ Thủ tướng Phó "
          "Chủ tịch Vụ trưởng Vụ Tổ chức , . ( ) : “ ” –")
_WORDS = _PHRASES.split()


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return unit * max(1, size // len(unit.encode()))
    return make


def _mix(size: int) -> str:
    rng = random.Random(7)
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(_WORDS)
        out.append(w)
        n += len(w.encode()) + 1
    return " ".join(out)


_OFFICIAL_HEAD = ("BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                  "Số: 01/2017/TT-BNV\nHà Nội, ngày 5 tháng 6 năm 2017\nTHÔNG TƯ\nQuy định chi tiết\n")

# name -> text of about ``size`` bytes (the HTML one is read by the HTML reader, the rest as .txt)
KINDS: dict[str, Callable[[int], str]] = {
    "post line": _repeat("Thứ trưởng Bộ Nội vụ Trần Văn B "),
    "short lines": _repeat("Thứ trưởng Bộ Nội vụ Trần Văn B phát biểu tại hội nghị.\n"),
    "names list": _repeat("ông Nguyễn Văn An, Lê Văn Bình, "),
    "numbers": _repeat("39-CT/TW 12/2017/NĐ-CP 5/6/2017 Nghị quyết 27-NQ/TW Quyết định 123/QĐ-TTg "),
    "units": _repeat("Vụ Tổ chức cán bộ, Cục Quản lý giá (Bộ Tài chính), Sở Y tế tỉnh Nam Định, "),
    "events": _repeat("Sáng 5/6/2017, Bộ Nội vụ tổ chức hội nghị triển khai Chỉ thị 39-CT/TW. "),
    "word mix": _mix,
    "official": lambda size: _OFFICIAL_HEAD + _repeat(
        "Căn cứ Nghị định số 12/2017/NĐ-CP ngày 5/6/2017 của Chính phủ quy định chức năng của Bộ Nội vụ;\n")(size),
    "official line": lambda size: _OFFICIAL_HEAD + _repeat(
        "Điều 1. Thay thế Quyết định số 123/QĐ-TTg; Giám đốc Sở Y tế, Thủ trưởng các cơ quan chịu trách nhiệm thi hành. ")(size),
    "html nested": lambda size: "<html><body>" + "<div>" * (size // 11) + "<p>Bộ Nội vụ</p>" + "</div>" * (size // 11),
    "html div/": lambda size: "<html><body>" + "<div/>" * (size // 6) + "<p>Bộ Nội vụ</p>",
    "html quoted": lambda size: "<html><body>" + '<div title="<">' * (size // 16) + "<p>Bộ Nội vụ</p>",
}


def run_once(kind: str, size: int) -> tuple[float, int]:
    """Seconds to read (HTML) and extract one input of the kind, and its UTF-8 size."""
    text = KINDS[kind](size)
    t = time.perf_counter()
    extract(source_from_text(text, name="hostile", kind="html" if kind.startswith("html") else "auto"))
    return time.perf_counter() - t, len(text.encode())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,4,16,64", help="sizes in MB, comma-separated (default 1,4,16,64)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="which inputs (default all)")
    ap.add_argument("--cap", type=float, default=120.0, help="stop a kind after a size slower than this (s)")
    args = ap.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"{'input':<14}" + "".join(f"{s:>8g} MB" for s in sizes) + "   MB/s at largest   exponent")
    for kind in args.kinds.split(","):
        cells: list[str] = []
        times: list[tuple[float, int]] = []
        for s in sizes:
            if times and times[-1][0] > args.cap:
                cells.append(f"{'-':>11}")
                continue
            times.append(run_once(kind, int(s * MB)))
            cells.append(f"{times[-1][0]:>10.2f}s")
            print(f"\r{kind:<14}" + "".join(cells), end="", file=sys.stderr, flush=True)
        growth = [math.log(b[0] / a[0]) / math.log(b[1] / a[1])
                  for a, b in zip(times, times[1:], strict=False) if a[0] > 0 and b[0] > 0]
        last = times[-1]
        print(f"\r{kind:<14}" + "".join(cells) + f"   {last[1] / MB / last[0]:>8.2f}"
              + "   " + " ".join(f"{g:.2f}" for g in growth), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
