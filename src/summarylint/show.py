"""``check --show-settings``: the configuration a run uses and where each value came from."""

from __future__ import annotations

import argparse
import json

from summarylint.config import Settings
from summarylint.policy import Policy

_FROM_COMMAND_LINE = {
    "select": "select",
    "extend_select": "extend_select",
    "ignore": "ignore",
    "fail_on": "fail_on",
    "baseline": "baseline",
    "profile": "profile",
}


def _value(value: object) -> str:
    if hasattr(value, "value"):
        value = value.value
    return json.dumps(value, ensure_ascii=False, default=str)


def show_settings(policy: Policy, args: argparse.Namespace) -> str:
    """One line per setting: ``key = value    # source`` (the command line, a file, or the default)."""
    config = policy.config
    given = config.settings.model_fields_set
    lines = [f"# 配置文件：{config.path or '（无，使用默认值）'}", f"# 相对路径的基准目录：{config.root}"]
    for name, field in Settings.model_fields.items():
        key = name.replace("_", "-")
        value = getattr(policy.settings, name)
        source = str(config.path) if name in given else "默认"
        option = _FROM_COMMAND_LINE.get(name)
        cli = getattr(args, option, None) if option else None
        if cli not in (None, []):
            source = "命令行"
            if name in ("fail_on", "baseline", "profile"):
                value = cli
        elif name == "fail_on" and value is None:
            value = "error"
        lines.append(f"{key} = {_value(value)}    # {source}（{field.description}）")
    enabled = [rule.code for rule in policy.rules_for(None)]
    lines.append(f"# 启用的规则（{len(enabled)} 条）：{', '.join(enabled)}")
    return "\n".join(lines) + "\n"
