"""A story as an article file: front matter, drafted events for the editor, the body.

The events are `suggest`'s drafts, under a YAML comment saying they are drafts. A draft that
still needs an anchor nobody can name is written commented out, so the file builds as it is
and the editor sees what is left to decide.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.authoring import scaffold
from dateline.authoring.scaffold import yaml_string
from dateline.authoring.stories import Story, StoryError
from dateline.authoring.suggest import suggest
from dateline.authoring.suggest_write import entry_lines
from dateline.authoring.wording import Suggestion
from dateline.load.article import load_article
from dateline.model import Article, EventSpec

DRAFTED = (
    "  # Drafted by `dateline import` from the story's dates: check each one (the date, its\n"
    "  # anchor and direction, the wording), then delete this comment.\n"
)


def file_name(story: Story) -> str:
    return scaffold.file_name(story.title, story.published)


def front_matter(story: Story, timeline: str, events: str) -> str:
    lines = ["---\n", f"title: {yaml_string(story.title)}\n",
             f"dateline: {yaml_string(story.dateline)}\n",
             f"published: {story.published.isoformat()}\n"]
    if story.source:
        lines.append(f"source: {yaml_string(story.source)}\n")
    if story.url:
        lines.append(f"url: {yaml_string(story.url)}\n")
    lines += [f"timeline: {yaml_string(timeline)}\n", "tags: []\n", events, "---\n"]
    return "".join(lines)


def loaded(path: str, text: str) -> Article:
    article, errors = load_article(path, text.encode("utf-8"))
    if errors or article is None:
        raise StoryError("; ".join(error.format().splitlines()[0] for error in errors))
    return article


def events_block(drafts: Sequence[Suggestion]) -> str:
    """The drafts as an `events:` list; those still missing an anchor commented out."""
    if not drafts:
        return "events: []\n"
    ready = [line for draft in drafts if not draft.note for line in entry_lines(draft, 2, 4)]
    waiting = [f"  # {line[2:]}" for draft in drafts if draft.note
               for line in entry_lines(draft, 2, 4)]
    if not ready:
        return "events: []\n" + DRAFTED + "".join(waiting)
    return "events:\n" + DRAFTED + "".join(ready + waiting)


def article_file(story: Story, timeline: str, path: str,
                 timeline_events: Sequence[EventSpec] = ()) -> tuple[str, Article]:
    """The article file's text and the article it loads as; StoryError names what is wrong
    with the copy (a dateline days away from the publication date, say)."""
    body = f"\n{story.body}"
    bare = front_matter(story, timeline, "events: []\n") + body
    drafts = suggest(loaded(path, bare), timeline_events=timeline_events)
    text = front_matter(story, timeline, events_block(drafts)) + body
    return text, loaded(path, text)
