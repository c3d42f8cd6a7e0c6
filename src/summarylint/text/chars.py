"""Character classes and width folding shared by the rules that look at Chinese text.

Classes are given twice: ``CJK`` without brackets, for use inside another ``[...]`` class, and as a
compiled pattern matching one character.
"""

from __future__ import annotations

import re

#: Chinese characters (CJK Unified Ideographs and Extension A), for use inside ``[...]``
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
#: one Chinese character
CJK_CHAR = re.compile(f"[{CJK}]")
#: sentence-final particles of a question (……吗? ……呢?): a question mark after one asks
QUESTION_PARTICLES = "吗呢吧啊么嘛"

#: the Chinese digits one to nine and their values
CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
#: full-width point marks (点号)
POINT_MARKS = "，。、；：？！"
#: full-width opening and closing marks of pairs
OPENING_MARKS = "“‘《〈（【〔「『"
CLOSING_MARKS = "”’》〉）】〕」』"

#: full-width ASCII forms (！…～) and the ideographic space → their half-width forms
_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


#: blanks around a line's or a paragraph's content: spaces of every width, tabs, line ends, a byte-order mark
BLANKS = " \t\u3000\r\n\xa0\ufeff"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of ``text`` without the :data:`BLANKS` at either end."""
    while start < end and text[start] in BLANKS:
        start += 1
    while end > start and text[end - 1] in BLANKS:
        end -= 1
    return start, end


def to_halfwidth(text: str) -> str:
    """``text`` with full-width letters, digits and ASCII signs (and the ideographic space) folded to half width."""
    return text.translate(_TO_HALF)
