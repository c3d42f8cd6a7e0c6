"""Checking many files: the per-document pass (in a pool of worker processes, or here), the cache
around it, and the cross-document stage after it.

Each worker loads the rules, the packs and jieba once (its initializer checks a short sample) and
sends back small plain data per file: the result with only what reporters read of the document,
and the paragraph signatures.  Nothing is rendered in a worker and no document crosses a process
boundary.  Results come back in any order and are put back in the order of the candidates, so one
worker and many give the same report.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarylint.api import check_path, display_path
from summarylint.batch.cache import Entry, ResultCache
from summarylint.batch.crossdoc import CODE, CopyGroup, DocumentSignatures, find_groups, group_findings
from summarylint.batch.progress import Progress
from summarylint.batch.signatures import ParagraphSignature, paragraph_signatures
from summarylint.diagnostics import Diagnostic
from summarylint.files import Candidate
from summarylint.linter import FileResult
from summarylint.policy import Policy
from summarylint.readers import ReadError, read_document
from summarylint.source import Span
from summarylint.suppressions import suppressed_offsets

#: a short text that makes a worker load everything the rules load lazily (packs, jieba)
_WARM_UP = "一、主要工作\n　　全年共开展安全生产检查12次，排查整改隐患45处，群众满意度明显提高。\n"


@dataclass(frozen=True)
class BatchOptions:
    jobs: int | None = None  # worker processes; None: one per CPU; 1: in this process
    fix: bool = False
    unsafe_fixes: bool = False
    cache: bool = True
    progress: bool = False
    references: Sequence[Candidate] = ()
    debug: bool = False
    cache_root: Path | None = None


@dataclass
class BatchRun:
    results: list[FileResult]
    groups: list[CopyGroup] = field(default_factory=list)
    cache_hits: int = 0
    checked: int = 0  # files the per-document pass ran on (not found in the cache)


@dataclass(frozen=True)
class _Task:
    index: int
    path: Path
    display: str
    reference: bool


@dataclass(frozen=True)
class _Done:
    index: int
    result: FileResult
    signatures: tuple[ParagraphSignature, ...]


_STATE: dict[str, Any] = {}


def wants_signatures(policy: Policy) -> bool:
    return any(rule.code == CODE for rule in policy.rules_for(None))


def _contained(display: str, debug: bool, check: Callable[[], _Done]) -> _Done | FileResult:
    try:
        return check()
    except MemoryError:
        return FileResult(display, error="内存不足，未能检查完这个文件")
    except Exception as exc:
        if debug:
            import traceback

            traceback.print_exception(exc)
        return FileResult(display, error=f"内部错误：{type(exc).__name__}: {exc}（加 --debug 重新运行可显示详细信息）")


def _check(task: _Task, policy: Policy, fix: tuple[bool, bool], signatures: bool, debug: bool) -> _Done:
    """``fix``: whether to fix, and whether unsafe fixes too."""

    def run() -> _Done:
        if task.reference:
            try:
                doc = read_document(task.display, task.path.read_bytes())
            except ReadError as exc:
                return _Done(task.index, FileResult(task.display, error=str(exc)), ())
            except OSError as exc:
                return _Done(task.index, FileResult(task.display, error=f"无法读取：{exc.strerror or exc}"), ())
            return _Done(task.index, FileResult(task.display, characters=0), paragraph_signatures(doc))
        result = check_path(task.path, policy, fix=fix[0], unsafe_fixes=fix[1], display=task.display)
        sigs = paragraph_signatures(result.document) if signatures and result.document is not None else ()
        if sigs and result.document is not None:
            quiet = suppressed_offsets(result.document, policy.registry, CODE, (s.start for s in sigs))
            sigs = tuple(dataclasses.replace(s, quiet=True) if s.start in quiet else s for s in sigs)
        keep = [o for s in sigs for o in (s.start, s.end)]
        return _Done(task.index, result.for_report(keep), sigs)

    outcome = _contained(task.display, debug, run)
    return outcome if isinstance(outcome, _Done) else _Done(task.index, outcome, ())


def _init(policy: Policy, fix: tuple[bool, bool], signatures: bool, debug: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and stops a worker with SIGTERM, silently
    _STATE.update(policy=policy, fix=fix, signatures=signatures, debug=debug)
    from summarylint.api import check_bytes

    check_bytes("warm-up.txt", _WARM_UP.encode("utf-8"), policy)


def _work(task: _Task) -> _Done:
    return _check(task, _STATE["policy"], _STATE["fix"], _STATE["signatures"], _STATE["debug"])


def _context() -> multiprocessing.context.BaseContext:
    # forking copies the loaded rules for free; a process running other threads is never forked
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


#: without --jobs, fewer files than this are checked in this process: starting workers (each loading
#: the rules and jieba) would take longer than checking them
MIN_PARALLEL_FILES = 8


def _jobs(requested: int | None, tasks: int) -> int:
    if requested is None or requested <= 0:
        if tasks < MIN_PARALLEL_FILES:
            return 1
        requested = os.cpu_count() or 1
    return max(1, min(requested, tasks))


def _pass(
    tasks: list[_Task], policy: Policy, options: BatchOptions, signatures: bool, done: Callable[[_Done], None]
) -> None:
    """The per-document pass over ``tasks``; ``done`` receives each outcome as it arrives."""
    jobs = _jobs(options.jobs, len(tasks))
    if jobs == 1:
        for task in tasks:
            done(_check(task, policy, (options.fix, options.unsafe_fixes), signatures, options.debug))
        return
    chunk = max(1, min(8, len(tasks) // (jobs * 8)))
    with _context().Pool(
        jobs, initializer=_init, initargs=(policy, (options.fix, options.unsafe_fixes), signatures, options.debug)
    ) as pool:
        for outcome in pool.imap_unordered(_work, tasks, chunksize=chunk):
            done(outcome)
        pool.close()
        pool.join()


def _cache_key(cache: ResultCache, policy: Policy, path: Path, reference: bool) -> str | None:
    try:
        if path.stat().st_size > int(policy.settings.max_file_size):
            return None
        return cache.key(path.read_bytes(), path, reference=reference)
    except OSError:
        return None  # the check reports why the file cannot be read


def run_batch(
    candidates: Sequence[Candidate],
    policy: Policy,
    options: BatchOptions,
    on_result: Callable[[FileResult], None] | None = None,
) -> BatchRun:
    """Check ``candidates`` (and read ``options.references``), then run the cross-document stage."""
    signatures = wants_signatures(policy)
    everything = [(c, False) for c in candidates] + [(c, True) for c in (options.references if signatures else ())]
    results: list[FileResult | None] = [None] * len(everything)
    sigs: list[tuple[ParagraphSignature, ...]] = [()] * len(everything)
    cache = ResultCache(policy, options.cache_root) if options.cache and not options.fix else None
    keys: dict[int, str] = {}
    tasks: list[_Task] = []
    run = BatchRun([])
    for index, (candidate, reference) in enumerate(everything):
        display = display_path(candidate.path)
        if candidate.error is not None:
            results[index] = FileResult(display, error=candidate.error)
            continue
        if cache is not None:
            key = _cache_key(cache, policy, candidate.path, reference)
            entry = cache.get(key) if key is not None else None
            if entry is not None:
                results[index] = dataclasses.replace(entry.result, path=display)
                sigs[index] = entry.signatures
                run.cache_hits += 1
                continue
            if key is not None:
                keys[index] = key
        tasks.append(_Task(index, candidate.path, display, reference))
    run.checked = len(tasks)

    with Progress(len(tasks), enabled=options.progress) as progress:

        def done(outcome: _Done) -> None:
            results[outcome.index] = outcome.result
            sigs[outcome.index] = outcome.signatures
            key = keys.get(outcome.index)
            if cache is not None and key is not None and not outcome.result.error:
                cache.put(key, Entry(outcome.result, outcome.signatures))
            if on_result is not None and not everything[outcome.index][1]:
                on_result(outcome.result)
            progress.advance(outcome.result.path)

        _pass(tasks, policy, options, signatures, done)

    final = [r for r in results if r is not None]
    checked = final[: len(candidates)]
    reference_errors = [r for r in final[len(candidates) :] if r.error]
    if signatures:
        run.groups = _cross_document(checked, final[len(candidates) :], sigs, policy, candidates)
    run.results = checked + reference_errors
    return run


def _cross_document(
    checked: list[FileResult],
    references: list[FileResult],
    sigs: list[tuple[ParagraphSignature, ...]],
    policy: Policy,
    candidates: Sequence[Candidate],
) -> list[CopyGroup]:
    documents: list[DocumentSignatures] = []
    for index, result in enumerate(checked):
        if result.document is not None and sigs[index]:
            documents.append(DocumentSignatures(result.path, sigs[index]))
    for offset, result in enumerate(references):
        index = len(checked) + offset
        if sigs[index]:
            documents.append(DocumentSignatures(result.path, sigs[index], reference=True))
    documents.sort(key=lambda d: (d.reference, d.path))
    settings = policy.settings
    size = sum(1 for r in checked if r.document is not None)
    groups = find_groups(
        documents,
        template_share=settings.template_share,
        template_min_documents=settings.template_min_documents,
        batch_size=size,
    )
    rule = policy.registry.get(CODE)
    assert rule is not None
    by_path = {r.path: (i, r) for i, r in enumerate(checked)}
    touched: set[int] = set()
    for finding in group_findings(documents, groups, size):
        index, result = by_path[finding.path]
        if rule not in policy.rules_for(candidates[index].path):
            continue
        meta = rule.meta
        result.diagnostics.append(
            Diagnostic(
                meta.code,
                meta.name,
                meta.category,
                policy.severity(rule, None),
                finding.message,
                Span(finding.start, finding.end),
                None,
                finding.related,
            )
        )
        touched.add(index)
    for index in touched:
        checked[index].diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return groups
