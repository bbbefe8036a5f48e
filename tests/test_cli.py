"""The command line: formats, the demo, progress, and one-line errors with exit status 2."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import spacy

from numclaims.cli import main, sample_text

NEWS = "Al menos 10,000 contenedores llegaron a Rusia, dijo Shin. El paro bajó al 12,5 %.\n"


@pytest.fixture
def news_file(tmp_path: Path) -> Path:
    path = tmp_path / "noticia.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_jsonl(news_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(news_file), "--model", "blank")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [(r["text"], r["value"], r["file"]) for r in rows] == [
        ("10,000", 10000, str(news_file)),
        ("12,5 %", 12.5, str(news_file)),
    ]


def test_csv_and_table(news_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(news_file), "-f", "csv", "-m", "blank")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and [r["value_exact"] for r in rows] == ["10000", "12.5"]
    assert rows[0]["unit"] == "contenedor" and rows[0]["qualifier"] == "at_least"
    status, out, _ = run(capsys, "extract", str(news_file), "-f", "table", "-m", "blank")
    header, _rule, *lines = out.splitlines()
    assert status == 0 and header.split()[:4] == ["file", "text", "kind", "value"]
    assert lines[0].split()[1:4] == ["10,000", "quantity", "10000"]
    assert lines[0].split()[0].endswith(news_file.name)  # a long path keeps its end


def test_the_table_names_the_file_of_each_row(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Hubo 300 heridos.\n", encoding="utf-8")
    status, out, _ = run(
        capsys, "extract", str(news_file), str(other), "-f", "table", "-m", "blank"
    )
    files = [line.split()[0] for line in out.splitlines()[2:]]
    assert status == 0 and files[-1].endswith("b.txt") and files[0].endswith(news_file.name)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table", "html"])
def test_no_claims_found_in_every_format(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "vacio.txt"
    empty.write_text("Nada que contar.\n", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(empty), "-f", fmt, "-m", "blank")
    assert status == 0
    if fmt in ("jsonl", "csv"):  # data stays data: the message is on standard error
        assert "no claims found" in err and "no claims found" not in out
    else:
        assert "no claims found" in out


def test_progress_on_a_terminal_is_a_bar_with_rate_and_time_left(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    big = tmp_path / "big.txt"
    big.write_text(NEWS * 4000, encoding="utf-8")
    leader, follower = pty.openpty()
    # a terminal of 120 columns (a new pty has none)
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.run(
        [sys.executable, "-m", "numclaims", "extract", str(big), "-m", "blank", "-o", os.devnull],
        stderr=follower,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=300,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, err
    assert "100%" in err and "char/s" in err  # tqdm's bar: the rate
    assert re.search(r"\d+:\d\d<\d+:\d\d", err)  # elapsed<time left


def test_html(news_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(news_file), "-f", "html", "-m", "blank")
    assert status == 0 and out.lstrip().startswith("<!DOCTYPE html>")
    assert "10.000" in out and "contenedores" in out


def test_stdin_and_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Pagó 1,500 euros.".encode())))
    status, out, _ = run(capsys, "extract", "-", "--locale", "es-ES", "-m", "blank")
    assert status == 0 and json.loads(out)["value_exact"] == "1.5"


def test_output_file(news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    status, out, _ = run(capsys, "extract", str(news_file), "-o", str(target), "-m", "blank")
    assert status == 0 and out == ""
    assert len(target.read_text("utf-8").splitlines()) == 2


def test_demo_uses_the_bundled_sample(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "demo", "--format", "jsonl", "--model", "blank")
    rows = [json.loads(line) for line in out.splitlines()]
    text = sample_text()
    assert status == 0 and len(rows) >= 8
    for r in rows:
        assert text[r["start_char"] : r["end_char"]] == r["text"]
    values = {r["value_exact"] for r in rows}
    assert {"3500000000", "120000", "40", "800"} <= values
    assert "2005" not in values  # "desde 2005" is a year


def test_progress_on_long_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text(NEWS * 4000, encoding="utf-8")
    status, _, err = run(capsys, "extract", str(big), "-m", "blank", "--progress")
    assert status == 0
    assert "100%" in err.splitlines()[-1] and len(err.splitlines()) >= 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "no/such/file.txt"], "no such file"),
        (["extract", "{dir}"], "is a directory"),
        (["extract", "{latin1}"], "not UTF-8"),
        (["extract", "{ok}", "--locale", "fr-FR"], "locale"),
        (["extract", "{ok}", "--model", "es_core_news_xl_missing"], "cannot load pipeline"),
    ],
)
def test_errors_are_one_line_with_status_2(tmp_path: Path, args: list[str], message: str) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Costó 10 millones de pesos en Bogotá".encode("latin-1"))
    ok = tmp_path / "ok.txt"
    ok.write_text(NEWS, encoding="utf-8")
    argv = [a.format(dir=tmp_path, latin1=latin1, ok=ok) for a in args]
    proc = subprocess.run(
        [sys.executable, "-m", "numclaims", *argv],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_format_is_a_usage_error() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "numclaims", "extract", "-f", "xml"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_console_script_is_installed() -> None:
    proc = subprocess.run(["numclaims", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("numclaims ")


# --- output files, pipelines and write errors -------------------------------------------------

OLD_OUTPUT = (
    '{"file": "ayer.txt", "text": "3,5 %", "value_exact": "3.5", "unit": {"name": "percent"}}\n'
    '{"file": "ayer.txt", "text": "mil millones", "subject": {"text": "la inversión española"}}\n'
).encode()
LINUX_ONLY = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def device(tmp_path: Path, name: str) -> str:
    """``/dev/null`` or ``/dev/full``; as root, a node of the same device in ``tmp_path``.

    Root could replace the system's node if the command line wrongly replaced its output
    file: a private node keeps such a bug harmless.
    """
    if os.geteuid() != 0:
        return f"/dev/{name}"
    node = tmp_path / f"dev_{name}"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, {"null": 3, "full": 7}[name]))
    try:
        node.open("w").close()
    except OSError:
        pytest.skip("device nodes do not work here (a nodev mount)")
    return str(node)


def one_error_line(err: str) -> str:
    """The only line of ``err``, which must be a numclaims error without a traceback."""
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("numclaims: error: "), err
    return lines[0]


def environment(*, unbuffered: bool) -> dict[str, str]:
    """The environment for a subprocess whose standard output is (un)buffered."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.fixture(scope="module")
def pipelines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Saved pipelines: an English one and Spanish ones with a broken meta.json or config.cfg."""
    base = tmp_path_factory.mktemp("pipelines")
    paths = {name: base / name for name in ("en", "bad_meta", "bad_config")}
    spacy.blank("en").to_disk(paths["en"])
    spacy.blank("es").to_disk(paths["bad_meta"])
    spacy.blank("es").to_disk(paths["bad_config"])
    (paths["bad_meta"] / "meta.json").write_text('{"lang": "es", "name": ', encoding="utf-8")
    config = paths["bad_config"] / "config.cfg"
    config.write_text(config.read_text("utf-8").replace("[nlp]", "[nlp", 1), encoding="utf-8")
    return paths


@pytest.mark.parametrize(
    ("model", "more_input", "message"),
    [
        ("no_such_model", None, "cannot load pipeline 'no_such_model': [E050]"),
        ("{en}", None, "numclaims needs a Spanish pipeline, not 'en'"),
        ("{bad_meta}", None, "meta.json is not valid JSON"),
        ("{bad_config}", None, "config.cfg is not valid"),
        ("blank", "{tmp}/no_such_input.txt", "no_such_input.txt: no such file"),
        ("blank", "{tmp}/latin1.txt", "not UTF-8 text"),
        pytest.param(
            "blank",
            "/proc/self/mem",  # unreadable even by root
            "/proc/self/mem: cannot read (Input/output error)",
            marks=pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="Linux only"),
        ),
    ],
)
def test_a_failed_run_leaves_the_output_file_as_it_was(
    news_file: Path,
    pipelines: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    model: str,
    more_input: str | None,
    message: str,
) -> None:
    (tmp_path / "latin1.txt").write_bytes("Costó 10 millones de pesos en Bogotá".encode("latin-1"))
    target = tmp_path / "keep.jsonl"
    target.write_bytes(OLD_OUTPUT)
    before = sorted(os.listdir(tmp_path))
    files = [str(news_file)] + ([more_input.format(tmp=tmp_path)] if more_input else [])
    model = model.format(**pipelines)
    status, out, err = run(capsys, "extract", *files, "-m", model, "-o", str(target))
    assert status == 2 and out == ""
    assert message in one_error_line(err)
    assert target.read_bytes() == OLD_OUTPUT
    assert sorted(os.listdir(tmp_path)) == before  # no temporary file left behind


def test_output_replaces_a_file_and_keeps_its_mode(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "claims.jsonl"
    target.write_bytes(OLD_OUTPUT)
    target.chmod(0o640)
    status, _, _ = run(capsys, "extract", str(news_file), "-m", "blank", "-o", str(target))
    rows = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert status == 0 and [r["text"] for r in rows] == ["10,000", "12,5 %"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["claims.jsonl", "noticia.txt"]


def test_a_new_output_file_gets_the_usual_mode(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nuevo.csv"
    status, _, _ = run(
        capsys, "extract", str(news_file), "-m", "blank", "-f", "csv", "-o", str(target)
    )
    umask = os.umask(0o022)
    os.umask(umask)
    assert status == 0 and target.read_text("utf-8").startswith("file,text,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_output_through_a_symbolic_link_keeps_the_link(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "datos" / "claims.jsonl"
    real.parent.mkdir()
    real.write_bytes(OLD_OUTPUT)
    link = tmp_path / "ultimo.jsonl"
    link.symlink_to(real)
    status, _, _ = run(capsys, "extract", str(news_file), "-m", "blank", "-o", str(link))
    assert status == 0 and link.is_symlink()
    assert len(real.read_text("utf-8").splitlines()) == 2


@LINUX_ONLY
def test_output_to_dev_null_and_to_a_fifo(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    null = device(tmp_path, "null")
    status, out, err = run(capsys, "extract", str(news_file), "-m", "blank", "-o", null)
    assert (status, out, err) == (0, "", "")
    assert stat.S_ISCHR(os.stat(null).st_mode)
    fifo = tmp_path / "tubo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    status, _, _ = run(capsys, "extract", str(news_file), "-m", "blank", "-o", str(fifo))
    reader.join(timeout=30)
    assert status == 0 and stat.S_ISFIFO(fifo.stat().st_mode) and received
    assert [json.loads(line)["text"] for line in received[0].decode().splitlines()] == [
        "10,000",
        "12,5 %",
    ]


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("{tmp}", "cannot write (is a directory)"),
        ("{tmp}/no/such/dir/claims.jsonl", "cannot write (No such file or directory)"),
        ("{news}/claims.jsonl", "cannot write (Not a directory)"),
        pytest.param(
            "/sys/claims.jsonl",
            "cannot write (Permission denied)",
            marks=pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs sysfs"),
        ),
    ],
)
def test_unwritable_output_is_one_line_with_status_2(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    target = output.format(tmp=tmp_path, news=news_file)
    status, out, err = run(capsys, "extract", str(news_file), "-m", "blank", "-o", target)
    assert status == 2 and out == ""
    assert message in one_error_line(err)


@LINUX_ONLY
@pytest.mark.parametrize("fmt", ["jsonl", "html"])
def test_a_full_output_device_is_one_line_with_status_2(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    full = device(tmp_path, "full")
    status, out, err = run(capsys, "extract", str(news_file), "-m", "blank", "-f", fmt, "-o", full)
    assert status == 2 and out == ""
    assert (
        one_error_line(err) == f"numclaims: error: {full}: cannot write (No space left on device)"
    )
    assert stat.S_ISCHR(os.stat(full).st_mode)


@LINUX_ONLY
@pytest.mark.parametrize(("fmt", "unbuffered"), [("jsonl", False), ("html", True)])
def test_a_full_standard_output_is_one_line_with_status_2(
    news_file: Path, tmp_path: Path, fmt: str, unbuffered: bool
) -> None:
    with open(device(tmp_path, "full"), "w") as full:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "numclaims",
                "extract",
                str(news_file),
                "-m",
                "blank",
                "-f",
                fmt,
            ],
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(unbuffered=unbuffered),
            check=False,
        )
    assert proc.returncode == 2
    line = one_error_line(proc.stderr)  # nothing more at exit, when Python flushes stdout
    assert line == "numclaims: error: standard output: cannot write (No space left on device)"


def test_a_closed_pipe_is_one_line_with_status_2(tmp_path: Path) -> None:
    big = tmp_path / "larga.txt"
    big.write_text(NEWS * 150, encoding="utf-8")  # 300 claims, 270 kB: more than a pipe holds
    writer = subprocess.Popen(
        [sys.executable, "-m", "numclaims", "extract", str(big), "-m", "blank"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(unbuffered=False),
    )
    assert writer.stdout is not None and writer.stderr is not None
    head = subprocess.run(  # like `| head -n 1`
        [sys.executable, "-c", "import sys; print(sys.stdin.readline(), end='')"],
        stdin=writer.stdout,
        capture_output=True,
        text=True,
        check=True,
    )
    writer.stdout.close()
    err = writer.stderr.read().decode()
    assert writer.wait(timeout=60) == 2
    assert json.loads(head.stdout)["text"] == "10,000"
    assert (
        one_error_line(err)
        == "numclaims: error: standard output: broken pipe (its reader has gone away)"
    )


# --- html ---------------------------------------------------------------------------------------


def test_html_of_two_files_holds_the_claims_of_both(
    news_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precio = tmp_path / "precio.txt"
    precio.write_text("El litro de gasóleo costaba 1,250 euros, según Facua.\n", encoding="utf-8")
    status, out, _ = run(
        capsys, "extract", str(news_file), str(precio), "-m", "blank", "-f", "html"
    )
    assert status == 0
    assert out.startswith("<!DOCTYPE html>") and out.endswith("</html>")
    figures = out.split("<figure")[1:]
    assert len(figures) == 2 and out.count("</figure>") == 2
    assert "≥ 10.000 contenedor · Shin" in figures[0] and "12,5 %" in figures[0]
    # a euro price in Spanish prose is comma-decimal
    assert "1,25 € · Facua" in figures[1] and "gasóleo" in figures[1]


def test_html_of_empty_input_is_a_whole_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "vacio.txt"
    empty.write_bytes(b"")
    target = tmp_path / "vacio.html"
    status, _, _ = run(
        capsys, "extract", str(empty), "-m", "blank", "-f", "html", "-o", str(target)
    )
    html = target.read_text("utf-8")
    assert status == 0 and html.startswith("<!DOCTYPE html>") and html.endswith("</html>")
    assert "<body" in html and "</body>" in html and "<figure" not in html
    assert "no claims found" in html


def test_reference_date_option(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "El año pasado se exportaron 40.000 toneladas."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    status, out, _ = run(capsys, "extract", "-", "--reference-date", "2022-05-01", "-m", "blank")
    assert status == 0 and json.loads(out)["time"]["normalized"] == "2021"
    status, _, err = run(capsys, "extract", "-", "--reference-date", "mayo", "-m", "blank")
    assert status == 2 and "reference_date" in err
