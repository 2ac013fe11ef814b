"""A generated corpus of realistic 政府信息公开工作年度报告 for the benchmarks (bench/run.py).

Every report starts from a sample in samples/ (the good one, or one of samples/bad/ with its known
defect) and is varied: another issuing body and place, another year, other narrative-only figures,
0-3 random defects (placeholders, a wrong total, traditional characters, mojibake, a missing
heading, template text), and extra narrative — level-3 sub-items and paragraphs of a few wrapped
lines, as long drafts have — until it reaches the size asked for. Generation is deterministic for a
given seed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
BAD_DIR = ROOT / "samples" / "bad"

PLACES = ["临河区", "东湖市", "云岭县", "南平区", "西坪县", "长宁区", "安远县", "松溪县", "凤台县", "永和市",
          "清江区", "柳城县", "桃源县", "白石县", "金沙区", "宁川市", "双峰县", "石门县", "潮安区", "黎川县"]
DEPARTMENTS = ["交通运输局", "教育局", "卫生健康委员会", "自然资源局", "生态环境局", "人民政府办公室", "财政局",
               "市场监督管理局", "住房和城乡建设局", "农业农村局", "水利局", "民政局", "人力资源和社会保障局", "司法局"]

# Narrative building blocks in the register of real reports; {n}/{m} become figures, {y} the year.
OPENINGS = [
    "{y}年，我单位坚持以公开为常态、不公开为例外，",
    "围绕年度政务公开工作要点，",
    "按照上级部门的统一部署，",
    "为进一步提升政务公开质量，",
    "结合本部门工作实际，",
    "针对群众关注的热点问题，",
]
ACTIONS = [
    "全年通过门户网站主动公开政府信息{n}条，其中政策文件{m}条",
    "组织开展政务公开专题培训{m}次，参训人员达{n}人次",
    "在政务新媒体发布便民信息{n}条，回应群众关切{m}次",
    "对{n}件行政规范性文件开展合法性审查，清理{m}件",
    "通过政务服务便民热线受理咨询{n}件，办结率达到100%",
    "开展政策解读{m}次，制作图解和视频解读{m}期",
    "更新“政府信息公开”专栏栏目{m}个，发布工作动态{n}条",
    "召开新闻发布会{m}场，接受媒体采访{m}次",
    "对拟公开的{n}条信息开展保密审查，未发生泄密或不当公开情况",
    "在重点领域公开项目建设信息{n}条、财政资金信息{m}条",
]
ENDINGS = [
    "，有效保障了人民群众的知情权、参与权和监督权。",
    "，政务公开工作规范化水平进一步提升。",
    "，做到件件有回应、事事有着落。",
    "，切实增强了政府工作透明度。",
    "，各项任务均已按期完成。",
]
SUBTITLES = ["规范信息发布", "加强政策解读", "强化平台建设", "健全工作机制", "推进重点领域公开", "加强队伍建设",
             "回应社会关切", "优化专栏设置", "落实保密审查", "做好依申请公开"]

DEFECTS = ("placeholder", "wrong_total", "traditional", "garbled", "missing_heading", "template_text", "year_placeholder")
_HEADING = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.、])")
_TRADITIONAL = {"公开": "公開", "信息": "資訊", "办理": "辦理", "政府": "政府", "数量": "數量", "发布": "發佈"}


def load_bases() -> list[tuple[str, str]]:
    """(name, text) of every sample report the corpus starts from: the good sample and samples/bad/."""
    bases = [("good", GOOD.read_text(encoding="utf-8"))]
    for path in sorted(BAD_DIR.glob("*.txt")):
        if path.stem.startswith("RL004"):
            continue  # not a report at all: too small to vary usefully
        bases.append((path.stem, path.read_text(encoding="utf-8")))
    return bases


def _sentence(rng: random.Random, year: int) -> str:
    return (rng.choice(OPENINGS) + rng.choice(ACTIONS) + rng.choice(ENDINGS)).format(
        y=year, n=rng.randint(12, 4800), m=rng.randint(1, 60))


def _paragraph(rng: random.Random, year: int, lines: int) -> list[str]:
    """A paragraph of 1..n physical lines (long paragraphs wrap, as text pasted from PDFs does)."""
    return ["".join(_sentence(rng, year) for _ in range(rng.randint(2, 4))) for _ in range(lines)]


def _vary(text: str, rng: random.Random) -> tuple[str, int]:
    place, department = rng.choice(PLACES), rng.choice(DEPARTMENTS)
    year = rng.choice([2021, 2022, 2023, 2023, 2023, 2024])
    text = text.replace("青山县交通运输局", place + department).replace("青山县", place).replace("青山", place[:-1])
    text = re.sub(r"(?<!〔)20(23|24)", lambda m: str(year if m.group(1) == "23" else year + 1), text)
    # Narrative-only figures (not cross-checked against a table): vary freely.
    for label in ("全年发布信息", "参训人员达", "配备专兼职工作人员", "县人大代表建议", "县政协提案"):
        text = re.sub(re.escape(label) + r"\d+", lambda m, label=label: f"{label}{rng.randint(2, 400)}", text)
    text = re.sub(r"电话：\d{4}-\d{7}", lambda m: f"电话：0{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}", text)
    return text, year


def _defect(text: str, kind: str, rng: random.Random) -> str:
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if len(line) > 40 and "|" not in line]
    rows = [i for i, line in enumerate(lines) if line.count("|") >= 3 and re.search(r"\| \d+$", line)]
    if kind == "placeholder" and prose:
        i = rng.choice(prose)
        cut = rng.randrange(len(lines[i]))
        lines[i] = lines[i][:cut] + rng.choice(["xxxx", "XX科", "××", "某某", "○○"]) + lines[i][cut:]
    elif kind == "year_placeholder" and prose:
        i = rng.choice(prose)
        lines[i] = rng.choice(["20XX年", "202X年", "**年"]) + lines[i]
    elif kind == "wrong_total" and rows:
        i = rng.choice(rows)
        lines[i] = re.sub(r"(\d+)$", lambda m: str(int(m.group(1)) + rng.randint(1, 9)), lines[i])
    elif kind == "traditional" and prose:
        i = rng.choice(prose)
        for simple, traditional in _TRADITIONAL.items():
            lines[i] = lines[i].replace(simple, traditional, 1)
    elif kind == "garbled" and prose:
        i = rng.choice(prose)
        lines[i] = lines[i][:10] + rng.choice(["锟斤拷锟斤拷", "鏀垮簻淇℃伅鍏紑", "�����"]) + lines[i][10:]
    elif kind == "missing_heading":
        headings = [i for i, line in enumerate(lines) if re.match(r"[二三四五六]、", line)]
        if headings:
            del lines[rng.choice(headings)]
    elif kind == "template_text":
        headings = [i for i, line in enumerate(lines) if line.startswith("六、")]
        if headings:
            lines.insert(headings[0] + 1, "（文字描述，收取信息处理费情况在此处报告。）")
    return "\n".join(lines)


def _grow(text: str, year: int, size: int, rng: random.Random, structured: bool = True) -> str:
    """Add narrative under the subsections of part 一 and under parts 五 and 六 until `size` bytes.

    `structured`: numbered sub-items and the odd blank line break the narrative up, as in long
    reports; without them each part's narrative is one run of lines, which the parser joins into
    a single paragraph (a draft pasted without structure)."""
    lines = text.split("\n")
    anchors = [i for i, line in enumerate(lines) if re.match(r"（[一二三四五]）", line) or re.match(r"[五六]、", line)]
    if not anchors:
        anchors = [min(2, len(lines) - 1)]
    extra: dict[int, list[str]] = {i: [] for i in anchors}
    current = len(text.encode("utf-8"))
    counters = {i: 0 for i in anchors}
    while current < size:
        anchor = rng.choice(anchors)
        chunk: list[str] = []
        if structured and rng.random() < 0.35:  # a numbered sub-item, as long reports structure their parts
            counters[anchor] += 1
            chunk.append(f"{counters[anchor]}.{rng.choice(SUBTITLES)}")
        chunk += _paragraph(rng, year, rng.choice([1, 1, 1, 2, 3, 5]))
        if structured and rng.random() < 0.1:
            chunk.append("")  # some drafts separate paragraphs with blank lines
        if rng.random() < 0.02:
            chunk.append(rng.choice(["xxxx年xx月，", "由XX科负责，"]) + _sentence(rng, year))  # a stray placeholder
        extra[anchor].extend(chunk)
        current += sum(len(line.encode("utf-8")) + 1 for line in chunk)
    # after the sample's own paragraph under each heading, when it has one
    at = {}
    for i in anchors:
        follows = i + 1 < len(lines) and lines[i + 1].strip() and "|" not in lines[i + 1] and not _HEADING.match(lines[i + 1])
        at[i + 1 if follows else i] = extra[i]
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        out.extend(at.get(i, ()))
    return "\n".join(out)


def make_report(rng: random.Random, bases: list[tuple[str, str]], size: int, defects: int | None = None,
                structured: bool = True) -> tuple[str, list[str]]:
    """One report of about `size` bytes (never smaller than its base): its text and what was injected."""
    name, text = rng.choice(bases)
    text, year = _vary(text, rng)
    count = rng.choice([0, 0, 1, 1, 2, 3]) if defects is None else defects
    kinds = rng.sample(DEFECTS, count)
    for kind in kinds:
        text = _defect(text, kind, rng)
    text = _grow(text, year, size, rng, structured)
    return text if text.endswith("\n") else text + "\n", [name] + kinds


def realistic_size(rng: random.Random) -> int:
    """Sizes of published reports: mostly 8-30 KB, a tail of long ones up to ~400 KB."""
    return int(min(max(rng.lognormvariate(9.9, 0.8), 8_000), 400_000))


def write_corpus(folder: Path, count: int, seed: int = 2023, total_bytes: int | None = None) -> list[Path]:
    """`count` reports of realistic, varied sizes (scaled so they add up to about `total_bytes`)."""
    rng = random.Random(seed)
    bases = load_bases()
    sizes = [realistic_size(rng) for _ in range(count)]
    if total_bytes:
        scale = total_bytes / sum(sizes)
        sizes = [max(int(s * scale), 8_000) for s in sizes]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, size in enumerate(sizes):
        text, _ = make_report(rng, bases, size)
        path = folder / f"report_{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_many_small(folder: Path, count: int, seed: int = 10_000) -> list[Path]:
    """`count` ordinary-sized reports (for the memory case): the samples varied, plus short growth."""
    rng = random.Random(seed)
    bases = load_bases()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        text, _ = make_report(rng, bases, rng.randint(8_000, 16_000))
        path = folder / f"r{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_single(path: Path, size: int, seed: int = 1, structured: bool = True) -> Path:
    """One report (a long draft) of about `size` bytes, with a few placeholders left in."""
    rng = random.Random(seed)
    text, _ = make_report(rng, load_bases()[:1], size, defects=1, structured=structured)
    path.write_text(text, encoding="utf-8")
    return path
