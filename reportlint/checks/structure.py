"""Is it a report, which template applies, and are the template's sections there, once, in order."""

from __future__ import annotations

from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Heading, Paragraph, Span, Table
from ..sections import SectionMatch
from ..tables import PAGE_MARKER
from .examples import SIX_SECTIONS, TITLE

_RL101_GOOD = TITLE + SIX_SECTIONS
_RL101_BAD = _RL101_GOOD.replace("三、收到和处理政府信息公开申请情况\n（表三）\n", "")


@rule(
    code="RL004",
    name="not-a-report",
    severity="error",
    summary_zh="不是政府信息公开工作年度报告（无可识别的标题或部分）",
    summary_en="not an annual information-disclosure report (no recognisable title or sections)",
    explanation_zh=(
        "年度报告应以“××××年政府信息公开工作年度报告”为题，或至少包含模板规定六个部分中的三个。"
        "两者都没有的文件（工作方案、通知、其他文件）不按年报检查，其他规则不再运行。"
    ),
    explanation_en=(
        "An annual report is titled '…年政府信息公开工作年度报告' or has at least three of the template's six "
        "sections. A file with neither (a work plan, a notice) is not checked as a report; no other rule runs on it."
    ),
    bad="局政务公开实施方案\n一、指导思想\n……\n二、公开原则\n……",
    good="青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n……",
    requires_report=False,
)
def not_a_report(doc: Document, ctx, options) -> Iterator[Finding]:
    if not ctx.is_report:
        first = next((n for n, line in enumerate(doc.lines, 1) if line.strip()), 1)
        text = doc.line(first).strip()
        start = len(doc.line(first)) - len(doc.line(first).lstrip()) + 1
        yield Finding(
            Message(
                "未识别为政府信息公开工作年度报告：开头没有“政府信息公开工作年度报告”之类的标题，也找不到模板规定的各部分标题",
                "not recognised as an annual information-disclosure report: no report title in the first lines "
                "and fewer than three of the template's section headings",
            ),
            Span(first, start, first, start + len(text)),
            fingerprint_text=text[:60],
        )


_REASONS = {
    "title": Message("报告年度 {year} 年取自标题（第 {line} 行）", "report year {year} taken from the title (line {line})"),
    "period": Message("报告年度 {year} 年取自统计期限（第 {line} 行）", "report year {year} taken from the statistics period (line {line})"),
    "announcement": Message("报告年度 {year} 年取自正文（第 {line} 行）", "report year {year} taken from the body (line {line})"),
    "labels": Message("未找到报告年度，按表格用语推断", "no report year found; inferred from the table labels"),
    "default": Message("未找到报告年度，也无法从表格判断，按现行格式检查", "no report year and no telling table labels; checked against the current template"),
    "option": Message("由 --template 选项指定", "chosen with --template"),
}


@rule(
    code="RL005",
    name="template-version",
    severity="info",
    summary_zh="标题和统计期限都未写明报告年度：说明按哪一版模板检查以及推断依据",
    summary_en="the title and statistics period give no report year: which template was inferred, and why",
    explanation_zh=(
        "2021年及以后的年报适用国办公开办函〔2021〕30号格式，2019、2020年度适用国办公开办函〔2019〕60号格式，"
        "2019年以前适用2007年条例第三十二条的内容要求。报告年度应写在标题（“××××年政府信息公开工作年度报告”）和统计期限中；"
        "两处都没有时，只能从正文或表格用语推断格式版本，此时给出本提示说明推断结果和依据。"
    ),
    explanation_en=(
        "Reports for 2021 on follow 国办公开办函〔2021〕30号, 2019–2020 follow 国办公开办函〔2019〕60号, earlier "
        "years the 2007 regulation's content list. The year comes from the title, else the statistics period, else "
        "the body; failing all, from the table labels. The year belongs in the title and the statistics period: when "
        "neither gives it, this note says which template was inferred and from what."
    ),
    bad="青山县交通运输局政府信息公开工作年度报告\n一、总体情况\n现将2023年度政府信息公开工作情况报告如下。",
    good="青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n现将2023年度政府信息公开工作情况报告如下。",
)
def template_version(doc: Document, ctx, options) -> Iterator[Finding]:
    if ctx.choice.reason == "year" and ctx.year.source in ("title", "period"):
        return  # stated where it belongs: nothing to say
    info = ctx.template.template
    reason = "year" if ctx.choice.reason == "year" else ctx.choice.reason
    detail = _REASONS[ctx.year.source if reason == "year" else reason]
    span = ctx.year.span or Span(1, 1, 1, 1)
    title = info.name if "《" in info.name else f"《{info.name}》"  # the 2007 basis is an article of the 《条例》, not a document title
    args = {"year": ctx.year.year, "line": span.line, "name": title, "document": info.document}
    yield Finding(
        Message(
            "按{name}（{document}）检查：" + detail.zh,
            "checked against {name} ({document}): " + detail.en,
        ),
        span,
        args=args,
        fingerprint_text=info.id,
    )


def _next_present(missing_index: int, ctx) -> Span | None:
    """Where a missing section belongs: at the heading of the next section that is present."""
    order = [spec.id for spec in ctx.template.sections]
    present = {m.spec.id: m for m in ctx.sections}
    for later in order[missing_index + 1:]:
        if later in present:
            return present[later].heading.span
    return None


@rule(
    code="RL101",
    name="missing-section",
    severity="error",
    summary_zh="缺少模板规定的必需部分",
    summary_en="a mandatory section of the template is missing",
    explanation_zh=(
        "《政府信息公开条例》第五十条规定年报内容，国办年报格式据此规定六个部分：一、总体情况；二、主动公开政府信息情况；"
        "三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；"
        "六、其他需要报告的事项。不得擅自删减。措辞不同但意思相同的标题（如“五、存在的问题及改进措施”）视为存在（见 RL103）。"
    ),
    explanation_en=(
        "Art. 50 of the regulation fixes the report's content and the national template turns it into six sections "
        "(一 总体情况 … 六 其他需要报告的事项); none may be dropped. Reworded headings with the same meaning count as "
        "present (see RL103)."
    ),
    bad=_RL101_BAD,
    good=_RL101_GOOD,
)
def missing_section(doc: Document, ctx, options) -> Iterator[Finding]:
    if ctx.lost_line_breaks is not None:
        return  # sections not found in text without line breaks are RL108's note, not errors
    present = {match.spec.id for match in ctx.sections}
    cut = _cut_sections(ctx)
    for index, spec in enumerate(ctx.template.sections):
        if spec.mandatory and spec.id not in present and spec.id not in cut:
            span = _next_present(index, ctx) or doc.end_span
            yield Finding(
                Message("缺少必需部分「{heading}」", "mandatory section '{heading}' is missing"),
                span,
                args={"heading": spec.heading},
                section=(spec.id,),
                fingerprint_text=spec.heading,
            )


_RL104_BAD = _RL101_GOOD.replace("五、存在的主要问题及改进情况\n部分栏目更新不够及时，下一步将完善更新机制。\n", "五、存在的主要问题及改进情况\n")
_SUBSTANTIAL_HEADING = 40  # a sub-heading this long, or with a full stop, carries text of its own


@rule(
    code="RL104",
    name="empty-section",
    severity="error",
    summary_zh="必需部分只有标题，没有内容",
    summary_en="a mandatory section has its heading but no content",
    explanation_zh=(
        "《政府信息公开条例》第五十条规定年报应当包括的内容，模板的六个部分都要如实填写。只写了标题、下面没有任何文字或表格的部分"
        "（如“五、存在的主要问题及改进情况”后直接是“六、”），等于缺少该部分内容。没有需要报告的事项时，也应写明（如“本年度无其他需要报告的事项。”）。"
        "有表格的部分（二、三、四）缺表时由 RL201 报告；只截取了一部分的文本，截断处的部分不检查。"
    ),
    explanation_en=(
        "Art. 50 fixes what the report contains, and each of the template's six sections must be filled in. A section "
        "that is only its heading, with no text or table before the next section, lacks its content. When there is "
        "nothing to report, say so ('本年度无其他需要报告的事项。'). Sections whose content is a table (二, 三, 四) are "
        "left to RL201; in an excerpt, the section at the cut is not judged."
    ),
    bad=_RL104_BAD,
    good=_RL101_GOOD,
)
def empty_section(doc: Document, ctx, options) -> Iterator[Finding]:
    with_tables = {spec.section for spec in ctx.template.tables.values()}
    bodies: dict[str, list[bool]] = {}
    first: dict[str, SectionMatch] = {}
    places = {id(block): index for index, block in enumerate(doc.blocks)}  # one lookup per heading, not a search
    for match in ctx.sections:
        bodies.setdefault(match.spec.id, []).append(_has_content(doc, match.heading, places))
        first.setdefault(match.spec.id, match)
    last_present = ctx.sections[-1].spec.id if ctx.sections else None
    for spec in ctx.template.sections:
        if not spec.mandatory or spec.id in with_tables or spec.id not in bodies or any(bodies[spec.id]):
            continue  # a table of contents lists every heading once more: one occurrence with content is enough
        if spec.id == last_present and ctx.truncated_at is not None:
            continue  # an excerpt that stops at this heading
        heading = first[spec.id].heading
        yield Finding(
            Message("「{heading}」只有标题，没有内容", "'{heading}' has its heading but no content"),
            heading.span,
            args={"heading": heading.text},
            section=(spec.id,),
            fingerprint_text=spec.heading,
        )


def _has_content(doc: Document, heading: Heading, places: dict[int, int]) -> bool:
    """Text or a table between `heading` and the next level-1 heading, or text on the heading's own line.
    `places` gives each block's index in doc.blocks by id."""
    if len(heading.text.replace(heading.number, "", 1).strip(" 、.．。:：")) > len(heading.title) + 1:
        return True  # "六、其他需要报告的事项。本年度未收取信息处理费。"
    blocks = doc.blocks
    start = places[id(heading)] if id(heading) in places else blocks.index(heading)
    for index in range(start + 1, len(blocks)):  # by index: islice would step over the first `start` blocks each time
        block = blocks[index]
        if isinstance(block, Heading):
            if block.level == 1:
                return False
            if len(block.text) >= _SUBSTANTIAL_HEADING or "。" in block.text:
                return True
        elif isinstance(block, Table) or isinstance(block, Paragraph) and not PAGE_MARKER.match(block.text):
            return True
    return False


def _cut_sections(ctx) -> list[str]:
    """Mandatory sections absent only because the text stops before them, or starts after them (an excerpt)."""
    order = [spec.id for spec in ctx.template.sections]
    present = {match.spec.id for match in ctx.sections}
    cut = []
    if ctx.truncated_at is not None or ctx.starts_mid_way:  # a page cut out of a report ends at its page's end
        last_present = max((order.index(s) for s in present), default=-1)
        cut += [spec.id for spec in ctx.template.sections[last_present + 1:] if spec.mandatory and spec.id not in present]
    if ctx.starts_mid_way and present:
        first_present = min(order.index(s) for s in present)
        cut += [spec.id for spec in ctx.template.sections[:first_present] if spec.mandatory]
    return cut


@rule(
    code="RL105",
    name="truncated-text",
    severity="info",
    summary_zh="文本中途截断（似为节选），截断处之后的部分未检查",
    summary_en="the text stops mid-way (an excerpt); sections after the cut were not checked",
    explanation_zh=(
        "完整的年报以完整的句子、落款或日期结束，且表格之后还有第五、六部分。文本停在半句话或表格行上，说明复制时被截断；"
        "截断处之后的部分不能据此判为缺失，只提示一次，不报 RL101。"
    ),
    explanation_en=(
        "A finished report ends with a full sentence, a signature or a date, and sections 五 and 六 follow the tables. Text "
        "that stops mid-sentence or on a table row was cut when copied; sections after the cut are not reported as missing "
        "(no RL101), only this one note."
    ),
    bad=TITLE + "一、总体情况\n2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，不断完",
    good=TITLE + SIX_SECTIONS,
)
def truncated_text(doc: Document, ctx, options) -> Iterator[Finding]:
    cut = _cut_sections(ctx)
    if cut:
        names = [spec.heading for spec in ctx.template.sections if spec.id in cut]
        if ctx.truncated_at is not None and ctx.starts_mid_way:
            line = ctx.truncated_at
            message = Message(
                "文本从报告中间开始，在第 {line} 行中途结束（似为某一页的节选）：不在其中的{headings_zh}未检查",
                "the text starts in the middle of a report and stops mid-way at line {line} (one page of it?): "
                "{headings_en}, not in it, were not checked",
            )
        elif ctx.truncated_at is not None:
            line = ctx.truncated_at
            message = Message(
                "文本在第 {line} 行中途结束（似为节选）：其后的{headings_zh}未检查",
                "the text stops mid-way at line {line} (an excerpt?): {headings_en} after it were not checked",
            )
        else:
            line = next((n for n, text in enumerate(doc.lines, 1) if text.strip()), 1)
            message = Message(
                "文本从报告中间开始（似为某一页的节选）：不在其中的{headings_zh}未检查",
                "the text starts in the middle of a report (one page of it?): {headings_en}, not in it, were not checked",
            )
        text = doc.line(line).rstrip()
        yield Finding(
            message,
            Span(line, 1, line, len(text) + 1),
            args={
                "line": line,
                "headings_zh": "".join(f"「{name}」" for name in names),
                "headings_en": ", ".join(f"'{name}'" for name in names),
            },
            fingerprint_text="truncated",
        )


def _out_of_order(matches: list[SectionMatch], order: dict[str, int]) -> set[int]:
    """Indexes of headings outside the longest run that is in template order."""
    ranks = [order[m.spec.id] for m in matches]
    best: list[list[int]] = []
    for i, rank in enumerate(ranks):
        chain = max((best[j] for j in range(i) if ranks[j] < rank), key=len, default=[])
        best.append(chain + [i])
    keep = set(max(best, key=len, default=[]))
    return set(range(len(matches))) - keep


@rule(
    code="RL102",
    name="section-order",
    severity="error",
    summary_zh="模板各部分顺序错乱或重复出现",
    summary_en="template sections out of order or duplicated",
    explanation_zh="六个部分须按模板顺序各出现一次。顺序颠倒或同一部分出现两次，读者和汇总统计都会出错。",
    explanation_en="The six sections must each appear once, in the template's order; swapped or repeated sections mislead readers and aggregation.",
    bad=TITLE + SIX_SECTIONS.replace("四、政府信息公开行政复议", "四、暂存").replace("五、存在的主要问题及改进情况", "四、政府信息公开行政复议、行政诉讼情况").replace("四、暂存、行政诉讼情况", "五、存在的主要问题及改进情况"),
    good=TITLE + SIX_SECTIONS,
)
def section_order(doc: Document, ctx, options) -> Iterator[Finding]:
    order = {spec.id: i for i, spec in enumerate(ctx.template.sections) if spec.mandatory}
    first_seen: dict[str, SectionMatch] = {}
    unique: list[SectionMatch] = []
    for match in ctx.sections:
        if match.spec.id not in order:
            continue
        if match.spec.id in first_seen:
            yield Finding(
                Message("「{heading}」重复出现（第一次在第 {line} 行）", "'{heading}' appears again (first at line {line})"),
                match.heading.span,
                args={"heading": match.heading.text, "line": first_seen[match.spec.id].heading.span.line},
                fingerprint_text=match.heading.text,
            )
            continue
        first_seen[match.spec.id] = match
        unique.append(match)
    misplaced = _out_of_order(unique, order)
    for index in sorted(misplaced):
        match = unique[index]
        rank = order[match.spec.id]
        kept = [i for i in range(len(unique)) if i not in misplaced]
        earlier = next((unique[i] for i in kept if i < index and order[unique[i].spec.id] > rank), None)
        if earlier is not None:
            message = Message("「{heading}」顺序错误：按模板应排在「{other}」之前", "'{heading}' is out of order: the template puts it before '{other}'")
            other = earlier
        else:
            other = next(unique[i] for i in reversed(kept) if i > index and order[unique[i].spec.id] < rank)
            message = Message("「{heading}」顺序错误：按模板应排在「{other}」之后", "'{heading}' is out of order: the template puts it after '{other}'")
        yield Finding(
            message,
            match.heading.span,
            args={"heading": match.heading.text, "other": other.heading.text},
            fingerprint_text=match.heading.text,
        )


@rule(
    code="RL103",
    name="heading-wording",
    severity="info",
    summary_zh="部分标题措辞与模板不同（已按该部分识别）",
    summary_en="a section heading differs from the template wording (accepted as that section)",
    explanation_zh="标题意思与模板一致但措辞不同（如“五、存在的问题及改进措施”），已视为该部分；建议改用模板原文，便于汇总和检索。",
    explanation_en="The heading means the template section but words it differently; it is accepted, but the template wording helps aggregation and search.",
    bad=TITLE + SIX_SECTIONS.replace("二、主动公开政府信息情况", "二、主动公开政府信息"),
    good=TITLE + SIX_SECTIONS,
)
def heading_wording(doc: Document, ctx, options) -> Iterator[Finding]:
    for match in ctx.sections:
        if not match.exact and match.spec.mandatory:
            yield Finding(
                Message("标题「{heading}」与模板措辞「{expected}」不同", "heading '{heading}' differs from the template wording '{expected}'"),
                match.heading.span,
                args={"heading": match.heading.text, "expected": match.spec.heading},
                expected=match.spec.heading,
                actual=match.heading.text,
                fingerprint_text=match.heading.text,
            )


@rule(
    code="RL108",
    name="structure-unchecked",
    severity="info",
    summary_zh="文本的换行已丢失，未能识别的部分和表格未检查",
    summary_en="the text lost its line breaks; the sections and tables that could not be found were not checked",
    explanation_zh=(
        "年报的六个部分和统计表都按行排版。整页另存或复制时丢了换行的文本（全文挤在一行），仍从行内标题（“…。一、总体情况2023年…”）"
        "和表格行名识别部分与表格；找不到的部分和表格不能据此判为缺失（不报 RL101、RL201），只在这里提示一次，请用原文件（.docx、PDF）或保留换行的文本检查。"
    ),
    explanation_en=(
        "The template's sections and tables are laid out line by line. Text that lost its line breaks when the page was "
        "saved or copied (the whole body on one line) is still read by its inline headings ('…。一、总体情况2023年…') and "
        "table row labels; sections and tables not found there are not reported missing (no RL101, RL201), only in this "
        "one note: check the original file (.docx, PDF) or a copy that keeps its line breaks."
    ),
    bad=(TITLE + SIX_SECTIONS).replace("\n", "").replace("三、收到和处理政府信息公开申请情况", "三、申请办理"),
    good=TITLE + SIX_SECTIONS,
)
def structure_unchecked(doc: Document, ctx, options) -> Iterator[Finding]:
    line = ctx.lost_line_breaks
    if line is None:
        return
    present = {match.spec.id for match in ctx.sections}
    cut = _cut_sections(ctx)
    sections = [spec.heading for spec in ctx.template.sections if spec.mandatory and spec.id not in present and spec.id not in cut]
    tables = _unfound_tables(ctx, present)
    if not sections and not tables:
        return
    names_zh = "、".join([f"「{name}」" for name in sections] + tables)
    names_en = ", ".join([f"'{name}'" for name in sections] + tables)
    text = doc.line(line)
    yield Finding(
        Message(
            "第 {line} 行长达 {length} 个字符，文本的换行已丢失：未能识别{names_zh}，未检查",
            "line {line} has {length} characters, the text lost its line breaks: {names_en} could not be found and were not checked",
        ),
        Span(line, 1, line, 1 + min(len(text), 1)),
        args={"line": line, "length": len(text), "names_zh": names_zh, "names_en": names_en},
        fingerprint_text="structure-unchecked",
    )


_TABLE_GROUPS = (("active", "二", "表二"), ("request", "三", "表三"), ("review", "四", "表四"))


def _unfound_tables(ctx, present: set[str]) -> list[str]:
    """The template tables (表二, 表三, 表四) not found, where their sections' tables should be."""
    if ctx.template.id == "2007":
        return []
    found = {name.split("_")[0] for name in (*ctx.present_tables(), *ctx.unreadable_tables())}  # unreadable: RL205's
    cut = _cut_sections(ctx)
    return [label for group, section, label in _TABLE_GROUPS if group not in found and section not in cut]
