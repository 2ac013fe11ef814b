"""The layout campaign at full size: reports printed through headless Chromium and copied out again.

    python bench/layouts.py [--seeds 10] [--out DIR]

Prints every full corpus text (01–04) and `--seeds` generated reports of each layout (2019, 2021;
every other one with a changed cell), reads each PDF and its pypdf / pdfplumber / pdftotext /
pdftotext -layout copies, and counts the readings that give the source text's verdict (the same
errors, or RL205 with no finding the source lacks). tests/layouts/test_printed_pdfs.py is the
CI-sized version of this.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "layouts"))

from extractors import EXTRACTORS, Unavailable  # noqa: E402
from layout_helpers import full_corpus_texts  # noqa: E402
from printed import generated_report, print_pdf, report_html  # noqa: E402

from reportlint.lint import LintOptions, lint_path, lint_text  # noqa: E402


def _key(d) -> tuple:
    return (d.code, d.row, d.column_label, d.expected, d.actual)


def _agrees(found, source) -> bool:
    if any(d.code == "RL205" for d in found):
        return {_key(d) for d in found if d.code != "RL205"} <= {_key(d) for d in source}
    errors = lambda ds: sorted(_key(d) for d in ds if d.severity.value == "error")  # noqa: E731
    return errors(found) == errors(source)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=10, help="generated reports per layout")
    parser.add_argument("--out", type=Path, help="keep the PDFs and copies here")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="reportlint-layouts-"))
    out.mkdir(parents=True, exist_ok=True)
    sources = {path.name[:2]: path.read_text(encoding="utf-8") for path in full_corpus_texts()}
    for seed in range(args.seeds):
        for layout in ("2021", "2019"):
            sources[f"gen{layout}-{seed}"] = generated_report(seed, layout, wrong_cell=seed % 2 == 1)
    agree, total = Counter(), Counter()
    for name, text in sources.items():
        source = lint_text(text, f"{name}.txt").diagnostics
        pdf = print_pdf(report_html(text), out / f"{name}.pdf")
        readings = {"pdf": lambda: lint_path(pdf, LintOptions()).diagnostics}
        for extractor, extract in EXTRACTORS.items():
            def read(extract=extract, extractor=extractor):
                copy = out / f"{name}-{extractor}.txt"
                copy.write_text(extract(pdf), encoding="utf-8")
                return lint_path(copy, LintOptions()).diagnostics
            readings[extractor] = read
        row = []
        for reading, run in readings.items():
            try:
                ok = _agrees(run(), source)
            except Unavailable as missing:
                row.append(f"{reading}: skipped ({missing})")
                continue
            total[reading] += 1
            agree[reading] += ok
            row.append(f"{reading}: {'same' if ok else 'DIFFERENT'}")
        print(f"{name:14} " + ", ".join(row), flush=True)
    print()
    for reading in total:
        print(f"{reading:17} {agree[reading]:3} of {total[reading]} readings give the source text's verdict")
    print(f"PDFs and copies in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
