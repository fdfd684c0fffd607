"""The batch functions behind the CLI, the pandas and Polars accessors and
the Dask helpers: one place where each job meets its engine.

A task turns a batch of texts, each with its site (or None), into one result
per text, in order: a dict of output fields, or an :class:`ItemError` for a
text the engine rejected. Tasks are small picklable objects, so the same
task runs in the calling thread, in worker threads (the engines release the
GIL) or in worker processes.

Only ``normalize`` has an engine today. ``clean``, ``places`` and
``process`` call the engines of issues 4 and 3 once the native module has
them (``furat.Cleaner``, ``furat.Gazetteer``, ``furat.process_batch``); until
then building such a task raises :class:`EngineUnavailable`. The marked
EXTENSION POINTs are the lines that change when the engines land.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from furat import _furat
from furat._furat import FuratError, Normalizer

if TYPE_CHECKING:
    from furat._furat import ProfileName


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


Result = dict[str, Any] | ItemError


class Task:
    """A job: texts and sites in, one result per text out, order kept."""

    #: The subcommand and accessor name.
    name: ClassVar[str]
    #: Output fields, after ``id`` and ``source``, in column order.
    fields: ClassVar[tuple[str, ...]]

    def __init__(self, *, threads: int | None = None) -> None:
        #: Threads of each engine batch call (None: all cores).
        self.threads = threads

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        raise NotImplementedError

    def count_places(self, result: dict[str, Any]) -> int:
        """How many place mentions a result holds (for run summaries)."""
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
    """``clean``: the article's ``title``, ``body`` and ``meta`` (issue 4)."""

    name = "clean"
    fields = ("title", "body", "meta")

    def __init__(self, *, threads: int | None = None) -> None:
        super().__init__(threads=threads)
        # EXTENSION POINT (issue 4): the boilerplate stripper's batch call.
        _native("Cleaner", "clean", "the boilerplate stripper, issue 4")

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        # EXTENSION POINT (issue 4): adjust to Cleaner's final signature.
        cleaner = _native("Cleaner", "clean", "the boilerplate stripper, issue 4")()
        articles = cleaner.clean_batch(list(texts), sites=list(sites), threads=self.threads)
        return [_pick(a.to_dict(), self.fields) for a in articles]


class PlacesTask(Task):
    """``places``: the place mentions of the raw text (issue 3)."""

    name = "places"
    fields = ("places",)

    def __init__(self, *, threads: int | None = None) -> None:
        super().__init__(threads=threads)
        _native("Gazetteer", "places", "the place matcher, issue 3")

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        # EXTENSION POINT (issue 3): adjust to Gazetteer's final signature.
        gazetteer = _native("Gazetteer", "places", "the place matcher, issue 3").default()
        found = gazetteer.find_batch(list(texts), threads=self.threads)
        return [{"places": [m.to_dict() for m in matches]} for matches in found]


class ProcessTask(Task):
    """``process``, the main job: the cleaned article and the places found in
    its title and body, spans in the original text (issue 5)."""

    name = "process"
    fields = ("title", "body", "meta", "places")

    def __init__(self, *, threads: int | None = None) -> None:
        super().__init__(threads=threads)
        _native("process_batch", "process", "the boilerplate stripper and place matcher, issues 3-5")

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        # EXTENSION POINT (issue 5): furat.process_batch(texts, sites=...)
        # returns one Article per text; Article.to_dict() is JSON-ready.
        process_batch = _native("process_batch", "process", "issues 3-5")
        articles = process_batch(list(texts), sites=list(sites), threads=self.threads)
        return [_pick(a.to_dict(), self.fields) for a in articles]


def _pick(d: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: d.get(f) for f in fields}


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
