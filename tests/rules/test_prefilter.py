"""The prefilter: a text it turns away has no claim and no numeric mention."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.rules.claims import find_claims
from numclaims.rules.numbers import number_drafts
from numclaims.rules.prefilter import may_have_numbers, number_words
from numclaims.rules.scanner import scan


def _has_anything(text: str) -> bool:
    mentions = scan(text)
    claims = find_claims(text)
    return bool(claims) or bool(number_drafts(text, mentions, claims))


@pytest.mark.parametrize(
    "text",
    [
        "El Gobierno aprobó ayer la reforma tras un largo debate en el Congreso.",
        "Había una vez un rey que no quería gobernar.",
        "La ministra dijo que la medida llegará pronto a todos los hogares.",
        "",
    ],
)
def test_a_text_without_numbers_is_turned_away(text: str) -> None:
    assert may_have_numbers(text) is False
    assert not _has_anything(text)


@pytest.mark.parametrize(
    "text",
    [
        "Llegaron 300 personas.",
        "Llegaron doscientas personas.",
        "Costó dos MILLONES de euros.",
        "Cuesta un millón.",
        "Quedó en vigésima posición.",
        "Vinieron miles de personas.",
        "Compró una docena de huevos.",
        "La mitad de los votos.",
        "Subió un ½ punto.",
        "El ministro dijo que al menos uno de ellos mentía.",
        "Veintiún años después.",
        "Ciento cuatro mil vecinos.",
        "Son treinta y dos.",
        "millo\u0301n",  # a decomposed accent
    ],
)
def test_a_text_with_a_number_passes(text: str) -> None:
    assert may_have_numbers(text) is True


def test_every_number_word_passes_in_any_case_and_with_its_accent() -> None:
    words, _ = number_words()
    for word in sorted(words):
        assert may_have_numbers(f"Eran {word} en total."), word
        assert may_have_numbers(f"ERAN {word.upper()}."), word
    assert may_have_numbers("Fueron veintitrés."), "accented form"
    assert may_have_numbers("Un billón de dólares.")


def test_a_number_word_inside_another_word_is_no_number() -> None:
    # "tres" in "maestres", "mil" in "familia", "once" in "entonces"
    assert may_have_numbers("Entonces la familia de los maestres salió.") is False


_TEXT = (
    "el la de que y en los se del las por un para con no una su al es lo como más pero "
    "sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde "
    "quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto "
    "antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos "
    "cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras "
    "gobierno ministra dijo años presidente país ciudad agua precio semana guerra"
)
_PLAIN_WORDS = st.sampled_from(_TEXT.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(_PLAIN_WORDS, min_size=1, max_size=30), st.sampled_from([" ", ", ", ". "]))
def test_whatever_the_prefilter_turns_away_has_nothing(words: list[str], sep: str) -> None:
    text = sep.join(words)
    if not may_have_numbers(text):
        assert not _has_anything(text), text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_any_text_turned_away_has_nothing(text: str) -> None:
    if not may_have_numbers(text):
        assert not _has_anything(text), text


def test_no_paragraph_of_the_sample_article_is_turned_away_wrongly(sample_article: str) -> None:
    paragraphs = [p for p in sample_article.split("\n") if p.strip()]
    turned_away = [p for p in paragraphs if not may_have_numbers(p)]
    assert turned_away, "the article has paragraphs without numbers"
    assert [p for p in turned_away if _has_anything(p)] == []
