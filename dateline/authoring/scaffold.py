"""`build.py new`: start an article file with its front matter filled in as far as we know it."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

MAX_SLUG_WORDS = 8
EM_DASH = "\u2014"
# Characters JSON leaves as they are but YAML will not read back as themselves: it refuses
# DEL, C1 controls, the BOM and non-characters in a file, and reads NEL, U+2028 and U+2029 as
# line breaks. Written as `\uXXXX` escapes, which a YAML double-quoted string decodes.
NOT_KEPT_BY_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def slugify(headline: str) -> str:
    """`US strikes militia sites in Iraq` → `us-strikes-militia-sites-in-iraq`."""
    plain = unicodedata.normalize("NFKD", headline).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())[:MAX_SLUG_WORDS]
    return "-".join(words) or "article"


def file_name(headline: str, published: date) -> str:
    return f"{published.isoformat()}-{slugify(headline)}.md"


def yaml_string(value: str) -> str:
    """`value` as a YAML double-quoted string that reads back exactly, whatever it holds."""
    quoted = json.dumps(value, ensure_ascii=False)
    return NOT_KEPT_BY_YAML.sub(lambda found: f"\\u{ord(found.group()):04x}", quoted)


def article_text(headline: str, timeline: str, dateline: str, published: date) -> str:
    """Front matter with one event to fill in; every value the user typed quoted, so that
    YAML reads back exactly what was typed (not a comment, a key, a boolean or a number)."""
    lead = body_lead(dateline)
    return (
        "---\n"
        f"title: {yaml_string(headline)}\n"
        f"dateline: {yaml_string(dateline)}\n"
        f"published: {published.isoformat()}\n"
        f"timeline: {yaml_string(timeline)}\n"
        "tags: []\n"
        "events:\n"
        "  # One entry per event the story reports. `when` is the date exactly as the story\n"
        '  # words it; add `anchor: <event id>` for wordings like "two days later".\n'
        "  - id: first-event\n"
        "    when: Tuesday\n"
        "    what: What happened, in one sentence.\n"
        "---\n\n"
        f"{lead}Write the story here. `python build.py suggest` drafts events from it.\n"
    )


def body_lead(dateline: str) -> str:
    """The dateline as a wire story opens with it, closed by one dash: its own if it ends
    with one ("COLOMBO (Reuters) -"), else an em dash."""
    words = " ".join("".join(char for char in dateline if char.isprintable()).split())
    found = re.fullmatch(r"(.*?)\s*(--|-|\u2013|\u2014)?", words)
    text, dash = (found.group(1), found.group(2)) if found else (words, None)
    return f"{text} {dash or EM_DASH} " if text else ""


STARTER_SITE_YAML = """\
title: My news desk
timelines:
  suez-blockage:
    title: The Suez Canal blockage, 2021
    description: How a stranded container ship closed the canal for six days.
"""

STARTER_ARTICLE = """\
---
title: Giant container ship freed, Suez Canal traffic resumes
dateline: "CAIRO, March 29 (Reuters) -"
published: 2021-03-29
source: Example Wire
timeline: suez-blockage
events:
  # One entry per event the story reports. `when` is the date exactly as the story words it;
  # `anchor:` names the event a wording like "six days after" counts from.
  - id: grounding
    when: Tuesday of last week
    what: The container ship Ever Given runs aground and blocks the Suez Canal.
  - id: refloated
    when: Monday
    what: Salvage teams free the Ever Given.
  - id: traffic-resumes
    when: six days after
    anchor: grounding
    what: Ships begin to move through the canal again.
---

CAIRO, March 29 (Reuters) - Salvage teams freed the Ever Given on Monday, and ships began to
move through the Suez Canal again six days after the giant container ship ran aground there on
Tuesday of last week.

Write or paste your own stories beside this one: `dateline suggest content/FILE.md` drafts the
events of a story's dated phrases, and `dateline build` makes the site.
"""

STARTER_GITIGNORE = """\
# What `dateline build` writes: the site and the build cache beside it.
/site/
/.dateline-cache/
"""


def starter_site() -> dict[str, str]:
    """The files of `dateline init`: a site.yaml, one example article, and a .gitignore."""
    return {
        "content/site.yaml": STARTER_SITE_YAML,
        "content/2021-03-29-suez-canal-ship-freed.md": STARTER_ARTICLE,
        ".gitignore": STARTER_GITIGNORE,
    }
