"""A guard in front of spaCy's tokenizer for untrusted text.

spaCy's rule-based tokenizer takes time quadratic in the length of a run of characters
without whitespace that its prefix and suffix rules peel one character at a time
(``'"' * 100_000``, ``"¡" * 100_000``, ``"(((…"``, a long run of emoji). No numeric
claim lives in such a run. :func:`numclaims.extract` cuts those runs before the
pipeline sees them; a pipeline that is called directly (``nlp(text)``) gets the same
protection from :func:`guard_tokenizer`::

    nlp = spacy.blank("es")
    numclaims.guard_tokenizer(nlp)   # or, in a config: [nlp.tokenizer]
    nlp.add_pipe("numclaims")        # @tokenizers = "numclaims.GuardedTokenizer.v1"

The guarded tokenizer gives the very same tokens as the tokenizer it wraps on any text
without a whitespace-free run longer than :data:`MAX_RUN` characters; a longer run is
tokenized in pieces of at most :data:`MAX_RUN` characters, and the doc's text is still
exactly the input text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

__all__ = ["MAX_RUN", "GuardedTokenizer", "guard_tokenizer", "long_runs", "replace_surrogates"]

#: The longest run of non-whitespace characters handed to spaCy's tokenizer at once.
MAX_RUN = 1000
# lone surrogates (from a bad decode) are not text: spaCy's tokenizer cannot encode them
_SURROGATE = regex.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (U+D800 to U+DFFF, which only a bad decode leaves in
    a ``str``) replaced by U+FFFD: same length, so every offset stays true."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# every run once, then its length: "\S{1001,}" would rescan each shorter run from each of
# its characters
_RUN = regex.compile(r"\S++")


def long_runs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each whitespace-free run longer than :data:`MAX_RUN`."""
    for m in _RUN.finditer(text, start, len(text) if end is None else end):
        if m.end() - m.start() > MAX_RUN:
            yield m.start(), m.end()


def _cuts(text: str) -> list[int]:
    """Offsets where ``text`` is cut so that no piece holds more than ``MAX_RUN`` characters
    of one whitespace-free run."""
    cuts: list[int] = []
    for start, end in long_runs(text):
        cuts.extend(range(start + MAX_RUN, end, MAX_RUN))
    return cuts


class GuardedTokenizer:
    """Wrap a tokenizer so that it never sees a whitespace-free run over :data:`MAX_RUN`.

    Args:
        tokenizer: The tokenizer to wrap (``nlp.tokenizer``).
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text``; cut only inside overlong whitespace-free runs.

        A lone surrogate, which spaCy's tokenizer cannot take, is read as U+FFFD.
        """
        text = replace_surrogates(text)
        cuts = _cuts(text)
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        docs = [self.tokenizer(text[a:b]) for a, b in pairwise(bounds)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    # serialization is the wrapped tokenizer's, so a saved pipeline keeps its rules
    def to_bytes(self, **kwargs: Any) -> bytes:
        """Serialize the wrapped tokenizer."""
        data: bytes = self.tokenizer.to_bytes(**kwargs)  # type: ignore[attr-defined]
        return data

    def from_bytes(self, data: bytes, **kwargs: Any) -> GuardedTokenizer:
        """Load the wrapped tokenizer's data."""
        self.tokenizer.from_bytes(data, **kwargs)  # type: ignore[attr-defined]
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        """Save the wrapped tokenizer."""
        self.tokenizer.to_disk(path, **kwargs)  # type: ignore[attr-defined]

    def from_disk(self, path: str | Path, **kwargs: Any) -> GuardedTokenizer:
        """Load the wrapped tokenizer."""
        self.tokenizer.from_disk(path, **kwargs)  # type: ignore[attr-defined]
        return self

    def __getattr__(self, name: str) -> Any:
        # everything else (rules, explain, vocab, …) is the wrapped tokenizer's
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def guard_tokenizer(nlp: Language) -> Language:
    """Put a :class:`GuardedTokenizer` in front of ``nlp``'s tokenizer; return ``nlp``.

    Guarding twice is harmless (the tokenizer is wrapped once). When ``nlp`` uses spaCy's
    default tokenizer, its config names the guarded one from then on, so that a pipeline
    saved with ``nlp.to_disk`` loads guarded.
    """
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
        settings = nlp._config["nlp"]  # Language.config is a copy: the config lives here
        if settings.get("tokenizer") == {"@tokenizers": "spacy.Tokenizer.v1"}:
            settings["tokenizer"] = {"@tokenizers": "numclaims.GuardedTokenizer.v1"}
    return nlp


def create_guarded_tokenizer() -> Callable[[Language], GuardedTokenizer]:
    """The config form: ``[nlp.tokenizer] @tokenizers = "numclaims.GuardedTokenizer.v1"``
    wraps the language's default tokenizer."""
    default: Callable[[], Callable[[Language], Any]] = registry.tokenizers.get("spacy.Tokenizer.v1")

    def make(nlp: Language) -> GuardedTokenizer:
        return GuardedTokenizer(default()(nlp))

    return make


registry.tokenizers.register("numclaims.GuardedTokenizer.v1", func=create_guarded_tokenizer)
