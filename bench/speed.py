"""Speed and memory benchmark: ``summarylint check`` on generated work summaries, in fresh processes.

Usage: python bench/speed.py [--runs 5] [--big-mb 5.6] [--keep DIR] [--profile] [--importtime]

Generates two Chinese Markdown work summaries (about 20,000 characters, and about 5.6 MB) from
sentence templates written for this benchmark, with the defects template-copied summaries have
(missing figures, placeholders, numbering slips), so that every rule family, jieba included, has
work to do.  Each document is checked with all default rules in a fresh ``python -m summarylint``
process, first with an empty cache directory (cold: the focused segmentation dictionary is built)
and then with the cache filled (warm).  Wall time is the median of ``--runs`` runs; memory is the
peak resident set size of the child process.

``--profile`` adds a cProfile run of the 20k document in this process (after a warm-up import) and
prints the functions with the highest cumulative time; ``--importtime`` prints the slowest imports
of a fresh process (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TARGETS = {"small": 0.5, "big": 3.5}  # seconds, warm cache, fresh process

UNITS = ["县", "区", "镇", "街道", "社区", "村"]
PLACES = ["平阳", "青云", "东湖", "南山", "清河", "石门", "白沙", "金水", "长乐", "安和", "临江", "龙泉"]
BODIES = ["局", "办公室", "中心", "委员会", "服务站", "管理所"]
TOPICS = [
    ("加强理论学习", "学习"),
    ("夯实基层基础", "基层"),
    ("优化营商环境", "营商环境"),
    ("保障和改善民生", "民生"),
    ("推进安全生产", "安全生产"),
    ("抓好生态环境保护", "生态环境"),
    ("深化作风建设", "作风建设"),
    ("做好信访维稳", "信访"),
    ("推动乡村振兴", "乡村振兴"),
    ("加强队伍建设", "队伍建设"),
]

#: Sentences with their figures in place.  ``{n}`` small counts, ``{m}`` larger ones, ``{p}`` percents,
#: ``{w}`` amounts in 万元, ``{place}`` a place name, ``{topic}`` the section's topic word.
SENTENCES = [
    "全年组织集中学习{n}次，开展专题研讨{n}场，撰写心得体会{m}篇。",
    "围绕{topic}工作，召开专题会议{n}次，研究解决具体问题{n}个。",
    "共接待来访群众{m}人次，受理群众诉求{m}件，按期办结率达{p}%。",
    "开展安全生产大检查{n}轮，出动检查人员{m}人次，检查企业{m}家，排查整改隐患{m}处。",
    "筹集帮扶资金{w}万元，走访慰问困难群众{m}户，发放慰问金{w}万元。",
    "举办业务培训班{n}期，培训干部职工{m}人次，组织技能比武{n}场。",
    "{place}片区新建便民服务点{n}个，改造老旧小区{n}个，惠及居民{m}户。",
    "完成固定资产投资{w}万元，同比增长{p}%，超额完成年度目标任务。",
    "发放宣传资料{m}份，悬挂宣传横幅{n}条，在{place}等地开展集中宣传{n}次。",
    "我们坚持以人民为中心的发展思想，把{topic}工作摆在突出位置，主要领导亲自抓、负总责。",
    "通过建立工作台账、实行清单管理，{topic}各项任务得到有效落实，群众满意度明显提升。",
    "针对{topic}中存在的薄弱环节，我们及时完善制度机制，做到有章可循、有据可依。",
    "{place}{unit}坚持问题导向，对照年初目标逐项梳理，确保按时保质完成各项工作。",
    "在上级部门的关心指导下，{topic}工作取得了阶段性成效，为全年工作打下了坚实基础。",
    "同时也要清醒地看到，{topic}工作还存在一些不足：基层力量比较薄弱，工作创新不够。",
    "下一步，我们将进一步提高政治站位，压实工作责任，推动{topic}工作再上新台阶。",
    "全年共调解矛盾纠纷{m}起，调解成功率{p}%，未发生因矛盾激化引发的重大案件。",
    "严格执行中央八项规定精神，开展廉政谈话{m}人次，组织警示教育{n}场。",
    "依托“{place}智慧平台”，实现{m}项政务服务事项网上办理，平均办理时限压缩{p}%。",
    "扎实推进“{topic}提升年”活动，形成可复制可推广的经验做法{n}项。",
]

#: Sentences of a template-copied draft: figures deleted, placeholders left in.
DEFECTIVE = [
    "全年开展安全检查次，排查隐患处，共接待来访群众人次。",
    "慰问困难职工 人次，发放慰问金 元，群众满意率达%。",
    "召开第次职工代表大会，审议通过工作报告。",
    "筹集帮扶资金万多元，开展《宪法》、、等法律的宣传。",
    "今年的月份召开了动员会，参加月份举行的技能竞赛。",
    "共举办____期培训班，在XX县委的领导下完成任务。",
    "20XX年上半年，某某同志被评为先进个人。",
    "全年共发放份宣传资料，组织名干部参加培训。",
]


#: Clause parts a sentence is composed of, so that a long document repeats itself no more than a
#: real one does (a compilation of many units' summaries): an opening, an action with its figure,
#: and a result.
OPENINGS = [
    "今年以来，",
    "{place}{unit}围绕{topic}，",
    "按照上级部门的统一部署，",
    "结合{topic}工作实际，",
    "针对群众反映强烈的突出问题，",
    "在{place}片区，",
    "为进一步夯实{topic}基础，",
    "对照年初确定的目标任务，",
    "依托{place}智慧服务平台，",
    "聚焦{topic}中的薄弱环节，",
    "在上级部门的关心指导下，",
    "坚持问题导向和目标导向，",
]
ACTIONS = [
    "组织开展{thing}{n}次",
    "新建{thing}{n}个",
    "培训{person}{m}人次",
    "投入资金{w}万元用于{thing}",
    "走访{person}{m}户",
    "召开{thing}推进会{n}场",
    "完成{thing}{m}项",
    "发放{thing}宣传资料{m}份",
    "排查整改{thing}隐患{m}处",
    "受理{person}诉求{m}件",
    "建成{thing}示范点{n}个",
    "帮助{person}解决实际困难{m}个",
    "开展{thing}专项检查{n}轮",
    "改造提升{thing}{n}处",
]
THINGS = [
    "便民服务站",
    "职工书屋",
    "老旧小区",
    "农村公路",
    "供水管网",
    "安全生产",
    "矛盾纠纷调解",
    "文明实践",
    "网格化管理",
    "法律援助",
    "技能培训",
    "困难帮扶",
    "垃圾分类",
    "智慧社区",
    "应急演练",
    "食品安全",
    "消防设施",
    "河道整治",
    "公共厕所",
    "养老服务",
    "托育服务",
    "电商服务",
    "人才引进",
    "科技创新",
    "营商环境",
    "信访接待",
    "志愿服务",
    "健康体检",
]
PEOPLE = ["干部职工", "困难群众", "企业负责人", "网格员", "志愿者", "退役军人", "新就业形态劳动者", "外来务工人员"]
RESULTS = [
    "，群众满意度达到{p}%。",
    "，同比增长{p}%。",
    "，超额完成年度目标任务。",
    "，惠及群众{m}人。",
    "，有效解决了{thing}方面的突出问题。",
    "，形成可复制可推广的经验做法{n}项。",
    "，得到上级部门的充分肯定。",
    "，办理时限平均压缩{p}%。",
    "，为全年工作打下了坚实基础。",
    "。",
]


def _fill(template: str, rng: random.Random, topic: str) -> str:
    return template.format(
        n=rng.randint(2, 30),
        m=rng.randint(30, 9000),
        p=rng.randint(60, 99),
        w=f"{rng.randint(10, 900)}.{rng.randint(1, 9)}",
        place=rng.choice(PLACES),
        unit=rng.choice(UNITS),
        topic=topic,
        thing=rng.choice(THINGS),
        person=rng.choice(PEOPLE),
    )


def _sentence(rng: random.Random, topic: str) -> str:
    if rng.random() < 0.25:
        return _fill(rng.choice(SENTENCES), rng, topic)
    actions = "，".join(_fill(rng.choice(ACTIONS), rng, topic) for _ in range(rng.randint(1, 3)))
    return _fill(rng.choice(OPENINGS), rng, topic) + actions + _fill(rng.choice(RESULTS), rng, topic)


def _section(rng: random.Random, defect_rate: float) -> list[str]:
    lines = []
    numerals = "一二三四五六七八九十"
    topics = rng.sample(TOPICS, 4)
    for k, (title, topic) in enumerate(topics):
        marker = f"（{numerals[k]}）" if rng.random() > 0.03 else f"({numerals[k]})"
        lines.append(f"{marker}{title}")
        lines.append("")
        for _ in range(rng.randint(2, 4)):
            count = rng.randint(3, 6)
            sentences = [_sentence(rng, topic) for _ in range(count)]
            if rng.random() < defect_rate:
                sentences.insert(rng.randrange(count), rng.choice(DEFECTIVE))
            lines.append("".join(sentences))
            lines.append("")
        if rng.random() < 0.3:
            for j in range(1, rng.randint(3, 5)):
                sep = "、" if rng.random() < 0.05 else "."
                lines.append(f"{j}{sep}{_sentence(rng, topic)}")
            lines.append("")
    return lines


def generate(target_bytes: int, defect_rate: float = 0.06, seed: int = 2024) -> str:
    """A Markdown compilation of work summaries of about ``target_bytes`` UTF-8 bytes (one unit's
    summary after another, as in a 汇编); ``defect_rate`` is the share of paragraphs with a sentence
    from a template-copied draft."""
    rng = random.Random(seed)
    place = rng.choice(PLACES)
    out = [f"# {place}县2024年度工作总结汇编", ""]
    size = 0
    numerals = "一二三四五六七八九十"
    while size < target_bytes:
        unit = f"{rng.choice(PLACES)}{rng.choice(UNITS)}{rng.choice(BODIES)}"
        part = [f"## {unit}2024年工作总结", ""]
        part += [f"2024年，{unit}在上级的正确领导下，认真贯彻落实各项决策部署，较好地完成了全年目标任务。", ""]
        for k, heading in enumerate(["主要工作及成效", "存在的问题", "下一步工作打算"]):
            part += [f"### {numerals[k]}、{heading}", ""]
            part += _section(rng, defect_rate)
        size += sum(len(line.encode("utf-8")) + 1 for line in part)
        out += part
    out += ["", f"{place}县人民政府办公室", "", "2024年12月20日", ""]
    return "\n".join(out)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    exit_code: int


def run_check(path: Path, cache: Path) -> Run:
    """One ``summarylint check`` of ``path`` in a fresh interpreter; wall time and peak RSS of the child."""
    env = dict(os.environ, SUMMARYLINT_CACHE_DIR=str(cache), NO_COLOR="1")
    command = [sys.executable, "-m", "summarylint", "check", "--output-format", "concise", "--exit-zero", str(path)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise RuntimeError(f"summarylint failed on {path}: {stderr}")
    peak_kb = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return Run(elapsed, peak_kb / 1024, child.returncode)


def measure(path: Path, runs: int, warm_cache: Path) -> tuple[Run, list[Run]]:
    """One cold run (empty cache directory) and ``runs`` warm runs (with ``warm_cache``, filled first)."""
    with tempfile.TemporaryDirectory(prefix="summarylint-bench-cache-") as cache:
        cold = run_check(path, Path(cache))
    run_check(path, warm_cache)
    warm = [run_check(path, warm_cache) for _ in range(runs)]
    return cold, warm


def profile(path: Path, top: int = 25) -> str:
    """cProfile of checking ``path`` in this process (imports done first), by cumulative time."""
    from summarylint.api import check_path, make_policy

    policy = make_policy()
    check_path(path, policy)  # warm-up: compiled patterns, packs and the segmenter are process-wide
    profiler = cProfile.Profile()
    profiler.enable()
    check_path(path, policy)
    profiler.disable()
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(top)
    return buffer.getvalue()


def phase_times(path: Path) -> list[tuple[str, float]]:
    """Seconds spent reading ``path``, in each rule and in the report, in this (fresh) process.

    Views are built lazily and shared, so a view's cost lands on the first rule that asks for it;
    the views most rules share are built up front and listed on their own.
    """
    from summarylint.api import make_policy
    from summarylint.readers import read_document
    from summarylint.reporters import ReportOptions, render
    from summarylint.rules.base import Context
    from summarylint.views import Views

    times: list[tuple[str, float]] = []

    def timed(label: str, start: float) -> float:
        now = time.perf_counter()
        times.append((label, now - start))
        return now

    start = time.perf_counter()
    policy = make_policy()
    start = timed("registry", start)
    doc = read_document(str(path), path.read_bytes())
    start = timed("read", start)
    views = Views(doc)
    for name in ("markers", "outline", "splits", "boilerplate_paragraphs", "blocks", "placeholder_spans"):
        if hasattr(type(views), name):
            getattr(views, name)
            start = timed(f"view {name}", start)
    from summarylint.linter import FileResult, lint_document

    for rule in policy.rules_for(path):
        for _ in rule.run(Context(doc, views, rule.meta)):
            pass
        start = timed(rule.code, start)
    diagnostics, _ = lint_document(doc, policy.rules_for(path), policy)
    start = time.perf_counter()
    render("concise", [FileResult(str(path), doc, diagnostics)], ReportOptions(policy.registry, False))
    timed("report (concise)", start)
    return times


def import_times(top: int = 15) -> str:
    """The slowest imports of a fresh ``summarylint check`` process (self time + cumulative, microseconds)."""
    with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as fh:
        fh.write("# 标题\n\n正文。\n")
    try:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "summarylint", "check", "--exit-zero", fh.name],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.unlink(fh.name)
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            self_us, cumulative, name = (part.strip() for part in line.replace("import time:", "").split("|"))
            if self_us.isdigit():
                rows.append((int(cumulative), int(self_us), name))
    rows.sort(reverse=True)
    return "\n".join(f"{c / 1000:8.1f} ms cumulative {s / 1000:7.1f} ms self  {n}" for c, s, n in rows[:top])


def _phases_in_child(path: Path, cache: Path, top: int = 20) -> str:
    env = dict(os.environ, SUMMARYLINT_CACHE_DIR=str(cache))
    command = [sys.executable, __file__, "--phases", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    rows = [(float(t), label) for t, label in (line.split(" ", 1) for line in done.stdout.splitlines())]
    total = sum(t for t, _ in rows)
    rows.sort(reverse=True)
    lines = [f"  {t * 1000:8.1f}  {label}" for t, label in rows[:top]]
    return "\n".join([*lines, f"  {total * 1000:8.1f}  total (without interpreter start and imports)"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs per document (median reported)")
    parser.add_argument("--big-mb", type=float, default=5.6, help="size of the big document in MB")
    parser.add_argument("--keep", type=Path, help="write the generated documents to this folder")
    parser.add_argument("--profile", action="store_true", help="per-rule times, cProfile of the 20k document")
    parser.add_argument("--phases", type=Path, help=argparse.SUPPRESS)  # internal: print phase times of a file
    parser.add_argument("--importtime", action="store_true", help="slowest imports of a fresh process")
    args = parser.parse_args()
    if args.phases:
        for label, seconds in phase_times(args.phases):
            print(f"{seconds:.4f} {label}")
        return 0

    # measure the package as `pip install .` leaves it: byte-compiled (an editable install in an
    # environment that sets PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start)
    import compileall

    import summarylint

    compileall.compile_dir(Path(summarylint.__file__).parent, quiet=1)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="summarylint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    small_text = generate(60_000, defect_rate=0.25)[:20_000]
    small_text = small_text[: small_text.rfind("\n") + 1]
    documents = {
        "small": (folder / "summary-20k.md", small_text),
        "big": (folder / "summary-big.md", generate(int(args.big_mb * 1_000_000))),
    }
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; documents in {folder}")
    warm_cache = Path(tempfile.mkdtemp(prefix="summarylint-bench-cache-"))
    try:
        return _report(documents, args, warm_cache)
    finally:
        shutil.rmtree(warm_cache, ignore_errors=True)


def _report(documents: dict[str, tuple[Path, str]], args: argparse.Namespace, warm_cache: Path) -> int:
    failed = False
    for key, (path, text) in documents.items():
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        cold, warm = measure(path, args.runs if key == "small" else max(1, args.runs // 2), warm_cache)
        median = statistics.median(r.seconds for r in warm)
        peak = max(r.peak_mb for r in warm)
        verdict = "ok" if median <= TARGETS[key] else f"SLOWER than {TARGETS[key]} s"
        failed |= median > TARGETS[key]
        print(
            f"{path.name}: {len(text):,} characters, {size / 1e6:.2f} MB | cold {cold.seconds:.2f} s | "
            f"warm median {median:.2f} s (min {min(r.seconds for r in warm):.2f}) | peak RSS {peak:.0f} MB"
            f" | target {TARGETS[key]} s: {verdict}"
        )
    if args.importtime:
        print("\nslowest imports of a fresh process:")
        print(import_times())
    if args.profile:
        for path, _ in documents.values():
            print(f"\nwhere the time goes on {path.name} (fresh process, ms; top 20):")
            print(_phases_in_child(path, warm_cache))
        print("\ncProfile of the 20k document (warm, in process):")
        print(profile(documents["small"][0]))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
