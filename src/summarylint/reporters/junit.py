"""``--output-format junit``: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testsuite`` named summarylint; one ``testcase`` per file checked (its path as ``name`` and
``classname``); one ``failure`` per finding (``type`` = code, ``message`` = ``line:col: message``,
the severity and the rule name in the body).  A file that could not be read has one ``error``.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, locate


def render_junit(results: Sequence[FileResult], options: ReportOptions) -> str:
    failures = sum(len(r.diagnostics) for r in results)
    errors = sum(1 for r in results if r.error)
    suites = ET.Element("testsuites", name="summarylint", tests=str(len(results)), failures=str(failures))
    suites.set("errors", str(errors))
    suite = ET.SubElement(suites, "testsuite", name="summarylint", tests=str(len(results)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    for result in results:
        case = ET.SubElement(suite, "testcase", name=result.path, classname=result.path)
        if result.error:
            ET.SubElement(case, "error", message=result.error, type="read-error")
        for d in result.diagnostics:
            at = locate(result, d.span)
            where = f"{at.line}:{at.column}"
            failure = ET.SubElement(case, "failure", message=f"{where}: {d.message}", type=d.code)
            failure.text = f"{result.path}:{where}: {d.code} {d.name} [{d.severity.value}] {d.message}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
