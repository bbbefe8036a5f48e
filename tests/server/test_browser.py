"""The page of ``numclaims serve`` in a real browser: Playwright driving headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import numclaims
from numclaims.cli import sample_text

from .claimreview_schema import draft_problems
from .conftest import MODEL, Server

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright (the [test] extra) is not installed"
)
#: The browser: Debian's chromium (.ci/run installs it); NUMCLAIMS_CHROMIUM names another.
CHROMIUM = os.environ.get("NUMCLAIMS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM} (apt-get install chromium, or set NUMCLAIMS_CHROMIUM)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.goto(server.url)
    yield tab
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def expected(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    nlp: Language = request.getfixturevalue("blank_nlp" if MODEL == "blank" else "trained_nlp")
    return [c.to_dict() for c in numclaims.extract(sample_text(), nlp=nlp)]


def _column(page: Any, key: str) -> list[str]:
    return list(page.locator(f"#claims tbody td.{key}").all_inner_texts())


def _download(page: Any, button: str, tmp_path: Path) -> str:
    with page.expect_download() as info:
        page.click(button)
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_text("utf-8")


def test_paste_highlight_sort_filter_export(
    page: Any, expected: list[dict[str, Any]], tmp_path: Path
) -> None:
    page.fill("#text", sample_text())
    page.click("#analyze")
    page.wait_for_selector("#rendered mark.entity")
    marks = page.locator("#rendered mark.entity")
    assert marks.count() == len(expected)
    assert marks.first.inner_text().startswith(expected[0]["text"])
    assert page.locator("#claims tbody tr").count() == len(expected)
    assert _column(page, "text") == [c["text"] for c in expected]
    assert "afirmaciones encontradas" in page.inner_text("#status")

    # sort by value, up then down
    page.click('th[data-key="value"]')
    assert page.get_attribute('th[data-key="value"]', "aria-sort") == "ascending"

    def numbers() -> list[Decimal]:
        return [Decimal(v.split("–")[0].lstrip("≥≤ ")) for v in _column(page, "value") if v]

    assert numbers() == sorted(numbers()) and len(numbers()) > 5
    page.click('th[data-key="value"]')
    assert page.get_attribute('th[data-key="value"]', "aria-sort") == "descending"
    assert numbers() == sorted(numbers(), reverse=True)

    # filter by kind, then by speaker
    page.select_option("#filter-kind", "money")
    money = [c for c in expected if c["kind"] == "money"]
    assert _column(page, "kind") == ["money"] * len(money) and money
    page.select_option("#filter-kind", "")
    name = next(c["speaker"]["name"] for c in expected if c["speaker"])
    page.select_option("#filter-speaker", name)
    said = [c for c in expected if c["speaker"] and c["speaker"]["name"] == name]
    assert _column(page, "speaker") == [name] * len(said)

    # export the visible claims as CSV
    rows = list(csv.DictReader(io.StringIO(_download(page, "#export-csv", tmp_path))))
    assert sorted(r["text"] for r in rows) == sorted(c["text"] for c in said)
    assert {r["speaker_name"] for r in rows} == {name}
    assert sorted(r["value_exact"] for r in rows) == sorted(c["value_exact"] or "" for c in said)


def test_select_claims_and_export_claimreview(
    page: Any, expected: list[dict[str, Any]], tmp_path: Path
) -> None:
    page.click("#sample")
    page.wait_for_selector("#claims tbody tr")
    url = "https://example.org/sequia-ayudas"
    page.fill("#url", url)
    boxes = page.locator("#claims tbody input.select")
    boxes.nth(0).check()
    boxes.nth(3).check()
    reviews = json.loads(_download(page, "#export-claimreview", tmp_path))
    assert len(reviews) == 2
    for review, claim in zip(reviews, [expected[0], expected[3]], strict=True):
        assert draft_problems(review) == []
        assert claim["text"] in review["claimReviewed"]
        assert review["itemReviewed"]["appearance"][0]["url"] == url
        if claim["speaker"]:
            assert review["itemReviewed"]["author"]["name"] == claim["speaker"]["name"]
    records = json.loads(_download(page, "#export-checkthat", tmp_path))
    assert [r["taxonomy_label"] for r in records] == [
        expected[0]["claim_type"],
        expected[3]["claim_type"],
    ]


def test_upload_an_html_file_then_an_empty_text(page: Any, tmp_path: Path) -> None:
    article = tmp_path / "nota.html"
    article.write_text(
        "<html><head><style>p{color:red}</style></head><body><h1>Paro</h1>"
        "<p>Según el INE, el paro bajó al 11,2 % y hay 2,5 millones de parados.</p></body></html>",
        "utf-8",
    )
    page.set_input_files("#file", str(article))
    page.wait_for_selector("#rendered mark.entity")
    assert _column(page, "value") == ["11.2", "2500000"]
    assert set(_column(page, "speaker")) == {"INE"}
    assert "color:red" not in page.inner_text("#rendered")
    page.fill("#text", "   ")
    page.click("#analyze")
    page.wait_for_function("document.querySelector('#status').textContent.includes('0 afirm')")
