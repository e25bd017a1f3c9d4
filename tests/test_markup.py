"""Article bodies: what survives sanitising, and where the dated phrases get marked."""

from __future__ import annotations

import re
from datetime import date

import markdown
import pytest
from sample_site import IRAQ, KH, WIRE, YEMEN, build_site

from dateline.render.bodies import MARKDOWN_EXTENSIONS, body_html, new_converter
from dateline.render.markup import DatedPhrase, dated_phrases, mark_phrases


def render_markdown(body: str, phrases: tuple[DatedPhrase, ...] | list[DatedPhrase] = ()) -> str:
    """A body as its article page shows it: safe HTML with the dated phrases marked."""
    return mark_phrases(body_html(body), phrases)[0]


TUESDAY = DatedPhrase("kh-strikes", "proxy-attacks", "Tuesday", date(2024, 1, 23))


def marked(event_id: str, timeline: str, start: str, shown: str) -> str:
    return (f'<mark id="at-{event_id}"><a href="../{timeline}/index.html#{event_id}">'
            f'<time datetime="{start}">{shown}</time></a></mark>')


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<style>p { color: red }</style>",
        '<iframe src="https://example.org"></iframe>',
        '<img src="a.png" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<p onmouseover="alert(1)">x</p>',
        '<svg onload="alert(1)"></svg>',
        '<object data="x.swf"></object>',
        '<form action="https://evil.example"><input name="q"></form>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<p style="background: url(javascript:alert(1))">x</p>',
    ],
)
def test_dangerous_html_does_not_survive(hostile: str) -> None:
    """Markup outside the allow-list may show as text, never act: no tag of the page carries it."""
    html = render_markdown(f"Before.\n\n{hostile}\n\nAfter.").lower()
    tags = " ".join(re.findall(r"<[^>]*>", html))  # every "<" of sanitised text is escaped
    for banned in ("<script", "<style", "<iframe", "<svg", "<object", "<form", "<input",
                   "javascript:", "vbscript:", "data:", "onerror", "onload", "onmouseover",
                   "style=", "alert(1)"):
        assert banned not in tags, (hostile, html)
    assert "before." in html and "after." in html


def test_harmless_html_and_markdown_survive() -> None:
    html = render_markdown(
        'Text with <abbr title="Islamic Revolutionary Guard Corps">IRGC</abbr>, **bold** and '
        "*italic*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n"
    )
    assert '<abbr title="Islamic Revolutionary Guard Corps">IRGC</abbr>' in html
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert "<blockquote>" in html


def test_external_links_get_rel_and_relative_ones_do_not() -> None:
    html = render_markdown("[out](https://example.org/a) [in](../b.html) [mail](mailto:x@y.org)")
    assert '<a href="https://example.org/a" rel="noopener noreferrer">out</a>' in html
    assert '<a href="../b.html">in</a>' in html
    assert '<a href="mailto:x@y.org">mail</a>' in html


def test_body_headings_move_below_the_page_title() -> None:
    html = render_markdown("# Top\n\n## Next\n\n###### Deep\n")
    assert "<h2>Top</h2>" in html and "<h3>Next</h3>" in html and "<h6>Deep</h6>" in html
    assert "<h1" not in html


EVERY_INLINE_FORM = (
    "Plain prose on Tuesday, with no inline syntax at all.",
    "Code `x < y` and ``a ` b`` and an escaped \\*star\\* and \\`tick.",
    "Links [a](https://example.org/a \"t\"), [b][r], [r], ![i](p.png) ![j][r] ![r]\n\n"
    "[r]: https://example.org/r",
    "Auto <https://example.org/x> and <someone@example.org>; a break  \nhere.",
    "Inline <abbr title=\"x\">HTML</abbr>, &amp; &#38; &copy; and a bare & sign.",
    "**strong**, *em*, __strong__, _em_, ***both***, snake_case_word and 2 * 3 * 4.",
    "# Head *em*\n\n- item [l](../x.html)\n- `code` item\n\n> quote **b**\n\n| a | *b* |\n"
    "|---|---|\n| `1` | [2](https://example.org) |",
    "Nested **bold [link *em*](https://example.org) tail** and *em `code` em*.",
)


@pytest.mark.parametrize("body", EVERY_INLINE_FORM)
def test_inline_shortcut_converts_like_stock_python_markdown(body: str) -> None:
    """new_converter skips patterns whose trigger a text lacks; the HTML must not change."""
    stock = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    ours = new_converter()
    assert ours.reset().convert(body) == stock.reset().convert(body)
    assert [type(p).__name__ for p in ours.treeprocessors] == [
        type(p).__name__.replace("InlineProcessor", "TriggeredInlineProcessor")
        for p in stock.treeprocessors
    ]
    assert body_html(body, ours) == body_html(body, new_converter())


def test_each_document_starts_fresh() -> None:
    first = render_markdown("[ref]: https://example.org/first\n\nSee [it][ref].")
    second = render_markdown("See [it][ref].")
    assert 'href="https://example.org/first"' in first
    assert "href" not in second


def test_first_occurrence_is_marked_once() -> None:
    html = render_markdown("On Tuesday they struck. Tuesday was busy.", [TUESDAY])
    expected = marked("kh-strikes", "proxy-attacks", "2024-01-23", "Tuesday")
    assert html == f"<p>On {expected} they struck. Tuesday was busy.</p>"


def test_exact_case_wins_over_an_earlier_other_case() -> None:
    html = render_markdown("tuesday in lower case, then Tuesday.", [TUESDAY])
    assert "tuesday in lower case, then " + marked(
        "kh-strikes", "proxy-attacks", "2024-01-23", "Tuesday") in html


def test_other_case_is_marked_when_exact_case_is_missing() -> None:
    html = render_markdown("Late TUESDAY night.", [TUESDAY])
    assert marked("kh-strikes", "proxy-attacks", "2024-01-23", "TUESDAY") in html


def test_never_inside_attributes_links_or_code() -> None:
    body = ('[a link about Tuesday](https://example.org/Tuesday "Tuesday") and `Tuesday` '
            "in code, then Tuesday in text.")
    html = render_markdown(body, [TUESDAY])
    assert 'href="https://example.org/Tuesday"' in html and 'title="Tuesday"' in html
    assert ">a link about Tuesday</a>" in html
    assert "<code>Tuesday</code>" in html
    assert "then " + marked("kh-strikes", "proxy-attacks", "2024-01-23", "Tuesday") in html


def test_whole_words_only() -> None:
    phrase = DatedPhrase("m", "t", "March", date(2024, 3, 1))
    html = render_markdown("Protesters marched. Then in March it ended.", [phrase])
    assert "Protesters marched." in html
    assert "in " + marked("m", "t", "2024-03-01", "March") + " it ended" in html


def test_two_events_with_the_same_wording_take_successive_occurrences() -> None:
    other = DatedPhrase("second", "proxy-attacks", "Tuesday", date(2024, 1, 16))
    html = render_markdown("Tuesday, and again Tuesday.", [TUESDAY, other])
    assert html.index('id="at-kh-strikes"') < html.index('id="at-second"')


def test_phrase_with_special_characters_is_escaped_and_found() -> None:
    phrase = DatedPhrase("q", "t", "Q&A day", date(2024, 1, 2))
    html = render_markdown("It was Q&A day.", [phrase])
    assert marked("q", "t", "2024-01-02", "Q&amp;A day") in html


def test_trailing_aside_is_dropped_when_the_body_words_it_apart() -> None:
    phrase = DatedPhrase("kh", "t", "Tuesday (local time)", date(2024, 1, 23))
    html = render_markdown("Struck on Tuesday, local time.", [phrase])
    assert marked("kh", "t", "2024-01-23", "Tuesday") in html


def test_missing_phrase_leaves_the_body_unchanged() -> None:
    phrase = DatedPhrase("x", "t", "next Friday", date(2024, 1, 26))
    assert render_markdown("Nothing dated here.", [phrase]) == "<p>Nothing dated here.</p>"


def test_dated_phrases_follow_front_matter_and_use_merged_dates() -> None:
    site = build_site()
    events = tuple(event for timeline in site.timelines for event in timeline.events)
    phrases = dated_phrases(IRAQ, events)
    assert [p.event_id for p in phrases] == ["kh-strikes", "al-asad", "attacks-begin"]
    assert phrases[0] == DatedPhrase("kh-strikes", "proxy-attacks", "Tuesday (local time)",
                                     KH.date.start)
    assert [p.text for p in dated_phrases(WIRE, events)] == [
        "Tuesday", "since the beginning of the month"]
    assert {p.timeline for p in dated_phrases(YEMEN, events)} == {"yemen"}


def test_the_longer_phrase_is_marked_first_and_the_shorter_takes_its_own_words() -> None:
    """'on Saturday' inside 'late on Saturday' belongs to the late event, whatever the order
    of the front matter; the shorter phrase finds its own occurrence."""
    vote = DatedPhrase("vote", "t", "late on Saturday", date(2024, 1, 27))
    protest = DatedPhrase("protest", "t", "on Saturday", date(2024, 1, 27))
    html = render_markdown(
        "The vote came late on Saturday. Protests began on Saturday morning.", [protest, vote]
    )
    assert html == (
        "<p>The vote came " + marked("vote", "t", "2024-01-27", "late on Saturday")
        + ". Protests began " + marked("protest", "t", "2024-01-27", "on Saturday")
        + " morning.</p>"
    )


def test_a_shorter_phrase_never_straddles_a_longer_mark() -> None:
    night = DatedPhrase("night", "proxy-attacks", "Tuesday night", date(2024, 1, 23))
    html = render_markdown("Struck on Tuesday night.", [TUESDAY, night])
    assert html == (
        "<p>Struck on " + marked("night", "proxy-attacks", "2024-01-23", "Tuesday night")
        + ".</p>"
    )


@pytest.mark.parametrize("gap", ["\n", "  ", "\n   ", "\t"])
def test_a_phrase_is_found_across_line_breaks_and_spaces(gap: str) -> None:
    phrase = DatedPhrase("freed", "t", "on Monday", date(2021, 3, 29))
    html = render_markdown(f"The ship was freed on{gap}Monday after six days.", [phrase])
    assert 'id="at-freed"' in html
    assert html.count("Monday") == 1


def test_a_phrase_may_start_where_an_earlier_mark_ends() -> None:
    aside = DatedPhrase("aside", "proxy-attacks", "(local time)", date(2024, 1, 23))
    html = render_markdown("Struck on Tuesday(local time).", [TUESDAY, aside])
    assert html == (
        "<p>Struck on " + marked("kh-strikes", "proxy-attacks", "2024-01-23", "Tuesday")
        + marked("aside", "proxy-attacks", "2024-01-23", "(local time)") + ".</p>"
    )
