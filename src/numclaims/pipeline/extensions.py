"""The custom attributes numclaims sets on spaCy objects.

The component stores plain JSON-safe dictionaries in ``doc._.numclaims_data``,
which survive ``DocBin(store_user_data=True)``, pickling and
``nlp.pipe(n_process=...)``; the public attributes are getters that rebuild
:class:`~numclaims.claim.Claim` objects from them.

- ``doc._.claims``: the claims of the doc, in text order.
- ``span._.claim``: the claim whose expression is exactly this span, or ``None``.
- ``span._.claims``: the claims inside this span (e.g. a sentence).
"""

from __future__ import annotations

import warnings
from typing import Any

from spacy.tokens import Doc, Span

from ..claim import Claim

__all__ = ["DATA_ATTR", "register_extensions"]

#: The Doc attribute that holds the stored claim dictionaries.
DATA_ATTR = "numclaims_data"


def _doc_claims(doc: Doc) -> list[Claim]:
    data: list[dict[str, Any]] | None = doc._.get(DATA_ATTR)
    return [Claim.from_dict(d) for d in data or ()]


def _span_claims(span: Span) -> list[Claim]:
    data: list[dict[str, Any]] | None = span.doc._.get(DATA_ATTR)
    return [
        Claim.from_dict(d)
        for d in data or ()
        if d["start_char"] >= span.start_char and d["end_char"] <= span.end_char
    ]


def _span_claim(span: Span) -> Claim | None:
    data: list[dict[str, Any]] | None = span.doc._.get(DATA_ATTR)
    for d in data or ():
        if d["start_char"] == span.start_char and d["end_char"] == span.end_char:
            return Claim.from_dict(d)
    return None


def register_extensions(force: bool = False) -> None:
    """Register numclaims' attributes on ``Doc`` and ``Span`` (idempotent).

    Args:
        force: Overwrite attributes of the same names that another library set.
    """
    wanted: list[tuple[type[Doc] | type[Span], str, dict[str, Any]]] = [
        (Doc, DATA_ATTR, {"default": None}),
        (Doc, "claims", {"getter": _doc_claims}),
        (Span, "claims", {"getter": _span_claims}),
        (Span, "claim", {"getter": _span_claim}),
    ]
    for cls, name, kwargs in wanted:
        if cls.has_extension(name) and not force:
            existing = cls.get_extension(name)
            ours = existing is not None and (
                existing[2] in (_doc_claims, _span_claims, _span_claim)
                or (name == DATA_ATTR and existing[0] is None)
            )
            if not ours:
                warnings.warn(
                    f"{cls.__name__}._.{name} is already registered by another library; "
                    "numclaims left it alone (call register_extensions(force=True) to replace it)",
                    stacklevel=2,
                )
            continue
        cls.set_extension(name, force=True, **kwargs)
