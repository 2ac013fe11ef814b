"""Properties of the upload boundary: whatever a name is, it never leads out of the request's folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.serve.uploads import plain_name, safe_member_path

PARTS = st.sampled_from(["..", ".", "", "a", "报告", "C:", "c:", "\\", "/", "x\\..", "..\\", " ", "~", "a b", "\x00", "%2e%2e"])
NAMES = st.one_of(st.lists(PARTS, max_size=8).map("/".join), st.lists(PARTS, max_size=8).map("\\".join), st.text(max_size=40))


@settings(derandomize=True, max_examples=400, deadline=None)
@given(NAMES)
def test_member_paths_stay_inside(name):
    path = safe_member_path(name)
    if path is None:
        return
    root = Path("/srv/data/tmp/upload-x")
    target = (root / path).resolve()
    assert target.is_relative_to(root) and target != root
    assert ".." not in path.parts and not path.is_absolute() and "\x00" not in str(path)
    assert not PurePosixPath(str(path)).parts[0].endswith(":") or len(PurePosixPath(str(path)).parts[0]) > 2


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.one_of(NAMES, st.none()))
def test_plain_names_are_one_harmless_file_name(name):
    base = plain_name(name)
    assert base and "/" not in base and "\\" not in base and "\x00" not in base and base.strip(".")
    assert len(base) <= 150
