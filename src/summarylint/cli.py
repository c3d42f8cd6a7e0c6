"""Command line: argument parsing and dispatch, nothing else.

Exit codes: 0 no diagnostic at or above the ``--fail-on`` severity (default error; with ``--diff``:
nothing to fix); 1 at least one; 2 usage or configuration error, an input that could not be read or
checked (the other inputs are still checked and reported), or a report that could not be written;
130 after Ctrl-C and 143 after SIGTERM (the files checked and fixed so far are named on standard error).

No traceback reaches the user: an unexpected error while checking one file becomes that file's
one-line error, and one anywhere else a one-line message; ``--debug`` (or ``SUMMARYLINT_DEBUG=1``)
prints the traceback as well.

Start-up stays lean: ``--version`` and ``--help`` import only this module, the light modules below and
the standard library; each command imports the linter, the configuration (pydantic), the rules (lark)
and the reporters it needs when it runs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from summarylint import __version__
from summarylint.diagnostics import Severity  # these three import only the standard library
from summarylint.document import Format
from summarylint.reporters import REPORTERS, ReportOptions, render

if TYPE_CHECKING:
    from summarylint.linter import FileResult
    from summarylint.policy import Policy
    from summarylint.rules import Registry, Rule, RuleMeta

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEBUG_ENV = "SUMMARYLINT_DEBUG"
NO_CACHE_ENV = "SUMMARYLINT_NO_CACHE"  # like --no-cache
_DEBUG_HINT = f"加 --debug 或设置环境变量 {DEBUG_ENV}=1 重新运行可显示详细信息"


class UsageError(Exception):
    pass


class ReportNotWritten(Exception):
    """Standard output refused the report (a full disk, a closed pipe)."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


def _debug(args: argparse.Namespace | None = None) -> bool:
    return bool(getattr(args, "debug", False)) or os.environ.get(DEBUG_ENV, "") not in ("", "0")


def _internal(exc: BaseException, debug: bool) -> str:
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    return f"内部错误：{type(exc).__name__}: {exc}（{_DEBUG_HINT}）"


def _contained(path: Path | str, debug: bool, check: Callable[[], FileResult]) -> FileResult:
    """The result of ``check``, or the file's one-line error when it fails unexpectedly."""
    from summarylint.api import display_path
    from summarylint.linter import FileResult

    try:
        return check()
    except (KeyboardInterrupt, MemoryError) as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        return FileResult(display_path(path), error="内存不足，未能检查完这个文件")
    except Exception as exc:
        return FileResult(display_path(path), error=_internal(exc, debug))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summarylint",
        description="检查工作总结、述职报告、情况报告等公文式文稿：层次序数、结构、占位符、缺失数字等。",
    )
    parser.add_argument("--version", action="version", version=f"summarylint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="检查文件或目录（默认为当前目录）")
    check.add_argument("paths", nargs="*", metavar="PATH", help="文件或目录；“-”表示从标准输入读取")
    _add_report_options(check)
    check.add_argument("--stdin-filename", help="从标准输入读取时使用的文件名（决定格式和按文件忽略的规则）")
    check.add_argument("--force-exclude", action="store_true", help="命令行直接给出的文件也遵守 exclude 配置")
    fixing = check.add_argument_group("修复")
    fixing.add_argument(
        "--fix",
        action="store_true",
        help="自动应用安全的修复（.md/.txt，原子写入；.docx 不改写）；从标准输入读取时把修复后的文本写到标准输出",
    )
    fixing.add_argument("--unsafe-fixes", action="store_true", help="与 --fix 或 --diff 一起使用：也应用不安全的修复")
    fixing.add_argument("--diff", action="store_true", help="不写入文件，以统一 diff 格式输出修复会做的改动")
    baseline = check.add_argument_group("基线")
    baseline.add_argument("--baseline", type=Path, metavar="FILE", help="隐藏基线文件中记录的问题，只报告新问题")
    baseline.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="把当前全部问题记录到基线文件（之后用 --baseline 隐藏）"
    )
    info = check.add_argument_group("查看")
    info.add_argument("--show-settings", action="store_true", help="显示生效的配置及每项的来源，然后退出")
    info.add_argument("--show-files", action="store_true", help="列出将要检查的文件，然后退出")
    _add_batch_options(check)

    _add_annotate_parser(commands)

    rules = commands.add_parser("rules", help="列出全部规则")
    rules.add_argument("--output-format", choices=("table", "json"), default="table")

    rule = commands.add_parser("rule", help="显示一条规则的说明，或列出一个前缀或类别的规则")
    rule.add_argument(
        "code", metavar="CODE", help="规则代码或名称（NU001、arabic-ordinal-dunhao），或前缀、类别（NU、numbering）"
    )

    commands.add_parser("schema", help="输出 JSON 报告的 JSON Schema")
    commands.add_parser("clean", help="清除检查结果缓存")
    return parser


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}”不是整数") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("不能是负数")
    return jobs


def _add_batch_options(check: argparse.ArgumentParser) -> None:
    """Options for reviewers checking a batch of documents (see summarylint.batch)."""
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=0,
        metavar="N",
        help="并行检查的进程数（默认 0：每个 CPU 一个；1：不开子进程）",
    )
    check.add_argument("--no-progress", action="store_true", help="不显示进度条（只在终端中、检查超过片刻时显示）")
    check.add_argument(
        "--summary",
        action="store_true",
        help="只输出分诊表：每份文稿的字数、问题数、每千字问题数和“未完成/有损坏/疑似照抄”标记，最需要先看的排在前面",
    )
    check.add_argument(
        "--reference",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="参考文件夹（模板、往年材料）：与之相同的段落报告为抄自其中的文件，参考文件本身不报告；可重复使用",
    )
    check.add_argument("--no-cache", action="store_true", help="不读也不写检查结果缓存")


def _add_report_options(command: argparse.ArgumentParser) -> None:
    """The options ``check`` and ``annotate`` share: rule selection, configuration and the report."""
    command.add_argument(
        "--output-format",
        choices=list(REPORTERS),
        default="full",
        help="输出格式：full（默认）、concise、grouped、json、json-lines、sarif、github、junit、pylint",
    )
    command.add_argument("--output-file", "-o", type=Path, metavar="FILE", help="把报告写入文件而不是标准输出")
    command.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="有这一级别或更高级别的问题时退出码为 1（默认 error；配置项 fail-on）",
    )
    command.add_argument(
        "--min-severity", choices=[s.value for s in Severity], help="不显示低于这一级别的问题（也不计入退出码）"
    )
    command.add_argument("--exit-zero", action="store_true", help="发现问题时也以 0 退出（用法和配置错误除外）")
    command.add_argument(
        "--statistics", action="store_true", help="在报告之后按文件和按规则统计（full、concise、grouped 格式）"
    )
    command.add_argument(
        "--show-all",
        action="store_true",
        help="full 格式逐条列出全部问题（默认同一文件同一规则只列前 3 条，其余合为一行计数）",
    )
    command.add_argument("--config", type=Path, help="使用指定的配置文件")
    command.add_argument("--isolated", action="store_true", help="忽略所有配置文件")
    command.add_argument(
        "--profile",
        choices=("summary", "gongwen", "lenient"),
        help="规则配置方案：summary（工作总结，默认）、gongwen（公文，从严）、lenient（只查必须改的错误）",
    )
    command.add_argument("--select", type=_csv, help="只启用这些规则（逗号分隔：代码、前缀、名称或类别）")
    command.add_argument("--extend-select", type=_csv, default=[], help="额外启用这些规则")
    command.add_argument("--ignore", type=_csv, default=[], help="不启用这些规则")
    command.add_argument(
        "--debug", action="store_true", help=f"出现内部错误时显示详细的调用栈（也可设置环境变量 {DEBUG_ENV}=1）"
    )
    command.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="彩色输出（默认：终端且未设置 NO_COLOR 时）",
    )


def _add_annotate_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    annotate = commands.add_parser(
        "annotate",
        help="检查 .docx 文件并生成带批注的审阅副本（原文件不变）",
        description="按 check 的规则和配置检查 .docx 文件，输出同样的报告，并为每个文件生成审阅副本："
        "每条问题一条 Word 批注（作者 summarylint），标在出问题的文字上。"
        "副本默认写在原文件旁，名为“<原文件名>.checked.docx”；原文件不会被修改。-o 与 check 相同，是报告文件。",
    )
    annotate.add_argument("paths", nargs="+", metavar="PATH", help=".docx 文件或目录（检查其中全部 .docx 文件）")
    annotate.add_argument("--copy", type=Path, metavar="FILE", help="审阅副本的路径（只检查一个文件时使用）")
    annotate.add_argument("--output-dir", type=Path, metavar="DIR", help="把审阅副本写入这个目录（不存在时创建）")
    _add_report_options(annotate)


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _use_color(choice: str, stream: TextIO | None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def _policy(args: argparse.Namespace) -> Policy:
    from summarylint.api import make_policy
    from summarylint.config import Settings, discover

    config = discover(Path.cwd(), args.config, isolated=args.isolated)
    overrides = Settings(select=args.select, extend_select=args.extend_select, ignore=args.ignore, profile=args.profile)
    return make_policy(config, overrides)


def _read_stdin(args: argparse.Namespace, policy: Policy, fix: bool, debug: bool) -> FileResult:
    from summarylint.api import check_bytes

    name = args.stdin_filename or "<stdin>.md"
    data = sys.stdin.buffer.read()
    result = _contained(
        name, debug, lambda: check_bytes(name, data, policy, path=Path(name), fix=fix, unsafe_fixes=args.unsafe_fixes)
    )
    if args.fix and not args.diff:  # like ruff: the fixed text on standard output, the report on standard error
        doc = result.document
        fixed = result.fixed_source
        output = data if doc is None or fixed is None else doc.bom + fixed.encode(doc.encoding)
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
    return result


def _unified_diff(result: FileResult) -> str:
    import difflib

    fixed = result.fixed_source
    if fixed is None or result.original is None:
        return ""
    where = Path(result.path).as_posix()
    lines = list(
        difflib.unified_diff(
            result.original.splitlines(keepends=True),
            fixed.splitlines(keepends=True),
            fromfile=f"a/{where}",
            tofile=f"b/{where}",
        )
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _run_check(args: argparse.Namespace) -> int:
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes 需要与 --fix 或 --diff 一起使用")
    from summarylint.api import check_path, display_path
    from summarylint.files import collect
    from summarylint.linter import FileResult

    policy = _policy(args)
    debug = _debug(args)
    if args.show_settings:
        from summarylint.show import show_settings

        sys.stdout.write(show_settings(policy, args))
        return EXIT_OK
    paths = args.paths or ["."]
    if "-" in paths and len(paths) > 1:
        raise UsageError("“-”（标准输入）不能和其他路径一起使用")
    if args.show_files:
        if paths != ["-"]:
            from summarylint.batch.gitignore import drop_git_ignored

            roots = [Path(p) for p in paths]
            for candidate in drop_git_ignored(list(collect(roots, policy, force_exclude=args.force_exclude)), roots):
                print(display_path(candidate.path))
        return EXIT_OK

    fix = args.fix or args.diff
    results: list[FileResult] = []
    fixed: list[str] = []
    diffs: list[str] = []
    try:
        if paths == ["-"]:
            result = _read_stdin(args, policy, fix, debug)
            diffs.append(_unified_diff(result))
            results.append(result)
        else:
            if args.diff:  # each file's diff needs its whole document: checked here, in order
                for candidate in collect([Path(p) for p in paths], policy, force_exclude=args.force_exclude):
                    if candidate.error is not None:
                        results.append(FileResult(display_path(candidate.path), error=candidate.error))
                        continue
                    result = _contained(
                        candidate.path,
                        debug,
                        lambda c=candidate: check_path(  # type: ignore[misc]
                            c.path,
                            policy,
                            fix=fix,
                            unsafe_fixes=args.unsafe_fixes,
                            write=not args.diff,
                            written=lambda r: fixed.append(r.path),
                        ),
                    )
                    if args.diff:
                        diffs.append(_unified_diff(result))
                    results.append(result.for_report())  # a folder run keeps no checked document
            else:
                from summarylint.batch.gitignore import drop_git_ignored
                from summarylint.batch.run import BatchOptions, run_batch

                roots = [Path(p) for p in paths]
                candidates = drop_git_ignored(list(collect(roots, policy, force_exclude=args.force_exclude)), roots)
                references = []
                for folder in args.reference:
                    if not folder.exists():
                        raise UsageError(f"--reference 指定的路径不存在：{folder}")
                    references += drop_git_ignored(list(collect([folder], policy)), [folder])
                options = BatchOptions(
                    jobs=args.jobs or None,
                    fix=args.fix,
                    unsafe_fixes=args.unsafe_fixes,
                    cache=not args.no_cache and os.environ.get(NO_CACHE_ENV, "") in ("", "0"),
                    progress=not args.no_progress and _is_terminal(sys.stderr),
                    references=references,
                    debug=debug,
                )

                def arrived(result: FileResult) -> None:
                    results.append(result)
                    if result.fixed:
                        fixed.append(result.path)

                results = run_batch(candidates, policy, options, on_result=arrived).results
    except KeyboardInterrupt as exc:
        _say_interrupted(results, fixed, args.fix)
        return 143 if isinstance(exc, Interrupted) else 130
    if fix and any(r.format is Format.DOCX for r in results):
        print(
            "summarylint: --fix 不改写 .docx 文件（其中的问题照常报告；可用 summarylint annotate 生成审阅副本）",
            file=sys.stderr,
        )
    if args.diff:
        return _print_diff(args, results, diffs)
    if args.write_baseline is not None:
        from summarylint.baseline import write_baseline

        count = write_baseline(args.write_baseline, results)
        print(f"summarylint: 已把 {count} 条问题记录到基线文件 {args.write_baseline}", file=sys.stderr)
        return _exit_code(results, failed=False, exit_zero=args.exit_zero)
    baseline = args.baseline
    if baseline is None and policy.settings.baseline is not None:
        baseline = policy.config.root / policy.settings.baseline
    if baseline is not None:
        from summarylint.baseline import Baseline

        Baseline.load(baseline).filter(results)
    return _report(args, results, policy, stream=sys.stderr if args.fix and paths == ["-"] else sys.stdout)


def _print_diff(args: argparse.Namespace, results: list[FileResult], diffs: list[str]) -> int:
    _emit(sys.stdout, "".join(diffs))
    changed = sum(1 for d in diffs if d)
    fixes = sum(r.fixed for r in results)
    print(f"summarylint: {changed} 个文件中有 {fixes} 处可修复（--diff 未写入任何文件）", file=sys.stderr)
    _say_file_errors(results)
    return _exit_code(results, failed=changed > 0, exit_zero=args.exit_zero)


def _say_file_errors(results: Sequence[FileResult]) -> None:
    """Each file's one-line error on standard error, for the outputs that do not show it themselves."""
    for result in results:
        if result.error:
            print(f"summarylint: {result.path}: {result.error}", file=sys.stderr)


def _exit_code(results: Sequence[FileResult], failed: bool, exit_zero: bool) -> int:
    """2 when a file could not be read or checked; else 1 when ``failed`` (and not ``--exit-zero``); else 0."""
    if any(r.error for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if failed and not exit_zero else EXIT_OK


def _docx_inputs(paths: list[str], policy: Policy) -> list[Path]:
    """The .docx files named or found in the folders named (in a stable order)."""
    from summarylint.files import collect

    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(c.path for c in collect([path], policy) if c.path.suffix.lower() == ".docx")
        else:
            found.append(path)
    return found


def _say_interrupted(results: list[FileResult], fixed: list[str], fix: bool) -> None:
    message = f"summarylint: 已中断：检查完 {len(results)} 个文件，没有输出报告"
    if fix:
        message += f"；修复并写回了 {len(fixed)} 个文件" + ("：" + "、".join(fixed) if fixed else "")
        message += "（其余文件未改动）"
    with contextlib.suppress(OSError):
        print(message, file=sys.stderr)


def _run_annotate(args: argparse.Namespace) -> int:
    from summarylint.annotate import annotate_file, default_output
    from summarylint.api import display_path

    policy = _policy(args)
    inputs = _docx_inputs(args.paths, policy)
    if args.copy is not None and (len(inputs) != 1 or args.output_dir is not None):
        raise UsageError("--copy 只能在检查一个文件且不用 --output-dir 时使用")
    if args.output_dir is not None:
        if args.output_dir.exists() and not args.output_dir.is_dir():
            raise UsageError(f"--output-dir 不是目录：{args.output_dir}")
        try:
            args.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"无法创建 --output-dir {args.output_dir}：{exc.strerror or exc}") from None
    results: list[FileResult] = []
    written: list[str] = []
    debug = _debug(args)
    for path in inputs:
        target = args.copy if args.copy is not None else default_output(path, args.output_dir)
        outcome: list[int] = []

        def annotate(path: Path = path, target: Path = target, outcome: list[int] = outcome) -> FileResult:
            result, comments = annotate_file(path, target, policy)
            outcome.append(comments)
            return result

        result = _contained(path, debug, annotate)
        results.append(result.for_report())
        if outcome and result.document is not None and not result.error:
            shown = display_path(target)
            written.append(f"summarylint: {result.path}: 审阅副本已写入 {shown}（{outcome[0]} 条批注）")
    code = _report(args, results, policy)
    sys.stdout.flush()  # the notes follow the report even when both streams go to one terminal
    for note in written:
        print(note, file=sys.stderr)
    return code


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


def _report(args: argparse.Namespace, results: list[FileResult], policy: Policy, stream: TextIO | None = None) -> int:
    out_stream = stream or sys.stdout
    if args.min_severity is not None:
        floor = _RANK[Severity(args.min_severity)]
        for result in results:
            result.diagnostics = [d for d in result.diagnostics if _RANK[d.severity] >= floor]
    color = _use_color(args.color, out_stream) if args.output_file is None else args.color == "always"
    options = ReportOptions(policy.registry, color, repeats=None if args.show_all else 3)
    if getattr(args, "summary", False) and args.output_format in ("full", "concise"):
        from summarylint.batch.triage import render_triage

        width = None if args.output_file is None and _is_terminal(out_stream) else 160
        text = render_triage(results, width=width, color=color)
    else:
        text = render(args.output_format, results, options)
    if args.statistics and args.output_format in ("full", "concise", "grouped"):
        from summarylint.reporters.statistics import render_statistics

        text += render_statistics(results, options)
    if args.output_file is not None:
        try:
            args.output_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"无法写入报告文件 {args.output_file}：{exc.strerror or exc}") from None
    else:
        _emit(out_stream, text)
    if args.output_format not in ("full", "concise", "grouped") or args.output_file is not None:  # machine formats
        _say_file_errors(results)
    for result in results:
        if result.note:
            print(f"summarylint: {result.path}: {result.note}", file=sys.stderr)

    fail_on = Severity(args.fail_on) if args.fail_on else policy.settings.fail_on or Severity.ERROR
    threshold = _RANK[fail_on]
    failed = any(_RANK[d.severity] >= threshold for r in results for d in r.diagnostics)
    return _exit_code(results, failed=failed, exit_zero=args.exit_zero)


def _emit(stream: TextIO, text: str) -> None:
    """Write the report; a full disk or a closed pipe is one line on standard error, not a traceback."""
    try:
        stream.write(text)
        stream.flush()
    except OSError as exc:
        _silence_stdout()
        # a reader that stopped reading (``| head``) wanted no more: nothing to say
        why = "" if isinstance(exc, BrokenPipeError) else f"无法输出报告：{exc.strerror or exc}"
        raise ReportNotWritten(why) from None


def _silence_stdout() -> None:
    """Point standard output at the null device so that the flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _safe_streams() -> None:
    """A character the terminal's encoding cannot show is escaped (``\u4e2d``), never an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="backslashreplace")


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Interrupted


def _handle_sigterm() -> Callable[[], None]:
    """Handle SIGTERM like Ctrl-C until the returned function puts the previous handler back."""
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, AttributeError, OSError):  # not the main thread, no SIGTERM
        return lambda: None

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore


def _rules_table(registry: Registry | list[Rule], title: str = "") -> str:
    from rich.console import Console
    from rich.table import Table

    from summarylint.reporters.common import terminal_width

    table = Table(title=title or f"summarylint 规则（共 {len(registry)} 条）")
    for column in ("代码", "名称", "类别", "默认级别", "可修复"):
        table.add_column(column, no_wrap=True)
    table.add_column("说明", overflow="fold", min_width=12)
    for rule in registry:
        meta = rule.meta
        code = meta.code if meta.enabled else f"{meta.code}（默认关闭）"
        table.add_row(code, meta.name, meta.category.value, meta.severity.value, meta.fix.value, meta.summary)
    buffer = io.StringIO()
    Console(file=buffer, width=terminal_width(), force_terminal=False, no_color=True).print(table)
    return buffer.getvalue()


def _examples_note(meta: RuleMeta) -> list[str]:
    """How the examples below are read, when that is not a plain text file."""
    notes = []
    if meta.scope == "batch":
        notes.append("示例是一次检查的几份文稿，每份以“文件名：”开头。")
    elif meta.example_format == "markdown":
        notes.append("示例是 Markdown 文件（.md）的内容。")
    return notes


def _rule_doc(rule: Rule) -> str:
    from summarylint.rules import REDIRECTS
    from summarylint.rules.base import example_lines

    meta = rule.meta
    lines = [
        f"{meta.code} {meta.name}",
        "",
        f"说明：{meta.summary}",
        f"类别：{meta.category.value}    默认级别：{meta.severity.value}    修复：{meta.fix.value}"
        + ("" if meta.enabled else "    （默认关闭）"),
        *(
            [
                "方案："
                + "；".join(
                    f"{name.value} 中{'关闭' if v == 'off' else '为 ' + str(v)}" for name, v in meta.profiles.items()
                )
            ]
            if meta.profiles
            else []
        ),
        *[f"旧代码：{old}（仍然有效，等同于 {meta.code}）" for old, new in REDIRECTS.items() if new == meta.code],
        f"依据：{meta.norm}",
        "",
        "为什么：",
        *("  " + line for line in meta.rationale.strip().splitlines()),
        "",
        *_examples_note(meta),
        "反例：",
        *example_lines(meta.wrong),
        "",
        "正例：",
        *example_lines(meta.right),
    ]
    if meta.notes:
        lines += ["", "备注：", *("  " + line for line in meta.notes.strip().splitlines())]
    lines += [
        "",
        "选项：",
        f'  本规则没有专门的选项；可在配置中用 ignore = ["{meta.code}"] 关闭，'
        f'用 severity = {{ {meta.code} = "warning" }} 调整级别，用 per-file-ignores 对部分文件关闭。',
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    restore = _handle_sigterm()
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(words)
    except KeyboardInterrupt as exc:
        return 143 if isinstance(exc, Interrupted) else 130
    except ReportNotWritten as exc:
        if str(exc):
            with contextlib.suppress(OSError):
                print(f"summarylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        with contextlib.suppress(OSError):
            print(f"summarylint: error: {_internal(exc, _debug() or '--debug' in words)}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        restore()


def _main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)  # --version and --help end here, before anything heavy is imported
    except UsageError as exc:
        print(f"summarylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    from summarylint.config import ConfigError

    try:
        return _dispatch(parser, args)
    except (UsageError, ConfigError) as exc:
        print(f"summarylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _show_cache_notices() -> None:
    """On a terminal, say on standard error when data that takes some seconds is built (the first check
    after installing or upgrading): otherwise the wait looks like a hang.  Reports are unchanged.  Only
    this process says it: the workers of a batch each build what they need, and the batch shows its
    progress instead."""
    if not _is_terminal(sys.stderr):
        return
    import logging

    from summarylint.datacache import log

    here = os.getpid()
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(lambda record: record.process == here)
    handler.setFormatter(logging.Formatter("summarylint: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command in ("check", "annotate"):
        _show_cache_notices()
    if args.command == "check":
        return _run_check(args)
    if args.command == "annotate":
        return _run_annotate(args)
    if args.command == "rules":
        return _run_rules(args)
    if args.command == "rule":
        return _run_rule(args)
    if args.command == "schema":
        from summarylint.schema import JsonReport  # only this command needs the report models

        print(json.dumps(JsonReport.model_json_schema(), ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.command == "clean":
        from summarylint.batch.cache import cache_dir, clean

        removed = clean()
        print(f"summarylint: 已清除检查结果缓存（{removed} 个条目）：{cache_dir()}")
        return EXIT_OK
    parser.print_help()
    return EXIT_ERROR


def _registry() -> Registry:
    """The built-in rules and the configured rule packs."""
    from summarylint.config import discover
    from summarylint.userpacks import registry_for

    return registry_for(discover(Path.cwd()))


def _run_rules(args: argparse.Namespace) -> int:
    registry = _registry()
    if args.output_format == "json":
        print(json.dumps([r.meta.model_dump(mode="json") for r in registry], ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(_rules_table(registry))
    return EXIT_OK


def _run_rule(args: argparse.Namespace) -> int:
    from summarylint.config import ConfigError
    from summarylint.policy import parse_selector

    registry = _registry()
    rule = registry.get(args.code)
    if rule is not None:
        moved = registry.moved(args.code)
        if moved is not None:
            old = args.code.replace("-", "").upper()
            print(
                f"{old} 已改为 {moved}（规则移入 {rule.meta.category.value} 类）；"
                f"配置和抑制注释中的 {old} 仍然有效，等同于 {moved}。\n"
            )
        sys.stdout.write(_rule_doc(rule))
        return EXIT_OK
    try:  # a prefix (NU, NU00) or a category: the table of its rules
        selector = parse_selector(registry, args.code, "")
    except ConfigError:
        raise UsageError(f"没有规则“{args.code}”（用 summarylint rules 查看全部规则）") from None
    chosen = [r for r in registry if r.code in selector.codes]
    sys.stdout.write(_rules_table(chosen, f"“{args.code}”的规则（共 {len(chosen)} 条）"))
    return EXIT_OK
