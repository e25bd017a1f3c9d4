"""Builds with the cache and the worker pool give the bytes of a plain build, and notice edits."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from jinja2 import Environment

from dateline import assemble
from dateline.engine import outputs
from dateline.engine.cache import mark_start
from dateline.engine.pipeline import BUNDLED_TEMPLATES, read_content
from dateline.engine.pipeline import build as build_into
from dateline.load import article as load
from dateline.render import pages as render
from tests.conftest import MakeContent, article

# Enough articles for the pool to be used (it runs in-process below 32 items).
MANY = 40


def corpus() -> dict[str, str]:
    """Articles on two timelines, with tags, an anchor across articles and a merged event."""
    files: dict[str, str] = {
        "site.yaml": (
            "title: Test desk\ntimelines:\n  war:\n    title: The war\n"
            "  talks:\n    title: The talks\n"
        ),
        "attack.md": article(
            "  - id: attack\n    when: October 7\n    what: The attack.\n",
            dateline="WASHINGTON, Oct. 18",
            published="2023-10-18",
            body="The attack came on October 7, officials said.\n",
        ),
        "begin.md": article(
            "  - id: begin\n    when: 10 days after\n    anchor: attack\n    what: Begin.\n",
            dateline="WASHINGTON, Oct. 20",
            published="2023-10-20",
            body="Strikes began 10 days after the attack.\n",
        ),
    }
    for number in range(MANY):
        files[f"report-{number:02}.md"] = article(
            f"  - id: strike-{number}\n    when: Tuesday\n    what: Strike {number}.\n"
            "  - id: shared\n    when: last week\n    what: A week of raids.\n",
            timeline="war" if number % 3 else "talks",
            extra=f"tags: [raids, batch-{number % 4}]\n",
            body=f"Report {number}: aircraft struck on Tuesday, and raids went on *last week*.\n",
        )
    return files


def build(content: Path, cache: Path | None, jobs: int) -> dict[str, bytes]:
    """Every output file by path: into the site beside `cache`, or a fresh folder without one."""
    out = cache.parent / "site" if cache else Path(tempfile.mkdtemp(dir=content.parent)) / "site"
    written, errors = build_into(content, out, pdf=False, jobs=jobs, cache_dir=cache)
    assert errors == [] and written is not None
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def events_of(files: dict[str, bytes], timeline: str) -> dict[str, tuple[str, str]]:
    data = json.loads(files[f"{timeline}/events.json"])
    return {event["id"]: (event["start"], event["end"]) for event in data["events"]}


def test_cold_warm_and_any_worker_count_give_the_same_bytes(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    plain = build(content, None, 1)
    assert build(content, None, 2) == plain
    cache = tmp_path / "cache"
    assert build(content, cache, 2) == plain  # cold, filling the cache
    assert build(content, cache, 2) == plain  # no-op: read back whole
    (content / "report-05.md").write_text(corpus()["report-05.md"] + "More text.\n")
    edited = build(content, None, 1)
    assert build(content, cache, 2) == edited  # warm, one article changed
    assert build(content, cache, 1) == edited
    assert edited["articles/report-05.html"] != plain["articles/report-05.html"]
    assert b"More text." in edited["articles/report-05.html"]


def test_an_unchanged_article_is_neither_loaded_nor_rendered_again(
    make_content: MakeContent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(corpus())
    cache = tmp_path / "cache"
    build(content, cache, 1)
    loaded: list[str] = []
    real = load.load_article

    def spy(path: str, data: bytes) -> object:
        loaded.append(path.rsplit("/", 1)[-1])
        return real(path, data)

    rendered: list[str] = []
    real_render = render.render_page

    def render_spy(env: Environment, page: render.Page) -> bytes:
        rendered.append(page.path)
        return real_render(env, page)

    assembled: list[int] = []
    real_assemble = assemble.assemble

    def assemble_spy(*args: object) -> object:
        assembled.append(1)
        return real_assemble(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "load_article", spy)
    monkeypatch.setattr(outputs, "render_page", render_spy)
    monkeypatch.setattr(assemble, "assemble", assemble_spy)
    build(content, cache, 1)
    assert loaded == [] and rendered == [] and assembled == []
    (content / "report-07.md").write_text(corpus()["report-07.md"] + "Later.\n")
    build(content, cache, 1)
    assert loaded == ["report-07.md"]
    assert rendered == ["articles/report-07.html"]  # a body edit: that page alone, no assembly
    assert assembled == []
    (content / "report-07.md").write_text(corpus()["report-07.md"].replace("Tuesday", "Monday"))
    build(content, cache, 1)
    assert assembled == [1]  # an event changed: the site is assembled again
    assert "articles/report-07.html" in rendered and "war/index.html" in rendered
    assert "articles/report-06.html" not in rendered  # on the other timeline: lent


def test_an_edited_event_date_changes_the_timeline_page_and_exports(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    cache = tmp_path / "cache"
    before = build(content, cache, 2)
    # Dateline January 24, 2024 is a Wednesday: Tuesday is Jan 23, Monday Jan 22.
    assert events_of(before, "war")["strike-1"] == ("2024-01-23", "2024-01-23")
    text = corpus()["report-01.md"].replace("when: Tuesday", "when: Monday")
    (content / "report-01.md").write_text(text)
    after = build(content, cache, 2)
    assert events_of(after, "war")["strike-1"] == ("2024-01-22", "2024-01-22")
    assert b'datetime="2024-01-22"' in after["war/index.html"]
    for export in ("events.csv", "calendar.ics", "timelinejs.json", "feed.xml"):
        assert after[f"war/{export}"] != before[f"war/{export}"], export
    assert after["talks/events.json"] == before["talks/events.json"]
    assert after == build(content, None, 1)


def test_editing_an_anchor_moves_the_anchored_event_of_another_article(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    cache = tmp_path / "cache"
    before = build(content, cache, 2)
    assert events_of(before, "war")["begin"] == ("2023-10-17", "2023-10-17")  # Oct 7 + 10 days
    (content / "attack.md").write_text(
        corpus()["attack.md"].replace("when: October 7", "when: October 5")
    )
    after = build(content, cache, 2)
    assert events_of(after, "war")["begin"] == ("2023-10-15", "2023-10-15")  # Oct 5 + 10 days
    assert b"2023-10-15" in after["articles/begin.html"]
    assert b"2023-10-15" not in before["articles/begin.html"]
    assert after == build(content, None, 1)


def test_a_template_edit_renders_the_pages_again(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    own = content.parent / "templates"
    own.mkdir()
    bundled = BUNDLED_TEMPLATES / "base.html"
    layout = bundled.read_text(encoding="utf-8")
    (own / "base.html").write_text(layout.replace("built with dateline", "first edition"))
    cache = tmp_path / "cache"
    first = build(content, cache, 2)
    assert b"first edition" in first["articles/report-00.html"]
    (own / "base.html").write_text(layout.replace("built with dateline", "second edition"))
    second = build(content, cache, 2)
    pages = [path for path in second if path.endswith(".html")]
    assert len(pages) > MANY
    for path in pages:
        assert b"second edition" in second[path] and b"first edition" not in second[path], path


def test_a_hand_edited_or_deleted_output_is_made_again(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    cache = tmp_path / "cache"
    expected = build(content, cache, 2)
    site = tmp_path / "site"
    (site / "index.html").write_bytes(b"<p>edited by hand</p>")
    (site / "war" / "events.json").unlink()
    assert build(content, cache, 2) == expected


def test_an_unchanged_site_is_not_touched_at_all(make_content: MakeContent, tmp_path: Path) -> None:
    content = make_content(corpus())
    cache = tmp_path / "cache"
    build(content, cache, 2)
    site = tmp_path / "site"
    inode = site.stat().st_ino
    written, errors = build_into(content, site, pdf=False, jobs=2, cache_dir=cache)
    assert errors == [] and written is not None and written.changed == 0
    assert site.stat().st_ino == inode  # no staging, no swap
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "content", "site"]


def test_a_body_edit_with_the_kept_events_lost_assembles_the_site_again(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    cache = tmp_path / "cache"
    build(content, cache, 2)
    for shard in cache.glob("events-*.json"):
        shard.write_bytes(b"damaged")
    (content / "report-03.md").write_text(corpus()["report-03.md"] + "A new closing line.\n")
    assert build(content, cache, 2) == build(content, None, 1)


def test_only_articles_whose_stamp_changed_are_read_again(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    long_ago = 1_600_000_000
    for path in content.iterdir():
        os.utime(path, (long_ago, long_ago))
    _, first, _ = read_content(content)
    known = {file.path: (file.stamp, file.key) for file in first}
    began = mark_start(tmp_path / "cache")  # as the earlier build did when it began
    (content / "report-01.md").write_text(corpus()["report-01.md"] + "More.\n")
    _, again, _ = read_content(content, known, began)
    unread = {file.path.rsplit("/", 1)[-1] for file in again if file.data is None}
    assert unread == {file.path.rsplit("/", 1)[-1] for file in first} - {"report-01.md"}
    edited = next(file for file in again if file.path.endswith("report-01.md"))
    assert edited.data is not None and edited.key != known[edited.path][1]
    # A file stamped no earlier than the build began may have changed unseen: it is read.
    _, racy, _ = read_content(content, known, long_ago * 1_000_000_000)
    assert all(file.data is not None for file in racy)
