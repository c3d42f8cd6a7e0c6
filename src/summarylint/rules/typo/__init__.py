"""Family WD (category ``typo``): wrong characters (别字) and wrong word forms.

* WD001 ``confusion-set-typo`` — a curated confusion set with context guards (:mod:`.confusions`);
* WD009 ``near-word-typo`` and WD010 ``idiom-typo`` — a span one similar character away from a
  frequent word or a fixed expression, verified in context (:mod:`.detect`, data from
  :mod:`.lexicon`, built from jieba's dictionary and pypinyin's readings and cached);
* WD011 ``traditional-character`` — traditional characters in simplified text, and WD016
  ``fullwidth-latin`` — full-width Latin letters (ＷＥＢ; full-width digits are NB007's);
* WD012 ``stuttered-function-word`` and WD013 ``stuttered-word`` — a character or a word typed twice
  (:mod:`.stutter`; formerly DU005 and DU006, whose codes redirect here);
* WD002 ``de-di-de`` — 的 written for an adverbial 地 or a complement 得 (:mod:`.particles`; on by default,
  info level);
* WD014 ``latin-variant`` — a Latin-script term spelt once one keystroke away from the spelling the
  same document keeps (:mod:`.latin`);
* WD015 ``english-misspelling`` — a word of an English paragraph that no English word list knows, one
  keyboard slip away from a known word (:mod:`.english`, pyspellchecker's English dictionary).

The lexicon and jieba's dictionary are loaded on the first Chinese paragraph that needs them, never
on import.
"""

from summarylint.rules.typo import checks, confusions, english, latin, particles, stutter

__all__ = ["checks", "confusions", "english", "latin", "particles", "stutter"]
