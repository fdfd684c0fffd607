"""Type stubs of the native module ``furat._furat`` (checked by stubtest)."""

import datetime
import os
from collections.abc import Iterable
from typing import Any, Literal, final

__version__: str

ProfileName = Literal["search", "clean", "camel", "none"]
DiacriticsMode = Literal["keep", "basic", "all", "keep_shadda"]
AlefMode = Literal["keep", "basic", "all"]
WhitespaceMode = Literal["keep", "spaces", "lines", "collapse"]

# ----------------------------------------------------------------- errors

class FuratError(Exception):
    """Base class of every error furat raises."""

class OptionError(FuratError, ValueError):
    """An unknown profile, option or option value."""

class InputError(FuratError, ValueError):
    """Input that cannot be processed."""

class InputTypeError(FuratError, TypeError):
    """Input of the wrong type (not a str, ...)."""

class DataError(FuratError, ValueError):
    """A malformed data file, record or saved state."""

class FileError(FuratError, OSError):
    """A file that cannot be read or written."""

# ------------------------------------------------------------- normalizer

@final
class Alignment:
    """Maps spans between a normalized text and its original (str indices)."""

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...
    def to_normalized(self, start: int, end: int) -> tuple[int, int]: ...
    @property
    def original_length(self) -> int: ...
    @property
    def normalized_length(self) -> int: ...
    def blocks(self) -> list[tuple[int, int, int, int]]: ...
    @staticmethod
    def _from_blocks(
        original_length: int,
        normalized_length: int,
        blocks: list[tuple[int, int, int, int]],
    ) -> Alignment: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Normalizer:
    """An immutable, thread-safe, picklable Arabic normalizer."""

    def __new__(
        cls,
        profile: ProfileName = "search",
        *,
        nfc: bool = ...,
        diacritics: DiacriticsMode = ...,
        tatweel: bool = ...,
        alef: AlefMode = ...,
        hamza: bool = ...,
        alef_maksura: bool = ...,
        teh_marbuta: bool = ...,
        persian: bool = ...,
        presentation_forms: bool = ...,
        digits: bool = ...,
        punctuation: bool = ...,
        quotes: bool = ...,
        invisibles: bool = ...,
        joiners: bool = ...,
        whitespace: WhitespaceMode = ...,
        lowercase: bool = ...,
    ) -> Normalizer: ...
    def normalize(self, text: str) -> str: ...
    def normalize_batch(self, texts: Iterable[str], *, threads: int | None = None) -> list[str]: ...
    def normalize_with_offsets(self, text: str) -> tuple[str, Alignment]: ...
    @property
    def options(self) -> dict[str, bool | str]: ...
    @property
    def profile(self) -> ProfileName | None: ...
    def to_dict(self) -> dict[str, bool | str]: ...
    @staticmethod
    def from_dict(d: dict[str, Any]) -> Normalizer: ...
    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, bool | str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def normalize(text: str, profile: ProfileName = "search") -> str: ...

# ------------------------------------------------------------ boilerplate


LineLabel = Literal["title", "content", "boilerplate", "blank"]

LINE_KINDS: tuple[str, ...]
LINE_LABELS: tuple[str, ...]

@final
class Line:
    """One line of a cleaned page."""

    def __new__(
        cls,
        index: int,
        text: str,
        label: LineLabel,
        kind: str,
        reason: str,
        start: int,
        end: int,
    ) -> Line: ...
    @property
    def index(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> LineLabel: ...
    @property
    def kind(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __getnewargs__(self) -> tuple[int, str, str, str, str, int, int]: ...

@final
class Article:
    """A cleaned page: headline, body, one Line per line, metadata."""

    @property
    def text(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def body(self) -> str: ...
    @property
    def lines(self) -> list[Line]: ...
    @property
    def labels(self) -> list[LineLabel]: ...
    @property
    def meta(self) -> dict[str, str | None]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _from_state(
        text: str,
        lines: list[tuple[str, str, str, int, int]],
        meta: dict[str, str | None],
    ) -> Article: ...

Reference = datetime.date | datetime.datetime | str | None

def clean(text: str, *, reference: Reference = None, site_name: str | None = None) -> Article: ...
def clean_batch(
    texts: Iterable[str], *, reference: Reference = None, threads: int | None = None
) -> list[Article]: ...

@final
class Cleaner:
    """A cleaner that also strips each site's template lines."""

    def __new__(cls) -> Cleaner: ...
    @classmethod
    def fit(
        cls,
        texts: Iterable[str],
        sites: Iterable[str] | None = None,
        *,
        min_pages: int = 3,
        min_share: float = 0.05,
        prose_share: float = 0.5,
        threads: int | None = None,
    ) -> Cleaner: ...
    def clean(self, text: str, *, site: str | None = None, reference: Reference = None) -> Article: ...
    def clean_batch(
        self,
        texts: Iterable[str],
        sites: Iterable[str] | None = None,
        *,
        reference: Reference = None,
        threads: int | None = None,
    ) -> list[Article]: ...
    @property
    def sites(self) -> dict[str, dict[str, int]]: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> Cleaner: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    @staticmethod
    def load(path: str | os.PathLike[str]) -> Cleaner: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
