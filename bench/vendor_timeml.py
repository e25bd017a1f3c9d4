"""Turn TimeML (.tml) files into the small JSON that bench/extract_accuracy.py reads.

Keeps what the bench needs and nothing else: each document's plain text (the TEXT element with
its markup removed), its creation time, and every TIMEX3 inside the text as a character span
with its type, value and modifier. Run it once when vendoring a corpus; the JSON is committed,
the source is not.

    python bench/vendor_timeml.py OUT.json --name NAME --source URL --licence TEXT FILE.tml...
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path


def plain_text_and_timexes(element: ElementTree.Element) -> tuple[str, list[dict[str, object]]]:
    """The element's text with tags removed, and each TIMEX3's span in that text."""
    pieces: list[str] = []
    timexes: list[dict[str, object]] = []

    def walk(node: ElementTree.Element) -> None:
        start = sum(len(piece) for piece in pieces)
        pieces.append(node.text or "")
        for child in node:
            walk(child)
            pieces.append(child.tail or "")
        if node.tag == "TIMEX3":
            end = start + len("".join(node.itertext()))
            timexes.append({"start": start, "end": end, "type": node.get("type", ""),
                            "value": node.get("value", ""), "mod": node.get("mod", "")})

    walk(element)
    return "".join(pieces), sorted(timexes, key=lambda timex: (timex["start"], timex["end"]))


def document(path: Path) -> dict[str, object]:
    root = ElementTree.parse(path).getroot()
    creation = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if creation is None or body is None:
        raise ValueError(f"{path}: no DCT or TEXT element")
    text, timexes = plain_text_and_timexes(body)
    for timex in timexes:
        assert isinstance(timex["start"], int) and isinstance(timex["end"], int)
        timex["text"] = text[timex["start"]:timex["end"]]
    return {"id": path.stem, "dct": str(creation.get("value"))[:10], "text": text,
            "timexes": timexes}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--name", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--licence", required=True)
    args = parser.parse_args(argv)
    corpus = {"name": args.name, "source": args.source, "licence": args.licence,
              "documents": [document(path) for path in sorted(args.files)]}
    args.out.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
