"""The ``furat`` command-line tool: ``furat {process,clean,places,normalize}``.

Run ``furat --help``. The modules, in the order a run uses them: ``args``
(the command line), ``inputs`` (files, directories, patterns, stdin),
``readers`` (plain text, JSONL and, through ``warc``, WET records),
``runner`` (batches, workers, accounting), ``writers`` (JSONL, CSV,
Parquet; ``atomic`` output files) and ``progress``.
"""

from furat.cli.app import main

__all__ = ["main"]
