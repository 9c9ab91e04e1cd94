"""Agglomerative grouping over sparse pair similarities: memory in items plus linked pairs.

Only pairs that may belong together (``stories.similarities`` keeps those that share
names) carry a similarity; every other pair counts as 0. Each group keeps the sums of
similarities to the groups it is linked to, and a heap holds the candidate merges, so a
day of items needs memory for its items and its linked pairs, not for every pair.

``average``: two groups' score is the mean similarity of their items across the two.
``centroid``: the cosine of their summed unit vectors, ``links / sqrt(self_a * self_b)``,
where a group's self-sum counts its items (1 each) and twice each pair inside it; a merge
also needs an ``average`` of at least ``floor``. ``attach_singles`` then gives the items
left alone a second chance against whole groups (their centroids), not single pairs.
"""

from __future__ import annotations

import heapq
import math


def agglomerate(
    n: int, pairs, linkage: str, threshold: float, floor: float = 0.0
) -> list[list[int]]:
    """Groups of ``range(n)``; ``pairs`` is ``((i, j, similarity), ...)`` with ``i != j``."""
    if linkage not in ("average", "centroid"):
        raise ValueError(f"unknown linkage {linkage!r}")
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, value in pairs:
        links[i][j] = links[i].get(j, 0.0) + value
        links[j][i] = links[j].get(i, 0.0) + value
    size = [1] * n
    self_sum = [1.0] * n
    members = [[i] for i in range(n)]
    version = [0] * n

    def score(a: int, b: int) -> float:
        average = links[a][b] / (size[a] * size[b])
        if linkage == "average":
            return average
        if average < floor:
            return -math.inf
        return links[a][b] / math.sqrt(self_sum[a] * self_sum[b])

    heap = [(-score(a, b), a, b, 0, 0) for a in range(n) for b in links[a] if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b, va, vb = heapq.heappop(heap)
        if va != version[a] or vb != version[b] or not members[a] or not members[b]:
            continue  # stale: one of the two has merged since
        if -negative < threshold:
            break
        self_sum[a] += self_sum[b] + 2 * links[a][b]
        size[a] += size[b]
        members[a] += members[b]
        members[b] = []
        del links[a][b], links[b][a]
        for c, value in links[b].items():
            links[a][c] = links[a].get(c, 0.0) + value
            del links[c][b]
            links[c][a] = links[a][c]
        links[b] = {}
        version[a] += 1
        version[b] += 1
        for c in links[a]:
            first, second = min(a, c), max(a, c)
            heapq.heappush(
                heap, (-score(first, second), first, second, version[first], version[second])
            )
    return sorted((sorted(m) for m in members if m), key=lambda m: m[0])


def attach_singles(groups: list[list[int]], vectors, allowed, related, threshold: float):
    """``groups`` with each allowed item left on its own moved into the group (of two or
    more) whose centroid (the sum of its rows of ``vectors``, unit rows) is closest to it,
    when that cosine reaches ``threshold`` and ``related(item, group)`` agrees. Singles
    are compared with the groups a block of rows at a time: memory stays linear in items."""
    import numpy as np
    from scipy import sparse

    several = [g for g in groups if len(g) > 1]
    singles = [g[0] for g in groups if len(g) == 1 and allowed[g[0]]]
    if not several or not singles:
        return groups
    centroids = sparse.vstack([sparse.csr_matrix(vectors[g].sum(axis=0)) for g in several])
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    centroids = (sparse.diags(1 / np.where(norms == 0, 1, norms)) @ centroids).T.tocsc()
    joined: dict[int, list[int]] = {}
    for start in range(0, len(singles), 256):
        block = singles[start : start + 256]
        cosines = np.asarray((vectors[block] @ centroids).todense())
        for row, item in enumerate(block):
            best = int(cosines[row].argmax())
            if cosines[row, best] >= threshold and related(item, several[best]):
                joined.setdefault(best, []).append(item)
    moved = {i for items in joined.values() for i in items}
    grown = {id(several[k]): sorted(several[k] + items) for k, items in joined.items()}
    out = [grown.get(id(g), g) for g in groups if not (len(g) == 1 and g[0] in moved)]
    return sorted(out, key=lambda m: m[0])
