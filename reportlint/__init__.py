"""reportlint: checks 政府信息公开工作年度报告 drafts against the State Council template."""

__version__ = "0.2.0"

from .lint import FileResult, LintOptions, lint_path, lint_text  # noqa: E402

__all__ = ["FileResult", "LintOptions", "lint_path", "lint_text", "__version__"]
