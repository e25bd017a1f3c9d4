"""The one table of date rules: a name, a pattern over normalised text, a builder, and the
words a text the pattern reads can begin with.

Adding a wording is adding a row (and a corpus line). `resolve` tries the rows in order with
`fullmatch`, so a more specific row comes before a more general one; the patterns hold no
anchors, so a later `extract` can run the same rows with `finditer`. A text is tried only on
the rows whose `starts` hold its first word: a row that can begin with a new word must list it
(tests/resolver/test_rules.py writes texts from each pattern and checks). Rows whose pattern
ends in `(?P<inner>.+)` or holds a free `.+` re-read part of the text with the whole table:
they are for `resolve` only (`extract` should skip rows with `greedy=True`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from dateline.dates.builders import days, parts, periods, relative
from dateline.dates.patterns import (
    COUNT,
    COUNT_STARTS,
    DAY,
    DAY_STARTS,
    DIGIT,
    HOLIDAY,
    HOLIDAY_STARTS,
    MONTH,
    MONTH_STARTS,
    QUANTITY,
    SEASON,
    SEASON_STARTS,
    WEEKDAY,
    WEEKDAY_PLURAL,
    WEEKDAY_STARTS,
    YEAR,
    YEAR_STARTS,
    YEAR_WORDS,
    around_day,
    around_day_starts,
    quantity,
    quantity_starts,
)
from dateline.dates.readings import Context, Found, Groups

Builder = Callable[[Groups, Context], Found]


class Rule(NamedTuple):
    name: str
    pattern: str
    build: Builder
    anchored: bool = False  # counts from the event's `anchor:`
    greedy: bool = False  # holds a free `.+`: resolve only, not for running prose
    is_range: bool = False  # never read inside another range (that would recurse without end)
    # What a text the pattern reads can begin with: only its first word counts (see
    # patterns.DIGIT and the *_STARTS lists). A text is tried only on the rows that can start
    # with its first word; None (any first word) tries the row on every text.
    starts: tuple[str, ...] | None = None


DURING_WORDS = ("in", "during", "over", "through", "throughout", "for", "within")
DURING = rf"(?:(?:{'|'.join(DURING_WORDS)}) )?"
MODIFIER_WORDS = ("this past", "this coming", "last", "next", "this", "past", "coming")
MODIFIER = rf"(?P<modifier>{'|'.join(MODIFIER_WORDS)})"
PART = (r"(?:(?:in|during|by|at) )?(?:the )?"
        r"(?P<part>early|mid|late|end|(?:beginning|start|middle|end) of)(?: |-)")
PART_STARTS = ("in", "during", "by", "at", "the", "early", "mid", "late", "end", "beginning",
               "start", "middle")
MONTH_DAY_YEAR = rf"(?P<month>{MONTH}) (?:the )?(?P<day>{DAY})(?:,? (?P<year>{YEAR}))?"
DAY_MONTH_YEAR = rf"(?:the )?(?P<day>{DAY}) (?:of )?(?P<month>{MONTH})(?:,? (?P<year>{YEAR}))?"
AFTER_WORDS = r"(?P<relation>later|after|afterwards|afterward|on|earlier|before|prior|" \
              r"previously|beforehand)"
INLINE_WORDS = r"(?P<relation>after|before|from|following|prior to)"
RANGE_LINK = r"(?: ?- ?| to | through | thru | until | till | and )"

RULES: tuple[Rule, ...] = (
    # Calendar dates, most specific first.
    Rule("ISO timestamp", r"(?P<year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
                          r"t(?P<clock>\d\d:\d\d(?::\d\d(?:\.\d+)?)?)"
                          r"(?P<zone>z|[+-]\d\d(?::?\d\d)?)?\b", days.iso_timestamp,
         starts=(DIGIT,)),
    Rule("ISO date", around_day(r"(?P<year>\d{4})[-/](?P<iso_month>\d{1,2})[-/]"
                                r"(?P<iso_day>\d{1,2})\b"), days.numeric_date,
         starts=around_day_starts(DIGIT)),
    Rule("numeric date", around_day(r"(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)"
                                    r"(?P<year>\d{4})\b"), days.numeric_date,
         starts=around_day_starts(DIGIT)),
    Rule("weekday with date",
         around_day(rf"(?:{MODIFIER} )?(?P<weekday>{WEEKDAY}),? {MONTH_DAY_YEAR}"),
         days.month_day,
         starts=around_day_starts(*MODIFIER_WORDS, *WEEKDAY_STARTS)),
    Rule("weekday with day-first date",
         around_day(rf"(?:{MODIFIER} )?(?P<weekday>{WEEKDAY}),? {DAY_MONTH_YEAR}"),
         days.month_day,
         starts=around_day_starts(*MODIFIER_WORDS, *WEEKDAY_STARTS)),
    Rule("weekday with bracketed date",
         around_day(rf"(?P<weekday>{WEEKDAY}) \({MONTH_DAY_YEAR}\)"), days.month_day,
         starts=around_day_starts(*WEEKDAY_STARTS)),
    Rule("month-day range", rf"(?:from |between )?(?P<month>{MONTH}) (?P<day>{DAY}){RANGE_LINK}"
                            rf"(?P<day2>{DAY})(?:,? (?P<year>{YEAR}))?", parts.month_day_range,
         is_range=True,
         starts=("from", "between", *MONTH_STARTS)),
    Rule("day-first range", rf"(?:from |between )?(?P<day>{DAY}){RANGE_LINK}(?P<day2>{DAY}) "
                            rf"(?:of )?(?P<month>{MONTH})(?:,? (?P<year>{YEAR}))?",
         parts.month_day_range, is_range=True,
         starts=("from", "between", *DAY_STARTS)),
    Rule("cross-month range", rf"(?:from |between )?{MONTH_DAY_YEAR}{RANGE_LINK}"
                              rf"(?P<month2>{MONTH}) (?P<day2>{DAY})(?:,? (?P<year2>{YEAR}))?",
         parts.month_day_range, is_range=True,
         starts=("from", "between", *MONTH_STARTS)),
    Rule("month and day", around_day(MONTH_DAY_YEAR), days.month_day,
         starts=around_day_starts(*MONTH_STARTS)),
    Rule("day and month", around_day(DAY_MONTH_YEAR), days.month_day,
         starts=around_day_starts("the", *DAY_STARTS)),
    Rule("day of the month", around_day(rf"the (?P<day>{DAY})(?: of (?:the|this) month)?"),
         days.day_of_month,
         starts=around_day_starts("the")),
    Rule("holiday", around_day(rf"(?:(?P<modifier>last|next|this) )?(?P<holiday>{HOLIDAY})"
                               rf"(?:,? (?P<year>{YEAR}))?"), days.holiday,
         starts=around_day_starts("last", "next", "this", *HOLIDAY_STARTS)),
    Rule("Easter or Holy Week", rf"{DURING}(?:(?P<modifier>last|next|this) )?(?P<week>easter|holy) "
                                rf"week(?:,? (?P<year>{YEAR}))?", days.church_week,
         starts=(*DURING_WORDS, "last", "next", "this", "easter", "holy")),
    # Days named relative to the reference.
    Rule("deictic day", around_day(
        r"(?P<deictic>the day before yesterday|the day after tomorrow|today|tonight|yesterday|"
        r"tomorrow|last night|earlier today|later today|now|currently|at present|nowadays|"
        r"this (?:morning|afternoon|evening))"), days.deictic_day,
         starts=around_day_starts("the", "today", "tonight", "yesterday", "tomorrow", "last",
                                  "earlier", "later", "now", "currently", "at", "nowadays",
                                  "this")),
    Rule("weekdays ago", rf"(?P<count>{COUNT}) (?P<weekday>{WEEKDAY_PLURAL}) ago",
         days.weekdays_ago,
         starts=COUNT_STARTS),
    Rule("weekday of a named week",
         around_day(rf"(?P<weekday>{WEEKDAY}),? (?:of )?(?P<week>last|this|next|previous) week"),
         days.weekday_in_week,
         starts=around_day_starts(*WEEKDAY_STARTS)),
    Rule("named week, then weekday",
         around_day(rf"(?P<week>last|this|next) week,? (?:on )?(?P<weekday>{WEEKDAY})"),
         days.weekday_in_week,
         starts=around_day_starts("last", "this", "next")),
    Rule("weekday after or before the anchor",
         around_day(rf"the (?P<relation>following|next|previous|preceding) (?P<weekday>{WEEKDAY})"),
         days.weekday_from_anchor, anchored=True,
         starts=around_day_starts("the")),
    Rule("weekday before or after, anchor",
         around_day(rf"the (?P<weekday>{WEEKDAY}) (?P<relation>before|after|prior)"),
         days.weekday_from_anchor, anchored=True,
         starts=around_day_starts("the")),
    Rule("weekday before or after a date",
         rf"the (?P<weekday>{WEEKDAY}) (?P<relation>before|after|following|prior to) (?P<inner>.+)",
         days.weekday_from_anchor, greedy=True,
         starts=("the",)),
    Rule("night into the next day",
         rf"(?:{MODIFIER} )?(?P<weekday>{WEEKDAY}) (?:night|evening|late) into (?:early )?"
         rf"(?P<weekday2>{WEEKDAY})(?: morning)?", days.overnight,
         starts=(*MODIFIER_WORDS, *WEEKDAY_STARTS)),
    Rule("weekday", around_day(rf"(?:{MODIFIER} )?(?P<weekday>{WEEKDAY})"), days.weekday,
         starts=around_day_starts(*MODIFIER_WORDS, *WEEKDAY_STARTS)),
    # Parts of periods (approximate).
    Rule("part of a month", rf"{PART}(?:(?P<modifier>last|this|next) )?(?P<month>{MONTH})"
                            rf"(?:,? (?:of )?(?P<year>{YEAR}))?", parts.part_of_month,
         starts=PART_STARTS),
    Rule("first or last days of a month",
         rf"{DURING}(?:the )?(?P<part>(?:first|last) days of) (?:(?P<modifier>last|this|next) )?"
         rf"(?P<month>{MONTH})(?:,? (?:of )?(?P<year>{YEAR}))?", parts.part_of_month,
         starts=(*DURING_WORDS, "the", "first", "last")),
    Rule("nth week of a month",
         rf"{DURING}the (?P<nth>first|second|third|fourth|last|final) week of "
         rf"(?:(?P<modifier>last|this|next) )?(?P<month>{MONTH})(?:,? (?:of )?(?P<year>{YEAR}))?",
         parts.week_of_month,
         starts=(*DURING_WORDS, "the")),
    Rule("turn of the year", r"(?:(?:at|around|by|over|during|in|until) )?the turn of the year",
         parts.turn_of_year,
         starts=("at", "around", "by", "over", "during", "in", "until", "the")),
    Rule("part of a calendar unit",
         rf"{PART}(?:(?P<modifier>the|this|last|next) )?(?:fiscal )?(?P<unit>week|month|year)",
         parts.part_of_unit,
         starts=PART_STARTS),
    Rule("year-end", rf"{DURING}(?:(?:at|by|before|until) )?(?:the )?(?:(?P<modifier>this|last|"
                     r"next) )?(?:fiscal )?(?P<unit>year)[- ]?(?P<part>end)\b", parts.part_of_unit,
         starts=(*DURING_WORDS, "at", "by", "before", "until", "the", "this", "last", "next",
                 "fiscal", "year", "yearend")),
    Rule("part of a year", rf"{PART}(?P<year>{YEAR})", parts.part_of_year,
         starts=PART_STARTS),
    Rule("part of a season", rf"{DURING}(?:the )?(?P<part>early|mid|late)(?: |-)"
                             rf"(?:{MODIFIER} )?(?P<season>{SEASON})(?:(?: of)? (?P<year>{YEAR}))?",
         parts.part_of_season,
         starts=(*DURING_WORDS, "the", "early", "mid", "late")),
    Rule("part of a decade", rf"{DURING}the (?P<part>early|mid|late)(?: |-)"
                             r"(?:(?P<decade>\d{3}0)s|'(?P<short>\d0)s)\b", parts.part_of_decade,
         starts=(*DURING_WORDS, "the")),
    # Whole periods.
    Rule("month, then named year", rf"{DURING}(?P<month>{MONTH}),? (?:of )?"
                                   r"(?P<year_modifier>last|this|next) year", periods.month,
         starts=(*DURING_WORDS, *MONTH_STARTS)),
    Rule("month", rf"{DURING}(?:{MODIFIER} )?(?P<month>{MONTH})(?:,? (?:of )?(?P<year>{YEAR}))?",
         periods.month,
         starts=(*DURING_WORDS, *MODIFIER_WORDS, *MONTH_STARTS)),
    Rule("fiscal year", rf"{DURING}(?:the )?(?:fiscal|financial|fy)(?: year)? ?(?P<year>{YEAR})",
         periods.fiscal_year,
         starts=(*DURING_WORDS, "the", "fiscal", "financial", "fy")),
    Rule("year of a period", rf"{DURING}the (?P<year>{YEAR}) (?:period|fiscal year)", periods.year,
         starts=(*DURING_WORDS, "the")),
    Rule("short year range", rf"(?:from )?(?P<year>{YEAR})-(?P<short>\d\d)\b(?!-)",
         periods.short_year_range, is_range=True,
         starts=("from", *YEAR_STARTS)),
    Rule("year", rf"{DURING}(?:the year )?(?P<year>{YEAR})", periods.year,
         starts=(*DURING_WORDS, "the", *YEAR_STARTS)),
    Rule("year in words", rf"{DURING}(?:the year )?{YEAR_WORDS}", periods.year_in_words,
         starts=(*DURING_WORDS, "the", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                 "two")),
    Rule("century", rf"{DURING}the (?:(?P<number>1[6-9]|2[01])(?:st|th)|(?P<word>sixteenth|"
                    r"seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)) century",
         periods.century,
         starts=(*DURING_WORDS, "the")),
    Rule("decade", rf"{DURING}the (?:(?P<decade>\d{{3}}0)s|'?(?P<short>\d0)s|"
                   r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
                   r"nineties))\b", periods.decade,
         starts=(*DURING_WORDS, "the")),
    Rule("quarter", rf"{DURING}(?:the )?(?P<ordinal>first|second|third|fourth|final|1st|2nd|3rd|"
                    rf"4th) quarter(?:(?: of)? (?:(?P<year>{YEAR})|(?:the )?"
                    rf"(?P<modifier>last|this|next) year|the year))?(?P<digit>)", periods.quarter,
         starts=(*DURING_WORDS, "the", "first", "second", "third", "fourth", "final", DIGIT)),
    Rule("last quarter of a year", rf"{DURING}the (?P<ordinal>last) quarter of (?:(?P<year>{YEAR})|"
                                   r"(?:the )?(?P<modifier>last|this|next) year|the year)"
                                   r"(?P<digit>)", periods.quarter,
         starts=(*DURING_WORDS, "the")),
    Rule("quarter code", rf"{DURING}q(?P<digit>[1-4])(?:,? (?P<year>{YEAR}))?(?P<ordinal>)",
         periods.quarter,
         starts=(*DURING_WORDS, "q")),
    Rule("year, quarter code", rf"{DURING}(?P<year>{YEAR}) q(?P<digit>[1-4])(?P<ordinal>)",
         periods.quarter,
         starts=(*DURING_WORDS, *YEAR_STARTS)),
    Rule("half year", rf"{DURING}the (?P<half>first|second|1st|2nd|latter) half(?: of "
                      rf"(?:(?P<year>{YEAR})|(?:the )?(?:(?P<modifier>last|this|next) )?"
                      r"(?P<of_year>year)))?",
         periods.half_year,
         starts=(*DURING_WORDS, "the")),
    Rule("half-year code", rf"{DURING}h(?P<half>[12]) (?P<year>{YEAR})", periods.half_year,
         starts=(*DURING_WORDS, "h")),
    Rule("season", rf"{DURING}(?:the )?(?:{MODIFIER} )?(?P<season>{SEASON})"
                   rf"(?:(?: of)? (?P<year>{YEAR}))?", periods.season,
         starts=(*DURING_WORDS, "the", *MODIFIER_WORDS, *SEASON_STARTS)),
    Rule("unit before last", r"the (?P<unit>week|month|year) (?P<twice>before last|after next)",
         periods.calendar_unit,
         starts=("the",)),
    Rule("calendar unit", rf"{DURING}(?P<modifier>this|last|next|the current|current|the coming|"
                          r"this coming) (?:fiscal )?(?P<unit>week|month|year|quarter|decade)",
         periods.calendar_unit,
         starts=(*DURING_WORDS, "this", "last", "next", "the", "current")),
    Rule("partial unit", r"(?P<side>earlier|later) (?:this|in the) (?P<unit>week|month|year)",
         periods.partial_unit,
         starts=("earlier", "later")),
    Rule("weekend", r"(?:(?:over|during|at|on|for) )?(?P<which>this past|this coming|the|this|"
                    r"last|next|past|coming) weekend(?: (?P<twice>before last))?",
         periods.weekend,
         starts=("over", "during", "at", "on", "for", "this", "the", "last", "next", "past",
                 "coming")),
    # Counted from the reference.
    Rule("ago today", rf"{QUANTITY} ago today", relative.ago_to_the_day,
         starts=quantity_starts()),
    Rule("ago", rf"{QUANTITY} ago", relative.ago,
         starts=quantity_starts()),
    Rule("vague ago", r"(?:(?:just|only) )?(?P<unit>hours|days|weeks|months) ago",
         relative.vague_ago,
         starts=("just", "only", "hours", "days", "weeks", "months")),
    Rule("count from now", rf"(?:in )?{QUANTITY} (?:from now|from today|hence)",
         relative.in_future,
         starts=("in", *quantity_starts())),
    Rule("in a count", rf"in {QUANTITY}(?:'s?)?(?: time)?", relative.in_future,
         starts=("in",)),
    Rule("window", rf"{DURING}(?:the )?(?P<modifier>past|last|previous|next|coming) "
                   rf"{QUANTITY}", relative.window,
         starts=(*DURING_WORDS, "the", "past", "last", "previous", "next", "coming")),
    Rule("window of one unit", rf"{DURING}the (?P<modifier>past|last) {quantity(count='?')}",
         relative.window,
         starts=(*DURING_WORDS, "the")),
    Rule("window of about one unit",
         rf"{DURING}the (?P<modifier>next|coming) {quantity(count='?', or_so='')}",
         relative.window,
         starts=(*DURING_WORDS, "the")),
    Rule("hedged length", rf"{DURING}{quantity(hedge='')}", relative.window,
         starts=(*DURING_WORDS, *quantity_starts(hedge=""))),
    Rule("recent", r"(?:(?:in|over|during) )?(?:the )?(?P<modifier>recent|coming) "
                   r"(?P<unit>days|weeks|months)", relative.recent,
         starts=("in", "over", "during", "the", "recent", "coming")),
    Rule("since then", r"(?:ever )?since (?P<inner>then)", relative.since, anchored=True,
         starts=("ever", "since")),
    Rule("since", r"(?:ever )?since (?P<inner>.+)", relative.since, greedy=True,
         starts=("ever", "since")),
    Rule("weekend of", rf"{DURING}the weekend of (?P<inner>.+)", periods.weekend_of, greedy=True,
         starts=(*DURING_WORDS, "the")),
    Rule("week of", rf"{DURING}the week of (?P<inner>.+)", relative.week_of, greedy=True,
         starts=(*DURING_WORDS, "the")),
    # Counted from the anchor, or from a date written inline.
    Rule("count from the anchor", rf"{QUANTITY} {AFTER_WORDS}", relative.from_anchor,
         anchored=True,
         starts=quantity_starts()),
    Rule("count from a date", rf"{QUANTITY} {INLINE_WORDS} (?P<inner>.+)", relative.from_anchor,
         greedy=True,
         starts=quantity_starts()),
    Rule("vague count from the anchor", rf"(?:(?:just|only|some) )?(?P<unit>hours|days|weeks|"
                                        rf"months) {AFTER_WORDS}", relative.vague_from_anchor,
         anchored=True,
         starts=("just", "only", "some", "hours", "days", "weeks", "months")),
    Rule("vague count from a date", rf"(?:(?:just|only|some) )?(?P<unit>hours|days|weeks|months) "
                                    rf"{INLINE_WORDS} (?P<inner>.+)", relative.vague_from_anchor,
         greedy=True,
         starts=("just", "only", "some", "hours", "days", "weeks", "months")),
    Rule("in the days that followed",
         r"(?:in|over|during|within) the (?P<unit>hours|days|weeks|months) "
         r"(?P<following>that followed|that came after|afterwards|afterward|after|following|"
         r"since)", relative.vague_from_anchor, anchored=True,
         starts=("in", "over", "during", "within")),
    Rule("within a vague count",
         r"(?:within|in) (?:a few |just |only )?(?P<unit>hours|days|weeks|months)",
         relative.vague_from_anchor, anchored=True,
         starts=("within", "in")),
    Rule("soon after", r"(?:shortly|soon|immediately|just|right) (?P<relation>after|afterwards|"
                       r"afterward|thereafter|before|beforehand)", relative.soon_after,
         anchored=True,
         starts=("shortly", "soon", "immediately", "just", "right")),
    Rule("soon after a date", r"(?:shortly|soon|immediately|just|right) (?P<relation>after|before)"
                              r" (?P<inner>.+)", relative.soon_after, greedy=True,
         starts=("shortly", "soon", "immediately", "just", "right")),
    Rule("day of the anchor",
         around_day(r"(?:the )?(?P<relation>next|following|previous|preceding|same) "
                    r"(?:day|morning|afternoon|evening|night)"),
         relative.day_from_anchor, anchored=True,
         starts=around_day_starts("the", "next", "following", "previous", "preceding", "same")),
    Rule("that day", around_day(r"(?P<relation>(?:later|earlier) (?:that|in the|on the same|"
                                r"the same)|that|on that) (?:day|morning|afternoon|evening|night)"),
         relative.day_from_anchor, anchored=True,
         starts=around_day_starts("later", "earlier", "that", "on")),
    Rule("the day before", around_day(r"the (?:day|night|evening|morning) (?P<relation>before|"
                                      r"after|prior)"), relative.day_from_anchor, anchored=True,
         starts=around_day_starts("the")),
    Rule("the day before a date", r"the (?:day|night|evening|morning) (?P<relation>before|after|"
                                  r"following|prior to) (?P<inner>.+)", relative.day_from_anchor,
         greedy=True,
         starts=("the",)),
    Rule("unit of the anchor", rf"{DURING}(?P<relation>the following|the next|the previous|"
                               r"the preceding|the same|that) (?P<unit>week|weekend|month|year)",
         periods.unit_of_anchor, anchored=True,
         starts=(*DURING_WORDS, "the", "that")),
    Rule("year-earlier", r"(?:the |a )?(?P<unit>year)[- ](?P<relation>earlier)",
         periods.unit_of_anchor, anchored=True,
         starts=("the", "a", "year")),
    Rule("the full year", rf"{DURING}the (?P<relation>full) (?:fiscal )?(?P<unit>year)",
         periods.unit_of_anchor, anchored=True,
         starts=(*DURING_WORDS, "the")),
    Rule("unit before the anchor", rf"{DURING}the (?P<unit>week|weekend|month|year) "
                                   r"(?P<relation>before|after|prior)",
         periods.unit_of_anchor, anchored=True,
         starts=(*DURING_WORDS, "the")),
    Rule("unit before a date", rf"{DURING}the (?P<unit>week|weekend|month|year) "
                               r"(?P<relation>before|after|following|prior to) (?P<inner>.+)",
         periods.unit_of_anchor, greedy=True,
         starts=(*DURING_WORDS, "the")),
    Rule("part of the anchor's unit", r"(?P<side>later|earlier) (?:that|in that|in the same|"
                                      r"the same) (?P<unit>week|month|year)",
         relative.part_of_anchor_unit, anchored=True,
         starts=("later", "earlier")),
    Rule("hedged date", r"(?:around|about|approximately|roughly|circa|c\.|some time around|"
                        r"sometime around|on or about) (?P<inner>.+)", relative.hedged,
         greedy=True,
         starts=("around", "about", "approximately", "roughly", "circa", "c", "some", "sometime",
                 "on")),
    Rule("possessive", r"(?P<inner>.+?)'s(?P<noun>(?: [a-z][a-z-]*){0,3})", relative.possessive,
         greedy=True),
    # Ranges of two expressions: last, so every single form is tried first.
    Rule("range", r"between (?P<between>.+ and .+)|from (?P<from>.+(?: to | until | till | "
                  r"through | thru |-).+)|(?P<plain>.+(?: to | until | till | through | thru |-)"
                  r".+)", parts.general_range, greedy=True, is_range=True),
)
