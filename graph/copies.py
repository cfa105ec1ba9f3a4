"""Near-duplicate sources: a syndicated story printed by five papers is one witness, not five.

Each source gets a 64-bit SimHash of its text (character 12-grams of the folded text) when its
facts are made (graph/merge.py); two sources whose hashes differ in at most ``MAX_DISTANCE`` bits
are copies of one text (a repost with a changed headline, a lead cut, a byline or a line of
related links added keeps nearly every 12-gram).  Groups are found over the whole graph at weighing time (graph/weigh.py), so
adding or removing a source never leaves a stale group behind.

Why SimHash and not MinHash (datasketch): one integer per source is all the graph file has to
keep (MinHash needs 128), and the pigeonhole index below finds every pair within
``MAX_DISTANCE`` bits exactly, without the probabilistic misses of banded LSH.

>>> a = "Sáng 5/2, Thủ tướng Nguyễn Xuân Phúc chủ trì hội nghị trực tuyến với các địa phương " * 3
>>> distance(text_simhash(a), text_simhash("Tin mới: " + a)) <= MAX_DISTANCE
True
>>> b = "Chiều 6/2, Bộ Y tế họp báo công bố kết quả kiểm tra an toàn thực phẩm dịp Tết " * 3
>>> distance(text_simhash(a), text_simhash(b)) > MAX_DISTANCE
True
>>> text_simhash("quá ngắn") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

from loaders.vntext import ascii_letters

SHINGLE = 12           # characters per shingle, of the folded text reduced to letters, digits and spaces
KEEP = 4               # one shingle in KEEP is kept (by its hash, so the same ones in every copy)
MIN_CHARS = 200        # shorter texts (a headline, a caption) get no hash: too little to compare
MAX_DISTANCE = 6       # bits; 7 bands of 9-10 bits find every pair this close (pigeonhole)
_BANDS = ((0, 10), (10, 19), (19, 28), (28, 37), (37, 46), (46, 55), (55, 64))
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_MASK = (1 << 64) - 1
_P = np.uint64(0x100000001B3)
_M1, _M2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)


def text_simhash(text: str) -> int | None:
    """The SimHash of ``text``'s character 12-grams (folded: case and marks do not count); None if short.

    Characters, not words: the rolling hash runs over the bytes in a dozen numpy steps, about
    50 µs for an article, where hashing each word in Python took ten times that.
    """
    if len(text) < MIN_CHARS:
        return None
    flat = _NOT_WORD.sub(" ", ascii_letters(text).lower()).strip().encode("ascii")
    n = len(flat) - SHINGLE + 1
    if len(flat) < MIN_CHARS:
        return None
    b = np.frombuffer(flat, dtype=np.uint8).astype(np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint64)
        for k in range(SHINGLE):
            h = h * _P + b[k:k + n]
        h ^= h >> np.uint64(33)         # murmur's finaliser: every input bit reaches every output bit
        h *= _M1
        h ^= h >> np.uint64(33)
        h *= _M2
        h ^= h >> np.uint64(33)
    h = h[(h & np.uint64(KEEP - 1)) == 0]
    if len(h) == 0:
        return None
    bits = np.unpackbits(h.view(np.uint8).reshape(len(h), 8), axis=1, bitorder="little")
    ones = bits.sum(axis=0, dtype=np.int64)
    value = 0
    for i in np.flatnonzero(ones * 2 > len(h)):
        value |= 1 << int(i)
    return value & _MASK


def simhash_text(value: int | None) -> str | None:
    """The hash as stored on a Source node: 16 hex digits (Neo4j and GraphML hold no uint64)."""
    return None if value is None else f"{value:016x}"


def distance(a: int, b: int) -> int:
    """Bits in which two hashes differ."""
    return (a ^ b).bit_count()


def copy_groups(hashes: Mapping[str, int | None]) -> dict[str, str]:
    """Source id -> the id that stands for its group of copies (the smallest id in the group);
    groups are linked through pairs, so A~B and B~C make one group even if A and C are further apart.

    Sources without a hash, or with no copy, are their own group and are left out of the map.
    Pairs are found band by band: two hashes within ``MAX_DISTANCE`` bits agree exactly on at
    least one of the seven bands, so only sources sharing a band value are compared (numpy,
    a bucket at a time).
    """
    ids = sorted(s for s, h in hashes.items() if h is not None)
    if len(ids) < 2:
        return {}
    values = np.array([hashes[s] for s in ids], dtype=np.uint64)
    parent = list(range(len(ids)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for lo, hi in _BANDS:
        band = (values >> np.uint64(lo)) & np.uint64((1 << (hi - lo)) - 1)
        order = np.argsort(band, kind="stable")
        cuts = np.flatnonzero(np.diff(band[order])) + 1
        for bucket in np.split(order, cuts):
            if len(bucket) < 2:
                continue
            v = values[bucket]
            near = np.bitwise_count(v[:, None] ^ v[None, :]) <= MAX_DISTANCE
            for i, j in zip(*np.nonzero(np.triu(near, 1)), strict=True):
                ra, rb = root(int(bucket[i])), root(int(bucket[j]))
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return {ids[i]: ids[root(i)] for i in range(len(ids)) if root(i) != i}
