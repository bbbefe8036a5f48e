"""displaCy pictures of claims: each claim highlighted with its value, unit and speaker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy import displacy
from spacy.tokens import Doc

from .claim import Claim

__all__ = ["KIND_COLORS", "claim_label", "render"]

#: Highlight colour of each claim kind.
KIND_COLORS: dict[str, str] = {
    "quantity": "#a6d8f0",
    "money": "#b5e7a0",
    "percent": "#f7d794",
    "ratio": "#d7bde2",
    "vague": "#e0e0e0",
}


def claim_label(claim: Claim) -> str:
    """A short label: qualifier, value, unit and speaker, e.g. "≥ 10000 contenedor · Shin"."""
    signs = {
        "at_least": "≥ ",
        "at_most": "≤ ",
        "more_than": "> ",
        "less_than": "< ",
        "approx": "≈ ",
    }
    if claim.value is not None:
        value = claim.value_exact or ""
    elif claim.value_min is not None and claim.value_max is not None:
        value = f"{claim.to_dict()['value_min']}–{claim.to_dict()['value_max']}"
    elif claim.value_min is not None:
        value = f"≥ {claim.to_dict()['value_min']}"
    else:
        value = "?"
    parts = [signs.get(claim.qualifier or "", "") + value]
    if claim.unit is not None:
        unit = claim.unit.get("code") or claim.unit.get("symbol") or claim.unit.get("name")
        if unit:
            parts.append(str(unit))
    label = " ".join(parts)
    if claim.modality in ("hedged", "negated"):
        label += f" ({claim.modality})"
    if claim.speaker is not None:
        label += f" · {claim.speaker.get('name') or claim.speaker.get('text')}"
    return label


def render(docs: Doc | Iterable[Doc], *, page: bool = False, minify: bool = False) -> str:
    """Return displaCy HTML that highlights the claims of ``docs``.

    Args:
        docs: One doc or several, processed by a pipeline with the ``"numclaims"`` component.
        page: Return a whole HTML page rather than a fragment.
        minify: Minify the HTML.
    """
    if isinstance(docs, Doc):
        docs = [docs]
    data: list[dict[str, Any]] = []
    colors: dict[str, str] = {}
    for doc in docs:
        ents = []
        for claim in doc._.claims:
            label = claim_label(claim)
            colors[label] = KIND_COLORS.get(claim.kind, "#dddddd")
            ents.append({"start": claim.start_char, "end": claim.end_char, "label": label})
        data.append({"text": doc.text, "ents": ents, "title": None})
    html: str = displacy.render(
        data,
        style="ent",
        manual=True,
        page=page,
        minify=minify,
        jupyter=False,
        options={"colors": colors},
    )
    return html
