"""The package surface: imports, exceptions, version."""

import subprocess
import sys

import pytest

import furat


def test_exports_are_importable() -> None:
    for name in furat.__all__:
        assert hasattr(furat, name), name


def test_exception_hierarchy() -> None:
    assert issubclass(furat.OptionError, furat.FuratError)
    assert issubclass(furat.OptionError, ValueError)
    assert issubclass(furat.InputTypeError, TypeError)
    assert issubclass(furat.InputError, ValueError)
    assert issubclass(furat.DataError, ValueError)
    assert issubclass(furat.FileError, OSError)


def test_version_matches_metadata() -> None:
    from importlib.metadata import version

    assert furat.__version__ == version("furat")


def test_import_is_light() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); import furat; "
        "print(time.perf_counter() - t); "
        "print(','.join(m for m in ('pandas', 'polars', 'numpy', 'dask') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, heavy = out.stdout.split("\n")[:2]
    assert heavy == "", f"import furat pulled in {heavy}"
    assert float(seconds) < 0.1


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["list"]])
def test_normalize_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError, match="expected str, got"):
        furat.normalize(bad)  # type: ignore[arg-type]
