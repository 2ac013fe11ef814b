"""reportlint: checks 政府信息公开工作年度报告 drafts against the State Council template."""

__version__ = "0.2.0"

__all__ = ["FileResult", "LintOptions", "lint_path", "lint_text", "__version__"]


def __getattr__(name: str):
    """The API is imported when first used, so the command's start-up (reportlint/__main__.py) can
    set up its signal handling before the bulk of the package loads."""
    if name in ("FileResult", "LintOptions", "lint_path", "lint_text"):
        from . import lint

        return getattr(lint, name)
    raise AttributeError(f"module 'reportlint' has no attribute {name!r}")
