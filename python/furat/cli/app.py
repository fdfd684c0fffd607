"""``furat COMMAND INPUT... [-o FILE]``: wires the parts of a run together.

args -> task (the engine) -> readers (records) -> runner (batches, workers)
-> writer (atomic output) -> summary.
"""

from __future__ import annotations

import codecs
import os
import sys
import threading
from typing import Any, TextIO

from furat._furat import Cleaner, DataError, FileError, InputTypeError, OptionError
from furat._tasks import TASKS, CleanTask, EngineUnavailable, NormalizeTask, ProcessTask, Task
from furat.cli import writers
from furat.cli.args import build_parser
from furat.cli.inputs import ByteCounter, total_bytes
from furat.cli.progress import Progress
from furat.cli.readers import Parser, ReadOptions, frame_all
from furat.cli.runner import RunOptions, Summary, run

EXIT_OK = 0
EXIT_FAILED_RECORDS = 1
EXIT_USAGE = 2
EXIT_OUTPUT_FAILED = 3
EXIT_INTERRUPTED = 130


def make_task(args: Any) -> Task:
    """The job's task, with the engine threads the parallel mode calls for:
    all of them for ``engine``, one per worker otherwise."""
    threads = args.jobs if args.parallel == "engine" else 1
    if args.command == "normalize":
        return NormalizeTask(args.profile, threads=threads, **dict(args.options))
    if getattr(args, "templates", None):
        cleaner = _load_templates(args.templates)
        if args.command == "process":
            return ProcessTask(threads=threads, cleaner=cleaner)
        return CleanTask(threads=threads, cleaner=cleaner)
    return TASKS[args.command](threads=threads)


def _load_templates(path: str) -> Cleaner:
    try:
        return Cleaner.load(path)
    except (FileError, DataError) as e:
        raise writers.UsageError(f"--templates {path}: {e}") from None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    label = f"furat {args.command}"
    err = sys.stderr
    try:
        output = os.path.abspath(args.output) if args.output else None
        task = make_task(args)
        _check_inputs(args.inputs, output)
        fmt = writers.format_for(args.output, args.output_format)
        # JSONL rows are written from the engine's own JSON text.
        task.encoded = fmt == "jsonl"
        keep = _kept_fields(args.keep, task)
        _check_encoding(args.encoding)
        writer, encode = writers.make(fmt, args.output, (*keep, *task.fields))
    except (EngineUnavailable, OptionError, writers.UsageError, InputTypeError) as e:
        print(f"{label}: {e}", file=err)
        return EXIT_USAGE
    except OSError as e:
        print(f"{label}: cannot write {args.output}: {e.strerror or e}", file=err)
        return EXIT_USAGE

    show_progress = (not args.quiet) and (err.isatty() if args.progress is None else args.progress)
    progress = Progress(err, label, enabled=show_progress)
    counter = ByteCounter()
    if show_progress:
        _estimate_total_in_background(args.inputs, progress)
    read_options = ReadOptions(
        args.input_format, args.text_field, args.id_field, args.site_field, args.encoding, keep
    )
    records = frame_all(args.inputs, read_options, counter, exclude=output)

    def on_progress(s: Summary) -> None:
        progress.update(s.written + s.failed, s.failed, counter.bytes)

    committed = False
    try:
        run_options = RunOptions(args.jobs, args.parallel, args.batch_size)
        summary = run(task, records, writer, encode, run_options, on_progress, Parser(read_options))
        writer.close(commit=True)
        committed = True
    except KeyboardInterrupt:
        progress.close()
        print(f"{label}: interrupted; {_what_happened_to(args.output)}", file=err)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # stdout closed early (`furat ... | head`): not an error of ours.
        _silence_stdout()
        return EXIT_OK
    except OSError as e:
        # The output cannot be written (a full disk...): input errors never
        # get here, they are error rows.
        progress.close()
        print(f"{label}: cannot write the output: {e.strerror or e}; {_what_happened_to(args.output)}", file=err)
        return EXIT_OUTPUT_FAILED
    finally:
        if not committed:
            try:
                writer.close(commit=False)
            except BrokenPipeError:
                _silence_stdout()
    progress.close()
    if not args.quiet:
        print_summary(label, summary, task, err)
    return EXIT_FAILED_RECORDS if summary.failed else EXIT_OK


def _what_happened_to(output: str | None) -> str:
    return f"{output} left as it was" if output else "the output is incomplete"


def _check_encoding(name: str) -> None:
    try:
        codecs.lookup(name)
    except LookupError:
        raise writers.UsageError(f"unknown encoding {name!r} (e.g. utf-8, cp1256, iso-8859-6)") from None


def _kept_fields(requested: list[str], task: Task) -> tuple[str, ...]:
    """The ``--keep`` fields, in order, without repeats; a name the output
    already has is a usage error (it would overwrite that column)."""
    keep = tuple(dict.fromkeys(name.strip() for arg in requested for name in arg.split(",") if name.strip()))
    taken = {"id", "source", "error", *task.fields}
    clash = [k for k in keep if k in taken]
    if clash:
        raise writers.UsageError(f"--keep {clash[0]}: the output already has a {clash[0]!r} column")
    return keep


def _check_inputs(inputs: list[str], output: str | None) -> None:
    """Refuses to write over an input: the input would be modified."""
    if output is None or not os.path.exists(output):
        return
    for arg in inputs:
        if arg != "-" and os.path.exists(arg) and os.path.samefile(arg, output):
            raise writers.UsageError(f"the output file {arg} is also an input; inputs are never modified")


def _estimate_total_in_background(inputs: list[str], progress: Progress) -> None:
    def estimate() -> None:
        progress.total_bytes = total_bytes(inputs)

    threading.Thread(target=estimate, name="furat-estimate", daemon=True).start()


def _silence_stdout() -> None:
    # Python flushes stdout at exit and would report the broken pipe again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def print_summary(label: str, s: Summary, task: Task, out: TextIO) -> None:
    rate = s.read / s.seconds if s.seconds > 0 else 0.0
    places = f"; {s.places:,} places found" if "places" in task.fields else ""
    print(
        f"{label}: {s.read:,} documents read, {s.written:,} written, {s.failed:,} failed{places}; "
        f"{s.seconds:.2f} s ({rate:,.0f} documents/s)",
        file=out,
    )
    for source, error in s.errors:
        print(f"  failed: {source}: {error}", file=out)
    if s.failed > len(s.errors):
        print(f"  ... and {s.failed - len(s.errors):,} more: see the rows with an 'error' field", file=out)
