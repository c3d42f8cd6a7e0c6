"""Write examples/2024年度工作总结.docx: a Word summary with automatic numbering.

Usage: python scripts/make_example_docx.py

The document's headings are numbered by Word (一、 （一）), and its numbering jumps from （二） to
（四） because the last part was pasted from another file as a separate list starting at 4; a table
cell still holds the template's ``XX``, and a statistic lost its figure.  Built with the same helper
the tests use, so it can be regenerated at any time.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docx_fixtures import CN, CN_PAREN, DocBuilder  # noqa: E402


def build(path: Path) -> Path:
    b = DocBuilder()
    abstract = b.abstract(CN, CN_PAREN)
    numbered = b.num(abstract)
    b.para("青云镇人民政府2024年上半年工作总结", style="Title")
    b.para("今年以来，镇政府在县委、县政府的坚强领导下，扎实推进各项工作，现将上半年工作情况总结如下。")
    b.para("主要工作及成效", numbered, 0)
    b.para("抓实安全生产", numbered, 1)
    b.para("开展安全生产大检查4轮，排查整改隐患126处，全镇未发生较大以上安全事故。")
    b.para("做好信访维稳", numbered, 1)
    b.para("全镇共接待来访群众人次，按期办结率达到98%，信访形势总体平稳。")
    pasted = b.num(abstract, start_overrides={1: 4})
    b.para("推进乡村振兴", pasted, 1)
    b.para("新建高标准农田1200亩，完成农村道路改造6.5公里。主要指标完成情况见下表。")
    b.table([["指标", "完成值"], ["村集体经济收入", "XX万元"], ["新增就业人数", "356人"]])
    b.para("存在的问题", numbered, 0)
    b.para("基层治理力量仍然薄弱，部分村级组织服务能力有待提升。")
    return b.save(path)


if __name__ == "__main__":
    print(build(ROOT / "examples" / "2024年度工作总结.docx"))
