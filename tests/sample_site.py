"""A small hand-built Site for the page tests: two timelines, a merged event with two sources,
approximate dates, a span, tags, and hostile HTML where content may carry it."""

from __future__ import annotations

from datetime import date

from dateline.model import (
    Article,
    DateStyle,
    Event,
    EventSpec,
    Granularity,
    Order,
    Position,
    ResolvedDate,
    Site,
    SiteConfig,
    SourceRef,
    Timeline,
    TimelineConfig,
)

HOSTILE_BODY = """\
# What happened

US aircraft struck three sites on Tuesday (local time), officials said. The strikes followed
a missile attack on Al-Asad Air Base over the weekend.

<script>alert("body")</script>
<img src="https://example.org/map.png" alt="map" onerror="alert('img')">
<a href="javascript:alert('link')">a bad link</a> and [a good one](https://example.org/more).
<iframe src="https://example.org/frame">framed</iframe>
<style>body { display: none }</style>
<p onclick="alert('p')" style="color: red">Styled paragraph.</p>

Attacks on US forces in the region began roughly 10 days after the October 7 attack.
"""

SECOND_BODY = """\
Officials confirmed that the strikes on Tuesday hit three facilities.
Fighting had intensified since the beginning of the month.
"""

YEMEN_BODY = """\
US and British forces struck Houthi targets late Thursday. Tensions had risen for weeks.
"""


def pos(path: str, line: int, source_line: str) -> Position:
    return Position(path, line, 11, source_line)


def spec(path: str, line: int, event_id: str, when: str, what: str) -> EventSpec:
    return EventSpec(
        id=event_id, when=when, what=what, anchor=None, direction="past", quote=None,
        at=pos(path, line, f"    when: {when}"), id_at=pos(path, line - 1, f"  - id: {event_id}"),
        anchor_at=None,
    )


def resolved(
    start: date, end: date, granularity: Granularity, approximate: bool, explanation: str
) -> ResolvedDate:
    return ResolvedDate(start, end, granularity, approximate, start.isoformat(), explanation)


def article(
    stem: str, title: str, dateline: str, published: date, timeline: str,
    tags: tuple[str, ...], events: tuple[EventSpec, ...], body: str,
    source: str | None = "Example Wire", url: str | None = None,
) -> Article:
    return Article(
        path=f"content/{stem}.md", stem=stem, title=title, dateline=dateline,
        published=published, reference=published, reference_note="from the dateline",
        source=source, url=url, timeline=timeline, tags=tags, events=events, body=body,
        body_line=12,
    )


IRAQ = article(
    "2024-01-24-iraq", "US strikes <b>militia</b> sites & depots in Iraq",
    "BAGHDAD [Iraq], January 24", date(2024, 1, 24), "proxy-attacks", ("iraq", "strikes"),
    (
        spec("content/2024-01-24-iraq.md", 9, "kh-strikes", "Tuesday (local time)",
             "US aircraft strike three militia sites."),
        spec("content/2024-01-24-iraq.md", 12, "al-asad", "over the weekend",
             "Missiles hit Al-Asad Air Base."),
        spec("content/2024-01-24-iraq.md", 15, "attacks-begin", "roughly 10 days after",
             "Attacks on US forces begin."),
    ),
    HOSTILE_BODY, url="https://example.org/iraq?a=1&b=2",
)
WIRE = article(
    "2024-01-25-wire", "Pentagon confirms strikes", "WASHINGTON \u2014", date(2024, 1, 25),
    "proxy-attacks", ("strikes",),
    (
        spec("content/2024-01-25-wire.md", 9, "kh-strikes", "Tuesday",
             "US aircraft strike three militia sites."),
        spec("content/2024-01-25-wire.md", 12, "fighting", "since the beginning of the month",
             "Fighting intensifies."),
    ),
    SECOND_BODY, source=None,
)
YEMEN = article(
    "2024-01-12-yemen", "Strikes on Houthi targets", "SANAA, Jan. 12", date(2024, 1, 12),
    "yemen", ("yemen", "strikes"),
    (
        spec("content/2024-01-12-yemen.md", 9, "houthi-strikes", "late Thursday",
             "US and British forces strike Houthi targets."),
        spec("content/2024-01-12-yemen.md", 12, "tensions", "December",
             "Tensions rise in the Red Sea."),
    ),
    YEMEN_BODY, url="https://example.org/yemen",
)


def source(art: Article, when: str, line: int) -> SourceRef:
    return SourceRef(art.stem, art.path, art.title, art.source, art.url, when, line)


KH = Event(
    "kh-strikes", "proxy-attacks",
    resolved(date(2024, 1, 23), date(2024, 1, 23), "day", False,
             "Tuesday: the latest Tuesday on or before the reference, Wed 24 Jan 2024"),
    "US aircraft strike three militia sites <script>x</script>.",
    (source(IRAQ, "Tuesday (local time)", 9), source(WIRE, "Tuesday", 9)),
    ("iraq", "strikes"), "We struck \u201cthree\u201d sites.",
)
AL_ASAD = Event(
    "al-asad", "proxy-attacks",
    resolved(date(2024, 1, 20), date(2024, 1, 21), "weekend", False,
             "over the weekend: the latest weekend that began on or before Wed 24 Jan 2024"),
    "Missiles hit Al-Asad Air Base.", (source(IRAQ, "over the weekend", 12),), ("iraq",), None,
)
BEGIN = Event(
    "attacks-begin", "proxy-attacks",
    resolved(date(2023, 10, 15), date(2023, 10, 19), "range", True,
             "roughly 10 days after: Tue 17 Oct 2023, widened by about a fifth either side"),
    "Attacks on US forces begin.", (source(IRAQ, "roughly 10 days after", 15),), (), None,
)
FIGHTING = Event(
    "fighting", "proxy-attacks",
    resolved(date(2024, 1, 1), date(2024, 1, 10), "range", True,
             "since the beginning of the month: the first 10 days of January 2024"),
    "Fighting intensifies.", (source(WIRE, "since the beginning of the month", 12),), (), None,
)
HOUTHI = Event(
    "houthi-strikes", "yemen",
    resolved(date(2024, 1, 11), date(2024, 1, 11), "day", False,
             "late Thursday: the latest Thursday on or before the reference, Fri 12 Jan 2024"),
    "US and British forces strike Houthi targets.", (source(YEMEN, "late Thursday", 9),),
    ("yemen", "strikes"), None,
)
TENSIONS = Event(
    "tensions", "yemen",
    resolved(date(2023, 12, 1), date(2023, 12, 31), "month", False,
             "December: the closest December to Fri 12 Jan 2024"),
    "Tensions rise in the Red Sea.", (source(YEMEN, "December", 12),), ("yemen",), None,
)


def timeline_config(
    slug: str, title: str, order: Order, style: DateStyle, description: str | None
) -> TimelineConfig:
    return TimelineConfig(slug, title, description, order, style, "a4")


def build_site() -> Site:
    proxy = Timeline(
        timeline_config("proxy-attacks", "Attacks on US forces, 2023\u201324", "oldest-first",
                        "ap", "Strikes & counter-strikes <em>reported</em> by the desk."),
        tuple(sorted((KH, AL_ASAD, BEGIN, FIGHTING), key=lambda e: e.sort_key)),
        date(2024, 1, 25),
    )
    yemen = Timeline(
        timeline_config("yemen", "Red Sea and Yemen", "newest-first", "long", None),
        (TENSIONS, HOUTHI),
        date(2024, 1, 12),
    )
    config = SiteConfig("Regional desk", "en", (proxy.config, yemen.config))
    return Site(config, (proxy, yemen), (YEMEN, IRAQ, WIRE), date(2024, 1, 25))
