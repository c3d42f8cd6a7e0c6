"""The heading hierarchy: ordinal markers (parsed with the Lark grammar) and the outline tree."""

from summarylint.outline.builder import Group, Heading, IssueKind, Outline, SequenceIssue, build_outline, is_standalone
from summarylint.outline.markers import Family, Marker, paragraph_marker, parse_marker

__all__ = [
    "Family",
    "Group",
    "Heading",
    "IssueKind",
    "Marker",
    "Outline",
    "SequenceIssue",
    "build_outline",
    "is_standalone",
    "paragraph_marker",
    "parse_marker",
]
