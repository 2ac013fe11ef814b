"""Reading a template table: align the printed pieces (tablepieces.py) to the template's rows.

The template fixes the rows, in order, and the number of columns. A reading gives each row a
block of consecutive pieces: label fragments before, after or around exactly one row's worth of
figures. A dynamic programme picks the cheapest reading, where cost comes from how well a block's
fragments spell its row's label, from figures no row takes and from rows read without figures.
Costs are data-independent: figures never decide which row a label belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .labels import normalise, similarity
from .tablepieces import FIGURE, LABEL, SOFT, WORD, Piece
from .templates import TableSpec

SKIP_LABEL = 0.3  # a fragment no row takes (headers, page titles, half of a split group label)
SKIP_FIGURE = 1.0  # a figure no row takes
SKIP_SOFT = 0.001  # a blank that may be filler: free, but a row takes the first blanks rather than the last
LABEL_ONLY = 0.2  # a data row printed without figures (less than leaving it out and skipping its label)
NO_LABEL = 1.0  # figures with no label at all (a labelled table), on top of what skipping them would cost
UNREAD = 1.0  # the unlabelled row (表四) not read at all: more than counting its blank cells
OMIT = 0.1  # a data row not printed (excerpts and short tables leave rows out)
LABEL_WEIGHT = 1.0  # a label that does not spell its row at all costs this, plus what skipping the figures would
SHORT = 0.5  # a row with fewer figures than columns (plus 0.1 per missing figure): less than skipping one
WIDE = 1.0  # figures beyond the template's columns on the row's line
SOFT_CELL = 0.02  # a blank cell that may be filler, counted as a cell
SPLIT_LINE = 3.0  # a row boundary between two figures of one line
BEFORE = 0.05  # figures printed before the label (the usual order is label, then figures)
PACKED = 0.5  # one run of digits read as the whole row
GROUP_FIGURES = 0.5  # a group row (（六）其他处理) printed as one row with figures
WEAK = 0.5  # a block whose label scores below this did not name its row
_MAX_LABELS = 24  # fragments in one block (a group label printed one character per line)
_BEAM = 5.0


@dataclass(frozen=True, slots=True)
class Block:
    """Template row `row` read from pieces: `labels` and `cells` are indexes into the pieces."""

    row: int
    labels: tuple[int, ...]
    cells: tuple[int, ...]  # one per column, in order (fewer for a short row; one for a packed row)
    extra: int  # figures beyond the template's columns
    packed: bool  # one run of digits (`7000007`) standing for the whole row
    exact: bool  # the label matched without a typo
    score: float  # how well the fragments spell the label: 1 exact, <= 0 not at all


@dataclass(frozen=True, slots=True)
class Alignment:
    blocks: tuple[Block, ...]
    stray: tuple[int, ...]  # figures inside the table that no row took
    cost: float


@dataclass(frozen=True, slots=True)
class _Run:
    """Figures from one start: where they end, which pieces are cells, how many extra."""

    end: int
    cells: tuple[int, ...]
    extra: int
    soft: tuple[int, ...]  # lines of the SOFT pieces counted as cells
    split: bool  # stops between two figures of one line


class _Labels:
    """How well label fragments spell each template row's label."""

    def __init__(self, spec: TableSpec) -> None:
        self.full = [normalise(row.label) for row in spec.rows]
        self.short = [normalise(row.label.partition("（区分")[0]) for row in spec.rows]
        self.group = [row.kind == "group" for row in spec.rows]
        # a group row printed as one row with figures stands for all its sub-rows: the next row after them
        self.after = []
        for j, row in enumerate(spec.rows):
            k = j + 1
            descendants = {row.id}
            while k < len(spec.rows) and spec.rows[k].parent in descendants:
                descendants.add(spec.rows[k].id)
                k += 1
            self.after.append(k)
        # the labels of a row's groups (三、本年度办理结果, （四）无法提供): glued to the row, they say nothing against it
        by_id = {row.id: row for row in spec.rows}
        self.ancestors: list[frozenset[str]] = []
        for row in spec.rows:
            names: set[str] = set()
            parent = row.parent
            while parent in by_id:
                names.add(normalise(by_id[parent].label))
                parent = by_id[parent].parent
            self.ancestors.append(frozenset(names))

    def fragment(self, key: str, j: int) -> tuple[float, bool]:
        """Characters of `key` that belong to row j's label (negative when they do not), and whether by likeness only."""
        return _fragment(key, self.full[j], self.short[j])

    def score(self, keys: Sequence[str], j: int) -> tuple[float, bool]:
        """A block's label score for row j (1 = the label exactly) and whether it matched without a typo."""
        full, short = self.full[j], self.short[j]
        if self.ancestors[j]:
            keys = [key for key in keys if key not in self.ancestors[j]] or list(keys)
        joined = "".join(keys)
        # one fragment may carry a note or unit after the label (`（二）部分公开（区分…）`, `行政许可（件）`)
        if joined == full or joined == short or (len(keys) == 1 and len(short) >= 4 and joined.startswith(short) and len(joined) - len(short) <= 8):
            return 1.0, True
        total = 0.0
        exact = True
        for key in keys:
            part, fuzzy = self.fragment(key, j)
            total += part
            exact = exact and not fuzzy
        return max(-1.0, total / max(len(short), len(joined))), exact


@lru_cache(maxsize=65536)
def _fragment(key: str, full: str, short: str) -> tuple[float, bool]:
    if key in full:
        return float(len(key)), False
    if len(key) >= 4 and 2 * min(len(key), len(short)) >= 0.75 * (len(key) + len(short)):
        ratio = max(similarity(key, short), similarity(key, full))
        if ratio >= 0.75:
            return len(key) * ratio * 0.9, True
    return -float(len(key)), False


def _runs(pieces: Sequence[Piece], q: int, width: int, counted: bool) -> _Run | None:
    """Exactly `width` cells from q on (fewer if the figures stop), then extra figures on the last line.

    A WORD is a cell only first in the run, straight after a label on its line (`行政许可 | 若干`)."""
    cells: list[int] = []
    soft: list[int] = []
    i = q
    n = len(pieces)
    while i < n and len(cells) < width:
        kind = pieces[i].kind
        if kind == LABEL or (kind == WORD and not (i == q and q > 0 and pieces[q - 1].kind == LABEL and not pieces[q].starts_line)):
            break
        if kind in (FIGURE, WORD) or counted:
            cells.append(i)
            if kind == SOFT:
                soft.append(pieces[i].row)
        i += 1
    if not cells:
        return None
    extra = 0
    last_line = pieces[cells[-1]].row
    while i < n and pieces[i].kind == FIGURE and not pieces[i].starts_line and pieces[i].row == last_line:
        extra += 1
        i += 1
    split = i < n and pieces[i].kind == FIGURE and not pieces[i].starts_line
    return _Run(i, tuple(cells), extra, tuple(soft), split)


def _packable(pieces: Sequence[Piece], q: int, width: int) -> bool:
    """A lone run of digits as long as the row has columns: figures printed without separators."""
    piece = pieces[q]
    if width < 2 or piece.kind != FIGURE or not piece.text.isdigit() or len(piece.text) < width:
        return False
    after = q + 1
    return after >= len(pieces) or pieces[after].kind != FIGURE or pieces[after].starts_line


def align(pieces: Sequence[Piece], spec: TableSpec) -> Alignment:
    """The cheapest reading of `pieces` as table `spec` (rows may be absent before and after)."""
    return _row_by_row(pieces, spec) or _programme(pieces, spec)


_LABELS: dict[int, _Labels] = {}  # templates are loaded once per process


def _labels_for(spec: TableSpec) -> _Labels:
    if id(spec) not in _LABELS:
        _LABELS[id(spec)] = _Labels(spec)
    return _LABELS[id(spec)]


def _row_by_row(pieces: Sequence[Piece], spec: TableSpec) -> Alignment | None:
    """The common case, read directly: every printed line is a row's exact label (a group label may
    stand before it) and exactly one row's cells, in template order. The programme would read it
    the same at cost 0; anything else (a wrap, a typo, a short row, stray figures) goes to it."""
    labels = _labels_for(spec)
    width = len(spec.columns)
    if not any(row.label for row in spec.rows):
        return None
    keys = {}
    for j, (full, short) in enumerate(zip(labels.full, labels.short)):
        keys.setdefault(full, j)
        keys.setdefault(short, j)
    blocks: list[Block] = []
    next_row = 0
    i, n = 0, len(pieces)
    while i < n:
        k = i
        while k < n and pieces[k].row == pieces[i].row:
            k += 1
        line = range(i, k)
        names = [x for x in line if pieces[x].kind == LABEL]
        cells = [x for x in line if pieces[x].kind != LABEL]
        hard = [x for x in cells if pieces[x].kind in (FIGURE, WORD)]
        if not hard:
            if any(pieces[x].key in keys for x in names):
                return None  # a label without figures on its line: wrapped or detached, the programme's
            i = k
            continue
        rows = [keys.get(pieces[x].key) for x in names]
        if not names or None in rows or names[-1] > cells[0]:
            return None
        if any(pieces[x].kind == WORD for x in cells[1:]):
            return None
        for j in rows[:-1]:  # group labels glued before the row's own
            if j < next_row or not labels.group[j]:
                return None
            blocks.append(Block(j, (names[rows.index(j)],), (), 0, False, True, 1.0))
            next_row = j + 1
        j = rows[-1]
        if j < next_row or labels.group[j]:
            return None
        lead_soft = [x for x in cells if pieces[x].kind == SOFT and cells.index(x) < cells.index(hard[0])]
        if lead_soft and len(hard) < width:
            return None
        taken = [x for x in cells if x >= hard[0]][:width]
        if len(taken) != width or any(pieces[x].kind == FIGURE for x in cells if x > taken[-1]):
            return None
        blocks.append(Block(j, (names[-1],), tuple(taken), 0, False, True, 1.0))
        next_row = j + 1
        i = k
    return Alignment(tuple(blocks), (), 0.0) if blocks else None


def _programme(pieces: Sequence[Piece], spec: TableSpec) -> Alignment:
    labels = _labels_for(spec)
    width = len(spec.columns)
    rows = len(spec.rows)
    unlabelled = not any(row.label for row in spec.rows)
    m = len(pieces)
    runs: dict[tuple[int, bool], _Run | None] = {}

    def run(q: int, counted: bool) -> _Run | None:
        if (q, counted) not in runs:
            runs[q, counted] = _runs(pieces, q, width, counted)
        return runs[q, counted]

    label_end = [0] * (m + 1)  # first non-label piece at or after p
    label_end[m] = m
    for p in range(m - 1, -1, -1):
        label_end[p] = label_end[p + 1] if pieces[p].kind == LABEL else p

    # states[p]: {row j: (cost, previous (p, j), block or None, skipped piece or None)}
    states: list[dict[int, tuple]] = [dict() for _ in range(m + 1)]
    states[0] = {0: (0.0, None, None, None)}  # rows before the first printed one are left out (OMIT each)

    def relax(p: int, j: int, cost: float, back, block, skipped) -> None:
        old = states[p].get(j)
        if old is None or cost < old[0] - 1e-9:
            states[p][j] = (cost, back, block, skipped)

    # taking figures under a label that does not name the row must cost more than leaving them unread
    weight = SKIP_FIGURE * width + LABEL_WEIGHT
    named_by: dict[int, frozenset[int]] = {}

    def names(i: int) -> frozenset[int]:
        """The rows whose label fragment i is part of (or whose group it names). A block none of
        whose fragments names its row costs more than skipping it, so it is never tried."""
        if i not in named_by:
            key = pieces[i].key
            named_by[i] = frozenset(j for j in range(rows) if labels.fragment(key, j)[0] > 0 or key in labels.ancestors[j])
        return named_by[i]

    near_by: dict[int, frozenset[int]] = {}

    def near(p: int) -> frozenset[int]:
        """The rows named by the fragments a block starting at p can hold: its own, those after its figures."""
        if p not in near_by:
            found: set[int] = set()
            lead_end = min(label_end[p], p + _MAX_LABELS)
            for i in range(p, lead_end):
                found |= names(i)
            if lead_end < m:
                ends = [r.end for r in (run(lead_end, False), run(lead_end, True)) if r is not None]
                if _packable(pieces, lead_end, width):
                    ends.append(lead_end + 1)
                for end in ends:
                    for i in range(end, min(label_end[end], end + _MAX_LABELS)):
                        found |= names(i)
            near_by[p] = frozenset(found)
        return near_by[p]

    def label_cost(j: int, keys: list[str]) -> tuple[float, float, bool]:
        if unlabelled:
            return SKIP_LABEL * len(keys), 1.0, True
        if not keys:
            return weight + NO_LABEL, 0.0, True
        score, exact = labels.score(keys, j)
        return weight * (1.0 - score), score, exact

    for p in range(m + 1):
        frontier = states[p]
        if not frontier:
            continue
        best = min(v[0] for v in frontier.values())
        for j in range(min(frontier), rows + 1):  # ascending, so that rows left out at p are taken up at p
            if j not in frontier:
                continue
            cost = frontier[j][0]
            if cost > best + _BEAM:
                continue
            here = (p, j)
            if j < rows:  # row j is not printed (or its label was folded into a neighbour's)
                relax(p, j + 1, cost + (0.0 if labels.group[j] else UNREAD if unlabelled else OMIT), here, None, None)
            if p == m:
                continue
            piece = pieces[p]
            _, back, block_in, skipped_in = frontier[j]
            if back is not None and back[0] == p and block_in is None and skipped_in is None:
                # reached by leaving a row out here: skipping on from it equals skipping first, then leaving
                # the row out (one canonical order keeps the states linear in the pieces)
                pass
            else:
                skip = SKIP_LABEL if piece.kind in (LABEL, WORD) else SKIP_FIGURE if piece.kind == FIGURE else SKIP_SOFT * (1 + piece.starts_line)
                relax(p + 1, j, cost + skip, here, None, p)
            if j == rows:
                continue
            if not unlabelled and j not in near(p):
                continue  # no fragment a block from p could hold names row j
            is_group = labels.group[j]
            lead_end = min(label_end[p], p + _MAX_LABELS)
            lead = list(range(p, lead_end))
            # label only: a group row's own line, or a data row printed without figures
            lead_named = [False] * (len(lead) + 1)
            for a, i in enumerate(lead, start=1):
                lead_named[a] = lead_named[a - 1] or (not unlabelled and j in names(i))
            if not unlabelled:
                for a in range(1, len(lead) + 1):
                    if not lead_named[a]:
                        continue
                    keys = [pieces[i].key for i in lead[:a]]
                    lc, score, exact = label_cost(j, keys)
                    extra_cost = 0.0 if is_group else LABEL_ONLY
                    relax(p + a, j + 1, cost + lc + extra_cost, here, Block(j, tuple(lead[:a]), (), 0, False, exact, score), None)
            if unlabelled and lead:
                continue  # the unlabelled row is figures only: skip the fragments first
            q = lead_end if len(lead) < _MAX_LABELS else None
            if q is None or q >= m:
                continue
            starts_mid_line = not lead and not pieces[q].starts_line and q > 0 and pieces[q - 1].kind == FIGURE
            if starts_mid_line and not unlabelled:
                continue  # a row boundary inside a line of figures under labels: never the cheapest reading
            options: list[tuple[_Run, float, bool]] = []
            for counted in (False, True):
                found = run(q, counted)
                if found is None or (counted and (not found.soft or not (lead or unlabelled))):
                    continue  # blank cells count only after the row's label
                # a blank cell of the row's own line is a cell; one on a line of its own may be filler
                own = pieces[p].row
                penalty = SOFT_CELL * sum(1 for line in found.soft if line != own) + (SPLIT_LINE if found.split else 0.0) + (WIDE if found.extra else 0.0)
                if len(found.cells) < width:
                    penalty += SHORT + 0.1 * (width - len(found.cells))
                options.append((found, penalty, False))
            if _packable(pieces, q, width):
                options.append((_Run(q + 1, (q,), 0, (), False), PACKED, True))
            for found, penalty, packed in options:
                if starts_mid_line:
                    penalty += SPLIT_LINE
                if is_group:
                    if len(found.cells) < width:
                        continue
                    penalty += GROUP_FIGURES
                tail_end = min(label_end[found.end], found.end + _MAX_LABELS - len(lead)) if not unlabelled else found.end
                named = lead_named[len(lead)]
                for end in range(found.end, tail_end + 1):
                    if end > found.end:
                        named = named or j in names(end - 1)
                    if not (named or unlabelled):
                        continue
                    keys = [pieces[i].key for i in lead] + [pieces[i].key for i in range(found.end, end)]
                    lc, score, exact = label_cost(j, keys)
                    if not lead and end > found.end:
                        lc += BEFORE  # figures before their label: only when the label after says so
                    if is_group and score < WEAK:
                        continue  # a group row stands for its sub-rows only when its label says so
                    block = Block(j, tuple(lead) + tuple(range(found.end, end)), found.cells, found.extra, packed, exact, score)
                    relax(end, labels.after[j] if is_group else j + 1, cost + lc + penalty, here, block, None)
    final = states[m]
    j = min(final, key=lambda k: final[k][0])
    total = final[j][0]
    blocks: list[Block] = []
    skipped: list[int] = []
    state = (m, j)
    while state is not None:
        _, back, block, skip = states[state[0]][state[1]]
        if block is not None:
            blocks.append(block)
        if skip is not None and pieces[skip].kind == FIGURE:
            skipped.append(skip)
        state = back
    blocks.reverse()
    skipped.reverse()
    return Alignment(tuple(blocks), _inside(skipped, blocks), total)


def _inside(skipped: list[int], blocks: list[Block]) -> tuple[int, ...]:
    """Skipped figures between the first and the last piece any row took, or right after it."""
    taken = [i for block in blocks for i in (*block.labels, *block.cells)]
    if not taken:
        return ()
    first, last = min(taken), max(taken)
    return tuple(i for i in skipped if first < i)  # past the end too: the table's own figures, unplaced
