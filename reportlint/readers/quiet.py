"""Library chatter goes to debug logging, not the user's terminal.

pdfminer logs `Could not get FontBBox from font descriptor…` and the like as warnings for
nearly every PDF set in CJK fonts, and zipfile (under python-docx) warns about odd archives.
Without a logging configuration Python prints such warnings to stderr, between reportlint's own
output. While a reader runs they are re-logged at DEBUG on the `reportlint.readers` logger, where
whoever configures logging (`logging.basicConfig(level=logging.DEBUG)`) still sees them.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

LOG = logging.getLogger("reportlint.readers")
_LIBRARIES = ("pdfminer", "pdfplumber", "docx")


class _ToDebug(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        LOG.debug("%s: %s", record.name, record.getMessage())


_HANDLER = _ToDebug(logging.WARNING)


def _library_loggers_to_debug() -> None:
    """Once per process: the libraries' warnings are handled here instead of reaching the root logger."""
    for name in _LIBRARIES:
        logger = logging.getLogger(name)
        if _HANDLER not in logger.handlers:
            logger.addHandler(_HANDLER)
            logger.propagate = False
            if logger.level == logging.NOTSET:
                logger.setLevel(logging.WARNING)  # their debug chatter is not even formatted


@contextmanager
def library_output_to_debug() -> Iterator[None]:
    """Within the block, library log warnings and Python warnings become debug log records."""
    _library_loggers_to_debug()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for warning in caught:
        LOG.debug("%s: %s", warning.category.__name__, warning.message)
