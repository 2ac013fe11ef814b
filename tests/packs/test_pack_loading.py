"""Loading a rule pack: the example pack's rules, and a clear PackError for every kind of mistake."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pack_helpers import EXAMPLE_PACK, MINIMAL, write_pack

from reportlint import registry
from reportlint.api import Finding, Message, Rule, Severity, rule
from reportlint.packs import PackError, accepted_rows, check_examples, load_pack


def _load(tmp_path, text: str):
    return load_pack(write_pack(tmp_path, text))


def _error(tmp_path, text: str) -> str:
    with pytest.raises(PackError) as caught:
        _load(tmp_path, text)
    return str(caught.value)


# ---------------------------------------------------------------- the example pack


def test_the_example_pack_loads_with_its_codes_names_and_severities():
    rules = load_pack(EXAMPLE_PACK)
    assert [(r.code, r.name, r.severity) for r in rules] == [
        ("HB101", "leading-group", Severity.ERROR),
        ("HB102", "processing-fee-statement", Severity.ERROR),
        ("HB103", "supervision-subsection", Severity.ERROR),
        ("HB201", "other-active-documents-row", Severity.ERROR),
        ("HB301", "no-dengdeng", Severity.WARNING),
    ]
    for loaded in rules:
        assert isinstance(loaded, Rule)
        assert loaded.source == "hubei-2021"
        assert loaded.requires_report and loaded.check is not None
        for message in (loaded.summary, loaded.explanation):
            assert re.search(r"[\u4e00-\u9fff]", message.zh) and message.en.strip()
        assert loaded.bad.strip() and loaded.good.strip() and loaded.bad != loaded.good


def test_the_example_pack_texts_come_from_the_pack():
    rules = {r.code: r for r in load_pack(EXAMPLE_PACK)}
    assert rules["HB101"].summary == Message("总体情况须写明政务公开工作领导小组", "总体情况 must name the 政务公开 leading group")
    assert rules["HB201"].explanation.zh.startswith("湖北省的年报在第二十条第（一）项")
    # no summary given: the message with its fixed fields filled in, the others shown as …
    assert rules["HB301"].summary == Message("公文列举未尽时用“等”，不用「…」", "write 等, not '…', to end an incomplete list in an official document")
    assert rules["HB102"].summary.zh == "「六、其他需要报告的事项」未报告信息处理费的收取情况（即使未收取也应写明）"


def test_every_example_of_the_example_pack_shows_its_rule():
    assert check_examples(load_pack(EXAMPLE_PACK)) == []


def test_the_extra_row_is_an_accepted_row():
    assert accepted_rows(load_pack(EXAMPLE_PACK)) == {("active_1", "其他主动公开文件")}
    assert accepted_rows(registry.all_rules()) == frozenset()


def test_a_minimal_pack_of_each_kind(tmp_path):
    rules = _load(tmp_path, MINIMAL)
    assert [r.code for r in rules] == ["TP101", "TP102", "TP201", "TP301"]
    assert {r.source for r in rules} == {"test-pack"}
    assert rules[0].explanation.zh == "「六、其他需要报告的事项」未写明「信息处理费」（规则包「test-pack」：测试用规则包）"
    assert check_examples(rules) == []


def test_generated_examples_and_given_ones(tmp_path):
    rules = {r.code: r for r in _load(tmp_path, MINIMAL)}
    phrase = rules["TP101"]
    assert "信息处理费" not in phrase.bad and "信息处理费" in phrase.good
    row = rules["TP201"]
    assert "其他主动公开文件 | 0 | 0 | 0" in row.good and "其他主动公开文件" not in row.bad
    pattern = rules["TP301"]
    assert "等等" in pattern.bad and "等等" not in pattern.good
    given = MINIMAL.replace('example = "发布出行提示等等便民信息。"', 'bad = "标题\\n等等"\ngood = "标题\\n等"')
    assert [r for r in _load(tmp_path, given) if r.code == "TP301"][0].bad == "标题\n等等"


def test_an_optional_row_gets_a_short_row_as_its_bad_example(tmp_path):
    rules = _load(tmp_path, MINIMAL.replace('label = "其他主动公开文件"', 'label = "其他主动公开文件"\nrequired = false'))
    row = next(r for r in rules if r.code == "TP201")
    assert "其他主动公开文件 | 0 | 0\n" in row.bad
    assert check_examples(rules) == []


# ---------------------------------------------------------------- mistakes, each named


def _entry(kind: str, body: str, prefix: str = "TP") -> str:
    return f'[pack]\nname = "p"\nprefix = "{prefix}"\n\n[[{kind}]]\n{body}\n'


PHRASE = 'code = "TP101"\nname = "fee"\nphrase = "信息处理费"\nzh = "缺{phrase}"\nen = "no {phrase}"'
ROW = 'code = "TP201"\nname = "row"\ntable = "active_1"\nlabel = "其他主动公开文件"\nzh = "缺{label}"\nen = "no {label}"'
PATTERN = 'code = "TP301"\nname = "dd"\nregex = "等等"\nexample = "等等"\nzh = "{text}"\nen = "{text}"'

MISTAKES = {
    "unknown top-level table": (
        MINIMAL.replace("[[pattern]]", "[[patterns]]"),
        "unknown table [patterns] (did you mean 'pattern'?)",
    ),
    "a table where an array of tables belongs": (
        '[pack]\nname = "p"\nprefix = "TP"\n[pattern]\ncode = "TP301"\n',
        "'pattern' must be an array of tables: write [[pattern]]",
    ),
    "no [pack]": (PHRASE.join(["[[required_phrase]]\n", "\n"]), "missing table [pack]"),
    "unknown key in [pack]": ('[pack]\nname = "p"\nprefx = "TP"\n', "[pack]: unknown key 'prefx' (did you mean 'prefix'?)"),
    "missing key in [pack]": ('[pack]\nname = "p"\n', "[pack]: missing key 'prefix'"),
    "unknown key in an entry": (
        _entry("required_phrase", PHRASE.replace("phrase = ", "phrse = ")),
        "[[required_phrase]] #1 (TP101): unknown key 'phrse' (did you mean 'phrase'?)",
    ),
    "missing message": (_entry("pattern", PATTERN.replace('en = "{text}"', "")), "[[pattern]] #1 (TP301): missing key 'en'"),
    "wrong type": (
        _entry("extra_row", ROW + "\nrequired = \"yes\""),
        "[[extra_row]] #1 (TP201): 'required': Input should be a valid boolean",
    ),
    "unknown severity": (
        _entry("pattern", PATTERN + '\nseverity = "fatal"'),
        "[[pattern]] #1 (TP301): 'severity': Input should be 'error', 'warning' or 'info'",
    ),
    "lower-case prefix": (_entry("pattern", PATTERN, prefix="tp"), "[pack]: 'prefix' 'tp' must be 2 to 5 capital letters (e.g. 'HB')"),
    "one-letter prefix": (_entry("pattern", PATTERN, prefix="T"), "'prefix' 'T' must be 2 to 5 capital letters"),
    "the RL prefix": (_entry("pattern", PATTERN.replace("TP301", "RL301"), prefix="RL"), "[pack]: 'prefix' 'RL' is reserved"),
    "a prefix starting with RL": (_entry("pattern", PATTERN, prefix="RLX"), "'prefix' 'RLX' is reserved: codes starting with RL are reportlint's own"),
    "code without the prefix": (
        _entry("pattern", PATTERN.replace("TP301", "HB301")),
        "[[pattern]] #1 (HB301): 'code' 'HB301' must be the pack prefix 'TP' and three digits (e.g. TP101)",
    ),
    "code with four digits": (_entry("pattern", PATTERN.replace("TP301", "TP3011")), "'code' 'TP3011' must be the pack prefix 'TP' and three digits"),
    "name not kebab-case": (_entry("pattern", PATTERN.replace('name = "dd"', 'name = "NoDengDeng"')), "'name' 'NoDengDeng' must be kebab-case"),
    "code twice in the pack": (
        _entry("pattern", PATTERN) + "\n[[pattern]]\n" + PATTERN.replace('name = "dd"', 'name = "dd2"'),
        "[[pattern]] #2 (TP301): code TP301 is used twice in this pack (also by [[pattern]] #1)",
    ),
    "name twice in the pack": (
        _entry("pattern", PATTERN) + "\n[[pattern]]\n" + PATTERN.replace("TP301", "TP302"),
        "[[pattern]] #2 (TP302): name 'dd' is used twice in this pack (also by TP301)",
    ),
    "a built-in rule's name": (
        _entry("pattern", PATTERN.replace('name = "dd"', 'name = "placeholder"')),
        "[[pattern]] #1 (TP301): name 'placeholder' is already the name of rule RL401 (from reportlint)",
    ),
    "bad regular expression": (
        _entry("pattern", PATTERN.replace('regex = "等等"', 'regex = "等等("')),
        "[[pattern]] #1 (TP301): 'regex' '等等(' is not a valid regular expression: missing ), unterminated subpattern at position 2",
    ),
    "regular expression matching nothing at all": (
        _entry("pattern", PATTERN.replace('regex = "等等"', 'regex = "等*"')),
        "'regex' '等*' matches empty text",
    ),
    "bad required_section pattern": (
        _entry("required_section", 'code = "TP102"\nname = "s"\nlabel = "监督保障"\npattern = "监督[保障"\nzh = "x"\nen = "x"'),
        "[[required_section]] #1 (TP102): 'pattern' '监督[保障' is not a valid regular expression",
    ),
    "pattern that misses its own label": (
        _entry("required_section", 'code = "TP102"\nname = "s"\nlabel = "监督保障"\npattern = "保障措施"\nzh = "x"\nen = "x"'),
        "'pattern' '保障措施' does not match the entry's own 'label' '监督保障'",
    ),
    "a required heading the short example report already has": (
        _entry("required_section", 'code = "TP102"\nname = "s"\nlabel = "总体情况"\nzh = "x"\nen = "x"'),
        "[[required_section]] #1 (TP102): no bad/good example can be generated for this entry: give 'bad' and 'good'",
    ),
    "a literal example without the phrase": (
        _entry("required_phrase", PHRASE + '\nexample = "未收取费用。"'),
        "'example' '未收取费用。' does not contain what 'phrase' looks for",
    ),
    "phrase and regex": (
        _entry("required_phrase", PHRASE + '\nregex = "信息处理费"'),
        "[[required_phrase]] #1 (TP101): give exactly one of 'phrase' (literal text) and 'regex' (a regular expression)",
    ),
    "neither phrase nor regex": (
        _entry("required_phrase", PHRASE.replace('phrase = "信息处理费"', "")),
        "give exactly one of 'phrase' (literal text) and 'regex'",
    ),
    "example without a match": (
        _entry("required_phrase", PHRASE.replace('phrase = "信息处理费"', 'regex = "领导小组"\nexample = "成立了工作专班。"')),
        "'example' '成立了工作专班。' does not contain what 'regex' looks for",
    ),
    "regex without example, bad or good": (
        _entry("required_phrase", PHRASE.replace('phrase = "信息处理费"', 'regex = "领导小组"')),
        "no bad/good example can be generated for this entry: give 'example' (a sentence that shows the rule), or 'bad' and 'good'",
    ),
    "pattern without example": (
        _entry("pattern", PATTERN.replace('example = "等等"', "")),
        "[[pattern]] #1 (TP301): no bad/good example can be generated",
    ),
    "unknown section": (
        _entry("required_phrase", PHRASE + '\nsection = "七"'),
        "[[required_phrase]] #1 (TP101): 'section' '七' is not a template section; use one of 一, 二, 三, 四, 五, 六",
    ),
    "unknown table": (
        _entry("extra_row", ROW.replace("active_1", "active_2")),
        "[[extra_row]] #1 (TP201): 'table' 'active_2' is not a template table; use one of active_1",
    ),
    "a row the template has": (
        _entry("extra_row", ROW.replace("其他主动公开文件", "行政规范性文件")),
        "'label' '行政规范性文件' is already a row of the template's table 'active_1' (2021)",
    ),
    "no columns": (_entry("extra_row", ROW + "\ncolumns = 0"), "'columns' must be a whole number of at least 1, or \"same\""),
    "columns as a word": (_entry("extra_row", ROW + '\ncolumns = "three"'), "not 'three'"),
    "an extra row of the request table without examples": (
        _entry("extra_row", ROW.replace("active_1", "request")),
        "[[extra_row]] #1 (TP201): no bad/good example can be generated for this entry: give 'bad' and 'good'",
    ),
    "a message field the kind does not fill": (
        _entry("extra_row", ROW.replace('zh = "缺{label}"', 'zh = "缺{row}"')),
        "[[extra_row]] #1 (TP201): 'zh' uses {row}, which this kind of entry does not fill; available: {label}, {table}",
    ),
    "an unbalanced brace": (
        _entry("pattern", PATTERN.replace('zh = "{text}"', 'zh = "不用{text"')),
        "[[pattern]] #1 (TP301): 'zh' is not a valid message",
    ),
    "an empty message": (_entry("pattern", PATTERN.replace('zh = "{text}"', 'zh = " "')), "'zh' (the message) must not be empty"),
    "unknown template version": (_entry("pattern", PATTERN + '\ntemplates = ["2020"]'), "'templates': unknown template '2020'"),
    "not TOML": ('[pack\nname = "p"', "not valid TOML: "),
}


@pytest.mark.parametrize("case", list(MISTAKES), ids=list(MISTAKES))
def test_a_mistake_gives_a_pack_error_naming_the_entry_and_the_key(tmp_path, case):
    text, expected = MISTAKES[case]
    assert expected in _error(tmp_path, text)


def test_a_missing_file(tmp_path):
    with pytest.raises(PackError, match="file not found"):
        load_pack(tmp_path / "nope.toml")


def _plugin_rule() -> Rule:
    @rule(code="TP301", name="contact-phone", severity="warning", summary_zh="联系电话", summary_en="phone",
          explanation_zh="省级要求。", explanation_en="Provincial.", bad="x", good="y")
    def contact_phone(doc, ctx, options):
        yield Finding(Message("未写明联系电话", "no phone"), doc.end_span)

    return replace(contact_phone, source="reportlint-test-plugin")


def test_a_code_a_plugin_rule_already_has(tmp_path, monkeypatch):
    rules = registry.all_rules() + (_plugin_rule(),)
    monkeypatch.setattr(registry, "all_rules", lambda: rules)
    message = _error(tmp_path, _entry("pattern", PATTERN))
    assert message == "[[pattern]] #1 (TP301): code TP301 is already the code of rule 'contact-phone' (from reportlint-test-plugin)"
