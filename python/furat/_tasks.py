"""The batch functions behind the CLI, the pandas and Polars accessors and
the Dask helpers: one place where each job meets its engine.

A task turns a batch of texts, each with its site (or None), into one result
per text, in order: a dict of output fields, or an :class:`ItemError` for a
text the engine rejected. Tasks are small picklable objects, so the same
task runs in the calling thread, in worker threads (the engines release the
GIL) or in worker processes.

Each task looks its engine up on the native module when it is built
(``furat.Normalizer``, ``furat.Cleaner``, ``furat.Gazetteer``,
``furat.process_batch``): a build without one raises
:class:`EngineUnavailable` before any input is read. A place mention is
written as the flat record of ``Match.to_record()`` by both ``places`` and
``process``, so the two jobs' outputs have one shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from furat import _furat
from furat._furat import FuratError, Normalizer

if TYPE_CHECKING:
    from furat._furat import Cleaner, ProfileName


class EngineUnavailable(FuratError, NotImplementedError):
    """The job needs an engine this build of furat does not have."""


class ItemError:
    """One text a task could not process, with the reason."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"ItemError({self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ItemError) and other.message == self.message

    def __hash__(self) -> int:
        return hash(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ItemError, (self.message,))


class EncodedFields:
    """A result already written as JSON (``Article.to_json``, UTF-8): the
    JSON object of the job's fields, and how many place mentions it holds.
    What a task returns when its ``encoded`` flag is set, for JSONL output,
    where it is written as it is (no dict built and encoded again)."""

    __slots__ = ("json", "places")

    def __init__(self, json: bytes, places: int) -> None:
        self.json = json
        self.places = places

    def __repr__(self) -> str:
        return f"EncodedFields({self.json!r}, {self.places})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (EncodedFields, (self.json, self.places))


Result = dict[str, Any] | EncodedFields | ItemError


class Task:
    """A job: texts and sites in, one result per text out, order kept."""

    #: The subcommand and accessor name.
    name: ClassVar[str]
    #: Output fields, after ``id`` and ``source``, in column order.
    fields: ClassVar[tuple[str, ...]]
    #: Return :class:`EncodedFields` instead of dicts (for JSONL output),
    #: where the task can (``process``, ``clean``); set on an instance.
    encoded: bool = False

    def __init__(self, *, threads: int | None = None) -> None:
        #: Threads of each engine batch call (None: all cores).
        self.threads = threads

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        raise NotImplementedError

    def count_places(self, result: dict[str, Any] | EncodedFields) -> int:
        """How many place mentions a result holds (for run summaries)."""
        if isinstance(result, EncodedFields):
            return result.places
        places = result.get("places")
        return len(places) if isinstance(places, list) else 0


def _native(attr: str, job: str, needs: str) -> Any:
    """A native engine entry point, or EngineUnavailable naming what is
    missing. Looked up on the native module so that it works in worker
    processes too."""
    engine = getattr(_furat, attr, None)
    if engine is None:
        raise EngineUnavailable(f"{job} is not available in this build of furat: it needs furat.{attr} ({needs})")
    return engine


class NormalizeTask(Task):
    """``normalize``: one normalized ``text`` per input."""

    name = "normalize"
    fields = ("text",)

    def __init__(self, profile: ProfileName = "search", *, threads: int | None = None, **options: Any) -> None:
        super().__init__(threads=threads)
        self.normalizer = Normalizer(profile, **options)

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        out = self.normalizer.normalize_batch(texts, threads=self.threads)
        return [{"text": t} for t in out]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_normalize, (self.normalizer, self.threads))


def _rebuild_normalize(normalizer: Normalizer, threads: int | None) -> NormalizeTask:
    task = NormalizeTask.__new__(NormalizeTask)
    task.normalizer = normalizer
    task.threads = threads
    return task


class CleanTask(Task):
    """``clean``: the article's ``title``, ``body`` and ``meta``; a
    ``Cleaner`` (site templates) if given, else the plain stripper."""

    name = "clean"
    fields = ("title", "body", "meta")

    def __init__(self, *, threads: int | None = None, cleaner: Cleaner | None = None) -> None:
        super().__init__(threads=threads)
        self.cleaner = cleaner or _native("Cleaner", "clean", "the boilerplate stripper")()

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        articles = self.cleaner.clean_batch(texts, sites, threads=self.threads)
        if self.encoded:
            return [EncodedFields(a.to_json(lines=False, as_bytes=True), 0) for a in articles]
        return [{"title": a.title, "body": a.body, "meta": a.meta} for a in articles]


class PlacesTask(Task):
    """``places``: the place mentions of the raw text, as flat records."""

    name = "places"
    fields = ("places",)

    def __init__(self, *, threads: int | None = None) -> None:
        super().__init__(threads=threads)
        _native("Gazetteer", "places", "the place matcher")

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        gazetteer = _native("Gazetteer", "places", "the place matcher").default()
        found = gazetteer.find_batch(texts, threads=self.threads)
        return [{"places": [m.to_record() for m in matches]} for matches in found]


class ProcessTask(Task):
    """``process``, the main job: the cleaned article and the places found in
    its title and body, spans in the original text; a ``Cleaner`` (site
    templates, chosen by each text's site) if given."""

    name = "process"
    fields = ("title", "body", "meta", "places")

    def __init__(self, *, threads: int | None = None, cleaner: Cleaner | None = None) -> None:
        super().__init__(threads=threads)
        self.cleaner = cleaner
        _native("process_batch", "process", "the boilerplate stripper and the place matcher")

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        if self.cleaner is not None:
            articles = self.cleaner.process_batch(texts, sites, threads=self.threads)
        else:
            process_batch = _native("process_batch", "process", "the boilerplate stripper and the place matcher")
            articles = process_batch(texts, sites=sites, threads=self.threads)
        # title, body, meta, places (flat records): built in one native call.
        if self.encoded:
            return [EncodedFields(a.to_json(lines=False, as_bytes=True), len(a.places or ())) for a in articles]
        return [a.to_dict(lines=False) for a in articles]


#: Every job by name, in the order the CLI lists them.
TASKS: dict[str, type[Task]] = {
    "process": ProcessTask,
    "clean": CleanTask,
    "places": PlacesTask,
    "normalize": NormalizeTask,
}


def run_isolating(task: Task, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
    """Runs ``task`` on a batch; if the batch call fails, runs the texts one
    by one so that only the texts that fail become errors (a damaged record
    never costs its neighbours their results)."""
    try:
        results = task.run(texts, sites)
    except EngineUnavailable:
        raise
    except Exception as e:  # any engine failure is isolated below
        if len(texts) == 1:
            return [ItemError(_describe(e))]
        return [r for t, s in zip(texts, sites, strict=True) for r in run_isolating(task, [t], [s])]
    if len(results) != len(texts):
        raise RuntimeError(f"{task.name}: the engine returned {len(results)} results for {len(texts)} texts")
    return results


def _describe(e: BaseException) -> str:
    text = str(e)
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
