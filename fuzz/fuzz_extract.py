"""atheris target: ``numclaims.extract`` on any text keeps every invariant.

Run from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_extract.py -max_total_time=600 -timeout=20 -dict=fuzz/es.dict \\
        -artifact_prefix=/tmp/numclaims-fuzz/ /tmp/numclaims-fuzz/corpus fuzz/corpus

An input that is valid UTF-8 is the text itself (so the seed corpus in
``fuzz/corpus/`` is plain Spanish text); any other input is turned into a
``str`` by :class:`atheris.FuzzedDataProvider` (see ``invariants.text_of``).
The invariants are those of ``fuzz/invariants.py``, the same as the property
tests and the crasher replay test.

With ``NUMCLAIMS_FUZZ_FINDINGS=DIR`` set, a failing input does not stop the
run: the first input of each distinct failure (exception type and the line
that raised it) is written to ``DIR`` as text, and the run goes on.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

from instrument import import_numclaims

numclaims = import_numclaims()

import invariants  # noqa: E402

NLP = numclaims.load("blank")
FINDINGS = os.environ.get("NUMCLAIMS_FUZZ_FINDINGS")
_SEEN: dict[str, int] = {}


def check(text: str) -> None:
    """Every invariant of ``extract`` and ``parse_number`` on ``text``."""
    invariants.check_extract(text, NLP)
    invariants.check_parse_number(text)


def signature(err: BaseException) -> str:
    """What tells one failure from another: the exception type and where it was raised."""
    frame = traceback.extract_tb(err.__traceback__)[-1]
    return f"{type(err).__name__} at {Path(frame.filename).name}:{frame.lineno}"


def _record(text: str, err: Exception) -> None:
    assert FINDINGS is not None
    sig = signature(err)
    _SEEN[sig] = _SEEN.get(sig, 0) + 1
    if _SEEN[sig] > 1:
        return
    folder = Path(FINDINGS)
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    invariants.write_crasher(folder / f"{name}.txt", text)
    summary = f"{sig}: {str(err).splitlines()[0] if str(err) else ''}"
    (folder / f"{name}.err").write_text(f"{summary}\n{text!r}\n", "utf-8")
    print(f"\n[finding {len(_SEEN)}] {summary}\n  input: {text!r}", file=sys.stderr, flush=True)


def test_one_input(data: bytes) -> None:
    """The libFuzzer entry point: check one input."""
    text = invariants.text_of(data)
    if FINDINGS is None:
        check(text)
        return
    try:
        check(text)
    except Exception as err:
        _record(text, err)


def main() -> None:
    """Run libFuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
