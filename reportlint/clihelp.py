"""The command line's help in Chinese or English: Chinese with `--lang zh` or a Chinese locale
(LC_ALL / LC_MESSAGES / LANG starting with `zh`), English otherwise (`--lang en` wins over the locale).

The English help stays in the click decorators; the Chinese texts are here, keyed by command and
parameter name, and swapped in only while help is written.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator, Sequence

import click

ZH_COMMANDS = {
    "reportlint": "reportlint — 政府信息公开工作年度报告检查工具。",
    "check": "检查年报文件和文件夹（.txt、.md、.docx、.html、.pdf）；- 表示从标准输入读取。",
    "annotate": "把问题写到作者看得到的地方：.docx 写出在每个问题处加了批注的副本，.txt/.md/.html/.pdf 写出自包含的 HTML 报告视图。",
    "config": "显示某个文件或文件夹实际使用的配置（及其来源）。",
    "rules": "列出全部规则：代码、名称、默认级别、说明、来源（含规则包）。",
    "explain": "解释一条规则（按代码或名称），附错误示例和正确示例（含规则包）。",
}

ZH_PARAMS = {
    "output_format": "输出格式（--format 与 --output-format 相同）。",
    "output_file": "把输出写入此文件，而不是标准输出。",
    "lang": "消息语言（默认：配置文件，否则 zh）。",
    "select": "只运行这些规则：代码、代码前缀（RL3）或名称；逗号分隔或重复使用。",
    "ignore": "跳过这些规则：代码、代码前缀或名称。",
    "template": "强制使用某一版模板，而不按报告年度选择。",
    "config_path": "所有文件都使用此配置文件（不再查找）。",
    "fail_on": "退出码为 1 的最低级别（默认：配置文件，否则 error）。",
    "exit_zero": "即使有问题也以 0 退出（用法错误仍为 2）。",
    "statistics": "只显示每条规则的问题数，不逐条列出。",
    "quiet": "只输出问题：不输出汇总和说明。",
    "max_size": "可读取的最大文件字节数（默认 128 MiB）。",
    "no_info": "文本输出中不显示“提示”级别的问题。",
    "jobs": "并行检查的文件数（默认：全部 CPU 核）。",
    "timeout": "单个文件最长检查秒数，超时即中止（RL001）。",
    "previous_dir": "上年度报告所在文件夹，按发布机关配对，用于跨年度规则。",
    "write_baseline": "把当前问题记录到此基线文件（并以 0 退出）。",
    "baseline_path": "隐藏此基线中已记录的问题；报告已不再出现的记录。",
    "stdin_filename": "标准输入（-）的文件名：用于查找配置、判断格式和输出中的文件名。",
    "help": "显示此帮助并退出。",
    "_click_default_help": "显示此帮助并退出。",  # click >= 8.5 names the help option so
    "explain.lang": "说明使用的语言。",
    "rules.lang": "说明使用的语言。",
    "rules.config_path": "列入此配置文件的规则包，而不是当前文件夹的配置所列的。",
    "explain.config_path": "列入此配置文件的规则包，而不是当前文件夹的配置所列的。",
    "config.config_path": "显示此配置文件，而不是为 PATH 找到的配置。",
    "version": "显示版本并退出。",
    "annotate.output_file": "写到此文件（默认：输入文件旁的 REPORT.批注.docx 或 REPORT.批注.html）。",
    "annotate.config_path": "使用此配置文件（不再查找）。",
    "annotate.baseline_path": "不写出此基线中已记录的问题。",
    "annotate.quiet": "不输出问题，只说明写到了哪里。",
    "author": "Word 批注的作者名。",
}


def language(args: Sequence[str]) -> str:
    """`--lang` among the arguments, else the locale."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in ("zh", "en"):
            return args[index + 1]
        if arg in ("--lang=zh", "--lang=en"):
            return arg.split("=", 1)[1]
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "zh" if locale.lower().startswith("zh") else "en"


@contextmanager
def _chinese(command: click.Command, ctx: click.Context) -> Iterator[None]:
    saved = [(param, param.help) for param in command.get_params(ctx) if isinstance(param, click.Option)]
    saved_help = command.help
    try:
        for param, text in saved:
            name = param.name or ""
            param.help = ZH_PARAMS.get(f"{command.name}.{name}", ZH_PARAMS.get(name, text))
        command.help = ZH_COMMANDS.get(command.name or "", command.help)
        yield
    finally:
        for param, text in saved:
            param.help = text
        command.help = saved_help


class _Localised:
    help_lang = "en"

    def make_context(self, info_name, args, parent=None, **extra):
        self.help_lang = language(args) if "--lang" in " ".join(args) or parent is None else getattr(parent.command, "help_lang", "en")
        return super().make_context(info_name, args, parent=parent, **extra)

    def format_help(self, ctx, formatter) -> None:
        if self.help_lang != "zh":
            return super().format_help(ctx, formatter)
        with _chinese(self, ctx):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx, formatter) -> None:
        if self.help_lang != "zh":
            return super().format_usage(ctx, formatter)
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def format_options(self, ctx, formatter) -> None:
        if self.help_lang != "zh":
            return super().format_options(ctx, formatter)
        records = [param.get_help_record(ctx) for param in self.get_params(ctx) if isinstance(param, click.Option)]
        with formatter.section("选项"):
            formatter.write_dl([record for record in records if record])
        if isinstance(self, click.Group):
            rows = [(name, ZH_COMMANDS.get(name) or self.get_command(ctx, name).get_short_help_str())
                    for name in self.list_commands(ctx)]
            with formatter.section("命令"):
                formatter.write_dl(rows)


class Group(_Localised, click.Group):
    """The `reportlint` group, with help in the user's language."""


class Command(_Localised, click.Command):
    """A subcommand with help in the user's language."""


Group.command_class = Command
