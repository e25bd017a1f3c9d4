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
from urllib.parse import quote

from dateline.export.common import ExportEvent, Memo, TimelineExport, tag_uri

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
# Characters XML 1.0 cannot carry at all, even escaped: removed from the finished UTF-8 document
# in one pass (C0 controls but tab and line breaks; U+FFFE and U+FFFF), not value by value. Safe
# because every <, & and " of the text is escaped by then, so dropping a character can join text
# but never make markup; only "]]>" in a CDATA section could form, and `xml_cdata` sees to that.
NOT_XML_BYTES = bytes(set(range(0x20)) - {0x09, 0x0A, 0x0D})
NOT_XML_SEQUENCES = ("\ufffe".encode(), "\uffff".encode())
NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SCHEDULED = " (scheduled)"  # in the title of an entry no report has seen happen
# Ids, slugs and tags as `load` allows them need no escaping in an attribute or a tag URI.
PLAIN_NAME = re.compile(r"[A-Za-z0-9._~-]*")


def xml_text(text: str) -> str:
    """Character data with markup characters escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attribute(text: str) -> str:
    """A double-quoted attribute value; whitespace kept as references, so it survives parsing."""
    if PLAIN_NAME.fullmatch(text):
        return text
    text = xml_text(text).replace('"', "&quot;")
    return text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


def xml_cdata(text: str) -> str:
    """Text as a CDATA section; a "]]>" inside is split across two sections."""
    if "]]" in text:  # remove what XML cannot carry first, lest it hide a "]]>"
        text = NOT_XML_CHARACTERS.sub("", text).replace("]]>", "]]]]><![CDATA[>")
    return f"<![CDATA[{text}]]>"


def xml_document(text: str) -> bytes:
    """The document as UTF-8, without the characters XML 1.0 cannot carry."""
    data = text.encode("utf-8").translate(None, NOT_XML_BYTES)
    if b"\xef" in data:  # the lead byte of U+F000-U+FFFF: memchr, where the pair costs a search
        for sequence in NOT_XML_SEQUENCES:  # a lead byte never occurs inside another character
            data = data.replace(sequence, b"")
    return data


def atom_timestamp(day: date) -> str:
    """Midnight UTC of the day: content dates carry no time, RFC 3339 wants one."""
    return f"{day.isoformat()}T00:00:00Z"


class _EntryParts:
    """What entries repeat (timestamps, date leads, tag sets), each written once per feed."""

    def __init__(self, slug: str) -> None:
        self.id_prefix = tag_uri(slug) + "/"
        self.timestamps = Memo(atom_timestamp)
        self.leads = Memo(_date_lead)
        self.categories = Memo(_categories)


def _date_lead(display: str) -> tuple[str, str]:
    """The date as the title's text and as the content's bold HTML lead."""
    return xml_text(display), f"<p><strong>{escape(display)}</strong> "


def _categories(tags: tuple[str, ...]) -> str:
    return "".join([f'    <category term="{xml_attribute(tag)}" />\n' for tag in tags])


def _entry(parts: _EntryParts, item: ExportEvent) -> str:
    """One event's entry; its HTML: date, event, explanation, and the reports it rests on."""
    event = item.event
    what = xml_text(event.what)
    title_lead, html_lead = parts.leads[item.display]
    if PLAIN_NAME.fullmatch(event.id):
        entry_id, href = parts.id_prefix + event.id, "index.html#" + event.id
    else:
        entry_id = parts.id_prefix + quote(event.id, safe="-._~")
        href = xml_attribute("index.html#" + event.id)
    content = f"{html_lead}{item.what_html}</p>{item.notes_html}"
    return (
        "  <entry>\n"
        f"    <id>{entry_id}</id>\n"
        f"    <title>{title_lead}{SCHEDULED if event.status == 'scheduled' else ''}: {what}"
        "</title>\n"
        f"    <updated>{parts.timestamps[item.updated]}</updated>\n"
        f"{_published(item)}"
        f'    <link rel="alternate" href="{href}" />\n'
        f"    <summary>{what}</summary>\n"
        f'    <content type="html">{xml_cdata(content)}</content>\n'
        f"{parts.categories[event.tags]}"
        "  </entry>\n"
    )


def _published(item: ExportEvent) -> str:
    """A timed event's instant as the entry's <published> (RFC 3339, with its offset)."""
    timing = item.event.date.timing
    return "" if timing is None else f"    <published>{timing.start}</published>\n"


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
        f"  <id>{tag_uri(config.slug)}</id>\n"  # percent-encoded: nothing to escape
        f"  <title>{xml_text(config.title)}</title>\n"
        f"{subtitle}"
        f"  <updated>{atom_timestamp(export.updated)}</updated>\n"
        '  <link rel="self" href="feed.xml" />\n'
        '  <link rel="alternate" type="text/html" href="index.html" />\n'
        f"  <author>\n    <name>{xml_text(site_config.title)}</name>\n  </author>\n"
        "  <generator>dateline</generator>\n"
    )
    parts = _EntryParts(config.slug)
    entries = [_entry(parts, item) for item in reversed(export.events)]
    return xml_document(head + "".join(entries) + "</feed>\n")
