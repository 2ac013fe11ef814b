"""Findings where authors read them: a Word copy with 批注 at each finding (`docx_comments`) and,
for every format, a self-contained HTML view of the report with each finding marked in place (`view`).

`view_for_path(path, options)` lints a file and returns its result and its view: the one
implementation behind `reportlint annotate` for .txt/.md/.html/.pdf, the review page's per-file
links and the web service.
"""

from __future__ import annotations

from pathlib import Path

from .view import VIEW_POLICY, render_view

__all__ = ["VIEW_POLICY", "render_view", "view_for_path", "view_of_result"]


def view_of_result(result, options=None, rules=()) -> str:
    """The view of a file already linted (its `FileResult`): the file is read again for its text."""
    from ..lint import LintOptions, read_text
    from ..registry import all_rules

    options = options or LintOptions()
    text = None if result.status == "error" and any(d.code == "RL001" for d in result.diagnostics) else read_text(result.path, options)
    return render_view(text, result, tuple(rules) or all_rules() + options.extra_rules, lang=options.lang)


def view_for_path(path: str | Path, options=None, rules=()):
    """Lint `path` as `check` does (without `options`, its configuration is discovered) and return
    (result, view HTML)."""
    from ..lint import LintOptions, lint_path

    options = options if options is not None else LintOptions.from_config(path)
    result = lint_path(path, options)
    return result, view_of_result(result, options, rules)
