"""numclaims.export: ClaimReview drafts, flat tables (CSV, Parquet), CheckThat records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from spacy.language import Language

import numclaims
from numclaims.cli import main, sample_text
from numclaims.export import (
    TABLE_COLUMNS,
    flatten_claim,
    to_checkthat,
    to_claimreview,
    to_csv,
    to_parquet,
    to_rows,
)

TEXT = (
    "El Gobierno aprobó ayudas de 3.500 millones de euros. La ministra Ana Ruiz dijo que al "
    "menos 120.000 explotaciones podrán pedirlas. Según la organización agraria Asaja, las "
    "pérdidas podrían llegar a 2.000 millones de euros."
)


@pytest.fixture(scope="module")
def claims(blank_nlp: Language) -> list[numclaims.Claim]:
    return numclaims.extract(TEXT, nlp=blank_nlp)


def test_rows_have_one_column_per_field(claims: list[numclaims.Claim]) -> None:
    rows = to_rows(claims, document="nota.txt")
    assert len(rows) == 3
    assert list(rows[0])[: len(TABLE_COLUMNS)] == list(TABLE_COLUMNS)
    assert all(list(r) == list(rows[0]) for r in rows)
    first, second, third = rows
    assert first["document"] == "nota.txt"
    assert (first["value_exact"], first["unit_code"], first["speaker_name"]) == (
        "3500000000",
        "EUR",
        None,
    )
    assert (second["qualifier"], second["value_min_exact"], second["speaker_name"]) == (
        "at_least",
        "120000",
        "Ana Ruiz",
    )
    assert third["speaker_role"] == "la organización agraria"
    # a dict record (what POST /claims answers) flattens the same as the claim
    assert flatten_claim(claims[1].to_dict()) == flatten_claim(claims[1])


def test_csv_and_parquet_keep_exact_values(
    claims: list[numclaims.Claim], blank_nlp: Language, tmp_path: Path
) -> None:
    huge = numclaims.extract("Debe 123456789012345678901234567890,5 euros.", nlp=blank_nlp)
    table = [*claims, *huge]
    text = to_csv(table)
    assert text is not None
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["value_exact"] for r in rows] == [c.value_exact or "" for c in table]
    assert rows[-1]["value_exact"] == "123456789012345678901234567890.5"
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    to_parquet(table, tmp_path / "claims.parquet")
    read = pq.read_table(tmp_path / "claims.parquet")
    assert read.column_names == list(to_rows(table)[0])
    assert read.column("value_exact").to_pylist() == [c.value_exact for c in table]
    assert str(read.schema.field("start_char").type) == "int64"


def test_claimreview_drafts(claims: list[numclaims.Claim]) -> None:
    url = "https://example.org/ayudas"
    drafts = to_claimreview(claims, url=url, text=TEXT, date_published="2024-03-01")
    assert [d["claimReviewed"] for d in drafts] == [
        "El Gobierno aprobó ayudas de 3.500 millones de euros.",
        "La ministra Ana Ruiz dijo que al menos 120.000 explotaciones podrán pedirlas.",
        "Según la organización agraria Asaja, las pérdidas podrían llegar a 2.000 millones de "
        "euros.",
    ]
    assert all(
        d["@context"] == "https://schema.org" and d["@type"] == "ClaimReview" for d in drafts
    )
    assert all(d["datePublished"] == "2024-03-01" for d in drafts)
    assert "author" not in drafts[0]["itemReviewed"]
    assert drafts[1]["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Ana Ruiz",
        "jobTitle": "La ministra",
    }
    assert drafts[2]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Asaja"}
    assert drafts[2]["itemReviewed"]["appearance"] == [{"@type": "CreativeWork", "url": url}]
    assert drafts[2]["reviewRating"] == {"@type": "Rating", "alternateName": ""}
    # no text: the claim's own words; no url: no appearance
    bare = to_claimreview(claims[:1])
    assert bare[0]["claimReviewed"] == "3.500 millones de euros"
    assert "appearance" not in bare[0]["itemReviewed"]
    json.dumps(bare)


def test_checkthat_records(claims: list[numclaims.Claim]) -> None:
    records = to_checkthat(claims, text=TEXT, url="https://example.org/x")
    assert [r["taxonomy_label"] for r in records] == [c.extra["claim_type"] for c in claims]
    assert records[1]["claimant"] == "Ana Ruiz"
    assert records[1]["claim"].startswith("La ministra Ana Ruiz")
    assert records[0]["numclaims"] == claims[0].to_dict()
    assert {r["label"] for r in records} == {None}


def test_cli_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "nota.txt"
    note.write_text(TEXT, "utf-8")
    url = "https://example.org/ayudas"
    assert main(["extract", str(note), "-m", "blank", "-f", "claimreview", "--url", url]) == 0
    drafts = json.loads(capsys.readouterr().out)
    assert len(drafts) == 3 and drafts[1]["itemReviewed"]["author"]["name"] == "Ana Ruiz"
    assert drafts[0]["itemReviewed"]["appearance"][0]["url"] == url
    assert main(["demo", "-m", "blank", "-f", "checkthat"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records and records[0]["claim"] in " ".join(sample_text().split())
    assert main(["extract", str(note), "-m", "blank", "-f", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    out = tmp_path / "claims.parquet"
    assert main(["extract", str(note), "-m", "blank", "-f", "parquet", "-o", str(out)]) == 0
    table = pq.read_table(out).to_pylist()
    assert [r["document"] for r in table] == [str(note)] * 3
    assert [r["value_exact"] for r in table] == ["3500000000", "120000", "2000000000"]
