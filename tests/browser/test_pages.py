"""The built example site as a reader meets it in headless Chromium (accessible, linked,
script-free, printable), and the PDF brief as a reader reads it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from browser_env import AXE_SCRIPT, REPO, require_axe, require_poppler

TIMELINE = "proxy-attacks"
PAGE_KINDS = {
    "home": "index.html",
    "timeline": f"{TIMELINE}/index.html",
    "article": "articles/2024-01-24-us-strikes-kataib-hezbollah.html",
    "tag": "tags/iraq.html",
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# WCAG contrast of an element's text against the first opaque background behind it, for the nodes
# axe reports as "incomplete" (it gives up when an ancestor has a ::before/::after). Colours are
# normalised through a canvas so any CSS colour syntax works.
CONTRAST_JS = """(el) => {
  const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  const rgba = (css) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    const bg = rgba(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  let back = [255, 255, 255];
  for (const layer of layers.reverse()) back = over(layer, back);
  const fore = over(rgba(getComputedStyle(el).color), back);
  const lum = (c) => { const [r, g, b] = c.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [hi, lo] = [lum(fore), lum(back)].sort((a, b) => b - a);
  const style = getComputedStyle(el); const px = parseFloat(style.fontSize);
  const large = px >= 24 || (px >= 18.66 && parseInt(style.fontWeight) >= 700);
  return {ratio: (hi + 0.05) / (lo + 0.05), needed: large ? 3 : 4.5};
}"""


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


def hidden_in_layout(page: Any, selector: str) -> bool:
    """True when the element or an ancestor computes to display: none."""
    return bool(
        page.eval_on_selector(
            selector,
            """(el) => { for (let n = el; n; n = n.parentElement)
                 if (getComputedStyle(n).display === 'none') return true; return false; }""",
        )
    )


@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violations(
    browser: Any, site_url: str, scheme: str, viewport: str, kind: str
) -> None:
    require_axe()
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(site_url + PAGE_KINDS[kind])
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations', 'incomplete']})", AXE_TAGS
    )
    undecided = [
        target
        for check in results["incomplete"]
        if check["id"] == "color-contrast"
        for target in (node["target"][0] for node in check["nodes"])
    ]
    too_faint = []
    for target in undecided:
        contrast = page.eval_on_selector(target, CONTRAST_JS)
        if contrast["ratio"] < contrast["needed"]:
            too_faint.append(f"{target}: {contrast['ratio']:.2f} < {contrast['needed']}")
    context.close()
    assert results["violations"] == [], describe_violations(results["violations"])
    assert too_faint == [], "contrast axe could not decide, measured here:\n" + "\n".join(too_faint)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_skip_link_is_first_stop_and_visibly_focused(browser: Any, site: Path, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto((site / PAGE_KINDS["timeline"]).as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
             const style = getComputedStyle(el);
             return {href: el.getAttribute('href'), top: box.top, bottom: box.bottom,
                     outline: style.outlineStyle, width: parseFloat(style.outlineWidth)}; }"""
    )
    page.keyboard.press("Enter")
    target = page.evaluate("() => location.hash")
    context.close()
    assert focused["href"] == "#main"
    assert 0 <= focused["top"] and focused["bottom"] <= VIEWPORTS["phone"]["height"], focused
    assert focused["outline"] != "none" and focused["width"] >= 2, focused
    assert target == "#main"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_pages_work_from_file_urls(browser: Any, site: Path, kind: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto("about:blank")
    default_font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    page.goto((site / PAGE_KINDS[kind]).as_uri())
    sheets = page.evaluate("() => document.styleSheets.length")
    font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    skip_link_position = page.eval_on_selector(
        "a[href='#main']", "(a) => getComputedStyle(a).position"
    )
    hrefs = page.eval_on_selector_all("a[href], link[href]", "(els) => els.map(e => e.href)")
    context.close()
    assert sheets >= 1
    assert font != default_font, "the stylesheet did not apply"
    assert skip_link_position != "static", "the skip link is not styled out of the flow"
    broken = [
        href
        for href in hrefs
        if href.startswith("file:")
        and not Path(unquote(urlsplit(urldefrag(href).url).path)).is_file()
    ]
    assert broken == [], f"links from {PAGE_KINDS[kind]} to missing files (or directories)"


def test_every_page_is_reachable_over_http_from_a_sub_path(
    browser: Any, site: Path, site_url: str
) -> None:
    """Crawl from the home page, following relative links; check each file and #fragment."""
    context = browser.new_context()
    page = context.new_page()
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str, str]] = []  # (page, href as written, resolved url)
    queue = [site_url + "index.html"]
    while queue:
        url = queue.pop()
        if url in ids:
            continue
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        ids[url] = set(page.eval_on_selector_all("[id]", "(els) => els.map(e => e.id)"))
        found = page.eval_on_selector_all(
            "a[href], link[href]", "(els) => els.map(e => [e.getAttribute('href'), e.href])"
        )
        for written, resolved in found:
            if urlsplit(written).scheme or written.startswith("//"):
                continue
            links.append((url, written, resolved))
            target = urldefrag(resolved).url
            if target.endswith(".html") and target not in ids:
                queue.append(target)
    problems = []
    for origin, written, resolved in links:
        target, fragment = urldefrag(resolved)
        where = f"{origin.removeprefix(site_url)}: {written}"
        if written.startswith("/"):
            problems.append(f"{where} is root-absolute, breaks under a sub-path")
        elif not target.startswith(site_url) or target.endswith("/"):
            problems.append(f"{where} leaves the site or points to a directory")
        elif context.request.get(target).status != 200:
            problems.append(f"{where} is not found")
        elif fragment and target.endswith(".html") and fragment not in ids.get(target, set()):
            problems.append(f"{where} names no element on its page")
    built = {f"{site_url}{p.relative_to(site).as_posix()}" for p in site.rglob("*.html")}
    context.close()
    assert problems == []
    assert built - set(ids) == set(), "pages no link leads to"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_pages_need_no_javascript(browser: Any, site: Path, kind: str) -> None:
    url = (site / PAGE_KINDS[kind]).as_uri()
    texts = {}
    for enabled in (True, False):
        context = browser.new_context(java_script_enabled=enabled)
        page = context.new_page()
        page.goto(url)
        texts[enabled] = page.inner_text("body")
        scripts = page.eval_on_selector_all("script", "(els) => els.map(e => e.type)")
        context.close()
        assert set(scripts) <= {"application/ld+json"}, "a page runs a script"
    assert texts[True] == texts[False]


def test_timeline_without_javascript_shows_events_and_opens_explanations(
    browser: Any, site: Path
) -> None:
    events = json.loads((site / TIMELINE / "events.json").read_text(encoding="utf-8"))["events"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / PAGE_KINDS["timeline"]).as_uri())
    for event in events:
        assert page.locator(f"li[id='{event['id']}']").is_visible(), event["id"]
        assert page.get_by_text(event["what"], exact=False).first.is_visible(), event["id"]
    first = page.locator(f"li[id='{events[0]['id']}'] details")
    explanation = first.locator("p").first
    assert not explanation.is_visible()
    first.locator("summary").click()
    assert first.evaluate("(d) => d.open")
    assert explanation.is_visible()
    assert explanation.inner_text().strip() != ""
    context.close()


def test_print_hides_navigation_and_chromium_prints_the_timeline(
    browser: Any, site: Path, tmp_path: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / PAGE_KINDS["timeline"]).as_uri())
    assert not hidden_in_layout(page, "a[href='#main']")
    page.emulate_media(media="print")
    assert hidden_in_layout(page, "a[href='#main']"), "skip link printed"
    assert hidden_in_layout(page, "header nav"), "site navigation printed"
    assert not hidden_in_layout(page, "main ol li"), "events hidden in print"
    pdf = page.pdf(format="A4")
    context.close()
    assert pdf.startswith(b"%PDF-")
    require_poppler()
    printed = tmp_path / "timeline.pdf"
    printed.write_bytes(pdf)
    assert int(pdf_info(printed)["Pages"]) >= 1


def pdf_info(path: Path) -> dict[str, str]:
    output = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout
    fields = (line.partition(":") for line in output.splitlines())
    return {key.strip(): value.strip() for key, _, value in fields}


def pdf_text(path: Path, *pages: str) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_brief_lists_events_in_chronological_order(site: Path) -> None:
    require_poppler()
    events = json.loads((site / TIMELINE / "events.json").read_text(encoding="utf-8"))["events"]
    by_date = sorted(
        events, key=lambda e: (e["start"], e["end"])
    )  # days and, for timed events, date-times of one zone: ISO text sorts as time does
    assert [e["start"] for e in events] == [e["start"] for e in by_date], "events.json out of order"
    # A line that breaks after a hyphen ("Al-" / "Asad") reads as one word.
    text = re.sub(r"-\n\s*", "-", pdf_text(site / TIMELINE / "brief.pdf"))
    flat = " ".join(text.split())
    positions = []
    for event in events:
        words = " ".join(event["what"].split())
        assert words in flat, f"{event['id']} missing from the brief"
        positions.append(flat.index(words))
    assert positions == sorted(positions)


def test_brief_footer_counts_pages_and_page_one_renders(site: Path, tmp_path: Path) -> None:
    require_poppler()
    from PIL import Image

    brief = site / TIMELINE / "brief.pdf"
    info = pdf_info(brief)
    pages = int(info["Pages"])
    assert pages >= 1
    assert info["Page size"].endswith("(A4)"), info["Page size"]  # A4 unless `paper: letter`
    assert f"Page 1 of {pages}" in pdf_text(brief, "-f", "1", "-l", "1")
    assert f"Page {pages} of {pages}" in pdf_text(brief, "-f", str(pages), "-l", str(pages))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(brief), str(tmp_path / "page")],
        check=True,
    )
    (picture,) = tmp_path.glob("page*.png")
    with Image.open(picture) as image:
        grey = image.convert("L")
        width, height = grey.size
        inked = sum(grey.histogram()[:128])
    assert inked > 500, "page 1 renders blank"


# Every box inside a page's column (.wrap) ends inside the column's padding, wherever the text
# would run on.
OVERFLOWING_JS = """() => Array.from(document.querySelectorAll('.wrap *'))
  .filter(el => getComputedStyle(el).display !== 'none')
  .filter(el => {
    const wrap = el.closest('.wrap');
    const padding = parseFloat(getComputedStyle(wrap).paddingRight);
    return el.getBoundingClientRect().right > wrap.getBoundingClientRect().right - padding + 0.5;
  })
  .map(el => el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 40))"""


def test_long_timeline_titles_wrap_on_a_phone(browser: Any, tmp_path: Path) -> None:
    """A desk's timeline names are long ("Sri Lanka's economic collapse and default, 2022"):
    on a 390-pixel phone the navigation wraps them inside the page's margins."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    config = (content / "site.yaml").read_text(encoding="utf-8")
    long_title = "Attacks on United States forces across Iraq, Syria and Jordan, 2023-24"
    (content / "site.yaml").write_text(
        config.replace("title: Attacks on US forces, 2023-24", f"title: {long_title}"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--content", str(content), "--out", str(site),
         "--no-pdf"],
        check=True, capture_output=True,
    )
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    overflowing = {}
    for kind, name in PAGE_KINDS.items():
        page.goto((site / name).as_uri())
        assert long_title in page.inner_text("nav"), kind
        overflowing[kind] = page.evaluate(OVERFLOWING_JS)
    context.close()
    assert overflowing == {kind: [] for kind in PAGE_KINDS}


# A date lead whose text runs wider than its own box spills under the timeline's line and dot.
SPILLING_LEADS_JS = """() => Array.from(document.querySelectorAll('.event-lead'))
  .filter(el => el.scrollWidth > el.clientWidth + 1
               || Array.from(el.querySelectorAll('*')).some(
                    child => child.getBoundingClientRect().right
                             > el.getBoundingClientRect().right + 0.5))
  .map(el => el.textContent.trim())"""


def test_long_dates_and_labels_stay_in_the_date_column(browser: Any, tmp_path: Path) -> None:
    """The long style's "Wednesday 27 September 2023" and a scheduled event's label, at a
    desktop width where dates have a column of their own beside the line."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yaml").write_text(
        "title: Desk\ntimelines:\n  quake:\n    title: Quake\n    date_style: long\n",
        encoding="utf-8",
    )
    (content / "a.md").write_text(
        "---\ntitle: Aftershocks go on\ndateline: \"ANTAKYA, Turkey, Sept. 27\"\n"
        "published: 2023-09-27\ntimeline: quake\nevents:\n"
        "  - id: aftershock\n    when: Wednesday\n    what: A strong aftershock.\n"
        "  - id: inquiry\n    when: next Wednesday\n    direction: future\n"
        "    what: An inquiry reports.\n---\n\nA strong aftershock hit on Wednesday.\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--content", str(content), "--out", str(site),
         "--no-pdf"],
        check=True, capture_output=True,
    )
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto((site / "quake" / "index.html").as_uri())
    leads = page.inner_text("main")
    spilling = page.evaluate(SPILLING_LEADS_JS)
    context.close()
    assert "Wednesday 27 September 2023" in leads and "scheduled" in leads
    assert spilling == []
