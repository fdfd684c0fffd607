"""Type stubs of the native module ``furat._furat`` (checked by stubtest)."""

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
    def to_dict(self) -> dict[str, Any]: ...
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
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def normalize(text: str, profile: ProfileName = "search") -> str: ...
