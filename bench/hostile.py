"""Hostile inputs: what ``summarylint check`` does with each, how long it takes and its peak memory.

    python bench/hostile.py              # every case, a Markdown table on standard output
    python bench/hostile.py --only docx  # the cases whose name contains "docx"
    python bench/hostile.py --keep DIR   # keep the generated inputs

Each input is generated in a temporary folder (nothing is read from elsewhere) and checked by
``python -m summarylint check --output-format concise`` in a fresh process; time is wall-clock and CPU
(user + system), peak memory the child's maximum resident set size (``/usr/bin/time``, or
``os.wait4`` where it is missing).  The unreadable file and folder are
made with mode 000 and, when this runs as root (whom modes do not stop), checked without the
capabilities that let root read anything (``setpriv``).  The README's reliability table comes
from this script; the tests named in the README check the same behaviour without timing it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

# the tests' ZIP helpers build the broken .docx files
from docx_fixtures import read_member, rewrite_member

SENTENCE = "今年以来，我局认真贯彻落实上级部署，全年开展安全检查12次，整改隐患35处。"
#: A case still running after this many seconds is stopped and reported as such.
TIME_LIMIT = 300
TIME = Path("/usr/bin/time")


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the input into the folder, returns the paths to check
    as_nobody: bool = False
    options: tuple[str, ...] = ()
    size_of: str | None = None  # the input whose size is reported


def _text(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.write_bytes(text.encode(encoding))


def _docx(body_paragraphs: int = 3) -> bytes:
    import docx

    document = docx.Document()
    for _ in range(body_paragraphs):
        document.add_paragraph(SENTENCE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _write(name: str, data: bytes) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        (folder / name).write_bytes(data() if callable(data) else data)  # type: ignore[operator]
        return [name]

    return make


# --- the cases --------------------------------------------------------------------------------------


def binary_txt(folder: Path) -> list[str]:
    (folder / "random.txt").write_bytes(os.urandom(1_000_000))
    return ["random.txt"]


def nul_bytes(folder: Path) -> list[str]:
    _text(folder / "nul.txt", SENTENCE * 100 + "\x00" + SENTENCE)
    return ["nul.txt"]


def undecodable(folder: Path) -> list[str]:
    (folder / "latin.txt").write_bytes("Café résumé, déjà vu. ".encode("cp1252") * 1000)
    return ["latin.txt"]


def empty(folder: Path) -> list[str]:
    (folder / "empty.md").write_bytes(b"")
    return ["empty.md"]


def utf16_binary(folder: Path) -> list[str]:
    (folder / "table.txt").write_bytes(b"\xff\xfe" + b"".join(i.to_bytes(4, "little") for i in range(1, 50_001)))
    return ["table.txt"]


def _report(megabytes: float) -> str:
    paragraph = "\n".join(f"{i}. {SENTENCE}" for i in range(1, 6))
    block = f"# 第{{n}}部分\n\n{paragraph}\n\n"
    parts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        n += 1
        piece = block.replace("{n}", str(n))
        parts.append(piece)
        size += len(piece.encode())
    return "".join(parts)


def huge_text(megabytes: float) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        _text(folder / f"report-{megabytes:g}MB.md", _report(megabytes))
        return [f"report-{megabytes:g}MB.md"]

    return make


def over_limit(folder: Path) -> list[str]:
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(60_000_000)  # a sparse file: 60 MB without writing them
    return ["huge.txt"]


def one_huge_line(folder: Path) -> list[str]:
    _text(folder / "line.txt", SENTENCE * (2_000_000 // len(SENTENCE.encode())) + "\n")
    return ["line.txt"]


def many_headings(folder: Path) -> list[str]:
    _text(folder / "headings.md", "".join(f"## {i}. 第{i}项工作\n\n正文。\n\n" for i in range(1, 100_001)))
    return ["headings.md"]


def deep_nesting(folder: Path) -> list[str]:
    lines = [">" * depth + " " + SENTENCE for depth in range(1, 2001)]
    lines += ["  " * depth + "- " + SENTENCE for depth in range(0, 2000)]
    _text(folder / "nested.md", "\n".join(lines) + "\n")
    return ["nested.md"]


def folder_named_md(folder: Path) -> list[str]:
    (folder / "x.md").mkdir()
    _text(folder / "x.md" / "inside.txt", SENTENCE + "\n")
    return ["x.md"]


def symlink_loop(folder: Path) -> list[str]:
    (folder / "docs").mkdir()
    _text(folder / "docs" / "a.txt", SENTENCE + "\n")
    (folder / "docs" / "back").symlink_to(folder / "docs")
    (folder / "docs" / "self.md").symlink_to("self.md")
    return ["docs"]


def unreadable_file(folder: Path) -> list[str]:
    _text(folder / "locked.txt", SENTENCE + "\n")
    (folder / "locked.txt").chmod(0)
    return ["locked.txt"]


def unreadable_folder(folder: Path) -> list[str]:
    (folder / "docs" / "locked").mkdir(parents=True)
    _text(folder / "docs" / "open.txt", SENTENCE + "\n")
    _text(folder / "docs" / "locked" / "a.txt", SENTENCE + "\n")
    (folder / "docs" / "locked").chmod(0)
    return ["docs"]


def missing(folder: Path) -> list[str]:
    return ["nowhere.md"]


def old_formats(folder: Path) -> list[str]:
    for name in ("a.doc", "b.wps", "c.pdf", "d.rtf", "e.odt"):
        (folder / "in" / name).parent.mkdir(exist_ok=True)
        (folder / "in" / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    return ["in"]


def docx_not_zip(folder: Path) -> list[str]:
    _text(folder / "a.docx", SENTENCE)
    return ["a.docx"]


def docx_truncated(folder: Path) -> list[str]:
    data = _docx()
    (folder / "a.docx").write_bytes(data[: len(data) // 2])
    return ["a.docx"]


def docx_no_document(folder: Path) -> list[str]:
    (folder / "a.docx").write_bytes(rewrite_member(_docx(), "word/document.xml", None))
    return ["a.docx"]


def docx_legacy(folder: Path) -> list[str]:
    (folder / "a.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    return ["a.docx"]


def docx_encrypted(folder: Path) -> list[str]:
    (folder / "a.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    return ["a.docx"]


def docx_entities(folder: Path) -> list[str]:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" if i > 1 else "&lol;"}' * 10 + '">' for i in range(1, 10)
        )
        + "]><w:document>&lol9;</w:document>"
    )
    (folder / "a.docx").write_bytes(rewrite_member(_docx(), "word/document.xml", laughs.encode()))
    return ["a.docx"]


def docx_zip_bomb(folder: Path) -> list[str]:
    (folder / "a.docx").write_bytes(rewrite_member(_docx(), "word/media/pad.bin", bytes(200_000_000)))
    return ["a.docx"]


def docx_damaged_xml(folder: Path) -> list[str]:
    (folder / "a.docx").write_bytes(rewrite_member(_docx(), "word/document.xml", b"<w:document><w:body>"))
    return ["a.docx"]


def docx_deep_tables(folder: Path) -> list[str]:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cell = "<w:p><w:r><w:t>正文。</w:t></w:r></w:p>"
    for _ in range(80):
        cell = f"<w:tbl><w:tr><w:tc>{cell}<w:p/></w:tc></w:tr></w:tbl>"
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{cell}</w:body></w:document>'
    (folder / "a.docx").write_bytes(rewrite_member(_docx(), "word/document.xml", xml.encode()))
    return ["a.docx"]


def docx_numbering_bomb(folder: Path) -> list[str]:
    """Nine-level labels (%1.%2.…%9) with huge start values on 5,000 paragraphs at the deepest level."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    text = ".".join(f"%{k}" for k in range(1, 10))
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="2147483647"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for k in range(9)
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {w}><w:abstractNum w:abstractNumId="1">{levels}'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    paragraph = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    )
    body = "".join(paragraph.format(f"第{i}项：{SENTENCE[i % 20 :]}") for i in range(5_000))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>'
    data = rewrite_member(_docx(), "word/document.xml", xml.encode())
    data = rewrite_member(data, "word/numbering.xml", numbering.encode())
    rels = read_member(data, "word/_rels/document.xml.rels").decode()
    if "numbering.xml" not in rels:
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'numbering" Target="numbering.xml"/></Relationships>',
        )
        data = rewrite_member(data, "word/_rels/document.xml.rels", rels.encode())
    (folder / "a.docx").write_bytes(data)
    return ["a.docx"]


def config_gbk(folder: Path) -> list[str]:
    (folder / "summarylint.toml").write_bytes('ignore = ["NU005"]  # 不检查序号\n'.encode("gbk"))
    _text(folder / "a.txt", SENTENCE + "\n")
    return ["a.txt"]


def config_invalid(folder: Path) -> list[str]:
    _text(folder / "summarylint.toml", 'ignore = "NU005\n')
    _text(folder / "a.txt", SENTENCE + "\n")
    return ["a.txt"]


def many_fixes(folder: Path) -> list[str]:
    """A 1 MB text file with 100,000 safe fixes (full-width digits, doubled full stops)."""
    line = "今年共开展检查１２次，发现问题３个。。\n"
    _text(folder / "fixes.txt", line * (1_000_000 // len(line.encode())))
    return ["fixes.txt"]


def catastrophic_regex(folder: Path) -> list[str]:
    pack = (
        '[[rule]]\ncode = "XB001"\nname = "backtracking"\nkind = "existence"\ncategory = "typo"\n'
        'severity = "warning"\nmessage = "{match}"\npatterns = ["(a|aa)+$"]\n'
    )
    _text(folder / "pack.toml", pack)
    _text(folder / "summarylint.toml", 'extend-rule-packs = ["pack.toml"]\n')
    _text(folder / "a.txt", "a" * 40 + "!\n")
    return ["a.txt"]


CASES = [
    Case("binary data with a text extension (1 MB random)", binary_txt),
    Case("NUL bytes in a text file", nul_bytes),
    Case("undecodable bytes (Windows-1252)", undecodable),
    Case("empty file", empty),
    Case("binary after a UTF-16 byte-order mark", utf16_binary),
    Case("huge file above the limit (60 MB)", over_limit),
    Case("large report (2 MB Markdown)", huge_text(2)),
    Case("large report (8 MB Markdown)", huge_text(8)),
    Case("one huge line (2 MB)", one_huge_line),
    Case("100,000 headings", many_headings),
    Case("deep nesting (2,000 quote and list levels)", deep_nesting),
    Case("folder named x.md", folder_named_md),
    Case("symbolic link loop (folder and file)", symlink_loop),
    Case("unreadable file", unreadable_file, as_nobody=True),
    Case("unreadable folder", unreadable_folder, as_nobody=True),
    Case("missing path", missing),
    Case(".doc/.wps/.pdf/.rtf/.odt in a folder", old_formats),
    Case("docx: not a ZIP", docx_not_zip),
    Case("docx: truncated ZIP", docx_truncated),
    Case("docx: no word/document.xml", docx_no_document),
    Case("docx: Word 97-2003 file renamed", docx_legacy),
    Case("docx: password-protected", docx_encrypted),
    Case("docx: entity expansion (billion laughs)", docx_entities),
    Case("docx: compression bomb (200 MB of zeros)", docx_zip_bomb),
    Case("docx: damaged XML", docx_damaged_xml),
    Case("docx: tables nested 80 deep", docx_deep_tables),
    Case("docx: numbering bomb (9-level labels, 5,000 paragraphs)", docx_numbering_bomb),
    Case("configuration not UTF-8 (GBK)", config_gbk),
    Case("configuration not valid TOML", config_invalid),
    Case("catastrophic user regex (a|aa)+$", catastrophic_regex),
    Case("--fix of 1 MB with about 100,000 safe fixes", many_fixes, options=("--fix",)),
]


def _size(folder: Path, paths: list[str]) -> int:
    total = 0
    for name in paths:
        path = folder / name
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def measure(case: Case, folder: Path) -> tuple[int, float, float, int, str, int]:
    """Exit code, wall-clock seconds, CPU seconds, peak RSS in bytes, first line of output, input size."""
    folder.mkdir(parents=True)
    paths = case.make(folder)
    size = _size(folder, paths)
    env = {**os.environ, "NO_COLOR": "1"}
    prefix: list[str] = []
    if case.as_nobody and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv"):
        # root reads any file whatever its mode: drop the capabilities that let it
        prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    command = [*prefix, sys.executable, "-m", "summarylint", "check", "--output-format", "concise"]
    command += [*case.options, *paths]
    log = folder.parent / f"{folder.name}.out"
    timing = folder.parent / f"{folder.name}.time"
    if TIME.exists():
        # the child's peak memory as /usr/bin/time sees it: a process forked from this one would
        # count this process's own memory, which the figures must not include
        command = [str(TIME), "-f", "%M %U %S", "-o", str(timing), *command]
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=folder, stdout=out, stderr=subprocess.STDOUT, env=env)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > TIME_LIMIT:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    output = log.read_bytes()
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    cpu = usage.ru_utime + usage.ru_stime
    if timing.exists():
        fields = timing.read_text().split()[-3:]
        with contextlib.suppress(ValueError, IndexError):
            rss, cpu = int(fields[0]) * 1024, float(fields[1]) + float(fields[2])
    if elapsed > TIME_LIMIT:
        output = f"did not finish in {TIME_LIMIT} s".encode() + b"\n" + output
    lines = output.decode("utf-8", "replace").splitlines()
    first = next((line for line in lines if line.strip()), "")
    if len(lines) > 2:
        first += f" (+{len(lines) - 1} lines)"
    return code, elapsed, cpu, rss, first, size


def _mb(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 100_000 else f"{count / 1000:.1f} KB" if count else "—"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run the cases whose name contains this text")
    parser.add_argument("--keep", type=Path, help="generate the inputs in this folder and keep them")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="summarylint-hostile-"))
    rows = []
    try:
        for number, case in enumerate(CASES, 1):
            if args.only and args.only not in case.name:
                continue
            code, seconds, cpu, rss, first, size = measure(case, root / f"{number:02}")
            rows.append((case.name, _mb(size), code, first, seconds, cpu, rss))
            print(f"{case.name}: exit {code}, {seconds:.2f} s, {rss / 1e6:.0f} MB — {first}", file=sys.stderr)
    finally:
        if args.keep is None:
            for path in root.rglob("*"):  # unlock what was locked so that it can be removed
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o755)
            shutil.rmtree(root, ignore_errors=True)
    print("| input | size | exit | what summarylint says | time (CPU) | peak RSS |")
    print("|---|---|---|---|---|---|")
    for name, size, code, first, seconds, cpu, rss in rows:
        shown = first.replace("|", "\\|")
        print(f"| {name} | {size} | {code} | {shown} | {seconds:.2f} s ({cpu:.2f} s) | {rss / 1e6:.0f} MB |")
    large = {name: rss for name, *_, rss in rows if name.startswith("large report")}
    if len(large) == 2:
        small, big = sorted(large.values())
        print(f"\nMemory per MB of Markdown input (8 MB vs 2 MB report): {(big - small) / 6e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
