"""Word styles and automatic numbering: heading depth, list definitions and the labels Word displays.

Numbering (ECMA-376 Part 1, §17.9) is resolved as Word does:

* a paragraph's ``w:numPr`` (``w:numId``, ``w:ilvl``) comes from the paragraph, else from its style
  chain (``w:basedOn``); a style's ``w:numPr`` without ``w:ilvl`` means the level whose ``w:pStyle``
  names the style, else level 0; ``w:numId`` 0 removes numbering;
* ``w:num`` → ``w:abstractNum``, through ``w:numStyleLink`` → numbering style → its ``w:num`` when the
  definition lives in a numbering style; ``w:lvlOverride`` replaces a level (``w:lvl``) or its start
  (``w:startOverride``);
* counters belong to the abstract definition: all ``w:num`` instances of it continue one sequence;
  a ``w:num`` with a ``w:startOverride`` for a level (what Word's "restart numbering" and "set
  numbering value" write) sets the shared counter of that level to the override at its first
  paragraph on that level, and the other instances continue from there; lists of different
  abstract definitions keep separate counters however they interleave;
* when a level is used, each deeper level restarts unless its ``w:lvlRestart`` says otherwise
  (0: never; n: only when level n or a higher one is used);
* the label is ``w:lvlText`` with ``%1``…``%9`` replaced by the counters of those levels in their own
  ``w:numFmt`` (all in decimal when the level is ``w:isLgl``); a level not used yet shows its start
  value minus one (Word shows ``0.1`` for a level-2 item before any level-1 item); the ``w:suff``
  tab or space is not part of the label; a ``bullet`` level has no label (bullets are not ordinals).

Bounds (a document is data, not a program): a counter is kept within ``-MAX_COUNTER … MAX_COUNTER`` (Word's own
"set numbering value" stops at 32 767), so a start of 2 000 000 000 counts from 32 767; one number
is written in at most ``MAX_NUMBER_LENGTH`` characters (``lowerLetter`` repeats its letter once per
26: beyond that length the letter is written ``MAX_NUMBER_LENGTH`` times) and a whole label is cut
at ``MAX_LABEL_LENGTH`` characters.  Real labels are far below these bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarylint.readers.docx_safety import Element

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


_VAL = w("val")
_MAX_CHAIN = 32
_LEVELS = 9
#: bounds of the numbering counters and of the text of the labels they render
MAX_COUNTER = 32_767
MAX_NUMBER_LENGTH = 32
MAX_LABEL_LENGTH = 255


def _counter(value: int) -> int:
    return max(-MAX_COUNTER, min(value, MAX_COUNTER))


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


def _int_or(value: str | None, default: int) -> int:
    found = _int(value)
    return default if found is None else found


def on(element: Element | None) -> bool:
    """A toggle property (``<w:b/>``, ``<w:vanish w:val="false"/>``) that is present and not switched off."""
    if element is None:
        return False
    return element.get(_VAL, "true").strip().lower() not in ("0", "false", "off", "none")


# --------------------------------------------------------------------------------------------------
# Number formats


_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _chinese(value: int, digits: str, units: tuple[str, ...], zero: str) -> str:
    """A Chinese numeral below 10 000 (一, 十一, 一百零一); larger values fall back to decimal."""
    if value == 0:
        return digits[0]
    if value >= 10_000 or value < 0:
        return str(value)
    parts: list[str] = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = value // 10**position % 10
        if digit == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append(zero)
            pending_zero = False
        parts.append(digits[digit] + units[position])
    text = "".join(parts)
    if digits is _CN_DIGITS and 10 <= value < 20:
        text = text[1:]  # 十一, not 一十一
    return text


def _letters(value: int, upper: bool) -> str:
    """a … z, aa … zz, aaa … (Word repeats the letter)."""
    if value <= 0:
        return ""
    letter = chr(ord("a") + (value - 1) % 26)
    text = letter * min((value - 1) // 26 + 1, MAX_NUMBER_LENGTH)
    return text.upper() if upper else text


def _roman(value: int, upper: bool) -> str:
    if not 0 < value < 4000:
        return str(value)
    parts: list[str] = []
    for amount, numeral in _ROMAN:
        while value >= amount:
            parts.append(numeral)
            value -= amount
    text = "".join(parts)
    return text.upper() if upper else text


def _enclosed(value: int, ranges: tuple[tuple[int, int, int], ...], fallback: str) -> str:
    for low, high, base in ranges:
        if low <= value <= high:
            return chr(base + value - low)
    return fallback


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def format_number(value: int, fmt: str) -> str:
    """``value`` written in the Word number format ``fmt`` (unknown formats fall back to decimal).

    At most :data:`MAX_NUMBER_LENGTH` characters for any ``value``.
    """
    return _format_number(value, fmt)[:MAX_NUMBER_LENGTH]


def _format_number(value: int, fmt: str) -> str:
    match fmt:
        case "decimal" | "decimalHalfWidth" | "arabicAbjad" | "custom":
            return str(value)
        case "decimalZero":
            return f"{value:02d}" if 0 <= value < 10 else str(value)
        case "decimalFullWidth" | "decimalFullWidth2":
            return str(value).translate(_FULLWIDTH)
        case "decimalEnclosedCircle" | "decimalEnclosedCircleChinese":
            circled = ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))
            return _enclosed(value, circled, str(value))
        case "decimalEnclosedParen":
            return _enclosed(value, ((1, 20, 0x2474),), f"({value})")
        case "decimalEnclosedFullstop":
            return _enclosed(value, ((1, 20, 0x2488),), f"{value}.")
        case "ideographEnclosedCircle":
            return _enclosed(value, ((1, 10, 0x3280),), str(value))
        case "ideographParenthesized":
            return _enclosed(value, ((1, 10, 0x3220),), str(value))
        case "chineseCounting" | "chineseCountingThousand" | "taiwaneseCounting" | "taiwaneseCountingThousand":
            return _chinese(value, _CN_DIGITS, _CN_UNITS, "零")
        case "ideographDigital" | "taiwaneseDigital":
            return "".join(_CN_DIGITS[int(d)] for d in str(value)) if value >= 0 else str(value)
        case "chineseLegalSimplified":
            return _chinese(value, _CN_LEGAL_DIGITS, _CN_LEGAL_UNITS, "零")
        case "ideographTraditional":
            return _HEAVENLY_STEMS[value - 1] if 1 <= value <= 10 else str(value)
        case "ideographZodiac":
            return _EARTHLY_BRANCHES[value - 1] if 1 <= value <= 12 else str(value)
        case "lowerLetter":
            return _letters(value, upper=False)
        case "upperLetter":
            return _letters(value, upper=True)
        case "lowerRoman":
            return _roman(value, upper=False)
        case "upperRoman":
            return _roman(value, upper=True)
        case "ordinal":
            return _ordinal(value)
        case "none" | "bullet":
            return ""
        case _:
            return str(value)


# --------------------------------------------------------------------------------------------------
# Styles

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$")
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*[1-9]$")


@dataclass(frozen=True, slots=True)
class NumPr:
    num_id: int | None
    ilvl: int | None


def num_pr(ppr: Element | None) -> NumPr | None:
    """The ``w:numPr`` of a ``w:pPr`` element, if it has one."""
    if ppr is None:
        return None
    element = ppr.find(w("numPr"))
    if element is None:
        return None
    num_id = element.find(w("numId"))
    ilvl = element.find(w("ilvl"))
    return NumPr(
        _int(num_id.get(_VAL)) if num_id is not None else None,
        _int(ilvl.get(_VAL)) if ilvl is not None else None,
    )


def outline_level(ppr: Element | None) -> int | None:
    """``w:outlineLvl`` of a ``w:pPr`` (0-8 are heading levels 1-9, 9 is body text)."""
    if ppr is None:
        return None
    element = ppr.find(w("outlineLvl"))
    return _int(element.get(_VAL)) if element is not None else None


@dataclass(frozen=True, slots=True)
class Style:
    style_id: str
    name: str  # lower case
    kind: str  # paragraph, character, table, numbering
    based_on: str | None
    outline: int | None
    numbering: NumPr | None


class Styles:
    """Paragraph styles of ``word/styles.xml`` with their inheritance chains."""

    def __init__(self, root: Element | None) -> None:
        self._styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for element in root.iter(w("style")):
            style_id = element.get(w("styleId"))
            if not style_id:
                continue
            name_el = element.find(w("name"))
            based_el = element.find(w("basedOn"))
            ppr = element.find(w("pPr"))
            kind = element.get(w("type"), "paragraph")
            style = Style(
                style_id,
                (name_el.get(_VAL, "") if name_el is not None else "").strip().lower(),
                kind,
                based_el.get(_VAL) if based_el is not None else None,
                outline_level(ppr),
                num_pr(ppr),
            )
            self._styles[style_id] = style
            if kind == "paragraph" and element.get(w("default"), "0").strip().lower() in ("1", "true", "on"):
                self.default_paragraph = style_id

    def get(self, style_id: str | None) -> Style | None:
        return self._styles.get(style_id) if style_id else None

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        found: list[Style] = []
        seen: set[str] = set()
        current = self.get(style_id if style_id else self.default_paragraph)
        while current is not None and current.style_id not in seen and len(found) < _MAX_CHAIN:
            found.append(current)
            seen.add(current.style_id)
            current = self.get(current.based_on)
        return found

    def heading_depth(self, style_id: str | None) -> int:
        """Heading depth 1-9 that the style gives (outline level or a ``heading N`` name), 0 if none."""
        for style in self.chain(style_id):
            if style.outline is not None:
                return style.outline + 1 if 0 <= style.outline <= 8 else 0
            match = _HEADING_NAME.match(style.name)
            if match:
                return int(match.group(1))
            if style.name == "title":
                return 0
        return 0

    def is_toc(self, style_id: str | None) -> bool:
        return any(_TOC_NAME.match(style.name) for style in self.chain(style_id)[:1])

    def numbering(self, style_id: str | None) -> tuple[NumPr, str] | None:
        """The nearest ``w:numPr`` with a ``w:numId`` in the style chain, with the style that holds it."""
        for style in self.chain(style_id):
            if style.numbering is not None and style.numbering.num_id is not None:
                return style.numbering, style.style_id
        return None


# --------------------------------------------------------------------------------------------------
# Numbering definitions


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (None: the default, restart after any higher level)
    legal: bool = False
    style: str | None = None  # w:pStyle linked to this level


def _number_format(lvl: Element) -> str:
    element = lvl.find(w("numFmt"))
    if element is None:  # Word 2010+ wraps custom formats: the fallback names a standard one
        for fallback in lvl.iter(f"{{{MC}}}Fallback"):
            element = fallback.find(w("numFmt"))
            if element is not None:
                break
    if element is None:
        return "decimal"
    return str(element.get(_VAL, "decimal"))


def parse_level(lvl: Element, base: Level | None = None) -> Level:
    """A ``w:lvl`` element; properties it omits come from ``base`` (an overridden level)."""
    level = base or Level()
    start = lvl.find(w("start"))
    text = lvl.find(w("lvlText"))
    restart = lvl.find(w("lvlRestart"))
    style = lvl.find(w("pStyle"))
    fmt_present = lvl.find(w("numFmt")) is not None or lvl.find(f"{{{MC}}}AlternateContent") is not None
    return Level(
        start=_int_or(start.get(_VAL), level.start) if start is not None else level.start,
        fmt=_number_format(lvl) if fmt_present or base is None else level.fmt,
        text=text.get(_VAL, "") if text is not None else level.text,
        restart=_int(restart.get(_VAL)) if restart is not None else level.restart,
        legal=on(lvl.find(w("isLgl"))) if lvl.find(w("isLgl")) is not None else level.legal,
        style=style.get(_VAL) if style is not None else level.style,
    )


@dataclass(frozen=True)
class ListDefinition:
    """What a ``w:numId`` resolves to: its levels, its start overrides and the key of the counters it shares."""

    num_id: int
    key: str  # the abstract definition: every w:num of it counts in one sequence
    levels: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)  # w:startOverride by level

    def level_of_style(self, style_id: str) -> int | None:
        for ilvl, level in sorted(self.levels.items()):
            if level.style == style_id:
                return ilvl
        return None


class Numbering:
    """Definitions of ``word/numbering.xml``."""

    def __init__(self, root: Element | None, styles: Styles) -> None:
        self._styles = styles
        self._abstract: dict[int, Element] = {}
        self._nums: dict[int, Element] = {}
        self._cache: dict[int, ListDefinition | None] = {}
        if root is None:
            return
        for element in root.findall(w("abstractNum")):
            abstract_id = _int(element.get(w("abstractNumId")))
            if abstract_id is not None:
                self._abstract[abstract_id] = element
        for element in root.findall(w("num")):
            num_id = _int(element.get(w("numId")))
            if num_id is not None:
                self._nums[num_id] = element

    def _abstract_of(self, num_id: int, depth: int = 0) -> tuple[int, Element] | None:
        """The abstract definition of a ``w:num``, following ``w:numStyleLink`` to the numbering style."""
        num = self._nums.get(num_id)
        if num is None or depth > 8:
            return None
        ref = num.find(w("abstractNumId"))
        abstract_id = _int(ref.get(_VAL)) if ref is not None else None
        if abstract_id is None or abstract_id not in self._abstract:
            return None
        abstract = self._abstract[abstract_id]
        link = abstract.find(w("numStyleLink"))
        if link is not None:
            style = self._styles.get(link.get(_VAL))
            if style is not None and style.numbering is not None and style.numbering.num_id is not None:
                linked = self._abstract_of(style.numbering.num_id, depth + 1)
                if linked is not None:
                    return linked
        return abstract_id, abstract

    def definition(self, num_id: int) -> ListDefinition | None:
        if num_id not in self._cache:
            self._cache[num_id] = self._resolve(num_id)
        return self._cache[num_id]

    def _resolve(self, num_id: int) -> ListDefinition | None:
        found = self._abstract_of(num_id)
        if found is None:
            return None
        abstract_id, abstract = found
        levels: dict[int, Level] = {}
        for lvl in abstract.findall(w("lvl")):
            ilvl = _int(lvl.get(w("ilvl")))
            if ilvl is not None and 0 <= ilvl < _LEVELS:
                levels[ilvl] = parse_level(lvl)
        starts: dict[int, int] = {}
        for override in self._nums[num_id].findall(w("lvlOverride")):
            ilvl = _int(override.get(w("ilvl")))
            if ilvl is None or not 0 <= ilvl < _LEVELS:
                continue
            lvl = override.find(w("lvl"))
            if lvl is not None:
                levels[ilvl] = parse_level(lvl, levels.get(ilvl))
            start = override.find(w("startOverride"))
            value = _int(start.get(_VAL)) if start is not None else None
            if value is not None:
                starts[ilvl] = value
        return ListDefinition(num_id, f"abstract:{abstract_id}", levels, starts)


_PLACEHOLDER = re.compile(r"%([1-9])")


class Counters:
    """Word's list counters across a story, and the labels they render."""

    def __init__(self, numbering: Numbering, styles: Styles) -> None:
        self._numbering = numbering
        self._styles = styles
        self._values: dict[str, list[int]] = {}
        self._overridden: set[tuple[int, int]] = set()

    def resolve(self, ppr: Element | None, style_id: str | None) -> tuple[ListDefinition, int] | None:
        """The list and level of a paragraph (direct ``w:numPr`` first, then its style's)."""
        direct = num_pr(ppr)
        inherited = self._styles.numbering(style_id)
        num_id = direct.num_id if direct is not None and direct.num_id is not None else None
        ilvl = direct.ilvl if direct is not None else None
        owner: str | None = None
        if num_id is None and inherited is not None:
            num_id = inherited[0].num_id
            owner = inherited[1]
            if ilvl is None:
                ilvl = inherited[0].ilvl
        if not num_id:  # absent, or 0: numbering removed
            return None
        definition = self._numbering.definition(num_id)
        if definition is None:
            return None
        if ilvl is None:
            linked = definition.level_of_style(owner or style_id or "") if (owner or style_id) else None
            ilvl = linked if linked is not None else 0
        if not 0 <= ilvl < _LEVELS or ilvl not in definition.levels:
            return None
        return definition, ilvl

    def advance(self, definition: ListDefinition, ilvl: int) -> str:
        """Count one paragraph at ``ilvl`` of the list and return its label ("" for bullets)."""
        levels = definition.levels
        values = self._values.get(definition.key)
        if values is None:
            values = [_counter(levels[i].start - 1) if i in levels else 0 for i in range(_LEVELS)]
            self._values[definition.key] = values
        override = definition.start_overrides.get(ilvl)
        if override is not None and (definition.num_id, ilvl) not in self._overridden:
            self._overridden.add((definition.num_id, ilvl))
            # the first paragraph of this w:num at this level restarts the count
            values[ilvl] = _counter(override)
        else:
            values[ilvl] = _counter(values[ilvl] + 1)
        for deeper in range(ilvl + 1, _LEVELS):
            level = levels.get(deeper)
            if level is None:
                continue
            restart = level.restart
            if restart is None or restart > deeper:
                restart = deeper  # the default: restart whenever a higher level is used
            if restart != 0 and ilvl <= restart - 1:
                values[deeper] = _counter(level.start - 1)
        return self.render(definition, ilvl, values)

    @staticmethod
    def render(definition: ListDefinition, ilvl: int, values: list[int]) -> str:
        level = definition.levels[ilvl]
        if level.fmt == "bullet":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            referenced = definition.levels.get(index)
            if referenced is None:
                return ""
            fmt = "decimal" if level.legal and referenced.fmt not in ("none", "bullet") else referenced.fmt
            return format_number(values[index], fmt)

        return _PLACEHOLDER.sub(number, level.text[:MAX_LABEL_LENGTH])[:MAX_LABEL_LENGTH]
