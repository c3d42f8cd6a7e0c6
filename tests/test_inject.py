"""The defect injector: every generator plants a defect whose recorded span lies inside the changed text."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"

PARAGRAPH = (
    "　　今年以来，我们围绕中心工作，组织开展了形式多样的宣传活动，走访企业36家，"
    "发放“便民服务”手册1200份，群众满意度达到97%，各项任务稳步推进。"
)
TEXT = "关于全年工作情况的报告\n\n一、主要工作\n\n" + "\n\n".join([PARAGRAPH] * 4) + "\n\n二、下步打算\n\n" + PARAGRAPH


def _script() -> ModuleType:
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location("inject", SCRIPTS / "inject.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_kind_plants_a_span_inside_its_line() -> None:
    module = _script()
    rng = random.Random(5)
    for kind, generator in module.GENERATORS.items():
        planted = 0
        for _ in range(20):
            doc = module.Planted("t.txt", [module.Line(t) for t in TEXT.split("\n")], False, False)
            target = max(i for i, line in enumerate(doc.lines) if module._prose(line.text))
            plant = generator(rng, doc, target)
            if plant is None:
                continue
            planted += 1
            assert plant.kind == kind
            assert 0 <= plant.start <= plant.end <= len(plant.line.text), (kind, plant.form)
            assert doc.text() != TEXT, (kind, plant.form)
        assert planted, kind


def test_mojibake_forms_really_re_encode() -> None:
    module = _script()
    assert module._mojibake("全年完成", "utf8-as-gbk") == "鍏ㄥ勾瀹屾垚"
    assert module._mojibake("全年", "utf8-as-cp1252").startswith("å")
