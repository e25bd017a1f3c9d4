"""site.yaml: the site's title, language and timelines, checked field by field."""

from __future__ import annotations

import yaml

from dateline.errors import ContentError
from dateline.load.document import Collector, decode, open_mapping
from dateline.load.fields import SITE_KEYS, SLUG, SLUG_RULE, TIMELINE_KEYS
from dateline.load.timezone import zone_name
from dateline.load.yamldoc import Fields, Source, choice, mapping_items, text
from dateline.model import DateStyle, Order, Paper, SiteConfig, TimelineConfig

ORDERS: dict[str, Order] = {"oldest-first": "oldest-first", "newest-first": "newest-first"}
DATE_STYLES: dict[str, DateStyle] = {"ap": "ap", "iso": "iso", "long": "long"}
PAPERS: dict[str, Paper] = {"a4": "a4", "letter": "letter"}



def load_site_config(path: str, data: bytes) -> tuple[SiteConfig | None, list[ContentError]]:
    content, problem = decode(path, data)
    if content is None:
        return None, [problem] if problem else []
    source = Source(path, tuple(content.split("\n")), 1)
    opened = open_mapping(source, content, "site.yaml", SITE_KEYS)
    if isinstance(opened, list):
        return None, opened
    collect, node, fields = opened
    title = collect.read(lambda: fields.required("title", text))
    language = collect.read(lambda: fields.optional("language", text)) or "en"
    timezone = collect.read(lambda: fields.optional("timezone", zone_name))
    timelines_node = fields.values.get("timelines")
    timelines: list[TimelineConfig] = []
    if timelines_node is None:
        collect.errors.append(
            source.error(node, "site.yaml lists no timelines", 'add "timelines:"')
        )
    else:
        items = collect.read(lambda: mapping_items(timelines_node, "timelines")) or []
        seen_folded: dict[str, str] = {}
        for key, value in items:
            slug = key.value
            if not SLUG.fullmatch(slug):
                collect.errors.append(
                    source.error(key, f'"{slug[:80]}" cannot name a timeline', SLUG_RULE)
                )
                continue
            if slug.casefold() in seen_folded:
                collect.errors.append(source.error(key, f'timeline "{slug}" is listed twice'))
                continue
            seen_folded[slug.casefold()] = slug
            config = _timeline(slug, value, collect)
            if config is not None:
                timelines.append(config)
    if collect.errors or title is None:
        return None, collect.errors
    return SiteConfig(title, language, tuple(timelines), timezone), []


def _timeline(slug: str, node: yaml.Node, collect: Collector) -> TimelineConfig | None:
    """One timeline's settings, each field checked on its own so every problem is reported."""
    fields = collect.read(lambda: Fields(node, f'timeline "{slug}"', TIMELINE_KEYS))
    if fields is None:
        return None
    before = len(collect.errors)
    title = collect.read(lambda: fields.required("title", text))
    description = collect.read(lambda: fields.optional("description", text))
    order = collect.read(lambda: fields.optional("order", choice(ORDERS)))
    date_style = collect.read(lambda: fields.optional("date_style", choice(DATE_STYLES)))
    paper = collect.read(lambda: fields.optional("paper", choice(PAPERS)))
    if len(collect.errors) > before or title is None:
        return None
    return TimelineConfig(
        slug=slug,
        title=title,
        description=description,
        order=order or "oldest-first",
        date_style=date_style or "ap",
        paper=paper or "a4",
    )
