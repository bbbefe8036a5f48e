"""The language data: every word list and table the rules use, one JSON file per concern.

``lang/es/numbers.json`` (number words, scales, fractions, months, year and time cues),
``lang/es/units.json`` (currencies, units, counted nouns), ``lang/es/currencies.json``
(what "$", "pesos" and "céntimos" mean by region and document cues), ``lang/es/rates.json``
(the denominators of rates), ``lang/es/qualifiers.json``
(qualifiers, hedges, negations, conditionals, verbs of change, range words),
``lang/es/sentences.json`` (abbreviations),
``lang/es/locales.json`` (how each region writes numbers), ``lang/es/claims.json`` (the
claim builder's unit carry-over and ratio anaphors), ``lang/es/normalize.json`` (the
numbers layer's months, durations and age cues), ``lang/es/reporting_verbs.json``
(reporting verbs, "según" cues, role nouns, the subject finder's base tables),
``lang/es/subjects.json`` (measure verbs, time words and links of the subject finder),
``lang/es/attribution.json`` (the scope and resolution words of speaker attribution) and
``lang/es/non_claims.json`` (the words that tell names, scores, ordinals and idioms from
quantities).

:func:`table` is the one reader of these files: it checks each file against its declared
:data:`SCHEMA` once (no key missing, none unknown, each of the declared JSON type) and
returns it read-only all the way down. The test suite checks that every declared key is
read by some rule.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["SCHEMA", "LanguageDataError", "table", "unit_catalog"]

_JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict,
    "array": list,
    "string": str,
    "number": (int, float),
}

#: The keys of each data file and their JSON types. Keys starting with ``_`` are comments.
SCHEMA: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "numbers": {
            "units": "object",
            "teens": "object",
            "twenties": "object",
            "tens": "object",
            "hundreds": "object",
            "thousand_words": "array",
            "tens_taking_and": "array",
            "bare_hundreds": "array",
            "zero_words": "array",
            "and_words": "array",
            "decimal_words": "array",
            "half_words": "array",
            "half_nouns": "array",
            "half_noun_articles": "array",
            "scales": "object",
            "fractions": "object",
            "vague": "object",
            "abbreviations": "object",
            "prefix_symbols": "array",
            "suffix_symbols": "array",
            "ordinals": "object",
            "months": "array",
            "time_nouns": "array",
            "year_cues": "array",
            "phone_cues": "array",
            "ordinal_suffixes": "array",
            "ordinal_marks": "array",
            "degree_signs": "array",
            "article_forms": "object",
            "range_cues": "object",
            "range_dashes": "array",
            "range_articles": "array",
            "vague_multiplied": "array",
            "vague_links": "array",
            "vague_multipliers": "array",
            "collective_numbers": "object",
            "decimal_joiners": "array",
            "percent_signs": "array",
            "time_prepositions": "array",
            "time_articles": "array",
            "date_day_links": "array",
            "date_year_links": "array",
            "fraction_suffixes": "array",
            "fraction_stem_endings": "array",
            "compound_and": "array",
            "split_hundreds": "object",
            "upper_case_abbreviations": "array",
            "minus_words": "array",
            "minus_blockers": "array",
            "below_zero": "array",
            "below_zero_units": "array",
            "ratio_joiners": "array",
            "vulgar_fractions": "object",
            "currency_subunits": "object",
        },
        "qualifiers": {
            "qualifiers": "object",
            "articles": "array",
            "contractions": "object",
            "hedges": "array",
            "conditional_irregular_stems": "array",
            "conditional_endings": "array",
            "conditional_exclusions": "object",
            "conditional_blockers": "array",
            "negations": "array",
            "negation_exclusions": "array",
            "post_closing_only": "array",
            "negation_clause_breaks": "array",
            "change_verbs": "object",
            "ranges": "object",
        },
        "non_claims": {
            "name_nouns": "array",
            "name_preceders": "array",
            "name_list_joins": "array",
            "score_cues": "array",
            "score_max": "number",
            "score_links": "array",
            "weekdays": "array",
            "reference_max": "number",
            "degree_followers": "array",
            "degree_marks": "array",
            "fraction_followers": "array",
            "half_idiom_followers": "array",
            "half_and": "array",
            "year_range_followers": "array",
            "date_list_joins": "array",
            "time_marks": "array",
        },
        "currencies": {
            "forms": "object",
            "dollar_sign_peso": "string",
            "peso_word": "string",
            "cue_weights": "object",
            "countries": "object",
            "ambiguous_cues": "array",
        },
        "rates": {
            "time_nouns": "object",
            "adjectives": "object",
            "any_noun_connectors": "array",
            "part_connectors": "array",
            "time_connectors": "array",
            "noun_connectors": "array",
            "slash": "array",
            "denominator_nouns": "array",
            "per_capita": "array",
            "per_capita_unit": "string",
            "exchange_subjects": "object",
            "exchange_articles": "array",
            "exchange_links": "array",
        },
        "sentences": {"abbreviations": "array"},
        "locales": {
            "comma_decimal_regions": "array",
            "point_decimal_regions": "array",
            "comma_decimal_currency_forms": "array",
        },
        "claims": {"unit_carry_words": "array", "ratio_anaphors": "object"},
        "normalize": {
            "month_numbers": "object",
            "duration_units": "object",
            "age_units": "array",
            "age_cues_before": "array",
            "age_cues_after": "array",
            "age_nouns": "array",
        },
        "relations": {
            "change_verbs": "object",
            "multiplier_verbs": "object",
            "multiplied_by": "array",
            "change_from_cues": "array",
            "change_to_cues": "array",
            "change_by_cues": "array",
            "point_words": "array",
            "comparison": "object",
            "parts_cues": "array",
            "restatement_cues": "array",
            "time": "object",
            "claim_type_cues": "object",
        },
        "reporting_verbs": {
            "inflection": "object",
            "regular_lemmas": "array",
            "irregular": "object",
            "auxiliaries": "array",
            "segun_cues": "array",
            "cited_cues": "array",
            "source_nouns": "array",
            "role_nouns": "array",
            "determiners": "array",
            "name_connectors": "array",
            "not_name_words": "array",
            "after_verb_skip": "array",
            "before_verb_skip": "array",
            "np_stop_words": "array",
            "finite_endings": "array",
            "source_name_links": "array",
            "prepositions_before_role": "array",
            "subject": "object",
        },
        "subjects": {
            "measure_verbs": "array",
            "verb_particles": "array",
            "value_links": "array",
            "purpose_links": "array",
            "time_words": "array",
            "time_prepositions": "array",
            "not_heads": "array",
            "sibling_links": "array",
            "amount_words": "array",
            "distributives": "array",
            "quote_marks": "array",
            "participle_endings": "array",
            "clitics": "array",
            "noun_endings": "array",
            "scale_words": "array",
            "inner_prepositions": "array",
            "generic_counters": "array",
            "degree_adverbs": "array",
        },
        "attribution": {
            "cue_verbs_before_de": "array",
            "reference_before_cue": "array",
            "not_cue_phrases": "array",
            "coordinators": "array",
            "comparative_cue_openers": "array",
            "pp_before_speaker": "array",
            "role_modifiers": "array",
            "role_synonyms": "array",
            "person_pronouns": "array",
            "inserted_connectives": "array",
            "possessives": "array",
            "passive_markers": "array",
            "anaphoric_determiners": "array",
            "name_connectors_before_article": "array",
            "institution_nouns": "array",
            "conversion_breakers": "array",
            "share_openers": "array",
            "relative_openers": "array",
            "copulas": "array",
            "bare_np_openers": "array",
            "person_suffixes": "array",
        },
        "units": {
            "currencies": "object",
            "currency_after": "array",
            "currency_before": "array",
            "percent_after": "array",
            "physical_after": "array",
            "composite_units": "object",
            "currency_scale_abbreviations": "array",
            "shared_unit_links": "object",
            "bare_amounts": "object",
            "multipliers": "object",
            "counted_extras": "object",
            "points": "object",
            "counted_closed_class": "array",
            "verb_suffixes": "array",
            "singular_exceptions": "object",
            "singular_unchanged": "array",
            "singular_invariant_endings": "array",
        },
    }
)


class LanguageDataError(ValueError):
    """A data file does not match its declared schema."""


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _check(name: str, raw: Any) -> None:
    declared = SCHEMA[name]
    if not isinstance(raw, dict):
        raise LanguageDataError(f"{name}.json: the top level must be an object")
    keys = {k for k in raw if not k.startswith("_")}
    missing = sorted(set(declared) - keys)
    unknown = sorted(keys - set(declared))
    if missing or unknown:
        raise LanguageDataError(f"{name}.json: missing keys {missing}, unknown keys {unknown}")
    for key, kind in declared.items():
        if not isinstance(raw[key], _JSON_TYPES[kind]):
            raise LanguageDataError(f"{name}.json: {key!r} must be a JSON {kind}")


@cache
def table(name: str, lang: str = "es") -> Mapping[str, Any]:
    """The data file ``lang/<lang>/<name>.json``, checked against :data:`SCHEMA`, read-only.

    Raises:
        KeyError: If ``name`` is not a declared data file.
        LanguageDataError: If the file does not match its schema.
    """
    if name not in SCHEMA:
        raise KeyError(f"no language data file {name!r}; known: {sorted(SCHEMA)}")
    text = resources.files(__package__).joinpath(lang).joinpath(f"{name}.json").read_text("utf-8")
    raw = json.loads(text)
    _check(name, raw)
    data: Mapping[str, Any] = _freeze({k: v for k, v in raw.items() if not k.startswith("_")})
    return data


@lru_cache(maxsize=1)
def unit_catalog() -> Mapping[str, Any]:
    """quantulum3's records of the physical units the data names, read-only (derived from
    quantulum3's catalog by ``tools/derive_quantulum_units.py``)."""
    text = resources.files(__package__).joinpath("quantulum_units.json").read_text("utf-8")
    units: Mapping[str, Any] = _freeze(json.loads(text)["units"])
    return units
