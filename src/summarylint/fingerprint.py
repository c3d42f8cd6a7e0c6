"""Fingerprints: the identity of a finding that survives edits elsewhere in the document.

A finding is identified by its rule and a hash of the normalised text of the paragraph it is in
(blanks removed), with an occurrence index among the findings of the same rule in paragraphs of the
same text.  Lines moving, other paragraphs being edited or moved, do not change it; editing the
paragraph itself does.  The rule enters as its first code, so a rule that moved to another family
(:data:`summarylint.rules.REDIRECTS`) keeps its findings' identity.  Baselines and SARIF's
``partialFingerprints`` both use it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter

from summarylint.document import Document
from summarylint.linter import FileResult
from summarylint.rules import first_code

_BLANKS = re.compile(r"\s+")


def _paragraph_text(doc: Document, starts: list[int], offset: int) -> str:
    k = bisect_right(starts, offset) - 1
    if k >= 0:
        paragraph = doc.paragraphs[k]
        if offset <= max(paragraph.end, paragraph.start):
            return paragraph.label + paragraph.text
    return doc.lines.line_text(doc.lines.position(offset).line)


def fingerprints(result: FileResult) -> list[str]:
    """One fingerprint per diagnostic of ``result``, in order: ``<16 hex digits>:<occurrence>``."""
    doc = result.document
    if doc is None:
        return []
    starts = [p.start for p in doc.paragraphs]
    seen: Counter[str] = Counter()
    out = []
    for d in result.diagnostics:
        text = _BLANKS.sub("", _paragraph_text(doc, starts, d.span.start))
        digest = hashlib.sha256(f"{first_code(d.code)}\0{text}".encode()).hexdigest()[:16]
        seen[digest] += 1
        out.append(f"{digest}:{seen[digest]}")
    return out
