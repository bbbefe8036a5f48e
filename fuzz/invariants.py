"""The invariants every numclaims result must satisfy, for any input text.

Shared by the atheris targets (``fuzz/fuzz_*.py``), the property tests
(``tests/test_properties.py``) and the crasher replay
(``tests/test_fuzz_regressions.py``). Plain Python: no atheris, no hypothesis.

Each ``check_*`` function raises :class:`AssertionError` with a message that
names the broken invariant; any other exception escaping from numclaims is a
bug too (only ``TypeError``/``ValueError`` for wrong types or locales are
documented).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from spacy.language import Language

import numclaims
from numclaims import Claim

__all__ = [
    "OFFSET_SUFFIXES",
    "check_claim",
    "check_claims",
    "check_extract",
    "check_parse_number",
    "claims_json",
    "iter_offsets",
    "read_crasher",
    "text_of",
    "write_crasher",
]

#: Keys whose integer values are character offsets into the input text.
OFFSET_SUFFIXES = ("_start", "_end", "start_char", "end_char")


def text_of(data: bytes) -> str:
    """The text a fuzzer input stands for (the same mapping in every tool of ``fuzz/``).

    Valid UTF-8 is the text itself, so that the seed corpus is plain text; any
    other input goes through :class:`atheris.FuzzedDataProvider`, which makes
    odd code points of every plane, lone surrogates included (``extract`` reads them
    as U+FFFD; see ``docs/reliability.md``).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        import atheris  # only the fuzzing tools get here

        text: str = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
        return text


def read_crasher(path: Path) -> str:
    """The text of a file of ``fuzz/crashers/`` (UTF-8; lone surrogates allowed)."""
    return path.read_bytes().decode("utf-8", errors="surrogatepass")


def write_crasher(path: Path, text: str) -> None:
    """Store ``text`` as a file of ``fuzz/crashers/`` (see :func:`read_crasher`)."""
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))


def iter_offsets(obj: Any, path: str = "") -> Iterator[tuple[str, int]]:
    """Every ``(path, value)`` of an integer offset field anywhere in ``obj``."""
    if isinstance(obj, dict):
        for key, val in obj.items():
            where = f"{path}.{key}" if path else str(key)
            if (
                isinstance(key, str)
                and key.endswith(OFFSET_SUFFIXES)
                and isinstance(val, int)
                and not isinstance(val, bool)
            ):
                yield where, val
            else:
                yield from iter_offsets(val, where)
    elif isinstance(obj, (list, tuple)):
        for i, val in enumerate(obj):
            yield from iter_offsets(val, f"{path}[{i}]")


def _spans(obj: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every nested dict that has ``text``, ``start_char`` and ``end_char``."""
    if isinstance(obj, dict):
        if (
            isinstance(obj.get("text"), str)
            and isinstance(obj.get("start_char"), int)
            and isinstance(obj.get("end_char"), int)
        ):
            yield path, obj
        for key, val in obj.items():
            yield from _spans(val, f"{path}.{key}" if path else str(key))
    elif isinstance(obj, (list, tuple)):
        for i, val in enumerate(obj):
            yield from _spans(val, f"{path}[{i}]")


def _squash(text: str) -> str:
    return " ".join(text.split())


def check_claim(text: str, claim: Claim) -> None:
    """The invariants of one claim of ``text``."""
    n = len(text)
    where = f"claim {claim.text!r} [{claim.start_char}:{claim.end_char}]"
    assert isinstance(claim, Claim), f"not a Claim: {claim!r}"
    assert 0 <= claim.start_char < claim.end_char <= n, f"{where}: offsets outside [0, {n}]"
    assert claim.text == text[claim.start_char : claim.end_char], (
        f"{where}: text != input[start_char:end_char] ({text[claim.start_char : claim.end_char]!r})"
    )
    for name in ("value", "value_min", "value_max"):
        val = getattr(claim, name)
        assert val is None or (isinstance(val, Decimal) and val.is_finite()), (
            f"{where}: {name} is not a finite Decimal: {val!r}"
        )
    if claim.value is not None:
        assert claim.value_exact is not None
        assert claim.value == Decimal(claim.value_exact), (
            f"{where}: value {claim.value!r} != Decimal(value_exact {claim.value_exact!r})"
        )
    if claim.value_min is not None and claim.value_max is not None:
        assert claim.value_min <= claim.value_max, (
            f"{where}: value_min {claim.value_min} > value_max {claim.value_max}"
        )
    data = claim.to_dict()
    assert list(data)[: len(numclaims.CLAIM_KEYS)] == list(numclaims.CLAIM_KEYS), (
        f"{where}: to_dict keys {list(data)} do not start with CLAIM_KEYS"
    )
    try:
        dumped = json.dumps(data, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as err:
        raise AssertionError(f"{where}: to_dict() is not strict JSON: {err}") from err
    for key, bound in (("value_min_exact", claim.value_min), ("value_max_exact", claim.value_max)):
        if key in data:
            assert bound is not None and Decimal(data[key]) == bound, (
                f"{where}: {key} {data[key]!r} != {bound!r}"
            )
    for path, off in iter_offsets(data):
        assert 0 <= off <= n, f"{where}: nested offset {path}={off} outside [0, {n}]"
    for path, span in _spans(data):
        if not path:
            continue
        s, e = span["start_char"], span["end_char"]
        assert s <= e, f"{where}: {path} start_char {s} > end_char {e}"
        # nested texts (subject, speaker) are the input slice with whitespace collapsed
        assert _squash(span["text"]) == _squash(text[s:e]), (
            f"{where}: {path}.text {span['text']!r} != input[{s}:{e}] ({text[s:e]!r})"
        )
    back = Claim.from_dict(data)
    assert back == claim, f"{where}: Claim.from_dict(to_dict()) differs: {back!r}"
    via_json = Claim.from_dict(json.loads(dumped))
    assert via_json == claim, f"{where}: Claim.from_dict(JSON of to_dict()) differs: {via_json!r}"


def check_claims(text: str, claims: list[Claim]) -> None:
    """The invariants of the whole claim list of ``text``: each claim's, plus order."""
    assert isinstance(claims, list), f"not a list: {type(claims).__name__}"
    previous: Claim | None = None
    for claim in claims:
        check_claim(text, claim)
        if previous is not None:
            assert previous.end_char <= claim.start_char, (
                f"claims out of order or overlapping: {previous.text!r} "
                f"[{previous.start_char}:{previous.end_char}] then {claim.text!r} "
                f"[{claim.start_char}:{claim.end_char}]"
            )
        previous = claim


def claims_json(claims: list[Claim]) -> str:
    """A canonical JSON form of a claim list (for comparing runs)."""
    return json.dumps([c.to_dict() for c in claims], ensure_ascii=False, sort_keys=True)


def check_extract(
    text: str, nlp: Language, *, locale: str = "es", compare_component: bool = True
) -> list[Claim]:
    """Run :func:`numclaims.extract` on ``text`` and check every invariant; return the claims.

    Args:
        text: Any string.
        nlp: A Spanish pipeline with the ``"numclaims"`` component (e.g. ``load("blank")``).
        locale: Passed to :func:`numclaims.extract`.
        compare_component: Also compare with ``nlp(text)._.claims`` when ``text`` fits in
            one piece (no chunking) and ``locale`` is the component's.
    """
    import numclaims.api

    chunk_chars: int = getattr(numclaims.api, "CHUNK_CHARS", 50_000)
    max_run: int = getattr(numclaims.api, "MAX_RUN", 1000)
    claims = numclaims.extract(text, nlp=nlp, locale=locale)
    check_claims(text, claims)
    again = numclaims.extract(text, nlp=nlp, locale=locale)
    assert again == claims, "extract() gave a different result the second time"
    one_piece = (
        len(text) <= min(nlp.max_length, chunk_chars)
        and max((len(w) for w in text.split()), default=0) <= max_run
        # spaCy's own tokenizer cannot take a lone surrogate: only a guarded one can
        and not any("\ud800" <= ch <= "\udfff" for ch in text)
    )
    same_locale = getattr(nlp.get_pipe("numclaims"), "locale", None) == locale
    if compare_component and one_piece and same_locale:
        doc = nlp(text)
        direct: list[Claim] = doc._.claims
        assert direct == claims, (
            "extract(text) != nlp(text)._.claims:\n"
            f"  extract: {claims_json(claims)}\n  nlp:     {claims_json(direct)}"
        )
    return claims


def check_parse_number(text: str) -> Decimal | None:
    """:func:`numclaims.parse_number` returns a finite ``Decimal`` or ``None`` for any str."""
    for locale in ("es", "es-ES", "es-MX"):
        value = numclaims.parse_number(text, locale)
        assert value is None or (isinstance(value, Decimal) and value.is_finite()), (
            f"parse_number({text!r}, {locale!r}) returned {value!r}"
        )
    return numclaims.parse_number(text)
