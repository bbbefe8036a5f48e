"""The command line: formats, the demo, progress, and one-line errors with exit status 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert status == 0 and header.split()[:3] == ["text", "kind", "value"]
    assert lines[0].split()[:3] == ["10,000", "quantity", "10000"]


def test_html(news_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(news_file), "-f", "html", "-m", "blank")
    assert status == 0 and out.lstrip().startswith("<!DOCTYPE html>")
    assert "10000" in out and "contenedores" in out


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
