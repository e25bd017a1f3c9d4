"""Bad content is refused at its place, fast, in bounded memory, without a traceback or a write.

Every case runs the build in a child process fenced in memory and CPU time (tests/safety/support),
beside a previous site: the build must exit 1 inside the fences, name `path:line:col:` (or the
file, for problems with a file as a whole), print no traceback, leave the previous site
byte-for-byte as it was, and write nothing anywhere else except the build lock beside the output.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article
from tests.safety.support import listing, run_build, write_files

EVENT = "  - id: strike\n    when: Tuesday\n    what: A strike.\n"
ANCHORED = "  - id: reply\n    when: two days later\n    anchor: {anchor}\n    what: A reply.\n"


def event_with(**fields: str) -> str:
    values = {"id": "strike", "when": "Tuesday", "what": "A strike.", **fields}
    lines = [f"    {key}: {value}\n" for key, value in values.items()]
    return "  - " + "".join(lines)[4:]


def laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n"


def site_with_timeline(slug: str) -> str:
    return f"title: Desk\ntimelines:\n  {slug}:\n    title: A timeline\n"


# (case id, files besides site.yaml, expected location, expected words of the message)
CASES: list[tuple[str, dict[str, str | bytes], str, str]] = [
    # paths: every name that becomes part of an output path
    ("timeline-slug-dotdot", {"site.yaml": site_with_timeline('"../x"'), "a.md": article(EVENT)},
     "site.yaml:3:4", "cannot name a timeline"),
    ("timeline-slug-absolute", {"site.yaml": site_with_timeline("/etc/cron.d"),
                                "a.md": article(EVENT)}, "site.yaml:3:3", "cannot name a timeline"),
    ("timeline-slug-long", {"site.yaml": site_with_timeline("a" * 300), "a.md": article(EVENT)},
     "site.yaml:3:3", "cannot name a timeline"),
    ("timeline-slug-case", {"site.yaml": site_with_timeline("War"), "a.md": article(EVENT)},
     "site.yaml:3:3", "cannot name a timeline"),
    ("article-timeline-dotdot", {"a.md": article(EVENT, timeline="../../etc")}, "a.md:5:11",
     "cannot be a timeline"),
    ("article-timeline-absolute", {"a.md": article(EVENT, timeline="/tmp/x")}, "a.md:5:11",
     "cannot be a timeline"),
    ("event-id-dotdot", {"a.md": article(event_with(id="../../x"))}, "a.md:7:9",
     "cannot be an event id"),
    ("event-id-absolute", {"a.md": article(event_with(id="/etc/passwd"))}, "a.md:7:9",
     "cannot be an event id"),
    ("event-id-nul", {"a.md": article(event_with(id='"a\\0b"'))}, "a.md:7:10",
     "cannot be an event id"),
    ("event-id-long", {"a.md": article(event_with(id="x" * 5000))}, "a.md:7:9",
     "cannot be an event id"),
    ("event-id-slash", {"a.md": article(event_with(id="a/b"))}, "a.md:7:9",
     "cannot be an event id"),
    ("anchor-dotdot", {"a.md": article(EVENT + ANCHORED.format(anchor="../strike"))},
     "a.md:12:13", "cannot be an anchor"),
    ("tag-dotdot", {"a.md": article(EVENT, extra="tags: [../../x]\n")}, "a.md:6:7",
     "cannot be a tag"),
    ("tag-absolute", {"a.md": article(EVENT, extra="tags: [/etc/passwd]\n")}, "a.md:6:7",
     "cannot be a tag"),
    ("tag-nul", {"a.md": article(EVENT, extra='tags: ["a\\0b"]\n')}, "a.md:6:7",
     "cannot be a tag"),
    ("tag-long", {"a.md": article(EVENT, extra=f"tags: [{'t' * 400}]\n")}, "a.md:6:7",
     "cannot be a tag"),
    ("tags-differing-by-case", {"a.md": article(EVENT, extra="tags: [iraq, Iraq]\n")},
     "a.md:6:7", '"Iraq" cannot be a tag'),
    # YAML
    ("billion-laughs", {"a.md": laughs()}, "a.md:3:8", "aliases"),
    ("alias-in-a-field", {"a.md": article(EVENT, extra="tags: &t [x]\nsource: *t\n")},
     "a.md:7:9", "aliases"),
    ("deep-flow-nesting", {"a.md": "---\ntitle: " + "[" * 200_000 + "]" * 200_000 + "\n---\n"},
     "a.md:2:15", "nested too deeply"),
    ("deep-flow-mappings", {"a.md": "---\ntitle: " + "{a: " * 100_000 + "1" + "}" * 100_000
                            + "\n---\n"}, "a.md:2:36", "nested too deeply"),
    ("deep-block-nesting", {"a.md": article(EVENT, extra="tags:\n  " + "- " * 100_000 + "x\n")},
     "a.md:7:17", "nested too deeply"),
    ("huge-scalar", {"a.md": article(EVENT, extra="source: " + "x" * 1_500_000 + "\n")},
     "a.md:6:9", "longer than 20000 characters"),
    ("non-utf8", {"a.md": article(EVENT).encode().replace(b"A report", b"A \xff report")},
     "a.md:2:10", "not UTF-8"),
    ("nul-byte", {"a.md": article(EVENT).encode().replace(b"A report", b"A\0report")},
     "a.md:2:9", "NUL byte"),
    ("duplicate-key", {"a.md": article(EVENT).replace("title: A report", "title: A\ntitle: B")},
     "a.md:3:1", 'duplicate key "title"'),
    ("duplicate-event-key", {"a.md": article(event_with(what="A.") + "    what: B.\n")},
     "a.md:10:5", 'duplicate key "what"'),
    ("tab-indentation", {"a.md": article(EVENT).replace("    when", "\twhen")}, "a.md:8:1",
     "not valid YAML"),
    ("python-object-tag", {"a.md": article(
        EVENT, extra="source: !!python/object/apply:os.system ['touch /tmp/dateline-pwned']\n")},
     "a.md:6:9", "expected text"),
    ("published-datetime", {"a.md": article(EVENT, published="2024-01-24T10:00:00")},
     "a.md:4:12", "is not a date"),
    ("published-impossible", {"a.md": article(EVENT, published="2024-02-30")}, "a.md:4:12",
     "is not a date"),
    ("two-documents", {"a.md": article(EVENT, extra="...\n---\nx: 1\n")}, "a.md:", ""),
]
WHOLE_FILE_CASES: list[tuple[str, dict[str, str | bytes], str, str]] = [
    ("file-name-space", {"a b.md": article(EVENT)}, "content/a b.md: ", "cannot name a page"),
    ("file-name-dash", {"-rf.md": article(EVENT)}, "content/-rf.md: ", "cannot name a page"),
    ("file-name-long", {"x" * 200 + ".md": article(EVENT)}, "xxxx.md: ", "cannot name a page"),
    ("file-name-unicode", {"ir\u0101q.md": article(EVENT)}, "content/ir\u0101q.md: ",
     "cannot name a page"),
    ("file-10-mb", {"a.md": article(EVENT, extra="source: " + "x" * 10_000_000 + "\n")},
     "content/a.md: ", "larger than 2 MB"),
]
PREVIOUS_SITE: dict[str, str | bytes] = {"index.html": "<p>old</p>", "war/index.html": "old"}


def expect_refusal(tmp_path: Path, files: dict[str, str | bytes], where: str, words: str) -> str:
    content = write_files(tmp_path / "content", {"site.yaml": SITE_YAML, **files})
    out = write_files(tmp_path / "site", PREVIOUS_SITE)
    os.utime(out / "index.html", ns=(1_000_000_000, 1_000_000_000))
    before = listing(tmp_path)
    result = run_build(content, out, "--no-pdf")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert where in result.stderr and words in result.stderr, result.stderr[:2000]
    after = {name: entry for name, entry in listing(tmp_path).items()
             if not name.startswith(".dateline-cache") and not name.endswith(".dateline-lock")}
    assert after == before  # the old site untouched (bytes and mtimes), nothing else written
    return result.stderr


@pytest.mark.parametrize(("files", "where", "words"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_content_is_refused_at_its_line_and_column(
    tmp_path: Path, files: dict[str, str | bytes], where: str, words: str
) -> None:
    stderr = expect_refusal(tmp_path, files, where, words)
    assert re.search(r"^(?:.*/)?content/[^:\n]+:\d+:\d+: ", stderr, re.MULTILINE), stderr[:2000]


@pytest.mark.parametrize(("files", "where", "words"), [c[1:] for c in WHOLE_FILE_CASES],
                         ids=[c[0] for c in WHOLE_FILE_CASES])
def test_a_bad_file_as_a_whole_is_refused_by_name(
    tmp_path: Path, files: dict[str, str | bytes], where: str, words: str
) -> None:
    expect_refusal(tmp_path, files, where, words)


def build_events(tmp_path: Path, name: str, data: str | bytes) -> tuple[dict[str, object], Path]:
    content = write_files(tmp_path / name / "content", {"site.yaml": SITE_YAML, "a.md": data})
    result = run_build(content, tmp_path / name / "site", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    events = json.loads((tmp_path / name / "site" / "war" / "events.json").read_bytes())
    return {event["id"]: (event["start"], event["end"]) for event in events["events"]}, (
        tmp_path / name / "site"
    )


def site_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


PLAIN = article(EVENT + "  - id: earlier\n    when: 2024-01-22\n    what: Before.\n",
                body="Body with a\ttab.\n\n\tindented code\n")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom", b"\xef\xbb\xbf" + PLAIN.encode()),
        ("crlf", PLAIN.replace("\n", "\r\n")),
        ("bom-crlf", b"\xef\xbb\xbf" + PLAIN.replace("\n", "\r\n").encode()),
        ("quoted-date", PLAIN.replace("published: 2024-01-24", 'published: "2024-01-24"')),
        ("single-quoted", PLAIN.replace("published: 2024-01-24", "published: '2024-01-24'")),
    ],
)
def test_harmless_variants_build_the_same_site(
    tmp_path: Path, name: str, data: str | bytes
) -> None:
    """A BOM, Windows line endings, tabs in the body and dates as YAML dates or strings all work,
    and give the same bytes as the plain file."""
    plain_events, plain_site = build_events(tmp_path, "plain", PLAIN)
    assert plain_events == {"strike": ("2024-01-23", "2024-01-23"),
                            "earlier": ("2024-01-22", "2024-01-22")}
    events, site = build_events(tmp_path, name, data)
    assert events == plain_events
    assert site_bytes(site) == site_bytes(plain_site)
