"""Family GA (category ``garbled``): garbled text and conversion artefacts.

* GA005 ``mojibake`` — replacement characters, private-use and control characters, known mojibake
  runs, text decoded with the wrong encoding (:mod:`.mojibake` finds and repairs them, from the
  ``rules/packs/garbled.toml`` pack and the common-character list ``rules/packs/garbled-chars.toml``);
* GA006 ``invisible-chars``, GA007 ``masked-character``, GA008 ``markdown-escape-residue``, GA013
  ``html-entity-residue`` (:mod:`.checks`).

GA001 and GA003 (page-break splits, page numbers) are the broken-paragraph family
(:mod:`summarylint.rules.broken_paragraph`); GA009 (a bullet in front of an ordinal) lives with the
numbering rules, which parse the ordinal.
"""

from summarylint.rules.garbled import checks

__all__ = ["checks"]
