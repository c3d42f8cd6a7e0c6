"""Nest numbered paragraphs into a heading tree by canonical rank.

The builder never raises: a malformed sequence becomes a recorded :class:`SequenceIssue` or an
``inverted`` group that rules report.

How a marker is placed (``stack`` holds the open sibling groups, outermost first):

1. it continues the open group of its family whose last number it follows (``（二）`` after ``（一）``),
   closing every deeper group; when several open groups qualify, the one whose items have the same
   shape (standalone heading or run-in paragraph) wins, then the innermost;
2. otherwise, if it is ``1``/``一`` of a family that is already open, it starts a nested
   enumeration under the current item (real reports reuse ``一、二、三、`` inside a section and then
   go on with the outer sequence);
3. otherwise, if its family is open, it continues the nearest such group with a gap, duplicate or
   decrease;
4. otherwise it opens a new group under the current item; if it ranks above that item (``（一）``
   under ``1.``), the group is marked ``inverted``.  A group that does not start at 1 is reported,
   except for articles (``第七条``), which are numbered on across chapters.

An unnumbered Markdown heading (or Word heading) closes the groups opened in sections at its
depth or deeper, so numbering restarts under each such section.

Cost: the open groups of each family are indexed, and a marker is compared with at most
:data:`SCAN_OPEN` open groups of its family (the innermost ones); real outlines have a few open
groups, but a file of 100,000 lines ``1、…`` nests 100,000 of them, and comparing each marker with
all of them took quadratic time.  A phrase count kept per group makes :meth:`Group.shape` constant
time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.outline.markers import Family, Marker, paragraph_marker, subheading_marker

#: Paragraph kinds whose leading marker numbers the document's own structure.
_OUTLINE_KINDS = (BlockKind.BODY, BlockKind.HEADING, BlockKind.LIST_ITEM)
#: A numbered paragraph longer than this (after its marker) is body text, not a standalone heading.
STANDALONE_MAX = 40
_RUN_IN_STOPS = "。！？；!?;"
#: Lines of the closing block (署名、成文日期) are at most this long.
CLOSING_MAX = 25
#: A heading phrase is at most this long and has no clause punctuation.
PHRASE_MAX = 30
_CLAUSE_MARKS = "，,；;。！？!?"
#: a marker is compared with at most this many open groups of its family, the innermost first
SCAN_OPEN = 32


class IssueKind(StrEnum):
    FIRST = "first"  # the group does not start at 1
    GAP = "gap"  # a number was skipped
    DUPLICATE = "duplicate"  # the same number twice
    DECREASE = "decrease"  # the number goes down (including a restart at 1)
    RESTART = "restart"  # a lone first item right under an item of its own family (1. 2. 1.): the count restarted


@dataclass(eq=False)
class Heading:
    paragraph: Paragraph
    marker: Marker
    group: Group
    standalone: bool
    children: list[Group] = field(default_factory=list)
    has_content: bool = False  # body text or sub-headings follow before the next sibling or outer heading

    @property
    def phrase(self) -> bool:
        """A short heading phrase without clause punctuation (``三、保障措施``)."""
        return is_phrase(self.paragraph, self.marker)

    @property
    def parent(self) -> Heading | None:
        return self.group.parent

    @property
    def title(self) -> str:
        """The heading text after its marker."""
        return self.paragraph.text[self.marker.end :].strip(" \u3000")


@dataclass(eq=False)
class Group:
    """Consecutive sibling headings of one marker family under one parent."""

    parent: Heading | None
    section_depth: int
    inverted: bool = False
    items: list[Heading] = field(default_factory=list)
    #: phrases among ``items[:_counted]``, so that :meth:`shape` counts each item once
    _phrases: int = field(default=0, repr=False)
    _depth: int = field(default=-1, repr=False)
    _counted: int = field(default=0, repr=False)

    @property
    def first(self) -> Heading:
        return self.items[0]

    @property
    def last_value(self) -> int:
        return self.items[-1].marker.value

    @property
    def key(self) -> tuple[str, str]:
        return self.first.marker.group_key

    @property
    def level(self) -> int:
        return self.first.marker.level

    @property
    def depth(self) -> int:
        """Nesting depth in the outline: 0 for top-level groups (set by the builder, which opens a
        parent's group before its children's, so asking costs no walk up the tree)."""
        if self._depth >= 0:
            return self._depth
        depth, parent = 0, self.parent
        while parent is not None:
            depth += 1
            parent = parent.group.parent
        return depth

    def shape(self) -> bool:
        """True when most items are short heading phrases (``三、保障措施``), not sentences."""
        if self._counted > len(self.items):  # items were removed: count again
            self._phrases = self._counted = 0
        self._phrases += sum(1 for h in self.items[self._counted :] if h.phrase)
        self._counted = len(self.items)
        return self._phrases * 2 >= len(self.items)


@dataclass(frozen=True)
class SequenceIssue:
    kind: IssueKind
    heading: Heading
    expected: int


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    issues: list[SequenceIssue] = field(default_factory=list)
    by_paragraph: dict[int, Heading] = field(default_factory=dict)

    @property
    def roots(self) -> list[Group]:
        return [g for g in self.groups if g.parent is None]

    def heading_at(self, paragraph_index: int) -> Heading | None:
        return self.by_paragraph.get(paragraph_index)


def is_phrase(paragraph: Paragraph, marker: Marker) -> bool:
    if paragraph.kind is BlockKind.HEADING:
        return True
    rest = paragraph.text[marker.end :].strip(" \u3000")
    return 0 < len(rest) <= PHRASE_MAX and not any(ch in _CLAUSE_MARKS for ch in rest)


def is_standalone(paragraph: Paragraph, marker: Marker) -> bool:
    """A heading standing alone as a paragraph (``二、存在的问题``), not a run-in one (``1.加强学习。全年……``)."""
    if paragraph.kind is BlockKind.HEADING:
        return True
    rest = paragraph.text[marker.end :].strip(" \u3000")
    if len(rest) > STANDALONE_MAX:
        return False
    return not any(ch in _RUN_IN_STOPS for ch in rest[:-1])


def _skipped_on_purpose(doc: Document, after: Heading, before: Heading) -> bool:
    """An excerpt marks the omission with （略） or …… between two items."""
    for p in doc.paragraphs[after.paragraph.index + 1 : before.paragraph.index]:
        text = p.text.strip()
        if "（略）" in text or "(略)" in text or text in ("……", "…", "略"):
            return True
    return "（略）" in after.paragraph.text or "(略)" in after.paragraph.text


def _heading_depth(group: Group) -> int:
    """The Markdown depth shared by a group's items when all of them are headings, else 0."""
    depths = {h.paragraph.depth if h.paragraph.kind is BlockKind.HEADING else 0 for h in group.items}
    return depths.pop() if len(depths) == 1 else 0


#: Families that differ only by their numeral at the same bracketing, or by the mark after an Arabic numeral: an item of
#: one typed in the middle of a group of the other stands in for its next item (（3） for （三）, 2) for 2.).
_COUNTERPARTS = {
    Family.AR_PAREN: Family.CN_PAREN,
    Family.CN_PAREN: Family.AR_PAREN,
    Family.AR_BARE: Family.CN_BARE,
    Family.CN_BARE: Family.AR_BARE,
    Family.AR_HALF_PAREN: Family.AR_BARE,
}


#: The families of GB/T 9704-2012's four levels.
_STANDARD = frozenset({Family.CN_BARE, Family.CN_PAREN, Family.AR_BARE, Family.AR_PAREN})


class _Builder:
    def __init__(self, doc: Document, markers: dict[int, Marker] | None) -> None:
        self.doc = doc
        self.markers = markers
        self.outline = Outline()
        self.stack: list[Group] = []
        self.open: dict[tuple[str, str], list[int]] = {}  # family → indices of its open groups in ``stack``
        self.section_depth = 0
        self.last_of: dict[tuple[str, str], Heading] = {}
        #: paragraph index → the value a heading with a sequence issue should have (（二）（二）: the second is （三）)
        self.corrected: dict[int, int] = {}

    def new_group(self, parent: Heading | None, *, inverted: bool = False) -> Group:
        group = Group(parent, self.section_depth, inverted=inverted)
        group._depth = 0 if parent is None else parent.group.depth + 1
        self.outline.groups.append(group)
        if parent is not None:
            parent.children.append(group)
        return group

    def add(self, group: Group, heading_para: Paragraph, marker: Marker, standalone: bool) -> Heading:
        heading = Heading(heading_para, marker, group, standalone)
        self.last_of[marker.group_key] = heading
        group.items.append(heading)
        self.outline.headings.append(heading)
        self.outline.by_paragraph[heading_para.index] = heading
        return heading

    def issue(self, kind: IssueKind, heading: Heading, expected: int) -> None:
        self.outline.issues.append(SequenceIssue(kind, heading, expected))
        self.corrected[heading.paragraph.index] = expected

    def push(self, group: Group) -> None:
        self.open.setdefault(group.key, []).append(len(self.stack))
        self.stack.append(group)

    def truncate(self, size: int) -> None:
        """Close the open groups from ``stack[size]`` on."""
        while len(self.stack) > size:
            indices = self.open[self.stack.pop().key]
            indices.pop()

    def section(self, depth: int) -> None:
        size = len(self.stack)
        while size and self.stack[size - 1].section_depth >= depth:
            size -= 1
        self.truncate(size)
        self.section_depth = depth

    def place(self, para: Paragraph, marker: Marker) -> None:
        stack = self.stack
        key = marker.group_key
        standalone = is_standalone(para, marker)
        same = self.open.get(key, [])[-SCAN_OPEN:][::-1]  # innermost first
        kin: list[int] = []
        if para.kind is BlockKind.HEADING and para.depth:
            # a Markdown heading goes on with the headings of its own depth (# 4. after # 2.), not with a
            # list of body paragraphs that happens to have reached 3 in between
            kin = [i for i in same if _heading_depth(stack[i]) == para.depth]
            if kin:
                same = kin

        # 1. the next number of an open group
        following = [i for i in same if marker.value == stack[i].last_value + 1]
        if not following and marker.family is Family.AR_HALF_PAREN:
            # ``2）`` between ``（1）`` and ``（3）`` lost its opening bracket: it goes on with their group
            bracketed = self.open.get((Family.AR_PAREN.value, ""), [])[-SCAN_OPEN:][::-1]
            following = [i for i in bracketed if marker.value == stack[i].last_value + 1]
        if following:
            phrase = is_phrase(para, marker)
            shaped = [i for i in following if stack[i].shape() == phrase]
            index = (shaped or following)[0]
            self.truncate(index + 1)
            self.add(stack[index], para, marker, standalone)
            return

        top = stack[-1] if stack else None
        # 2. a nested enumeration that reuses a family already open (一、 inside 三、 or inside （二）); not a Markdown
        #    heading at the depth of that family's headings (### （一） after ### （四）: the numbering restarted), nor
        #    a first item right after the first item of its family (（一） （一） （三）: the second is a repeat)
        if marker.value == 1 and same and top is not None and not kin and not self.repeats_first(para, marker):
            host = top.items[-1]
            group = self.new_group(host, inverted=marker.rank < host.marker.rank)
            self.add(group, para, marker, standalone)
            self.push(group)
            return

        # 3. a gap, duplicate or decrease in an open group
        if same:
            ahead = [i for i in same if marker.value > stack[i].last_value]
            index = min(ahead, key=lambda i: marker.value - stack[i].last_value) if ahead else same[0]
            group = stack[index]
            previous = group.items[-1]
            self.truncate(index + 1)
            heading = self.add(group, para, marker, standalone)
            corrected = self.corrected.get(previous.paragraph.index)
            if corrected is not None and marker.value == corrected + 1:
                return  # (the item before was reported and this one follows it as corrected: （二）（二）（四）)
            expected = previous.marker.value + 1
            if marker.value > expected:
                if not _skipped_on_purpose(self.doc, previous, heading):
                    self.issue(IssueKind.GAP, heading, expected)
            elif marker.value == previous.marker.value:
                self.issue(IssueKind.DUPLICATE, heading, expected)
            else:
                self.issue(IssueKind.DECREASE, heading, expected)
            return

        # 4. the next number of an open group typed in another family (（3） after （一）（二）, 3. after 一、二、,
        #    2) after 1., （二） after a first item 1、): an item of that group (see stand_in), which NU009 reports
        if marker.value != 1:
            stand_in = self.stand_in(marker, is_phrase(para, marker), para)
            if stand_in is not None:
                self.truncate(stand_in + 1)
                self.add(stack[stand_in], para, marker, standalone)
                return

        # 5. a new group under the current item
        parent = top.items[-1] if top is not None else None
        inverted = parent is not None and marker.rank < parent.marker.rank
        group = self.new_group(parent, inverted=inverted)
        before = self.last_of.get(key)
        heading = self.add(group, para, marker, standalone)
        self.push(group)
        continued = marker.unit == "条" and before is not None and marker.value == before.marker.value + 1
        if not continued and marker.value == 2 and parent is not None:
            # the first item run into its parent heading (（三）慢性病防治工作 1. 慢性病……), which ST007 reports
            first = subheading_marker(parent.paragraph.text, parent.marker.end)
            continued = first is not None and first.group_key == marker.group_key
        if marker.value != 1 and not continued:  # articles (第N条) run on across chapters
            self.issue(IssueKind.FIRST, heading, 1)

    def repeats_first(self, para: Paragraph, marker: Marker) -> bool:
        """Whether the last heading placed is the first item of ``marker``'s family set like ``para`` (the same kind of
        paragraph, Markdown depth and indent), which ``marker`` repeats: a nested list is set apart (an indent, a list
        under a heading)."""
        last = self.outline.headings[-1] if self.outline.headings else None
        return (
            last is not None
            and last.marker.group_key == marker.group_key
            and last.marker.value == 1
            and (last.paragraph.kind, last.paragraph.depth) == (para.kind, para.depth)
            and self.indent(last.paragraph, last.marker) == self.indent(para, marker)
        )

    def indent(self, para: Paragraph, marker: Marker) -> int:
        """The characters before ``marker`` on its line of the source (a plain-text paragraph's text has no indent)."""
        at = para.span(marker.start, marker.start).start
        return at - (self.doc.source.rfind("\n", 0, at) + 1)

    def stand_in(self, marker: Marker, phrase: bool, para: Paragraph) -> int | None:
        """The index in ``stack`` of the open group whose next item ``marker`` stands in for: the innermost group that
        expects its number, when that group is of the counterpart family (:data:`_COUNTERPARTS`), holds only a first
        item typed in another standard family or went on in the marker's family, or is a group of Markdown headings of
        ``para``'s depth (### 3、 between ### （二） and ### （四）), and its items are shaped alike (（3） after 1. 2.
        under （二） is the list's 3., not （三）)."""
        counterpart = _COUNTERPARTS.get(marker.family)
        for index in range(len(self.stack) - 1, -1, -1):
            group = self.stack[index]
            if group.last_value + 1 == marker.value:
                first = group.first.marker.family
                # (or a group of one first item of another standard family, or of a variant of the marker's (1) typed
                # for 1.): 1、 typed for （一）, then （二）; or a
                # group that went on in the marker's family after such an item: （三） after 1、（二）)
                lone = (
                    len(group.items) == 1
                    and (first in _STANDARD or _COUNTERPARTS.get(first) is marker.family)
                    and marker.family in _STANDARD
                )
                went_on = any(h.marker.family is marker.family for h in group.items[1:])
                level = para.kind is BlockKind.HEADING and para.depth > 0 and _heading_depth(group) == para.depth
                fits = (first is counterpart or lone or went_on or level) and group.shape() == phrase
                return index if fits else None
        return None

    def run(self) -> Outline:
        for para in self.doc.paragraphs:
            if para.kind not in _OUTLINE_KINDS:
                continue
            marker = paragraph_marker(para.text, para.label) if self.markers is None else self.markers.get(para.index)
            if marker is None or not marker.structural:
                if para.kind is BlockKind.HEADING and para.depth:
                    self.section(para.depth)
                continue
            self.place(para, marker)
        self.lone_restarts()
        self.mark_content()
        return self.outline

    def lone_restarts(self) -> None:
        """Report the nested enumerations of one first item right under a later item of the same family (1. 2. 1.
        under （一）, then （二）): a list nested in its own family runs on (一、二、三、 inside 五、 of an older
        report), but one that stops at its first item is the outer count restarted by mistake (the 1. should be 3.)."""
        for group in self.outline.groups:
            host, first = group.parent, group.first
            if (
                host is not None
                and len(group.items) == 1
                and first.marker.value == 1
                and host.marker.value >= 2
                and host.marker.group_key == first.marker.group_key
            ):
                self.issue(IssueKind.RESTART, first, host.marker.value + 1)
                # (the outer item after it follows it as corrected: （二）（一）（四） lacks no （三）)
                items = host.group.items
                at = items.index(host)
                if at + 1 < len(items) and items[at + 1].marker.value == host.marker.value + 2:
                    after = items[at + 1]
                    self.outline.issues = [
                        i for i in self.outline.issues if not (i.heading is after and i.kind is IssueKind.GAP)
                    ]

    def mark_content(self) -> None:
        prose = [p for p in self.doc.paragraphs if p.kind.is_prose]
        following = {p.index: prose[i + 1] if i + 1 < len(prose) else None for i, p in enumerate(prose)}
        # the signature and date at the end are not the content of the last heading
        closing = {
            p.index
            for p in prose[-3:]
            if len(p.text) <= CLOSING_MAX and "。" not in p.text and p.index not in self.outline.by_paragraph
        }
        for heading in self.outline.headings:
            nxt = following.get(heading.paragraph.index)
            if nxt is None or nxt.index in closing:
                continue
            other = self.outline.by_paragraph.get(nxt.index)
            heading.has_content = other is None or other.parent is heading


def build_outline(doc: Document, markers: dict[int, Marker] | None = None) -> Outline:
    """The heading tree of ``doc``; never raises on any input.

    ``markers`` (paragraph index → marker) saves parsing the ordinals again when a caller has them.
    """
    return _Builder(doc, markers).run()
