"""Texts whose cost once grew with the square of their size (issue 12), shared by tests/fuzz and
bench/: each `SHAPES[name](n)` is a report-like text with n repetitions of the hostile part."""

from __future__ import annotations

from typing import Callable

TITLE = "某某局2023年政府信息公开工作年度报告\n"
BODY = "一、总体情况\n"

SHAPES: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: TITLE + " " * n + "x\n",  # _MD_SEP tried every split of the blanks
    "tabs": lambda n: TITLE + "\t" * n + "x\n",
    "heading-blanks": lambda n: TITLE + "一、" + " " * n + "x\n",  # the headings' "ends in figures" look-ahead
    "figures": lambda n: TITLE + BODY + "说明" + " 1" * n + " x\n",  # context._ROW_LINE (\s[0-9]+){3,}$
    "placeholders": lambda n: TITLE + BODY + "XX科" * n + "\n",  # patterns._scan compared each match with every earlier one
    "entities": lambda n: TITLE + BODY + "&nbsp;" * n + "\n",
    "headings": lambda n: TITLE + BODY * n,  # RL104 searched doc.blocks once per heading
    "suppression-names": lambda n: TITLE + "<!-- reportlint-disable " + " ".join(f"X{i}" for i in range(n)) + " -->\n" + BODY,
}
