"""The command line: subcommands and their options."""

from __future__ import annotations

import argparse
import os

import furat
from furat.cli.runner import PARALLEL_MODES
from furat.cli.writers import FORMATS

_JOBS = {
    "process": "the main job: the cleaned article (title, body, meta) and the places found in it",
    "clean": "strip the boilerplate: title, body and metadata of each page",
    "places": "find the places each text mentions, with spans in the original text",
    "normalize": "normalize each text (Arabic letter forms, diacritics, digits, whitespace...)",
}

_EPILOG = """\
inputs: files, directories (recursive), glob patterns ('data/**/*.jsonl'), or
'-' for standard input. Plain-text files are one document each; .jsonl files
one document per line (--text-field, --id-field, --site-field); .warc.wet and
.warc.wet.gz files (Common Crawl) one document per conversion record, its
target URI as id and its host as site. Any input may be gzip-compressed.

Every input record gives one output row: {id, source, <fields>} or, when it
could not be read or processed, {id, source, error}.

exit status: 0 when every record was processed, 1 when some failed (their
error rows are in the output), 2 for a usage error, 3 when the output could
not be written, 130 when interrupted.
"""


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {n}")
    return n


def _option(text: str) -> tuple[str, bool | str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    lowered = value.lower()
    if lowered in ("true", "on", "yes", "1"):
        return name, True
    if lowered in ("false", "off", "no", "0"):
        return name, False
    return name, value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, glob patterns, or - for stdin")
    out = p.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of to stdout")
    out.add_argument(
        "-t",
        "--output-format",
        choices=FORMATS,
        help="default: from the output file's extension (.csv, .parquet), else jsonl; "
        "'pretty': a readable summary of each document (for people, not pipelines)",
    )
    inp = p.add_argument_group("input")
    inp.add_argument(
        "-f",
        "--input-format",
        choices=("auto", "text", "jsonl", "wet"),
        default="auto",
        help="default: by file name (.jsonl, .ndjson, .wet, .warc[.gz]), else text; sniffed for stdin",
    )
    inp.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSONL: the text's field (default: text)"
    )
    inp.add_argument("--id-field", default="id", metavar="NAME", help="JSONL: the id's field (default: id)")
    inp.add_argument(
        "--encoding",
        default="utf-8",
        metavar="NAME",
        help="of plain-text and JSONL inputs (default: utf-8; cp1256 for Windows Arabic); WET is UTF-8",
    )
    inp.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="FIELD[,FIELD]",
        help="copy these input fields to every output row: JSONL fields, or WARC headers of WET records "
        "(e.g. --keep url,date or --keep WARC-Date)",
    )
    inp.add_argument("--site-field", default="site", metavar="NAME", help="JSONL: the site's field (default: site)")
    run = p.add_argument_group("running")
    run.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=default_jobs(),
        metavar="N",
        help="cores to use (default: all, %(default)s here)",
    )
    run.add_argument(
        "--parallel",
        choices=PARALLEL_MODES,
        default="threads",
        help="how jobs > 1 run: worker threads (default; the engines release the GIL), "
        "worker processes, or the engine's own threads",
    )
    run.add_argument(
        "--batch-size", type=_positive, default=256, metavar="N", help="documents per batch (default: 256)"
    )
    run.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress line on stderr (default: when stderr is a terminal)",
    )
    run.add_argument("-q", "--quiet", action="store_true", help="print no summary and no progress")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="furat",
        description="Arabic news to clean, normalized text and geotagged Syrian place mentions.",
        epilog="Run 'furat COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"furat {furat.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in _JOBS.items():
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text[0].upper() + help_text[1:] + ".",
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _common(p)
        if name in ("process", "clean"):
            p.add_argument(
                "--templates",
                metavar="FILE",
                help="site templates to strip too: a furat.Cleaner saved with Cleaner.save(FILE) "
                "(each document's site picks its templates)",
            )
        if name == "normalize":
            p.add_argument(
                "--profile",
                choices=("search", "clean", "camel", "none"),
                default="search",
                help="the option set to start from (default: search)",
            )
            p.add_argument(
                "--set",
                dest="options",
                type=_option,
                action="append",
                default=[],
                metavar="NAME=VALUE",
                help="override one option, e.g. --set teh_marbuta=false --set whitespace=lines",
            )
    return parser
