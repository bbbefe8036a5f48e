"""The HTTP API of ``numclaims serve``, with an HTTP client against the real server."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language

import numclaims
from numclaims.cli import sample_text

from .claimreview_schema import draft_problems
from .conftest import MODEL, Server

httpx = pytest.importorskip("httpx", reason="httpx (the [test] extra) is not installed")


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def nlp(request: pytest.FixtureRequest) -> Language:
    """The pipeline the server runs, loaded here too, for the expected answers."""
    found: Language = request.getfixturevalue("blank_nlp" if MODEL == "blank" else "trained_nlp")
    return found


def _claims(client: httpx.Client, **body: Any) -> dict[str, Any]:
    response = client.post("/claims", json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def test_health_and_openapi(client: httpx.Client) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok"
    assert health["version"] == numclaims.__version__
    assert health["max_body"] == 10 * 1024 * 1024
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "numclaims"
    assert {"/claims", "/parse", "/health", "/export/{fmt}"} <= set(schema["paths"])
    body = schema["paths"]["/claims"]["post"]["requestBody"]["content"]["application/json"]
    ref = body["schema"]["$ref"].rsplit("/", 1)[1]
    assert {"text", "html", "documents", "locale", "reference_date"} <= set(
        schema["components"]["schemas"][ref]["properties"]
    )


def test_claims_are_the_librarys_records(client: httpx.Client, nlp: Language) -> None:
    text = sample_text()
    data = _claims(client, text=text)
    expected = [c.to_dict() for c in numclaims.extract(text, nlp=nlp)]
    assert len(expected) > 10
    assert data["claims"] == expected
    assert "html" not in data


def test_locale_reference_date_and_rendering(client: httpx.Client, nlp: Language) -> None:
    text = "El mes pasado se vendieron 1.500 coches por 30.000 euros cada uno."
    data = _claims(client, text=text, locale="es-ES", reference_date="2024-05-10", render=True)
    expected = numclaims.extract(text, nlp=nlp, locale="es-ES", reference_date="2024-05-10")
    assert data["claims"] == [c.to_dict() for c in expected]
    assert data["html"].count("<mark") == len(expected) == 2
    assert "30.000 euros" in data["html"]


def test_documents_and_html(client: httpx.Client) -> None:
    data = _claims(client, documents=["Llegaron 300 personas.", "", "Costó 12 euros."])
    assert [(c["document"], c["value_exact"]) for c in data["claims"]] == [(0, "300"), (2, "12")]
    page = "<html><head><script>var x = 99;</script></head><body><p>Pagó 40 euros.</p></body>"
    data = _claims(client, html=page)
    assert data["text"] == "Pagó 40 euros."
    [claim] = data["claims"]
    assert data["text"][claim["start_char"] : claim["end_char"]] == "40 euros"


def _assert_clear_error(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert "traceback" not in response.text.lower()
    message = response.json()["error"]
    assert words in message, message


def test_bad_requests_get_clear_4xx_and_the_server_keeps_serving(
    client: httpx.Client, server: Server
) -> None:
    big = json.dumps({"text": "a" * (10 * 1024 * 1024 + 10)})
    send = client.post
    json_type = {"Content-Type": "application/json"}
    _assert_clear_error(send("/claims", content=big, headers=json_type), 413, "over the limit")
    # chunked, with no Content-Length: counted as it comes
    chunks = (b"x" * 1_048_576 for _ in range(12))
    _assert_clear_error(send("/claims", content=chunks, headers=json_type), 413, "over the limit")
    _assert_clear_error(send("/claims", content=b"", headers=json_type), 400, "no body")
    binary = bytes(range(256)) * 40
    _assert_clear_error(send("/claims", content=binary, headers=json_type), 400, "not valid JSON")
    _assert_clear_error(
        send("/claims", content=b'{"text": "3 euros"', headers=json_type), 400, "JSON"
    )
    _assert_clear_error(
        send("/claims", content=binary, headers={"Content-Type": "application/octet-stream"}),
        415,
        "JSON",
    )
    _assert_clear_error(send("/claims", json={"text": 3}), 422, "text")
    _assert_clear_error(send("/claims", json={"txt": "3 euros"}), 422, "txt")
    _assert_clear_error(send("/claims", json={}), 422, "exactly one")
    _assert_clear_error(send("/claims", json={"text": "a", "documents": ["b"]}), 422, "exactly one")
    _assert_clear_error(send("/claims", json={"text": "a", "locale": "fr-FR"}), 422, "locale")
    _assert_clear_error(send("/claims", json={"text": "a", "reference_date": "ayer"}), 422, "date")
    _assert_clear_error(send("/claims", json=["3 euros"]), 422, "")
    _assert_clear_error(client.get("/claims"), 405, "Method Not Allowed")
    _assert_clear_error(client.get("/nowhere"), 404, "Not Found")
    _assert_clear_error(send("/export/xlsx", json={"claims": []}), 422, "fmt")
    _assert_clear_error(send("/export/csv", json={"claims": "x"}), 422, "claims")
    bad = {"claims": [{"start_char": "x"}], "text": "Uno. Dos."}
    _assert_clear_error(send("/export/claimreview", json=bad), 422, "not numclaims records")
    # then a valid request is answered as usual
    data = _claims(client, text="Según el INE, el paro bajó al 11,2 %.")
    assert [c["value_exact"] for c in data["claims"]] == ["11.2"]
    assert server.process.poll() is None


def _export(client: httpx.Client, fmt: str, **body: Any) -> httpx.Response:
    response = client.post(f"/export/{fmt}", json=body)
    assert response.status_code == 200, response.text
    return response


def test_exports(client: httpx.Client) -> None:
    text = sample_text()
    claims = _claims(client, text=text)["claims"]
    url = "https://example.org/sequia"
    table = _export(client, "csv", claims=claims, text=text)
    assert "numclaims-claims.csv" in table.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == len(claims)
    assert [r["value_exact"] for r in rows] == [c["value_exact"] or "" for c in claims]
    assert [r["speaker_name"] for r in rows] == [
        (c["speaker"] or {}).get("name", "") for c in claims
    ]
    assert {"unit_name", "subject_text", "speaker_role", "claim_type"} <= set(rows[0])

    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    parquet = _export(client, "parquet", claims=claims)
    frame = pq.read_table(io.BytesIO(parquet.content)).to_pylist()
    assert [r["value_exact"] for r in frame] == [c["value_exact"] for c in claims]
    assert [r["start_char"] for r in frame] == [c["start_char"] for c in claims]

    picked = [c for c in claims if c["speaker"]][:2]
    reviews = _export(client, "claimreview", claims=picked, text=text, url=url).json()
    assert len(reviews) == 2
    for review, claim in zip(reviews, picked, strict=True):
        assert draft_problems(review) == []
        assert claim["text"] in review["claimReviewed"]
        assert review["itemReviewed"]["author"]["name"] == claim["speaker"]["name"]
        assert review["itemReviewed"]["appearance"] == [{"@type": "CreativeWork", "url": url}]
        assert review["reviewRating"]["alternateName"] == ""

    records = _export(client, "checkthat", claims=claims[:3], text=text).json()
    assert [r["taxonomy_label"] for r in records] == [c["claim_type"] for c in claims[:3]]
    assert all(r["claim"] and r["label"] is None and r["lang"] == "es" for r in records)


def _parse(client: httpx.Client, **form: str) -> httpx.Response:
    return client.post("/parse", data=form)


def test_duckling_parse(client: httpx.Client) -> None:
    text = "Más de 300 personas recorrieron 12 km con 35 °C y entre 2 y 3 litros por 20 euros."
    response = _parse(client, locale="es_ES", text=text)
    assert response.status_code == 200, response.text
    ents = response.json()
    assert {e["dim"] for e in ents} >= {"distance", "temperature", "volume", "amount-of-money"}
    for ent in ents:
        assert set(ent) == {"body", "start", "end", "dim", "latent", "value"}
        assert text[ent["start"] : ent["end"]] == ent["body"]
    by_dim = {e["dim"]: e for e in ents}
    assert by_dim["distance"]["value"] == {"type": "value", "value": 12, "unit": "kilometre"}
    assert by_dim["temperature"]["value"] == {"type": "value", "value": 35, "unit": "celsius"}
    assert by_dim["volume"]["value"] == {
        "type": "interval",
        "from": {"value": 2, "unit": "litre"},
        "to": {"value": 3, "unit": "litre"},
    }
    assert by_dim["amount-of-money"]["value"] == {"type": "value", "value": 20, "unit": "EUR"}
    # only the dims asked for; what else is a number is answered as one
    only = _parse(client, locale="es_ES", text=text, dims='["number"]').json()
    assert {e["dim"] for e in only} == {"number"}
    assert [e["body"] for e in only][:2] == ["300", "12 km"]
    money = _parse(
        client, locale="es_MX", text="Cuesta 1,500.50 pesos.", dims='["amount-of-money"]'
    )
    assert money.json()[0]["value"] == {"type": "value", "value": 1500.5, "unit": "MXN"}
    date = _parse(client, text="Fue el 3 de mayo de 2021.", dims='["time"]').json()
    assert date[0]["value"] == {
        "type": "value",
        "value": "2021-05-03T00:00:00.000+00:00",
        "grain": "day",
    }
    assert _parse(client, text="").json() == []


def test_duckling_parse_bad_requests(client: httpx.Client) -> None:
    _assert_clear_error(_parse(client, locale="en_US", text="3 km"), 400, "locale")
    _assert_clear_error(_parse(client, text="3 km", dims="number"), 400, "dims")
    _assert_clear_error(_parse(client, text="3 km", dims='["url"]'), 400, "url")
    _assert_clear_error(_parse(client, locale="es_ES"), 400, "'text'")
    _assert_clear_error(client.post("/parse", content=b"\xff\x00", headers={}), 400, "'text'")
    assert _parse(client, text="3 km").status_code == 200


def test_a_request_over_the_timeout_gets_a_503(blank_nlp: Language) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    from numclaims.server.app import create_app

    app = create_app(blank_nlp, timeout=0.000_001)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        port = srv.servers[0].sockets[0].getsockname()[1]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            text = "Llegaron 300 personas. " * 2000
            _assert_clear_error(c.post("/claims", json={"text": text}), 503, "longer than")
            assert c.get("/health").status_code == 200
    finally:
        srv.should_exit = True
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert os.getpid()  # the test process itself is untouched
