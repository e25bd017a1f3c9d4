"""The Atom 1.0 feed (RFC 4287) of a timeline: one entry per event, newest first.

Entry ids are tag URIs (`tag:dateline,2024:<timeline>/<event>`), so a reader that has seen an
event never sees it again as new. Links are relative to the feed (`index.html#<event>`): the site
knows no base URL, and it must work from any sub-path.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import date
from html import escape

from dateline.display import format_date
from dateline.export_common import (
    event_updated,
    published_dates,
    sources_html,
    tag_uri,
    timeline_updated,
)
from dateline.model import Event, Site, Timeline

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot carry at all, even escaped.
NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def atom_timestamp(day: date) -> str:
    """Midnight UTC of the day: content dates carry no time, RFC 3339 wants one."""
    return f"{day.isoformat()}T00:00:00Z"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = NOT_XML_CHARACTERS.sub("", text)
    return element


def _entry_content(event: Event, display: str) -> str:
    """The entry's HTML: date, event, explanation, and the reports it rests on."""
    return (
        f"<p><strong>{escape(display)}</strong> {escape(event.what)}</p>"
        f"<p>{escape(event.date.explanation)}</p>" + sources_html(event)
    )


def _add_entry(
    feed: ET.Element, site: Site, timeline: Timeline, event: Event, published: Mapping[str, date]
) -> None:
    display = format_date(event.date, timeline.config.date_style)
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", tag_uri(timeline.config.slug, event.id))
    _text(entry, "title", f"{display}: {event.what}")
    _text(entry, "updated", atom_timestamp(event_updated(site, timeline, event, published)))
    ET.SubElement(entry, "link", {"rel": "alternate", "href": f"index.html#{event.id}"})
    _text(entry, "summary", event.what)
    _text(entry, "content", _entry_content(event, display), type="html")
    for tag in event.tags:
        ET.SubElement(entry, "category", {"term": tag})


def build_atom_feed(site: Site, timeline: Timeline) -> bytes:
    """Subscribe to a timeline: every event an entry, the newest first."""
    config = timeline.config
    feed = ET.Element("feed", {"xmlns": ATOM_NAMESPACE, XML_LANG: site.config.language})
    _text(feed, "id", tag_uri(config.slug))
    _text(feed, "title", config.title)
    if config.description:
        _text(feed, "subtitle", config.description)
    _text(feed, "updated", atom_timestamp(timeline_updated(site, timeline)))
    ET.SubElement(feed, "link", {"rel": "self", "href": "feed.xml"})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": "index.html"})
    author = ET.SubElement(feed, "author")
    _text(author, "name", site.config.title)
    _text(feed, "generator", "dateline")
    published = published_dates(site)
    for event in sorted(timeline.events, key=lambda event: event.sort_key, reverse=True):
        _add_entry(feed, site, timeline, event, published)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
