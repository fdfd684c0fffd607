#!/usr/bin/env bash
# Builds the extension for every supported CPython (3.10-3.13), installs each
# wheel in a throwaway venv and runs a smoke test there. furat ships one
# wheel per CPython version (it reads PEP 393 strings in place, outside the
# limited API), so each must build and import.
#
# Interpreters are looked up as pythonX.Y on PATH, then under pyenv.
# FURAT_PYTHONS="3.11 3.12" narrows the list.
set -euo pipefail
cd "$(dirname "$0")/.."
versions=${FURAT_PYTHONS:-"3.10 3.11 3.12 3.13"}
out=$PWD/target/wheels-check
rm -rf "$out"
mkdir -p "$out"
maturin=${MATURIN:-.venv/bin/maturin}
failed=0
for v in $versions; do
    # A pyenv shim on PATH may exist for a version that is not selected (it
    # then fails to run), so every candidate is tried until one runs.
    py=""
    for cand in "$(command -v "python$v" || true)" \
        "$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/python 2>/dev/null | grep -v t/bin | sort -V | tail -n 1 || true)"; do
        if [ -n "$cand" ] && "$cand" -c 'import sys' 2>/dev/null; then
            py=$cand
            break
        fi
    done
    if [ -z "$py" ]; then
        echo "python $v: not found" >&2
        failed=1
        continue
    fi
    echo "python $v: $py"
    "$maturin" build --quiet --profile quick -i "$py" -o "$out/$v" >/dev/null
    venv="$out/venv-$v"
    "$py" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$out/$v"/*.whl
    (cd /tmp && "$venv/bin/python" "$OLDPWD/tests/smoke.py") || failed=1
done
exit $failed
