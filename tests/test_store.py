"""The run's results on disk (ResultStore) and the output written piece by piece (jsonstream, chunks).

Together they keep the parent's memory flat on bulk runs; neither may change a byte of the output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint import lint_path
from reportlint.formats import MODULES, chunks, render
from reportlint.formats.jsonstream import Lazy
from reportlint.formats.jsonstream import chunks as json_chunks
from reportlint.registry import all_rules
from reportlint.store import ResultStore

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def results():
    return [lint_path(path) for path in sorted((SAMPLES / "bad").glob("RL*"))[:12] + sorted((SAMPLES / "good").glob("*.txt"))]


def test_results_put_in_any_order_come_back_in_input_order(results):
    store = ResultStore(len(results))
    for index in reversed(range(len(results))):
        store.put(index, results[index])
    assert list(store) == results and len(store) == len(results)
    assert [r.path for r in store] == [r.path for r in results]  # walked again: renderers walk more than once


def test_two_walks_at_once_do_not_disturb_each_other(results):
    store = ResultStore.of(results)
    pairs = [(a.path, b.path) for a, b in zip(store, store)]
    nested = [(a.path, b.path) for a in store for b in list(store)[:1]]
    assert pairs == [(r.path, r.path) for r in results]
    assert nested == [(r.path, results[0].path) for r in results]


def test_a_file_without_a_result_is_skipped():
    store = ResultStore(3)
    results = [lint_path(SAMPLES / "good" / name) for name in sorted(p.name for p in (SAMPLES / "good").glob("*.txt"))[:1]]
    store.put(2, results[0])
    assert list(store) == results and len(store) == 1


@pytest.mark.parametrize("name", sorted(MODULES))
def test_each_format_writes_the_same_bytes_from_the_store_and_in_pieces(results, name):
    rules = all_rules()
    for lang in ("zh", "en"):
        whole = render(name, results, rules, lang)
        assert "".join(chunks(name, ResultStore.of(results), rules, lang)) == whole
        assert render(name, [], rules, lang) == "".join(chunks(name, ResultStore(0), rules, lang))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


def _lazy(value, choices):
    """The same value with some of its lists made Lazy (as the formats do with a run's files)."""
    if isinstance(value, list):
        items = [_lazy(item, choices) for item in value]
        return Lazy(iter(items)) if choices.draw(st.booleans()) else items
    if isinstance(value, dict):
        return {key: _lazy(item, choices) for key, item in value.items()}
    return value


@given(json_values, st.sampled_from([2, None, 1]), st.data())
def test_json_in_pieces_is_json_dumps(value, indent, data):
    expected = json.dumps(value, ensure_ascii=False, indent=indent) if indent else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert "".join(json_chunks(_lazy(value, data), indent)) == expected
