"""End-to-end tests of the ``furat`` command on real files: a directory tree
with plain-text, JSONL and WET files and damaged records in the middle,
stdin, the three output formats, atomic output, exit codes and summary."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import wetfiles

import furat
from furat.cli import main

ARTICLES = sorted((Path(__file__).parent.parent / "examples" / "articles").glob("*.txt"))
SEARCH = furat.Normalizer("search")


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "furat.cli", *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory tree of every input kind, with damage in the middle."""
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    for i, article in enumerate(ARTICLES[:2]):
        (root / "a" / f"{i:03d}.txt").write_bytes(article.read_bytes())
    (root / "b").mkdir()
    (root / "b" / "bad.txt").write_bytes(b"Deir ez-Zor " + b"\xff\xfe" + "الحسكة".encode())
    (root / "b" / "empty.txt").write_bytes(b" \n\t\n")
    (root / "b" / "ok.txt.gz").write_bytes(gzip.compress("البوكمال، الميادين".encode()))
    (root / "c").mkdir()
    lines = [
        json.dumps({"id": "j1", "text": "في  الحَسَكَة", "site": "example.org"}, ensure_ascii=False),
        "",
        '{"id": "j2", "text": "broken',
        json.dumps({"id": 7, "body": "no text field"}),
        json.dumps({"text": "بلا معرّف"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "j6", "text": None}),
    ]
    (root / "c" / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "d").mkdir()
    (root / "d" / "cc.warc.wet").write_bytes(
        wetfiles.warcinfo()
        + wetfiles.record("دَيْرُ الزُّوْر", uri="https://www.enabbaladi.net/1")
        + wetfiles.record("text", uri="https://x.org/2", length=200)  # overruns the next record
        + wetfiles.record("ok after damage", uri="https://x.org/3")
    )
    (root / "d" / "cc2.warc.wet.gz").write_bytes(
        wetfiles.gzip_members(
            [
                wetfiles.warcinfo(),
                wetfiles.record(b"\xd8\xa7\xff", uri="https://y.org/bad-utf8"),
                wetfiles.record("الرقة", uri="https://y.org/2"),
            ]
        )
    )
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.txt").write_text("never read")
    (root / "e").mkdir()
    os.symlink(root / "e" / "missing-target.txt", root / "e" / "dangling.txt")
    return root


# The records the corpus holds, in the order the CLI reads them: (id, error
# or None). Directories are walked in sorted order.
EXPECTED = [
    ("a/000", None),
    ("a/001", None),
    ("b/bad", "invalid UTF-8 at byte 12"),
    ("b/empty", "empty text"),
    ("b/ok", None),
    ("j1", None),
    ("c/docs:3", "invalid JSON: Unterminated string starting at: column 22"),
    ("7", "no 'text' field"),
    ("c/docs:5", None),
    ("c/docs:6", "not a JSON object but an array"),
    ("j6", "field 'text' is null, not a string"),
    ("https://www.enabbaladi.net/1", None),
    ("https://x.org/2", "damaged record: Content-Length 200 overruns the next record"),
    ("https://x.org/3", None),
    ("https://y.org/bad-utf8", "invalid UTF-8 at byte 2"),
    ("https://y.org/2", None),
    ("e/dangling", "unreadable file: no such file or directory"),
]


def test_directory_tree_accounts_for_every_record(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = run_cli("normalize", str(corpus), "-o", str(out))
    rows = read_jsonl(out)
    assert [(r["id"], r.get("error")) for r in rows] == EXPECTED
    for r in rows:
        assert set(r) == ({"id", "source", "error"} if "error" in r else {"id", "source", "text"})
    assert proc.returncode == 1
    summary = proc.stderr.decode()
    assert "17 documents read, 8 written, 9 failed" in summary
    assert f"failed: {corpus}/b/bad.txt: invalid UTF-8 at byte 12" in summary
    assert "... and 4 more" in summary
    assert proc.stdout == b""


def test_documents_are_normalized_and_sourced(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_cli("normalize", str(corpus), "-o", str(out))
    rows = {r["id"]: r for r in read_jsonl(out)}
    assert rows["a/000"]["text"] == SEARCH.normalize(ARTICLES[0].read_text(encoding="utf-8"))
    assert rows["a/000"]["source"] == str(corpus / "a" / "000.txt")
    assert rows["b/ok"]["text"] == SEARCH.normalize("البوكمال، الميادين")
    assert rows["j1"] == {"id": "j1", "source": f"{corpus}/c/docs.jsonl:1", "text": "في الحسكه"}
    assert rows["c/docs:5"]["text"] == "بلا معرف"
    assert rows["https://www.enabbaladi.net/1"]["source"] == f"{corpus}/d/cc.warc.wet#2"
    assert rows["https://www.enabbaladi.net/1"]["text"] == "دير الزور"
    assert rows["https://x.org/3"]["source"] == f"{corpus}/d/cc.warc.wet#4"
    assert rows["https://y.org/2"]["text"] == "الرقه"


def test_inputs_are_never_modified(corpus: Path, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    run_cli("normalize", str(corpus), "-o", str(tmp_path / "out.csv"))
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before


def test_glob_patterns_and_missing_inputs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = run_cli(
        "normalize", f"{corpus}/**/*.txt", str(corpus / "nope.txt"), f"{corpus}/*.none", "-o", str(out), "-q"
    )
    rows = read_jsonl(out)
    assert [(r["id"], r.get("error")) for r in rows] == [
        ("a/000", None),
        ("a/001", None),
        ("b/bad", "invalid UTF-8 at byte 12"),
        ("b/empty", "empty text"),
        ("e/dangling", "unreadable file: no such file or directory"),
        (str(corpus / "nope.txt"), "unreadable file: no such file or directory"),
        (f"{corpus}/*.none", "no file matches this pattern"),
    ]
    assert proc.returncode == 1
    assert proc.stderr == b""  # -q


def test_stdin_plain_text_to_stdout() -> None:
    proc = run_cli("normalize", "-", stdin="دَيْرُ الزُّوْر\n".encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == {"id": "<stdin>", "source": "<stdin>", "text": "دير الزور"}
    assert b"1 documents read, 1 written, 0 failed" in proc.stderr


def test_stdin_jsonl_and_gzipped_wet_are_sniffed() -> None:
    jsonl = b'{"id": "x", "text": "\xd8\xa3"}\nnot json\n'
    proc = run_cli("normalize", "-", stdin=jsonl)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows == [
        {"id": "x", "source": "<stdin>:1", "text": "ا"},
        {"id": "<stdin>:2", "source": "<stdin>:2", "error": "invalid JSON: Expecting value: column 1"},
    ]
    assert proc.returncode == 1
    wet = wetfiles.gzip_members([wetfiles.warcinfo(), wetfiles.record("أ", uri="https://a.sy/1")])
    proc = run_cli("normalize", "-", stdin=wet)
    assert json.loads(proc.stdout) == {"id": "https://a.sy/1", "source": "<stdin>#2", "text": "ا"}
    assert proc.returncode == 0


def test_jsonl_custom_fields(tmp_path: Path) -> None:
    src = tmp_path / "in.ndjson"
    src.write_text('{"key": "k1", "content": "أ", "other": 1}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["normalize", str(src), "--text-field", "content", "--id-field", "key", "-o", str(out), "-q"]) == 0
    assert read_jsonl(out) == [{"id": "k1", "source": f"{src}:1", "text": "ا"}]


def test_csv_output_has_every_row_and_column(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["normalize", str(corpus), "-o", str(out), "-q"]) == 1
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id", "source", "text", "error"]
    assert [(r["id"], r["error"] or None) for r in rows] == EXPECTED
    assert rows[0]["text"] == SEARCH.normalize(ARTICLES[0].read_text(encoding="utf-8"))


def test_parquet_output(corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["normalize", str(corpus), "-o", str(out), "-q", "--batch-size", "3"]) == 1
    table = pq.read_table(out)
    assert table.column_names == ["id", "source", "text", "error"]
    rows = table.to_pylist()
    assert [(r["id"], r["error"]) for r in rows] == EXPECTED
    assert rows[0]["text"] == SEARCH.normalize(ARTICLES[0].read_text(encoding="utf-8"))


def test_parquet_needs_a_file_and_pyarrow(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", ARTICLES[0].as_posix(), "-t", "parquet"]) == 2
    assert "Parquet output needs an output file" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["normalize", ARTICLES[0].as_posix(), "-o", "x.parquet"]) == 2
    assert "Parquet output needs pyarrow: pip install 'furat[parquet]'" in capsys.readouterr().err


@pytest.mark.parametrize("parallel", ["processes", "threads", "engine"])
def test_parallel_modes_give_the_single_job_output(corpus: Path, tmp_path: Path, parallel: str) -> None:
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    args = ["normalize", str(corpus), str(corpus), "--batch-size", "2", "-q"]
    assert main([*args, "-j", "1", "-o", str(one)]) == 1
    assert main([*args, "-j", "2", "--parallel", parallel, "-o", str(many)]) == 1
    assert many.read_bytes() == one.read_bytes()
    assert len(read_jsonl(many)) == 2 * len(EXPECTED)


def test_output_replaces_the_old_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    assert main(["normalize", ARTICLES[0].as_posix(), "-o", str(out), "-q"]) == 0
    assert len(read_jsonl(out)) == 1
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]  # no temporary file left
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_interrupted_run_leaves_the_old_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        writer = args[2]
        writer.write(b'{"partial": true}\n')
        raise KeyboardInterrupt

    monkeypatch.setattr("furat.cli.app.run", interrupted)
    assert main(["normalize", ARTICLES[0].as_posix(), "-o", str(out), "-q"]) == 130
    assert out.read_text() == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_output_inside_the_input_directory_is_not_read(corpus: Path) -> None:
    out = corpus / "a" / "out.jsonl"
    assert main(["normalize", str(corpus / "a"), "-o", str(out), "-q"]) == 0
    assert main(["normalize", str(corpus / "a"), "-o", str(out), "-q"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == ["000", "001"]


def test_output_equal_to_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "a"}\n')
    assert main(["normalize", str(src), "-o", str(src)]) == 2
    assert "is also an input" in capsys.readouterr().err
    assert src.read_text() == '{"text": "a"}\n'


def test_a_job_without_its_engine_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A build without the process engine (an older or partial build).
    monkeypatch.delattr(furat._furat, "process_batch")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    assert main(["process", str(ARTICLES[0]), "-o", str(out)]) == 2
    assert "furat process: process is not available in this build of furat" in capsys.readouterr().err
    assert out.read_text() == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "x", "--set", "colour=blue"]) == 2
    assert "colour" in capsys.readouterr().err
    assert main(["normalize", "x", "--set", "teh_marbuta=maybe"]) == 2
    err = capsys.readouterr().err
    assert "teh_marbuta" in err and "bool" in err
    with pytest.raises(SystemExit) as e:
        main(["normalize", "x", "-j", "0"])
    assert e.value.code == 2


def test_normalize_options(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    src = tmp_path / "t.txt"
    src.write_text("في  الحَسَكَة\n٣")
    assert main(["normalize", str(src), "--profile", "search", "--set", "teh_marbuta=false", "-o", str(out)]) == 0
    assert read_jsonl(out)[0]["text"] == "في الحسكة 3"
    assert main(["normalize", str(src), "--profile", "clean", "--set", "digits=true", "-o", str(out)]) == 0
    assert read_jsonl(out)[0]["text"] == "في الحَسَكَة\n3"


def test_version_and_help() -> None:
    proc = run_cli("--version")
    assert proc.stdout.decode().strip() == f"furat {furat.__version__}"
    proc = run_cli("process", "--help")
    assert b"--text-field" in proc.stdout and b"exit status" in proc.stdout


def test_stdout_closed_early_is_not_an_error(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"text": f"نص {i}"}) + "\n" for i in range(20000)))
    proc = subprocess.run(
        f"{sys.executable} -m furat.cli normalize {src} -j 1 | head -n 1",
        shell=True,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 1
    assert b"Traceback" not in proc.stderr


def test_progress_line_when_asked(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"text": f"نص {i}"}) + "\n" for i in range(3000)))
    proc = run_cli("normalize", str(src), "-o", str(tmp_path / "o.jsonl"), "--progress", "--batch-size", "10")
    err = proc.stderr.decode()
    assert "\r\x1b[2K" in err
    assert "docs/s" in err
    assert "3,000 documents read" in err


def test_csv_to_stdout_parses() -> None:
    proc = run_cli("normalize", "-", "-t", "csv", stdin=b"a\r\nb")
    rows = list(csv.reader(io.StringIO(proc.stdout.decode())))
    assert rows == [["id", "source", "text", "error"], ["<stdin>", "<stdin>", "a b", ""]]


def test_output_to_a_device_writes_through(tmp_path: Path) -> None:
    # Renaming a temporary file over /dev/null would replace the device.
    assert main(["normalize", ARTICLES[0].as_posix(), "-o", os.devnull, "-q"]) == 0
    assert not Path(os.devnull).is_file()
    assert not [p for p in os.listdir(os.path.dirname(os.devnull)) if p.endswith(".furat-tmp")]


def test_keep_copies_input_fields_and_warc_headers(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "أ", "url": "https://x.sy/a", "n": 3})
        + "\n"
        + json.dumps({"id": "b", "url": "https://x.sy/b"})
        + "\n",
        encoding="utf-8",
    )
    wet = tmp_path / "cc.warc.wet"
    wet.write_bytes(wetfiles.record("ة", uri="https://y.sy/1"))
    out = tmp_path / "out.jsonl"
    args = ["normalize", str(src), str(wet), "--keep", "url,n", "--keep", "WARC-Date", "-o", str(out), "-q"]
    assert main(args) == 1
    assert read_jsonl(out) == [
        {"id": "a", "source": f"{src}:1", "url": "https://x.sy/a", "n": 3, "WARC-Date": None, "text": "ا"},
        {"id": "b", "source": f"{src}:2", "url": "https://x.sy/b", "n": None, "WARC-Date": None,
         "error": "no 'text' field"},
        {"id": "https://y.sy/1", "source": f"{wet}#1", "url": None, "n": None,
         "WARC-Date": "2024-02-20T10:00:00Z", "text": "ه"},
    ]
    csv_out = tmp_path / "out.csv"
    assert main([*args[:-3], "-o", str(csv_out), "-q"]) == 1
    with csv_out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id", "source", "url", "n", "WARC-Date", "text", "error"]
    assert rows[0]["n"] == "3" and rows[2]["WARC-Date"] == "2024-02-20T10:00:00Z"


def test_keep_refuses_a_column_the_output_has(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", ARTICLES[0].as_posix(), "--keep", "text"]) == 2
    assert "--keep text: the output already has a 'text' column" in capsys.readouterr().err


@pytest.mark.parametrize("parallel", ["threads", "processes"])
def test_ctrl_c_leaves_the_old_output(tmp_path: Path, parallel: str) -> None:
    import signal

    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"text": f"نص رقم {i}"}) + "\n" for i in range(100_000)))
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    command = [sys.executable, "-m", "furat.cli", "normalize", str(src), "-o", str(out), "--progress"]
    command += ["-j", "2", "--parallel", parallel, "--batch-size", "64"]
    with subprocess.Popen(command, stderr=subprocess.PIPE) as proc:
        assert proc.stderr is not None
        # Wait until it is writing (the first progress line), then interrupt.
        seen = b""
        while b"docs" not in seen:
            chunk = proc.stderr.read(64)
            assert chunk, f"the run ended before it could be interrupted: {seen!r}"
            seen += chunk
        proc.send_signal(signal.SIGINT)
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=30) == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert out.read_text() == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["many.jsonl", "out.jsonl"]


PROCESS_FIELDS = {"id", "source", "title", "body", "meta", "places"}


def _text_of(corpus: Path, row: dict[str, Any]) -> str | None:
    """The text of a document row of the corpus, as the CLI read it."""
    source = row["source"]
    if source.endswith(".txt"):
        return Path(source).read_text(encoding="utf-8")
    if source.endswith(".txt.gz"):
        return gzip.decompress(Path(source).read_bytes()).decode()
    return None


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_process_accounts_for_every_record(corpus: Path, tmp_path: Path, jobs: str) -> None:
    """The main job end to end on a directory of text, JSONL and WET files
    with damage in the middle: one row per record, the documents processed
    exactly as furat.process does, the damaged ones reported."""
    out = tmp_path / "out.jsonl"
    proc = run_cli("process", str(corpus), "-o", str(out), "-j", jobs, "--batch-size", "3")
    assert proc.returncode == 1
    rows = read_jsonl(out)
    assert [(r["id"], r.get("error")) for r in rows] == EXPECTED
    found = 0
    for r in rows:
        if "error" in r:
            assert set(r) == {"id", "source", "error"}
            continue
        assert set(r) == PROCESS_FIELDS
        text = _text_of(corpus, r)
        if text is not None:
            expected = furat.process(text).to_dict(lines=False)
            assert {k: r[k] for k in ("title", "body", "meta", "places")} == expected
            for m in r["places"]:
                assert text[m["start"] : m["end"]] == m["surface"]
                assert m["part"] in ("title", "body")
        found += len(r["places"])
    assert found > 10
    summary = proc.stderr.decode()
    assert f"17 documents read, 8 written, 9 failed; {found} places found" in summary


def test_process_wet_records_keep_their_uri_and_site(tmp_path: Path) -> None:
    page = ARTICLES[1].read_text(encoding="utf-8")
    wet = tmp_path / "cc.warc.wet.gz"
    wet.write_bytes(
        wetfiles.gzip_members(
            [
                wetfiles.warcinfo(),
                wetfiles.record(page, uri="https://www.baladi-news.com/1"),
                wetfiles.record(b"\xff\xfe", uri="https://x.org/bad"),
                wetfiles.record("قصف على دير الزور", uri="https://x.org/2"),
            ]
        )
    )
    out = tmp_path / "out.jsonl"
    assert main(["process", str(wet), "-o", str(out), "-q", "--keep", "WARC-Target-URI"]) == 1
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["https://www.baladi-news.com/1", "https://x.org/bad", "https://x.org/2"]
    assert rows[0]["places"] == furat.process(page).to_dict()["places"]
    assert rows[1]["error"] == "invalid UTF-8 at byte 0"
    assert rows[0]["WARC-Target-URI"] == "https://www.baladi-news.com/1"


def test_process_csv_and_parquet_rows(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": ARTICLES[2].read_text(encoding="utf-8")}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "b", "text": ""}) + "\n",
        encoding="utf-8",
    )
    expected = furat.process(ARTICLES[2].read_text(encoding="utf-8")).to_dict(lines=False)
    csv_out = tmp_path / "out.csv"
    assert main(["process", str(src), "-o", str(csv_out), "-q"]) == 1
    with csv_out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id", "source", "title", "body", "meta", "places", "error"]
    assert json.loads(rows[0]["places"]) == expected["places"]
    assert json.loads(rows[0]["meta"]) == expected["meta"] and rows[0]["body"] == expected["body"]
    assert rows[1]["error"] == "empty text"
    pq = pytest.importorskip("pyarrow.parquet")
    pq_out = tmp_path / "out.parquet"
    assert main(["process", str(src), "-o", str(pq_out), "-q"]) == 1
    table = pq.read_table(pq_out).to_pylist()
    assert json.loads(table[0]["places"]) == expected["places"] and table[1]["error"] == "empty text"


def test_process_pretty_output_shows_the_places_of_each_document(corpus: Path) -> None:
    proc = run_cli("process", str(corpus), "-t", "pretty", "-j", "1")
    assert proc.returncode == 1
    out = proc.stdout.decode()
    blocks = [b for b in out.split("\n\n") if b.strip()]
    assert [b.split(" · ")[0].split("\n")[0] for b in blocks] == [i for i, _ in EXPECTED]
    first = furat.process(ARTICLES[0].read_text(encoding="utf-8"))
    places = first.places or []
    assert f"{len(places)} mentions of {len({m.place.pcode for m in places})} places" in blocks[0]
    for m in places:
        assert m.place.pcode in blocks[0] and m.place.name_en in blocks[0]
    assert "b/bad · FAILED: invalid UTF-8 at byte 12" in out
    assert "17 documents read, 8 written, 9 failed" in proc.stderr.decode()


def test_process_with_site_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blurb = "وتشهد مدينة الرقة منذ أشهر توترا أمنيا متصاعدا بين الفصائل المحلية والقوات المسيطرة على المنطقة."
    pages = [
        f"عنوان الخبر رقم {i} عن الحسكة\n"
        f"قال مصدر محلي إن دورية جابت شوارع الحسكة في اليوم {i} وسط انتشار أمني واسع في الأحياء الشرقية للمدينة.\n"
        f"{blurb}"
        for i in range(6)
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": p, "site": "a.sy"}, ensure_ascii=False) + "\n" for i, p in enumerate(pages)))
    templates = tmp_path / "a.templates"
    furat.Cleaner.fit(pages, sites=["a.sy"] * 6).save(templates)
    plain, stripped = tmp_path / "plain.jsonl", tmp_path / "stripped.jsonl"
    assert main(["process", str(src), "-o", str(plain), "-q"]) == 0
    assert main(["process", str(src), "--templates", str(templates), "-o", str(stripped), "-q"]) == 0
    assert all("الرقة" in [m["surface"] for m in r["places"]] for r in read_jsonl(plain))
    assert all("الرقة" not in [m["surface"] for m in r["places"]] for r in read_jsonl(stripped))
    assert main(["clean", str(src), "--templates", str(templates), "-o", str(stripped), "-q"]) == 0
    assert all("الرقة" not in r["body"] for r in read_jsonl(stripped))
    # A missing or corrupt templates file is a usage error, before any input is read.
    assert main(["process", str(src), "--templates", str(tmp_path / "nope")]) == 2
    assert "--templates" in capsys.readouterr().err
    (tmp_path / "bad.templates").write_bytes(b"not a cleaner")
    assert main(["process", str(src), "--templates", str(tmp_path / "bad.templates")]) == 2
    assert "--templates" in capsys.readouterr().err


def test_legacy_encodings_and_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "windows.txt"
    legacy.write_bytes("دير الزور".encode("cp1256"))
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "أ"}).encode() + b"\r\n")
    out = tmp_path / "out.jsonl"
    assert main(["normalize", str(legacy), str(bom), "-o", str(out), "-q"]) == 1
    assert [r.get("error") for r in read_jsonl(out)] == ["invalid UTF-8 at byte 0", None]
    assert main(["normalize", str(legacy), "--encoding", "cp1256", "-o", str(out), "-q"]) == 0
    assert read_jsonl(out)[0]["text"] == "دير الزور"
    assert main(["normalize", str(legacy), "--encoding", "klingon"]) == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


def test_a_full_disk_is_reported_and_the_old_output_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    from furat.cli import writers

    out = tmp_path / "out.jsonl"
    out.write_text("old\n")

    class FullDisk(writers.Writer):
        def write(self, payload: Any) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    real_make = writers.make

    def make(*args: Any) -> Any:
        writer, encode = real_make(*args)
        writer.__class__ = FullDisk
        return writer, encode

    with pytest.MonkeyPatch.context() as m:
        m.setattr(writers, "make", make)
        assert main(["normalize", ARTICLES[0].as_posix(), "-o", str(out)]) == 3
    assert "cannot write the output: No space left on device; " in capsys.readouterr().err
    assert out.read_text() == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_places_finds_the_places_of_each_document(tmp_path: Path) -> None:
    src = tmp_path / "t.jsonl"
    src.write_text(
        '{"id": "a", "text": "قصف على الحَسَكَة وبريف ديرالزور"}\n'
        '{"id": "b", "text": "no place here"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "o.jsonl"
    assert main(["places", str(src), "-o", str(out), "-q"]) == 0
    rows = {r["id"]: r for r in read_jsonl(out)}
    text = "قصف على الحَسَكَة وبريف ديرالزور"
    spans = [(m["start"], m["end"], m["pcode"]) for m in rows["a"]["places"]]
    assert rows["a"]["places"] == [m.to_record() for m in furat.Gazetteer.default().find(text)]
    assert [text[s:e] for s, e, _ in spans] == ["الحَسَكَة", "ديرالزور"]
    assert [p for _, _, p in spans] == ["SY08", "SY09"]
    assert rows["b"]["places"] == []


def test_clean_gives_title_body_and_meta(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(ARTICLES[1]), "-o", str(out), "-q"]) == 0
    [row] = read_jsonl(out)
    assert row["meta"]["title"] == "التحالف الدولي ينفي الاستعداد لعملية عسكرية ضد إيران في سوريا"
    assert row["meta"]["source"] == "بلدي نيوز"
    assert "مقالات ذات صلة" not in row["body"] and row["body"].startswith("نفى")
