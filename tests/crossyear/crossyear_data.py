"""Report pairs for the cross-year rules (RL505, RL506, RL509) and helpers to lint them.

Shipped pairs (samples/previous = last year's reports, samples/current = this year's):

- samples/previous/transport_qingshan_2022.txt: the 2022 report of 青山县交通运输局, the body of
  samples/good/qingshan_county_transport_2023.txt; its own wording, and figures that chain into 2023:
  四、结转下年度 2022 = 二、上年结转 2023 = 1 (自然人 1); 行政规范性文件 现行有效 14 + 2 − 1 = 15 (2023).
  The good 2023 report against it: no findings at all.
- samples/previous/town_baishui_2022.txt: the 2022 report of 青山县白水镇人民政府 (another body): nothing
  carried over, no normative documents made or repealed (2 in force).
- samples/current/copied_baishui_town_2023.txt: the town's 2022 report with every year moved on by one
  (the 东莞 2010 case, REFERENCE §6 item 6): RL506 only (its zero carry-over and unchanged counts still chain).
- samples/current/carry_over_qingshan_transport_2023.txt: the good 2023 report with 2 requests carried
  over (二, line 34) and 2 carried forward (四, line 57), the narrative to match: RL505 against 2022's 1.

The file names sort the two bodies in opposite orders in the two folders, so pairing by position fails.
"""

from __future__ import annotations

from pathlib import Path

from reportlint import LintOptions, lint_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
GOOD = SAMPLES / "good" / "qingshan_county_transport_2023.txt"
PREVIOUS_DIR = SAMPLES / "previous"
CURRENT_DIR = SAMPLES / "current"
TRANSPORT_2022 = PREVIOUS_DIR / "transport_qingshan_2022.txt"
TOWN_2022 = PREVIOUS_DIR / "town_baishui_2022.txt"
CARRY_OVER_2023 = CURRENT_DIR / "carry_over_qingshan_transport_2023.txt"
COPIED_TOWN_2023 = CURRENT_DIR / "copied_baishui_town_2023.txt"
CROSS_YEAR = ("RL505", "RL506", "RL509")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    """Replace `old` (which must occur exactly once) by `new`."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def next_year(text: str) -> str:
    """A report copied to the next year: every year (title, period, body, signature date) moved on by one."""
    return text.replace("2023年", "2024年").replace("2022年", "2023年").replace("2021年", "2022年")


def lines(text: str) -> list[str]:
    return text.split("\n")


def lint(current: str, previous: str | None, *codes: str, lang: str = "zh", rule_options: dict | None = None, path: str = "current.txt"):
    """Lint `current` against last year's report `previous`, with `codes` only (all rules when none)."""
    options = LintOptions(select=codes, lang=lang, rule_options=rule_options or {})
    return lint_text(current, path=path, options=options, previous=previous)


def found(result) -> list[str]:
    return [d.code for d in result.diagnostics]
