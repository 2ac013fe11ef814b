"""Codes the engine itself reports; declared here so `rules` and `explain` describe them."""

from __future__ import annotations

from ..api import rule
from ..suppress import UNUSED_SUPPRESSION  # noqa: F401 - RL003, reported while applying suppression comments

UNREADABLE = rule(
    code="RL001",
    name="unreadable-file",
    severity="error",
    summary_zh="文件无法读取（编码无法识别、格式不支持、文件损坏或过大）",
    summary_en="file cannot be read (undecodable, unsupported format, corrupt or too large)",
    explanation_zh=(
        "reportlint 只有先把文件读成文字才能检查。无法解码的字节、二进制文件、不支持的格式都会得到 RL001，"
        "并说明应如何处理（例如另存为 UTF-8 文本或 .docx）。其余文件照常检查。"
    ),
    explanation_en=(
        "reportlint must turn a file into text before it can check it. Undecodable bytes, binary files and "
        "unsupported formats get RL001 with what to do about it (e.g. save as UTF-8 text or .docx). "
        "The other files are still checked."
    ),
    bad="（一个把 Excel 表格改名为 .txt 的文件：含 NUL 字节的二进制内容）",
    good="以 UTF-8 或 GB18030 编码保存的 .txt 文本",
    requires_report=False,
)(None)

RULE_CRASHED = rule(
    code="RL002",
    name="rule-crashed",
    severity="error",
    summary_zh="某条规则在此文件上出错（内部错误，已隔离，其他规则照常运行）",
    summary_en="a rule crashed on this file (internal error, isolated; the other rules still ran)",
    explanation_zh=(
        "规则代码抛出异常时，reportlint 不会中断：该规则在此文件上的结果记为 RL002，其他规则和其他文件照常检查。"
        "这是 reportlint 或插件的缺陷，请附上文件报告问题。"
    ),
    explanation_en=(
        "When a rule raises, reportlint does not stop: that rule's result for the file becomes RL002 and the other "
        "rules and files are still checked. It is a bug in reportlint or a plugin; please report it with the file."
    ),
    bad="（插件规则在空表格上抛出 ZeroDivisionError）",
    good="（规则对任何输入都能给出结论）",
    requires_report=False,
)(None)
