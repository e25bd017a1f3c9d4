"""The `timezone:` field of site.yaml and front matter, and the zone an article's times take."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from dateline.dates.gazetteer import city_of
from dateline.dates.places import dateline_place
from dateline.dates.timing import states_time
from dateline.dates.zones import UnknownZone, checked_zone
from dateline.load.yamldoc import YamlProblem, text


def zone_name(node: yaml.Node) -> str:
    """A `timezone:` value: an IANA name, refused with the closest names when it is none."""
    value = text(node)
    try:
        return checked_zone(value)
    except UnknownZone as problem:
        raise YamlProblem(node, problem.message, problem.hint) from None


NO_TIMES = "no event of the article states a time of day"


def article_zone(dateline: str, given: str | None) -> tuple[str | None, str | None, str]:
    """(the dateline's place, the article's zone, how the zone was chosen). The front matter's
    `timezone:` wins; else the gazetteer's zone for the dateline's city; else None, and the
    site's default may still apply when the site is assembled."""
    place = dateline_place(dateline)
    where = place.label() if place else None
    if given is not None:
        return where, given, f"the article's timezone, {given}"
    if place is None:
        return None, None, "the dateline names no place"
    city = city_of(place)
    if city is None:
        return where, None, f'the gazetteer knows no city "{where}"'
    return city.label(), city.zone, f"{city.label()} keeps {city.zone} time"


def zone_if_needed(
    dateline: str, given: str | None, whens: Sequence[str]
) -> tuple[str | None, str | None, str]:
    """`article_zone` where an event states a time of day (or a zone is given); else the place
    as written and no zone: days need none, and the gazetteer costs half a second a process."""
    if given is not None or any(states_time(when) for when in whens):
        return article_zone(dateline, given)
    place = dateline_place(dateline)
    return (place.label() if place else None), None, NO_TIMES
