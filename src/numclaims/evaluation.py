"""Annotated sentences as spaCy ``Example``\\ s and ``DocBin``\\ s, for ``nlp.evaluate``.

The annotation format is that of numclaims' dev sets: one JSON object a line,
``{"id", "context", "text", "claims": [{"start", "end", "kind", "value", "unit",
"qualifier", "speaker", ...}]}``, offsets in code points, ``end`` exclusive (see
"Evaluating on your own data" in the docs)::

    examples = to_examples(nlp, read_annotations("dev.jsonl"))
    nlp.evaluate(examples)["claims_f"]

Each reference doc has the claims to find as its span group ``doc.spans["numclaims"]``
(labelled with their kind) and every gold record in ``doc._.numclaims_gold``, which
:func:`numclaims.pipeline.scoring.score_claims` reads for value, unit, qualifier and speaker
accuracy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import DocBin, Span, SpanGroup
from spacy.training import Example

from .pipeline.scoring import GOLD_ATTR, TARGET_KINDS

__all__ = ["read_annotations", "to_docbin", "to_example", "to_examples"]


def read_annotations(path: str | Path) -> list[dict[str, Any]]:
    """The annotated sentences of a JSON Lines file (blank lines skipped).

    Raises:
        ValueError: If a line is no JSON object with ``text`` and ``claims``.
    """
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict) or "text" not in record or "claims" not in record:
                raise ValueError(f"{path}:{number}: not an annotated sentence (text, claims)")
            records.append(record)
    return records


def to_example(
    nlp: Language,
    record: Mapping[str, Any],
    *,
    with_context: bool = False,
    spans_key: str = "numclaims",
) -> Example:
    """One annotated sentence as an ``Example`` (a predicted doc to annotate, a reference).

    Args:
        nlp: The pipeline whose tokenizer makes the docs.
        record: An annotated sentence.
        with_context: Prefix the previous sentence (``record["context"]``) and a space, as
            the shared scorer's ``--with-context`` does; claims found in it are not scored.
        spans_key: The span group of the claims to find (the component's ``spans_key``).
    """
    text: str = record["text"]
    context: str = record.get("context") or ""
    offset = len(context) + 1 if with_context and context.strip() else 0
    full = f"{context} {text}" if offset else text
    reference = nlp.make_doc(full)
    golds = []
    spans: list[Span] = []
    for claim in record["claims"]:
        gold = {**claim, "start": int(claim["start"]) + offset, "end": int(claim["end"]) + offset}
        golds.append(gold)
        if _is_target(gold):
            span = reference.char_span(
                gold["start"], gold["end"], label=gold["kind"], alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
    reference.spans[spans_key] = SpanGroup(reference, name=spans_key, spans=spans)
    reference._.set(GOLD_ATTR, {"start": offset, "claims": golds})
    return Example(nlp.make_doc(full), reference)


def to_examples(
    nlp: Language,
    records: Iterable[Mapping[str, Any]] | str | Path,
    *,
    with_context: bool = False,
    spans_key: str = "numclaims",
) -> list[Example]:
    """Every annotated sentence of ``records`` (or of the file ``records`` names) as an
    ``Example``, as :func:`to_example` makes it."""
    if isinstance(records, (str, Path)):
        records = read_annotations(records)
    return [to_example(nlp, r, with_context=with_context, spans_key=spans_key) for r in records]


def to_docbin(
    nlp: Language,
    records: Iterable[Mapping[str, Any]] | str | Path,
    *,
    with_context: bool = False,
    spans_key: str = "numclaims",
) -> DocBin:
    """The reference docs of :func:`to_examples` in a ``DocBin`` (user data kept), for
    ``spacy evaluate PIPELINE FILE.spacy`` or ``spacy train``'s dev corpus."""
    docbin = DocBin(store_user_data=True)
    for example in to_examples(nlp, records, with_context=with_context, spans_key=spans_key):
        docbin.add(example.reference)
    return docbin


def _is_target(gold: Mapping[str, Any]) -> bool:
    kind = gold.get("kind")
    valued = any(gold.get(f) is not None for f in ("value", "value_min", "value_max"))
    if gold.get("role") == "denominator":
        return False
    return kind in TARGET_KINDS[:3] or (kind == "other" and (valued or bool(gold.get("vague"))))
