"""Generated batches of summaries for the batch tests and benchmark (never committed: made in code).

:func:`make_batch` writes a folder of mixed ``.md``/``.txt``/``.docx`` summaries in which some
documents share paragraphs with each other, many share a template paragraph, some copy a paragraph
from a reference folder and some are unfinished (``XX`` placeholders).  The paragraphs are
recombined from the reference corpus (``../shared/corpus``) when it is present, otherwise made from
a small built-in phrase list; either way the same seed gives the same folder.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

_SUBJECTS = ["我单位", "我局", "社区", "工会", "办公室", "党支部", "学校", "中心", "街道", "公司"]
_ACTIONS = [
    "认真贯彻落实上级决策部署",
    "紧紧围绕年度目标任务",
    "扎实推进安全生产检查",
    "深入开展困难职工帮扶",
    "持续加强干部队伍建设",
    "全面推进基层治理创新",
    "着力优化营商服务环境",
    "不断完善内部管理制度",
    "稳步推进重点项目建设",
    "积极组织职工技能培训",
    "切实做好信访维稳工作",
    "大力推进数字化办公",
    "认真落实意识形态责任制",
    "统筹推进疫情防控和复工复产",
    "扎实开展主题教育活动",
    "深化作风建设专项整治",
]
_RESULTS = [
    "共开展检查{n}次，排查整改隐患{m}处",
    "走访困难职工家庭{n}户，发放慰问金{m}万元",
    "组织培训{n}期，参训人员{m}人次",
    "新建制度{n}项，修订完善{m}项",
    "办结群众诉求{n}件，满意率{m}%",
    "完成投资{n}亿元，同比增长{m}%",
    "召开专题会议{n}次，研究解决问题{m}个",
    "开展志愿服务{n}场，服务群众{m}人次",
]
_CLOSINGS = [
    "取得了明显成效。",
    "群众满意度进一步提升。",
    "为全年工作打下了坚实基础。",
    "各项工作有序推进。",
    "工作水平有了新的提高。",
]
TEMPLATE = (
    "在上级党委的坚强领导下，我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
    "团结带领广大干部职工，凝心聚力、攻坚克难，较好地完成了全年各项目标任务。"
)
REFERENCE = [
    "坚持以人民为中心的发展思想，切实解决群众急难愁盼问题，"
    "不断增强人民群众的获得感、幸福感、安全感，推动各项工作迈上新台阶。",
    "存在的不足主要是：工作创新意识还不够强，"
    "个别干部职工的能力素质与新形势新任务的要求还有差距，基层基础工作仍需进一步夯实。",
]


def _made_paragraph(rng: random.Random) -> str:
    parts = [f"{rng.choice(_SUBJECTS)}{rng.choice(_ACTIONS)}"]
    for _ in range(rng.randint(2, 4)):
        parts.append(rng.choice(_RESULTS).format(n=rng.randint(2, 300), m=rng.randint(2, 900)))
    return "，".join(parts) + "，" + rng.choice(_CLOSINGS)


def corpus_paragraphs() -> list[str]:
    """Running-text paragraphs of the reference corpus (empty when it is absent)."""
    found: list[str] = []
    for folder in ("clean", "rough"):
        for path in sorted((CORPUS / folder).glob("*.txt")) + sorted((CORPUS / folder).glob("*.md")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for line in text.splitlines():
                line = line.strip().lstrip("#>-* ").strip()
                if len(line) >= 40 and "。" in line and not re.search(r"XX|××|＿|\{", line):
                    found.append(line)
    return found


@dataclass
class Batch:
    folder: Path
    reference: Path
    documents: list[Path] = field(default_factory=list)
    #: paragraph text → the documents it was put in (the planted copies)
    shared: dict[str, list[str]] = field(default_factory=dict)


def _write(path: Path, title: str, paragraphs: list[str]) -> None:
    if path.suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_paragraph(title)
        for p in paragraphs:
            document.add_paragraph(p)
        document.save(str(path))
    elif path.suffix == ".md":
        path.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    else:
        path.write_text(title + "\n" + "\n".join(paragraphs) + "\n", encoding="utf-8")


def make_batch(
    root: Path,
    count: int = 200,
    *,
    seed: int = 7,
    paragraphs: tuple[int, int] = (6, 12),
    use_corpus: bool = True,
    docx_share: float = 0.1,
    suffixes: tuple[str, ...] = (".md", ".txt"),
) -> Batch:
    """Write ``count`` summaries under ``root/batch`` and a reference folder ``root/reference``."""
    rng = random.Random(seed)
    pool = corpus_paragraphs() if use_corpus else []
    rng.shuffle(pool)
    folder, reference = root / "batch", root / "reference"
    folder.mkdir(parents=True, exist_ok=True)
    reference.mkdir(parents=True, exist_ok=True)
    _write(reference / "范文.txt", "年度工作总结范文", [_made_paragraph(rng), *REFERENCE])
    batch = Batch(folder, reference)
    pairs = [_made_paragraph(rng) for _ in range(max(1, count // 20))]  # each copied by a few documents
    taken = 0
    for n in range(count):
        body = []
        for _ in range(rng.randint(*paragraphs)):
            if pool and taken < len(pool):
                body.append(pool[taken])
                taken += 1
            else:
                body.append(_made_paragraph(rng))
        plants: list[str] = []
        if n % 3 == 0:  # a third of the batch opens with the template paragraph
            plants.append(TEMPLATE)
        if n % 10 == 1:
            plants.append(REFERENCE[(n // 10) % 2])
        if n % 7 == 2:
            plants.append(pairs[n % len(pairs)])
        for p in plants:
            body.insert(rng.randint(0, len(body)), p)
        if n % 9 == 4:
            body.append("全年共接待来访群众XX人次，办理各类事项XX件。")
        suffix = ".docx" if rng.random() < docx_share else rng.choice(suffixes)
        sub = folder / f"单位{n % 10:02d}"
        sub.mkdir(exist_ok=True)
        path = sub / f"总结{n:04d}{suffix}"
        _write(path, f"{n}号单位年度工作总结", body)
        batch.documents.append(path)
        for p in plants:
            batch.shared.setdefault(p, []).append(str(path))
    return batch


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "batch-demo")
    made = make_batch(target, int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    print(f"{len(made.documents)} documents in {made.folder}, reference folder {made.reference}")
