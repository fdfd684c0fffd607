# furat: the two commands of the README are `make demo` and `make test`.
# Everything else is a step of those two. `make help` lists the targets.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
SHARED ?= ../shared

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip 'maturin>=1.9.4,<2'

.PHONY: venv
venv: $(PY) ## create the virtual environment (.venv) with maturin

.PHONY: build-dev
build-dev: $(PY) ## build the extension (release) into the venv, in place
	rm -f python/furat/_furat*.so
	VIRTUAL_ENV=$(abspath $(VENV)) $(VENV)/bin/maturin develop --release --quiet

.PHONY: demo
demo: build-dev ## install furat and run its main job on the built-in example
	$(VENV)/bin/furat process examples/articles --output-format pretty

.PHONY: test-deps
test-deps: $(PY) ## install what the tests need (pytest, hypothesis, the oracles)
	$(PIP) install pytest pytest-timeout hypothesis mypy 'tomli; python_version < "3.11"' \
		pyarabic emoji
	# CAMeL Tools pulls torch; its utils need only emoji (issue #2).
	$(PIP) install --no-deps camel-tools
	# pipelines (issue 5): Parquet output, pandas/Polars, Dask, the notebook.
	# distributed pins its own dask exactly; without a floor pip can pair the newest dask
	# with a 2021 distributed that no longer imports (a dask release the mirror has before
	# its distributed).
	$(PIP) install pandas polars pyarrow 'dask[bag,dataframe]>=2024.1' 'distributed>=2024.1' nbclient nbformat ipykernel folium

.PHONY: test
test: test-deps build-dev ## run every test: cargo, pytest, stubs, each CPython 3.10-3.13
	cargo test --quiet
	$(PY) -m pytest -q
	$(PY) -m mypy.stubtest furat._furat --allowlist tests/stubtest_allowlist.txt
	$(PY) -m mypy python/furat
	scripts/check_pythons.sh

.PHONY: lint
lint: $(PY) ## rustfmt and clippy
	cargo fmt --check
	cargo clippy --all-targets --features python -- -D warnings

.PHONY: bench
bench: build-dev ## install the peers and run the benchmarks (not part of `test`)
	$(PIP) install pyarabic arabic-norm pyahocorasick ahocorasick-rs flashtext \
		trafilatura justext resiliparse boilerpy3 lxml_html_clean emoji
	$(PIP) install --no-deps camel-tools
	$(PY) benchmarks/run_all.py

.PHONY: gazetteer
gazetteer: build-dev ## rebuild data/gazetteer/places.csv from $(SHARED)/data/gazetteer (needs wordfreq), its key table, then the extension
	$(PIP) install 'wordfreq>=3.1'
	$(PY) scripts/build_gazetteer.py $(SHARED)/data/gazetteer
	$(MAKE) gazetteer-table
	$(MAKE) build-dev

.PHONY: gazetteer-table
gazetteer-table: ## rewrite data/gazetteer/keys.bin, the built-in gazetteer's precomputed keys (after places.csv, keys.rs or the normalizer change)
	FURAT_WRITE_KEY_TABLE=1 cargo test --quiet --lib gazetteer::tests::shipped_key_table_is_current

.PHONY: clean
clean: ## remove build products and the venv
	rm -rf target $(VENV) python/furat/_furat*.so .pytest_cache .hypothesis
