"""Family PU (category ``punctuation``): punctuation marks (GB/T 15834-2011).

The checks (:mod:`.checks`) read the joined content blocks, skip masked text (URLs, e-mail addresses,
file names, code) and the ordinal marker at the start of a paragraph (the NU rules judge markers).
Paired marks (quotes, brackets, book-title marks) are matched by :mod:`.pairs`; lists of words written
with commas are found by :mod:`.wordlists`.
"""

from summarylint.rules.punctuation import checks

__all__ = ["checks"]
