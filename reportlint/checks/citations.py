"""RL511 regulation-title: the regulation cited by a wrong title, or the 2007 text cited as in force."""

from __future__ import annotations

import re
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Span
from .examples import TITLE
from .positions import LinePositions

# how the regulation may be named: its title, the short forms reports define (以下简称《条例》)
_ACCEPTED = frozenset({"中华人民共和国政府信息公开条例", "政府信息公开条例", "条例"})
# a national-sounding regulation on disclosure: 《中华人民共和国…公开…条例》 or 《政府信息公开…条例》 (not a
# province's 《××省政府信息公开规定》, not the template 《…年度报告格式》)
_CITED = re.compile(r"《\s*((?:中华人民共和国)?\s*(?:政府|政务|行政)?\s*(?:信息)?\s*公开[^《》\n]{0,8}?条例)\s*》")
_NATIONAL = re.compile(r"^(?:中华人民共和国|政府信息公开|政务公开|信息公开|政府公开)")
_OLD_DECREE = re.compile(r"国务院令\s*第?\s*492\s*号")
# the 2007 text named as history, not as what applies: "2019年修订前的《条例》（国务院令第492号）"
_HISTORY = re.compile(r"修订|修改|原《|原条例|旧《|废止|2007年|二〇〇七年|此前|以前")
_SENTENCE = "。；;！？!?\n"
_IN_FORCE_FROM = 2019  # 国务院令第711号 revised the regulation on 2019-04-03, in force 2019-05-15


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, max(0, start - 300), start) for c in _SENTENCE) + 1
    rights = [i for i in (text.find(c, end, end + 300) for c in _SENTENCE) if i >= 0]
    return text[left:min(rights, default=end + 300)]


@rule(
    code="RL511",
    name="regulation-title",
    severity="error",
    summary_zh="所引条例名称有误（如《中华人民共和国政府信息公开工作条例》），或2019年以后的年报把2007年条例（国务院令第492号）当作现行依据",
    summary_en="the regulation cited by a wrong title (《中华人民共和国政府信息公开工作条例》), or a 2019+ report citing the 2007 text (国务院令第492号) as in force",
    explanation_zh=(
        "年度报告依据的是《中华人民共和国政府信息公开条例》：2007年4月5日国务院令第492号公布，2019年4月3日国务院令第711号修订，"
        "2019年5月15日起施行。名称中没有“工作”二字，“政务公开条例”“信息公开条例”等都不是它的名称；2019年及以后年度的报告"
        "应依据修订后的条例，把国务院令第492号作为现行依据引用，是沿用了旧稿。写明是修订前的历史（“修订”“原《条例》”“2007年”）不报告。"
    ),
    explanation_en=(
        "Reports rest on 《中华人民共和国政府信息公开条例》, promulgated by State Council Decree No. 492 on 5 April 2007, "
        "revised by Decree No. 711 on 3 April 2019, in force from 15 May 2019. Its title has no 工作, and 政务公开条例 or "
        "信息公开条例 are not its name. A report for 2019 or later rests on the revised text: citing Decree No. 492 as the "
        "basis copies an old draft. Mentions of the 2007 text as history (修订, 原《条例》, 2007年) are not reported."
    ),
    bad=TITLE + "根据《中华人民共和国政府信息公开工作条例》（以下简称《条例》）要求，编制本报告。\n一、总体情况\n……",
    good=TITLE + "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，编制本报告。\n一、总体情况\n……",
)
def regulation_title(doc: Document, ctx, options) -> Iterator[Finding]:
    text = doc.text[:200_000]
    position = LinePositions(text)
    for match in _CITED.finditer(text):
        name = re.sub(r"\s+", "", match.group(1))
        if name in _ACCEPTED or not _NATIONAL.match(name):
            continue
        line, column = position(match.start())
        yield Finding(
            Message(
                "条例名称有误：《{name}》应为《中华人民共和国政府信息公开条例》",
                "wrong title of the regulation: '《{name}》' should be '《中华人民共和国政府信息公开条例》'",
            ),
            Span(line, column, line, column + match.end() - match.start()),
            args={"name": name},
            expected="《中华人民共和国政府信息公开条例》",
            actual=f"《{name}》",
            fingerprint_text=f"title:{name}",
        )
    year = ctx.year.year
    if year is None or year < _IN_FORCE_FROM:
        return
    position = LinePositions(text)
    for match in _OLD_DECREE.finditer(text):
        if _HISTORY.search(_sentence(text, match.start(), match.end())):
            continue
        line, column = position(match.start())
        yield Finding(
            Message(
                "{year}年度报告引用了2007年的条例（国务院令第492号）：条例已于2019年修订（国务院令第711号），应依据修订后的条例",
                "the {year} report cites the 2007 regulation (Decree No. 492): it was revised in 2019 (Decree No. 711), "
                "the revised text applies",
            ),
            Span(line, column, line, column + match.end() - match.start()),
            args={"year": year},
            expected="国务院令第711号",
            actual=match.group(),
            fingerprint_text="decree-492",
        )
