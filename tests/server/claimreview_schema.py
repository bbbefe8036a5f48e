"""The schema.org properties a ClaimReview draft may use, by type (from schema.org's
definitions of ClaimReview, Review, Claim, CreativeWork, Rating, Person, Organization and
Thing), and a checker of a JSON-LD draft against them and against what Google's Fact Check
markup requires of a review (claimReviewed, reviewRating with alternateName, a Claim)."""

from __future__ import annotations

import re
from typing import Any

_THING = {
    "@type", "additionalType", "alternateName", "description", "disambiguatingDescription",
    "identifier", "image", "mainEntityOfPage", "name", "potentialAction", "sameAs", "subjectOf",
    "url",
}  # fmt: skip
_CREATIVE_WORK = _THING | {
    "about", "author", "citation", "creator", "dateCreated", "dateModified", "datePublished",
    "headline", "inLanguage", "keywords", "publisher", "text", "mentions", "isBasedOn",
}  # fmt: skip
_REVIEW = _CREATIVE_WORK | {
    "itemReviewed", "reviewRating", "reviewBody", "reviewAspect", "associatedClaimReview",
    "negativeNotes", "positiveNotes",
}  # fmt: skip
#: Allowed properties of each type.
PROPERTIES: dict[str, set[str]] = {
    "ClaimReview": _REVIEW | {"claimReviewed", "@context"},
    "Claim": _CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "CreativeWork": _CREATIVE_WORK,
    "Rating": _THING | {"author", "bestRating", "ratingExplanation", "ratingValue",
                        "reviewAspect", "worstRating"},
    "Person": _THING | {"affiliation", "familyName", "givenName", "jobTitle", "worksFor"},
    "Organization": _THING | {"legalName", "parentOrganization"},
    "Thing": _THING,
}  # fmt: skip
#: The types a property's value may have (schema.org's ranges, for the properties drafts use).
RANGES: dict[str, set[str]] = {
    "itemReviewed": {"Claim", "Thing", "CreativeWork"},
    "reviewRating": {"Rating"},
    "author": {"Person", "Organization"},
    "appearance": {"CreativeWork"},
    "firstAppearance": {"CreativeWork"},
    "about": {"Thing", "CreativeWork"},
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?")
_URL = re.compile(r"https?://\S+")
_TEXT = {"claimReviewed", "name", "alternateName", "jobTitle", "reviewBody", "text"}


def problems(node: Any, where: str = "$") -> list[str]:
    """Every way ``node`` (a JSON-LD object) breaks the schema.org definitions above."""
    found: list[str] = []
    if not isinstance(node, dict):
        return [f"{where}: not an object"]
    kind = node.get("@type")
    if kind not in PROPERTIES:
        return [f"{where}: unknown @type {kind!r}"]
    for key, value in node.items():
        path = f"{where}.{key}"
        if key not in PROPERTIES[kind]:
            found.append(f"{path}: no such property of {kind}")
            continue
        values = value if isinstance(value, list) else [value]
        for i, item in enumerate(values):
            at = f"{path}[{i}]" if isinstance(value, list) else path
            if key in RANGES:
                if not isinstance(item, dict) or item.get("@type") not in RANGES[key]:
                    found.append(f"{at}: expected one of {sorted(RANGES[key])}")
                else:
                    found += problems(item, at)
            elif key in ("datePublished", "dateCreated", "dateModified"):
                if not (isinstance(item, str) and _DATE.fullmatch(item)):
                    found.append(f"{at}: not an ISO 8601 date: {item!r}")
            elif key == "url":
                if not (isinstance(item, str) and _URL.fullmatch(item)):
                    found.append(f"{at}: not a URL: {item!r}")
            elif key in _TEXT and not isinstance(item, str):
                found.append(f"{at}: not text")
    return found


def draft_problems(review: Any) -> list[str]:
    """:func:`problems`, and what a ClaimReview draft must have."""
    found = problems(review)
    if not isinstance(review, dict):
        return found
    if review.get("@context") not in ("https://schema.org", "http://schema.org"):
        found.append("$.@context: not schema.org")
    if review.get("@type") != "ClaimReview":
        found.append("$.@type: not ClaimReview")
    if not (isinstance(review.get("claimReviewed"), str) and review["claimReviewed"].strip()):
        found.append("$.claimReviewed: missing or empty")
    rating = review.get("reviewRating")
    if not (isinstance(rating, dict) and "alternateName" in rating):
        found.append("$.reviewRating.alternateName: missing (the verdict's place)")
    item = review.get("itemReviewed")
    if not (isinstance(item, dict) and item.get("@type") == "Claim"):
        found.append("$.itemReviewed: not a Claim")
    return found
