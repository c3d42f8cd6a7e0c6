"""Personal names in Chinese text: the titles and forms of address written next to one (邝振东老师, 王平同志,
中队长逄振东).

A name the dictionary does not know (a rare surname, a given name that reads as a word) is told by where it
stands: two or three characters before or after a title, or an item of a list of people (仉晓岚、訾明远、笪文彬等).
"""

from __future__ import annotations

#: Titles and forms of address written right after a personal name (or right before it: 中队长逄振东).
TITLES = (
    "老师",
    "同志",
    "同学",
    "先生",
    "女士",
    "师傅",
    "主任",
    "校长",
    "书记",
    "局长",
    "科长",
    "处长",
    "部长",
    "所长",
    "站长",
    "院长",
    "园长",
    "馆长",
    "行长",
    "县长",
    "乡长",
    "镇长",
    "村长",
    "医生",
    "护士长",
    "经理",
    "总监",
    "教授",
    "专家",
    "主席",
    "组长",
    "队长",
    "班长",
    "工程师",
    "会计",
    "律师",
    "法官",
    "检察官",
    "民警",
    "警官",
    "教练",
    "博士",
    "阿姨",
    "大爷",
)
#: What may follow a name in a list of people: a delimiter, 等 closing the list, the end of the text.
_AFTER_LISTED = frozenset("、，,。；;：:“”（）() \t\u3000等")


def ends_name(text: str, at: int) -> bool:
    """Whether a personal name may end at ``at``: a title follows, a delimiter of a list of people, or the text ends."""
    return at >= len(text) or text[at] in _AFTER_LISTED or text.startswith(TITLES, at)
