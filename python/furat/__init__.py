"""furat: Arabic news to clean, normalized text and geotagged Syrian places.

The engines are native (Rust, through PyO3); this package re-exports them
and adds what is naturally Python. Importing it loads no heavy dependency.

>>> import furat
>>> furat.normalize("دَيْر الزُّوْر")
'دير الزور'
"""

from furat._furat import (
    Alignment,
    Article,
    Cleaner,
    DataError,
    FileError,
    FuratError,
    Gazetteer,
    InputError,
    InputTypeError,
    Match,
    LINE_KINDS,
    LINE_LABELS,
    Line,
    Normalizer,
    OptionError,
    Place,
    __version__,
    clean,
    clean_batch,
    normalize,
    process,
    process_batch,
)
from furat._matches import MatchList
from furat import plot

__all__ = [
    "Alignment",
    "Article",
    "Cleaner",
    "DataError",
    "FileError",
    "FuratError",
    "Gazetteer",
    "InputError",
    "InputTypeError",
    "Match",
    "MatchList",
    "LINE_KINDS",
    "LINE_LABELS",
    "Line",
    "Normalizer",
    "OptionError",
    "Place",
    "__version__",
    "clean",
    "clean_batch",
    "normalize",
    "plot",
    "process",
    "process_batch",
]
