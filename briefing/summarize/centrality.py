"""Section-aware centrality, after HipoRank (Dong et al. 2021), on the document's own TF-IDF.

A sentence matters when what it says is said again elsewhere. Two graphs measure that:

- **within its section**: its cosine to the other sentences of its section, counting only
  those no nearer a section boundary than itself (``boundary_distance``): an edge gives its
  weight to the end nearer the section's start or end, where writers state their point;
- **across sections**: its cosine to the mean of each section (the "section node"), counting
  only sections no nearer the document's start or end than its own: the introduction and
  the conclusion are credited for what the middle sections develop, not the reverse.

Both are sums over sparse cells, sorted once, so a 5,000-sentence document costs a few
numpy passes (no dense sentence-by-sentence matrix). Each is scaled to at most 1.
"""

from __future__ import annotations

from briefing.summarize.vectors import TfIdf


def boundary_distance(index, size):
    """How far each item is from the nearer end of its run of ``size`` items (0 at both ends)."""
    import numpy as np

    return np.minimum(index, np.maximum(size - 1 - index, 0))


def within_sections(vectors: TfIdf, owner, position, size):
    """Each sentence's mean cosine to the sentences of its section that lie no nearer a boundary.

    ``owner``, ``position`` and ``size`` give, per sentence, its section, its index in the
    section and the section's sentence count.
    """
    import numpy as np

    n = vectors.n
    if n == 0 or len(vectors.rows) == 0:
        return np.zeros(n)
    distance = boundary_distance(position, size)
    rows, cols, weights = vectors.rows, vectors.cols, vectors.weights
    section, far = owner[rows], distance[rows]
    # Cells grouped by (section, term), farthest from the boundary first: a running sum then
    # gives, for each cell, the term's weight summed over the sentences at least as far.
    order = np.lexsort((-far, cols, section))
    s_section, s_col, s_far = section[order], cols[order], far[order]
    running = np.cumsum(weights[order])
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = (s_section[1:] != s_section[:-1]) | (s_col[1:] != s_col[:-1])
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))
    before_group = np.where(group_start > 0, running[group_start - 1], 0.0)
    # Sentences tied in distance see each other: take the sum at the end of each tie run.
    new_run = new_group.copy()
    new_run[1:] |= s_far[1:] != s_far[:-1]
    run_id = np.cumsum(new_run) - 1
    run_last = np.append(np.flatnonzero(new_run)[1:] - 1, len(order) - 1)
    at_least_as_far = np.empty(len(order))
    at_least_as_far[order] = running[run_last[run_id]] - before_group
    dot = np.bincount(rows, weights=weights * at_least_as_far, minlength=n)
    self_similarity = np.bincount(rows, weights=weights**2, minlength=n)
    score = (dot - self_similarity) / np.maximum(1, size - 1)
    return _scaled(score)


def across_sections(vectors: TfIdf, owner, sections: int):
    """Each sentence's mean cosine to the sections no nearer the document's ends than its own.

    The sections counted for a sentence are those whose distance to the nearer end is at
    least its own section's, so walking the distances from the middle outwards, one running
    sum of section means serves every sentence at that distance: one pass over the cells,
    one vector of the vocabulary's width (no sentence-by-section matrix, and no scipy, which
    would cost the default summary a tenth of a second to import).
    """
    import numpy as np

    n = vectors.n
    if sections < 2 or n == 0:
        return np.zeros(n)
    members = np.bincount(owner, minlength=sections)
    place = boundary_distance(np.arange(sections), sections)
    cell_owner = owner[vectors.rows]
    share = vectors.weights / members[cell_owner]  # each cell's part of its section's mean
    order = np.argsort(-place[cell_owner], kind="stable")  # middle sections first
    cell_place = place[cell_owner][order]
    rows, cols, weights, share = (
        vectors.rows[order],
        vectors.cols[order],
        vectors.weights[order],
        share[order],
    )
    ends = np.flatnonzero(np.diff(cell_place)) + 1
    counted = np.zeros(vectors.width)  # sum of the means of the sections counted so far
    dots = np.zeros(n)
    for start, end in zip([0, *ends], [*ends, len(order)]):
        cells = slice(start, end)
        np.add.at(counted, cols[cells], share[cells])
        dots += np.bincount(rows[cells], weights=weights[cells] * counted[cols[cells]], minlength=n)
    own_norm = np.bincount(vectors.rows, weights=vectors.weights**2, minlength=n)
    dots -= own_norm / members[owner]  # not its own similarity
    return _scaled(dots / max(1, int((members > 0).sum())))


def _scaled(score):
    top = score.max() if len(score) else 0.0
    return score / top if top > 0 else score
