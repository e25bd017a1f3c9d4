"""The Atom 1.0 feed (RFC 4287) of a timeline: one entry per event, newest first.

Entry ids are tag URIs (`tag:dateline,2024:<timeline>/<event>`), so a reader that has seen an
event never sees it again as new. Links are relative to the feed (`index.html#<event>`): the site
knows no base URL, and it must work from any sub-path.

The XML is written as text, every value through `xml_text` or `xml_attribute` (ElementTree's
serialiser cost most of the export's time); the entries' HTML goes in a CDATA section, so it is
readable and about a fifth smaller than with every `<` written as `&lt;`.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape

from dateline.export_common import ExportEvent, TimelineExport, tag_uri

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot carry at all, even escaped.
NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def xml_text(text: str) -> str:
    """Character data: markup characters escaped, characters XML cannot carry dropped."""
    if NOT_XML_CHARACTERS.search(text):
        text = NOT_XML_CHARACTERS.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attribute(text: str) -> str:
    """A double-quoted attribute value; whitespace kept as references, so it survives parsing."""
    text = xml_text(text).replace('"', "&quot;")
    return text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


def xml_cdata(text: str) -> str:
    """Text as a CDATA section; a "]]>" inside is split across two sections."""
    if NOT_XML_CHARACTERS.search(text):
        text = NOT_XML_CHARACTERS.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def atom_timestamp(day: date) -> str:
    """Midnight UTC of the day: content dates carry no time, RFC 3339 wants one."""
    return f"{day.isoformat()}T00:00:00Z"


def _entry(slug: str, item: ExportEvent) -> str:
    """One event's entry; its HTML: date, event, explanation, and the reports it rests on."""
    event = item.event
    what = xml_text(event.what)
    content = f"<p><strong>{escape(item.display)}</strong> {item.what_html}</p>{item.notes_html}"
    categories = "".join(
        [f'    <category term="{xml_attribute(tag)}" />\n' for tag in event.tags]
    )
    return (
        "  <entry>\n"
        f"    <id>{xml_text(tag_uri(slug, event.id))}</id>\n"
        f"    <title>{xml_text(item.display)}: {what}</title>\n"
        f"    <updated>{atom_timestamp(item.updated)}</updated>\n"
        f'    <link rel="alternate" href="{xml_attribute("index.html#" + event.id)}" />\n'
        f"    <summary>{what}</summary>\n"
        f'    <content type="html">{xml_cdata(content)}</content>\n'
        f"{categories}"
        "  </entry>\n"
    )


def build_atom_feed(export: TimelineExport) -> bytes:
    """Subscribe to a timeline: every event an entry, the newest first."""
    site_config = export.site.config
    config = export.timeline.config
    subtitle = (
        f"  <subtitle>{xml_text(config.description)}</subtitle>\n" if config.description else ""
    )
    head = (
        XML_DECLARATION
        + f'<feed xmlns="{ATOM_NAMESPACE}" xml:lang="{xml_attribute(site_config.language)}">\n'
        f"  <id>{xml_text(tag_uri(config.slug))}</id>\n"
        f"  <title>{xml_text(config.title)}</title>\n"
        f"{subtitle}"
        f"  <updated>{atom_timestamp(export.updated)}</updated>\n"
        '  <link rel="self" href="feed.xml" />\n'
        '  <link rel="alternate" type="text/html" href="index.html" />\n'
        f"  <author>\n    <name>{xml_text(site_config.title)}</name>\n  </author>\n"
        "  <generator>dateline</generator>\n"
    )
    entries = [_entry(config.slug, item) for item in reversed(export.events)]
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")
