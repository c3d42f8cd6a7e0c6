"""Plant defects of every kind at random places of the clean corpus, check the result and score recall.

Usage:
    python scripts/inject.py                    # seed 1, two rounds over ../shared/corpus/clean
    python scripts/inject.py --seed 7 --rounds 4 --misses
    python scripts/inject.py --forms            # recall per generated form as well as per kind
    python scripts/inject.py --alarms           # list the errors and warnings outside the planted places

Each round reads every clean document (footer cut as in ``corpus_check.py``), picks random prose
paragraphs far apart and plants one defect in each, the kinds taken in turn.  The defect forms come
from a small generative grammar in this file (slot characters × counts × contexts × separators, real
numbers deleted before the measure words that follow them in the text, real text re-encoded into
mojibake, …); nothing is taken from the rules' own packs.  About a quarter of the documents are
checked as Markdown, so that Markdown-only forms (escaped underscores) are planted too.

A planted defect is found when a diagnostic of a compatible category (the table of
``score_gold.py``) overlaps the planted span; a page-break split counts on the continuation line or
on the end of the first fragment.  False alarms are the errors and warnings that lie outside every
planted paragraph and its neighbours, per 10,000 characters of checked text; as in
``corpus_check.py``, page-break findings (GA001) on Wikisource scrapes are left out, because their
hyperlinks really split sentences.  Exits 0 with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_check import DEFAULT_CORPUS, WIKISOURCE_EXEMPT, load_clean
from score_gold import COMPATIBLE

from summarylint.api import check_bytes, make_policy
from summarylint.diagnostics import Severity
from summarylint.linter import FileResult

#: Planted kind → the gold category whose compatible findings count (``COMPATIBLE`` in score_gold.py).
KIND_CATEGORY = {
    "placeholder": "placeholder",
    "missing-figure": "missing-figure",
    "mojibake": "garbled",
    "page-break": "broken-paragraph",
    "boilerplate": "boilerplate",
    "duplicate": "duplicate",
    "numbering": "structure",
    "punctuation": "punctuation",
    "number-usage": "number-usage",
}
KINDS = tuple(KIND_CATEGORY)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_INDENT = re.compile(r"^[ \t\u3000]*")
_ORDINAL_START = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])"
)

# ---------------------------------------------------------------------------------------------------
# The grammar: slot forms, measure words, contexts, separators.  Written for this script.

NUMERAL = re.compile(
    r"(?<![0-9０-９.．])(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二三四五六七八九十百千两]+)(?=(?:多|余)?[万亿]?)"
)
#: measure words and units a deleted figure may stand before (unit, then whether a year)
UNITS = [
    "人次",
    "户次",
    "万人",
    "个",
    "家",
    "户",
    "人",
    "名",
    "位",
    "次",
    "项",
    "件",
    "份",
    "篇",
    "场",
    "期",
    "批",
    "所",
    "座",
    "处",
    "条",
    "台",
    "辆",
    "吨",
    "亩",
    "公里",
    "千米",
    "平方米",
    "立方米",
    "元",
    "万元",
    "亿元",
    "美元",
    "倍",
    "年",
    "天",
    "小时",
    "%",
]
_UNIT_AFTER = re.compile(
    r"(?P<num>(?<![0-9０-９.．第〇零一二三四五六七八九十百千万亿两数几])(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二三四五六七八九十百千两]{1,4}))"
    r"(?P<tail>(?:多|余)?(?:万|亿)?(?:" + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)) + r"))"
)
#: (○ is a zero in 二○○五年 and □ a tick box in forms: neither is planted as a slot)
SLOT_CHARS = ("X", "x", "×", "Ｘ", "*", "＊", "_", "＿")
LABELS = ("负责人", "联系人", "经办人", "审核人", "填报人", "主任", "组长", "联系电话", "填报单位", "牵头科室")
LABEL_SEPARATORS = ("：", "：", ": ", " ", "　")
QUOTED_TAILS = ("制度", "工程", "行动", "活动", "品牌", "模式", "机制", "工作法")
NAME_TAILS = ("等同志", "等单位", "同志", "部门", "公司", "县", "镇", "村")
BRACKETS = (("【", "】"), ("[", "]"), ("〔", "〕"), ("（", "）"), ("［", "］"))
BRACKET_WORDS = (
    "待核实", "待补充", "待填写", "待确认", "待定", "数据待补", "数据待更新", "此处补充数据", "请补充",
    "需核对", "插入图表", "补充案例",
)  # fmt: skip

MF_VERBS = (
    "开展", "举办", "组织", "培训", "走访", "慰问", "发放", "印发", "选出了", "确定了", "新增", "累计完成", "接待",
    "受理", "签订", "回收",
)  # fmt: skip
MF_OBJECTS = (
    "宣传活动",
    "培训班",
    "困难群众",
    "宣传资料",
    "示范单位",
    "帮扶对象",
    "合同",
    "来访群众",
    "问卷",
    "专题讲座",
)
MF_UNITS = ("次", "期", "户", "份", "家", "人", "人次", "场", "个", "项", "万元", "元")
MF_PREFIXES = ("全年", "今年以来", "上半年", "本季度", "截至目前，", "", "", "共", "累计")
#: 余 without its number is a defect (举办余期); 多 is not: 举办多期培训班, 开展检查多次 are correct Chinese
MF_AMOUNT = ("余",)
MF_YEAR_FRAMES = ("比{y}年增长", "在{y}年的工作基础上", "与{y}年相比", "较{y}年同期", "自{y}年起")

MOJIBAKE_FORMS = ("utf8-as-gbk", "utf8-as-gb18030", "utf8-as-cp1252", "utf8-as-latin1", "gbk-as-utf8", "double")

PAGE_LINES = (
    "— {n} —",
    "- {n} -",
    "－{n}－",
    "—{n}—",
    "第{n}页",
    "第 {n} 页",
    "第{n}页 共{m}页",
    "第{n}页/共{m}页",
    "{n}/{m}",
    "- {n} -",
    "Page {n}",
    "{n}",
)
#: running headers and footers a PDF or Word page carries (``{unit}`` from the pool below)
HEADER_LINES = ("{unit}工作报告", "{unit}", "内部资料 注意保存", "{unit}文件", "内部资料")
HEADER_UNITS = ("某某市人民政府", "某某县财政局", "某某区民政局", "某某集团有限公司", "某某街道办事处")

AD_SUBJECTS = ("更多", "更多精彩", "更多相关", "更多优秀", "海量", "最新")
AD_THINGS = ("范文", "工作总结", "文章", "资料", "模板", "述职报告", "心得体会", "文档")
AD_CALLS = ("请关注", "请访问", "敬请关注", "欢迎访问", "请登录", "尽在", "请搜索")
AD_PLACES = ("本站", "本网站", "我们的网站", "本平台", "文库", "范文网")
AD_SECTIONS = ("栏目", "频道", "专栏", "", "首页")
AD_DOC = ("此文档", "本文档", "本文", "该文档", "本范文")
AD_EDITABLE = ("为可编辑版本", "是Word版本", "可以自由编辑", "为精品文档", "支持在线编辑")
AD_AFTER = ("下载后可自由修改", "下载后可以直接使用", "下载即可编辑", "欢迎下载使用", "可下载后修改使用")
AD_MEMBER = ("VIP会员", "会员", "注册用户", "VIP用户")
AD_PERKS = ("免费下载", "专享下载", "可免费阅读全文", "享受下载特权", "免费获取完整版")
AD_EDITOR = ("小编", "编辑", "本站编辑", "网友")
AD_EDITOR_DID = ("精心整理", "收集整理", "为大家整理", "上传分享", "搜集编辑")
AD_TAGS = (
    "（精选范文）",
    "（精选{n}篇）",
    "（通用{n}篇）",
    "【优秀范文】",
    "（范文）",
    "（热门{n}篇）",
    "【精品】",
    "（最新范文）",
)

# ---------------------------------------------------------------------------------------------------


@dataclass
class Line:
    text: str


@dataclass
class Plant:
    kind: str
    form: str
    line: Line
    start: int  # 0-based columns in ``line.text``
    end: int
    anchors: tuple[Line, ...] = ()  # lines where a broken-paragraph finding may stand
    touched: tuple[Line, ...] = ()  # other lines this plant changed or created
    found: bool = False


@dataclass
class Planted:
    name: str
    lines: list[Line]
    markdown: bool
    wikisource: bool
    plants: list[Plant] = field(default_factory=list)
    header: str = ""  # the running header of the document's pages, once a plant needs one

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def index(self, line: Line) -> int:
        return next(i for i, candidate in enumerate(self.lines) if candidate is line)


Generator = Callable[[random.Random, Planted, int], Plant | None]


def _prose(line: str) -> bool:
    body = line.strip(" \t\u3000")
    return len(body) >= 30 and len(_CJK_CHAR.findall(body)) >= 0.7 * len(body) and not _ORDINAL_START.match(line)


def _cjk_positions(text: str, lo: int = 0) -> list[int]:
    """Positions i where both text[i-1] and text[i] are CJK (a place between two characters)."""
    return [i for i in range(max(lo, 1), len(text)) if _CJK_CHAR.match(text[i - 1]) and _CJK_CHAR.match(text[i])]


def _replace(line: Line, start: int, end: int, new: str) -> tuple[int, int]:
    line.text = line.text[:start] + new + line.text[end:]
    return start, start + len(new)


def _number_slot(rng: random.Random, markdown: bool) -> tuple[str, str]:
    if markdown and rng.random() < 0.35:
        return "\\_" * rng.randint(1, 4), "md-escaped-underscores"
    char = rng.choice(SLOT_CHARS)
    count = 1 if char in "X×Ｘ" and rng.random() < 0.3 else rng.randint(2, 4)
    return char * count, f"slot-{char}"


def plant_placeholder(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    line = doc.lines[i]
    choice = rng.randrange(6)
    if choice == 0:  # a real figure replaced by a slot
        matches = list(_UNIT_AFTER.finditer(line.text))
        if matches:
            m = rng.choice(matches)
            slot, form = _number_slot(rng, doc.markdown)
            return Plant("placeholder", f"figure-{form}", line, *_replace(line, m.start("num"), m.end("num"), slot))
        choice = 1
    if choice == 1:  # a name or a word replaced by XX / ×××
        places = _cjk_positions(line.text, 4)
        if not places:
            return None
        at = rng.choice(places)
        width = rng.randint(2, 4)
        slot = rng.choice(("XX", "XXX", "×××", "××", "xx", "ＸＸ", "XX"))
        if doc.markdown and rng.random() < 0.3:
            slot = "\\_" * rng.randint(2, 4)
        tail = rng.choice(NAME_TAILS) if rng.random() < 0.5 else ""
        start, _ = _replace(line, at, min(len(line.text), at + width), slot + tail)
        return Plant("placeholder", "name-slot", line, start, start + len(slot))
    if choice == 2:  # label: value left as a slot, at the end of the paragraph
        slot = rng.choice(("XXX", "XX", "×××", "xx", "____", "××"))
        clause = f"{rng.choice(LABELS)}{rng.choice(LABEL_SEPARATORS)}"
        end_mark = rng.choice(("", "。", "；"))
        start = len(line.text) + len(clause)
        line.text = f"{line.text}{clause}{slot}{end_mark}"
        return Plant("placeholder", "label-slot", line, start, start + len(slot))
    if choice == 3:  # quoted or enumerated slot inserted between two characters
        places = _cjk_positions(line.text, 4)
        if not places:
            return None
        at = rng.choice(places)
        slot = rng.choice(("XX", "XXX", "××", "xx"))
        if doc.markdown and rng.random() < 0.4:
            slot = "\\_" * rng.randint(1, 3)
        if rng.random() < 0.5:
            inserted = f"落实“{slot}”{rng.choice(QUOTED_TAILS)}，"
            offset = 3
        else:
            inserted = f"{slot}、{slot}{rng.choice(NAME_TAILS)}，"
            offset = 0
        line.text = line.text[:at] + inserted + line.text[at:]
        return Plant("placeholder", "quoted-or-list", line, at + offset, at + offset + len(slot))
    if choice == 4:  # a date with slots
        y = rng.randint(2015, 2025)
        forms = (
            f"{y}-{rng.randint(1, 12):02d}-xx",
            f"{y}年xx月xx日",
            "xx月xx日",
            f"{y}年X月X日",
            "20XX年",
            f"{y}年__月__日",
            f"{y}.{rng.randint(1, 12)}.XX",
            f"{y}年××月",
        )
        date = rng.choice(forms)
        places = _cjk_positions(line.text, 4)
        if not places:
            return None
        at = rng.choice(places)
        inserted = f"于{date}"
        line.text = line.text[:at] + inserted + line.text[at:]
        return Plant("placeholder", "date-slot", line, at + 1, at + len(inserted))
    # a bracketed marker left by the writer
    places = _cjk_positions(line.text, 4)
    if not places:
        return None
    at = rng.choice(places)
    left, right = rng.choice(BRACKETS)
    marker = f"{left}{rng.choice(BRACKET_WORDS)}{right}"
    line.text = line.text[:at] + marker + line.text[at:]
    return Plant("placeholder", "bracket-marker", line, at, at + len(marker))


def plant_missing_figure(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    line = doc.lines[i]
    choice = rng.randrange(3)
    if choice == 0:
        matches = list(_UNIT_AFTER.finditer(line.text))
        # a lone 一 before 个 may be dropped in speech (是个鼓舞), and 10多人 without its 10 is 多人 (several
        # people): deleting either leaves correct Chinese, not a defect
        matches = [m for m in matches if m.group("num") != "一" and not m.group("tail").startswith("多")]
        if matches:
            m = rng.choice(matches)
            start, _ = _replace(line, m.start("num"), m.end("num"), "")
            tail = m.group("tail")
            form = "deleted-year" if tail == "年" else "deleted-percent" if tail == "%" else "deleted-figure"
            return Plant("missing-figure", form, line, max(0, start - 1), start + len(tail))
        choice = 1
    places = _cjk_positions(line.text, 4)
    if not places:
        return None
    at = rng.choice(places)
    if choice == 1:  # a generated statistics clause without its number
        verb, obj, unit = rng.choice(MF_VERBS), rng.choice(MF_OBJECTS), rng.choice(MF_UNITS)
        amount = rng.choice(MF_AMOUNT) if rng.random() < 0.25 else ""
        if rng.random() < 0.5:
            body, form = f"{verb}{obj}{amount}{unit}", "verb-object-unit"
            hole = len(verb) + len(obj)
        else:
            body, form = f"{verb}{amount}{unit}{obj}", "verb-unit-object"
            hole = len(verb)
        clause = f"{rng.choice(MF_PREFIXES)}{body}，"
        hole += len(clause) - len(body) - 1
        line.text = line.text[:at] + clause + line.text[at:]
        return Plant("missing-figure", form, line, at + hole - 1, at + hole + len(amount) + len(unit))
    frame = rng.choice(MF_YEAR_FRAMES)
    clause = frame.format(y="") + "，"
    line.text = line.text[:at] + clause + line.text[at:]
    hole = frame.index("{y}")
    return Plant("missing-figure", "deleted-year-frame", line, at + max(0, hole - 1), at + hole + 1)


def _mojibake(text: str, form: str) -> str:
    raw = text.encode("utf-8")
    if form == "utf8-as-gbk":
        return raw.decode("gbk", errors="replace")
    if form == "utf8-as-gb18030":
        return raw.decode("gb18030", errors="replace")
    if form == "utf8-as-cp1252":
        return raw.decode("cp1252", errors="replace")
    if form == "utf8-as-latin1":
        return raw.decode("latin-1")
    if form == "gbk-as-utf8":
        return text.encode("gbk", errors="replace").decode("utf-8", errors="replace")
    return (
        text.encode("gbk", errors="replace").decode("utf-8", errors="replace").encode("utf-8").decode("gbk", "replace")
    )


def plant_mojibake(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    line = doc.lines[i]
    form = rng.choice(MOJIBAKE_FORMS)
    width = rng.choice((2, 4, 6, 8)) if form.startswith("utf8-as-gb") else rng.randint(2, 8)
    runs = [m for m in re.finditer(f"[{_CJK}]{{{width},}}", line.text)]
    if not runs:
        return None
    run = rng.choice(runs)
    start = rng.randint(run.start(), run.end() - width)
    garbled = _mojibake(line.text[start : start + width], form)
    garbled = garbled.replace("\n", " ").replace("\r", " ")
    return Plant("mojibake", form, line, *_replace(line, start, start + width, garbled))


def plant_page_break(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    line = doc.lines[i]
    indent = len(_INDENT.match(line.text).group())  # type: ignore[union-attr]
    places = [p for p in _cjk_positions(line.text, indent + 6) if p < len(line.text) - 4]
    if not places:
        return None
    at = rng.choice(places)
    head, tail = line, Line(line.text[at:])
    form = rng.choice(("page-number", "page-number", "blank-line", "hard-split", "header"))
    if doc.markdown and form == "hard-split":
        form = "blank-line"  # in Markdown a single line break joins the lines again: no defect
    between: list[Line] = []
    if form == "page-number":
        n = rng.randint(2, 40)
        number = rng.choice(PAGE_LINES).format(n=n, m=n + rng.randint(1, 20))
        pad = rng.choice(("", "　", " " * rng.randint(2, 20)))
        blanks = rng.randint(0, 2)
        between = [Line("") for _ in range(blanks)] + [Line(pad + number)] + [Line("") for _ in range(blanks)]
    elif form == "header":
        # the footer of one page (a page number) and the header of the next, the same header on
        # every page of the document
        if not doc.header:
            doc.header = rng.choice(HEADER_LINES).format(unit=rng.choice(HEADER_UNITS))
        n = rng.randint(2, 40)
        blank = [Line("") for _ in range(rng.randint(1 if doc.markdown else 0, 1))]  # (Markdown would join the lines)
        number = Line(rng.choice(PAGE_LINES[:6]).format(n=n, m=n))
        between = [*blank, number, *[Line("") for _ in blank], Line(doc.header), *[Line("") for _ in blank]]
    elif form == "blank-line":
        between = [Line("") for _ in range(rng.randint(1, 3))]
    index = doc.index(line)
    head.text = head.text[:at]
    doc.lines[index + 1 : index + 1] = [*between, tail]
    return Plant("page-break", form, tail, 0, len(tail.text), anchors=(tail, head), touched=(head, *between))


def _advert(rng: random.Random) -> tuple[str, str]:
    form = rng.randrange(6)
    if form == 0:
        section = rng.choice(AD_SECTIONS)
        text = f"{rng.choice(AD_SUBJECTS)}{rng.choice(AD_THINGS)}{rng.choice(AD_CALLS)}{rng.choice(AD_PLACES)}"
        if section:
            text += f"“{rng.choice(AD_THINGS)}”{section}"
        return text + rng.choice(("。", "！", "", "……")), "more-please-visit"
    if form == 1:
        return f"{rng.choice(AD_DOC)}{rng.choice(AD_EDITABLE)}，{rng.choice(AD_AFTER)}。", "editable-download"
    if form == 2:
        return (
            f"{rng.choice(AD_MEMBER)}{rng.choice(AD_PERKS)}{rng.choice(('本文', '全文', '此文', ''))}。",
            "member-perk",
        )
    if form == 3:
        lead = rng.choice(("以上", "本文", "上述内容", "这篇范文"))
        close = rng.choice(("仅供参考", "希望对您有用", "欢迎收藏", "如有侵权请联系删除"))
        text = f"{lead}由{rng.choice(AD_EDITOR)}{rng.choice(AD_EDITOR_DID)}，{close}。"
        return text, "editor-said"
    if form == 4:
        owner, note = rng.choice(AD_PLACES), rng.choice(("未经许可不得转载", "转载请注明出处", "禁止复制"))
        text = f"{rng.choice(('本文', '文章', '此文'))}版权归{owner}所有，{note}。"
        return text, "copyright"
    return rng.choice(AD_TAGS).format(n=rng.randint(2, 12)), "title-tag"


def plant_boilerplate(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    text, form = _advert(rng)
    if form == "title-tag":
        title = next((line for line in doc.lines[:8] if line.text.strip()), None)
        if title is None or any(p.line is title for p in doc.plants):
            return None
        start = len(title.text.rstrip())
        title.text = title.text.rstrip() + text
        return Plant("boilerplate", form, title, start, start + len(text))
    line = doc.lines[i]
    if rng.random() < 0.5:  # appended to the paragraph
        start = len(line.text)
        line.text += text
        return Plant("boilerplate", form + "+appended", line, start, start + len(text))
    new = Line(rng.choice(("", "　　")) + text)
    index = doc.index(line)
    doc.lines[index + 1 : index + 1] = [Line(""), new]
    return Plant("boilerplate", form + "+paragraph", new, 0, len(new.text), touched=(line,))


def _before(doc: Planted, line: Line) -> list[Line]:
    """The lines above ``line``: a copy is reported where it occurs the second time."""
    return doc.lines[: doc.index(line)]


def plant_duplicate(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    line = doc.lines[i]
    used = {id(p.line) for p in doc.plants} | {id(t) for p in doc.plants for t in p.touched}
    sources = [
        other
        for other in _before(doc, line)
        if id(other) not in used and _prose(other.text) and len(other.text.strip()) >= 40
    ]
    if not sources:
        return None
    source = rng.choice(sources)
    index = doc.index(line)
    if rng.random() < 0.5:
        copy = Line(source.text)
        doc.lines[index + 1 : index + 1] = [Line(""), copy]
        body = len(_INDENT.match(copy.text).group())  # type: ignore[union-attr]
        return Plant("duplicate", "paragraph", copy, body, len(copy.text), touched=(source, line))
    sentences = [m for m in re.finditer(r"[^。！？]{15,80}[。！？]", source.text.strip(" \u3000"))]
    if not sentences:
        return None
    sentence = rng.choice(sentences).group().lstrip("，、；： \u3000")
    if len(sentence) < 16:
        return None
    start = len(line.text)
    line.text += sentence
    return Plant("duplicate", "sentence", line, start, len(line.text), touched=(source,))


_MARKER = re.compile(
    r"^(?P<indent>[ \t\u3000]*)(?P<marker>[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)"
)
_CN = "一二三四五六七八九十"


def plant_numbering(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    candidates = [line for line in doc.lines if _MARKER.match(line.text)]
    taken = {id(p.line) for p in doc.plants}
    candidates = [c for c in candidates if id(c) not in taken]
    if not candidates:
        return None
    line = rng.choice(candidates)
    m = _MARKER.match(line.text)
    assert m is not None
    marker = m.group("marker")
    bracketed = marker.startswith("（")
    number = marker.strip("（）、")
    choice = rng.randrange(3)
    if choice == 0 and len(number) == 1 and number != "十":
        skipped = _CN[min(_CN.index(number) + rng.choice((1, 2)), 8)]
        new = f"（{skipped}）" if bracketed else f"{skipped}、"
        if skipped == number:
            return None
        form = "skip"
    elif bracketed:
        new = rng.choice((f"({number})", f"（{number})", f"({number}）", f"（{number}）、", f"{number}）"))
        form = "bracket-form"
    else:
        new = rng.choice((f"{number}.", f"{number}．", f"{number}，", f"{number},"))
        form = "dunhao-form"
    start = m.start("marker")
    # the siblings' findings (a gap reported at the next item) are consequences, not false alarms
    siblings = tuple(
        other
        for other in doc.lines
        if other is not line and (s := _MARKER.match(other.text)) and s.group("marker").startswith("（") == bracketed
    )
    return Plant("numbering", form, line, *_replace(line, start, m.end("marker"), new), touched=siblings)


def plant_punctuation(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    line = doc.lines[i]
    choice = rng.randrange(3)
    if choice == 0:
        marks = [m.start() for m in re.finditer(f"(?<=[{_CJK}])[，。；：](?=[{_CJK}])", line.text)]
        if not marks:
            return None
        at = rng.choice(marks)
        new = {"，": ",", "。": ".", "；": ";", "：": ":"}[line.text[at]]
        return Plant("punctuation", "half-width", line, *_replace(line, at, at + 1, new))
    if choice == 1:
        quoted = list(re.finditer(r"“([^“”]{1,20})”", line.text))
        if not quoted:
            places = _cjk_positions(line.text, 4)
            if not places:
                return None
            at = rng.choice(places)
            inserted = f'"{rng.choice(QUOTED_TAILS)}"'
            line.text = line.text[:at] + inserted + line.text[at:]
            return Plant("punctuation", "straight-quotes", line, at, at + len(inserted))
        q = rng.choice(quoted)
        return Plant("punctuation", "straight-quotes", line, *_replace(line, q.start(), q.end(), f'"{q.group(1)}"'))
    marks = [m.start() for m in re.finditer(f"(?<=[{_CJK}])[，。](?=[{_CJK}])", line.text)]
    if not marks:
        return None
    at = rng.choice(marks)
    return Plant("punctuation", "repeated-mark", line, *_replace(line, at, at + 1, line.text[at] * 2))


_TITLE = re.compile(r"《[^《》]*》")


def plant_number_usage(rng: random.Random, doc: Planted, i: int) -> Plant | None:
    line = doc.lines[i]
    places = _cjk_positions(line.text, 4)
    if not places:
        return None
    at = rng.choice(places)
    # not inside a title in 《》: a figure there is the title's own, written as published (《3-6岁儿童……指南》); the
    # plant goes right after the title (the same draws of the generator, so the other plants stay where they were)
    at = next((e for s, e in (m.span() for m in _TITLE.finditer(line.text)) if s < at < e), at)
    if rng.random() < 0.5:
        a = rng.randint(2, 30)
        # not "—": GB/T 15835-2011 §5.1.3 writes value ranges with "～" or "—", so "3—5天" is right
        sep = rng.choice(("-", "~", "--"))
        unit = rng.choice(("天", "个月", "人", "次", "年", "%"))
        text = f"，用时{a}{sep}{a + rng.randint(1, 9)}{unit}，"
        line.text = line.text[:at] + text + line.text[at:]
        return Plant("number-usage", "range-connector", line, at + 3, at + len(text) - 1)
    # not "二次": it is also the fixed word "secondary" (二次开发, 二次供水), which the rules leave alone
    word = rng.choice(("二个", "二项", "二名", "二家"))
    text = f"新增{word}"
    line.text = line.text[:at] + text + line.text[at:]
    return Plant("number-usage", "er-before-measure", line, at + 2, at + 4)


GENERATORS: dict[str, Generator] = {
    "placeholder": plant_placeholder,
    "missing-figure": plant_missing_figure,
    "mojibake": plant_mojibake,
    "page-break": plant_page_break,
    "boilerplate": plant_boilerplate,
    "duplicate": plant_duplicate,
    "numbering": plant_numbering,
    "punctuation": plant_punctuation,
    "number-usage": plant_number_usage,
}


def plant_document(rng: random.Random, name: str, text: str, wikisource: bool, turn: list[int]) -> Planted:
    blank_separated = text.count("\n\n") * 3 > text.count("\n")
    doc = Planted(name, [Line(t) for t in text.split("\n")], blank_separated and rng.random() < 0.25, wikisource)
    prose = [i for i, line in enumerate(doc.lines) if _prose(line.text)]
    rng.shuffle(prose)
    chosen: list[int] = []
    for i in prose:
        if all(abs(i - j) > 4 for j in chosen):
            chosen.append(i)
    targets = [doc.lines[i] for i in sorted(chosen)]
    for target in targets:
        kind = KINDS[turn[0] % len(KINDS)]
        plant = GENERATORS[kind](rng, doc, doc.index(target))
        if plant is not None:
            doc.plants.append(plant)
            turn[0] += 1
    return doc


def _line_numbers(doc: Planted) -> dict[int, int]:
    return {id(line): number for number, line in enumerate(doc.lines, 1)}


def score_document(doc: Planted, result: FileResult, counted: Counter[str], alarms: list[str]) -> None:
    assert result.document is not None
    numbers = _line_numbers(doc)
    lines = result.document.lines
    placed = []
    for d in result.diagnostics:
        start, end = lines.position(d.span.start), lines.position(d.span.end)
        placed.append((d, start.line, start.column, end.line, end.column))
    quiet: set[int] = set()
    for plant in doc.plants:
        compatible = COMPATIBLE[KIND_CATEGORY[plant.kind]]
        own = numbers[id(plant.line)]
        for line in (plant.line, *plant.touched):
            if id(line) in numbers:
                quiet.update(range(numbers[id(line)] - 1, numbers[id(line)] + 2))
        anchors = {numbers[id(a)] for a in plant.anchors}
        quiet.update(range(min(anchors | {own}) - 1, max(anchors | {own}) + 2))
        for d, line0, col0, line1, col1 in placed:
            if d.category.value not in compatible:
                continue
            if anchors:
                if any(line0 <= a <= line1 for a in anchors):
                    plant.found = True
                continue
            if not line0 <= own <= line1:
                continue
            d0 = col0 if line0 == own else 1
            d1 = col1 if line1 == own else 1 << 30
            p0, p1 = plant.start + 1, plant.end + 1
            if (d0 < p1 and p0 < d1) or (d0 == d1 and p0 <= d0 <= p1):
                plant.found = True
    for d, line0, col0, _, _ in placed:
        if d.severity is Severity.INFO or line0 in quiet or (doc.wikisource and d.code in WIKISOURCE_EXEMPT):
            continue
        counted[d.code] += 1
        alarms.append(f"{doc.name}:{line0}:{col0}: {d.code} {d.message}\n    {lines.line_text(line0).strip()[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2, help="passes over the corpus, each with new plants")
    parser.add_argument("--kinds", default="", help="only plant these kinds (comma separated)")
    parser.add_argument("--misses", action="store_true", help="list every planted defect nothing found")
    parser.add_argument("--forms", action="store_true", help="recall per generated form too")
    parser.add_argument("--alarms", action="store_true", help="list errors and warnings outside the plants")
    parser.add_argument("--dump", type=Path, help="write the planted documents into this folder (to inspect a miss)")
    args = parser.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"corpus not found at {args.corpus}; nothing measured")
        return 0
    global KINDS
    if args.kinds:
        KINDS = tuple(k for k in args.kinds.split(",") if k in GENERATORS)
    rng = random.Random(args.seed)
    policy = make_policy()
    documents = load_clean(args.corpus)
    plants: list[tuple[Planted, Plant]] = []
    counted: Counter[str] = Counter()
    alarms: list[str] = []
    characters = 0
    turn = [0]
    for round_number in range(args.rounds):
        for name, text, wikisource in documents:
            doc = plant_document(rng, name, text, wikisource, turn)
            source = doc.text()
            shown = f"r{round_number}-{Path(name).stem}{'.md' if doc.markdown else '.txt'}"
            doc.name = shown
            if args.dump is not None:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / shown).write_text(source, encoding="utf-8")
            result = check_bytes(shown, source.encode("utf-8"), policy)
            if result.document is None:
                print(f"warning: {shown}: {result.error}", file=sys.stderr)
                continue
            score_document(doc, result, counted, alarms)
            characters += len(source)
            plants.extend((doc, plant) for plant in doc.plants)
    if args.misses:
        print("# planted defects nothing found")
        for doc, plant in plants:
            if not plant.found:
                number = _line_numbers(doc)[id(plant.line)]
                snippet = plant.line.text[max(0, plant.start - 12) : plant.end + 12].strip()
                print(f"{doc.name}:{number}:{plant.start + 1}: {plant.kind}/{plant.form} {snippet!r}")
        print()
    if args.alarms:
        print("# errors and warnings outside the planted places")
        print("\n".join(alarms) + "\n")
    if args.forms:
        print("# recall per form")
        forms: dict[tuple[str, str], list[int]] = {}
        for _, plant in plants:
            bucket = forms.setdefault((plant.kind, plant.form), [0, 0])
            bucket[0] += plant.found
            bucket[1] += 1
        for (kind, form), (found, total) in sorted(forms.items()):
            print(f"{kind + '/' + form:<40} {found:>4}/{total:<4} {found / total:>5.0%}")
        print()
    print(f"injected: seed {args.seed}, {args.rounds} rounds, {len(plants)} defects in {characters} characters")
    print(f"{'kind':<16} {'found':>11}")
    for kind in KINDS:
        chosen = [p for _, p in plants if p.kind == kind]
        found = sum(p.found for p in chosen)
        print(f"{kind:<16} {found:>4}/{len(chosen):<4} {found / len(chosen) if chosen else 0:>5.0%}")
    found = sum(p.found for _, p in plants)
    print(f"{'all':<16} {found:>4}/{len(plants):<4} {found / max(1, len(plants)):>5.0%}")
    total = sum(counted.values())
    top = ", ".join(f"{code} {n}" for code, n in counted.most_common(6))
    rate = total / characters * 10_000
    print(f"false alarms outside the plants: {total} errors+warnings, {rate:.2f} per 10,000 characters")
    print(f"  by rule: {top or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
