"""The pages in a real browser: Debian's chromium driven by Playwright, against the real service (uvicorn on
127.0.0.1) serving the shipped arms A and B, plus the tiny test arm where two arms must disagree.

Each check compares what the page shows with what the API answers for the same input, so nothing here is
a fixed expected output. Screenshots of each state go to results/ui/ (``ADDRNET_UI_SHOTS`` overrides).
``make test-ui`` (and ``make pytest``) install chromium first when it is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("ADDRNET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("ADDRNET_UI_SHOTS", ROOT / "results" / "ui"))
TOKEN = "ui-test-operator-token"

US = "1600 Pennsylvania Ave NW, Washington, DC 20500"
DE = "Unter den Linden 77, 10117 Berlin, Deutschland"
INTERSECTION = "Main St & 2nd Ave, Springfield, IL"
MORE = ["6424 Simms Street, Arvada, CO", "corner of 5th ave and 42nd st new york"]


def _sqlite_copy(url: str, dest: Path) -> str:
    """A private copy of the session's small gazetteer, so this module's shadow events touch no other test."""
    shutil.copyfile(url.removeprefix("sqlite:///"), dest)
    return f"sqlite:///{dest}"


@pytest.fixture(scope="module")
def ui_arms(tiny_arms_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped arms A and B beside the tiny test arm (which disagrees with A on most addresses)."""
    arms = tmp_path_factory.mktemp("ui_arms")
    for name, src in (("A", ROOT / "artifacts/arms/A"), ("B", ROOT / "artifacts/arms/B"), ("tiny", tiny_arms_dir / "tiny")):
        (arms / name).symlink_to(src.resolve(), target_is_directory=True)
    return arms


@pytest.fixture(scope="module")
def ui_server(server_factory: Callable[..., str], small_gazetteer: str, ui_arms: Path,
              tmp_path_factory: pytest.TempPathFactory) -> str:
    db = _sqlite_copy(small_gazetteer, tmp_path_factory.mktemp("ui_db") / "gazetteer.sqlite")
    return server_factory(arms_dir=str(ui_arms), primary_arm="A", shadow_arm="B", database_url=db,
                          results_dir=str(ROOT / "results/release"), admin_token=TOKEN, shadow_store_text="1")


@pytest.fixture(scope="module")
def broken_server(server_factory: Callable[..., str], ui_arms: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """No reachable gazetteer (so /resolve is 503) and a 400-byte body limit (so a long line is 413)."""
    missing = tmp_path_factory.mktemp("no_db") / "missing" / "gazetteer.sqlite"
    return server_factory(arms_dir=str(ui_arms), primary_arm="A", database_url=f"sqlite:///{missing}",
                          max_body_bytes="400")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium (make test-ui does it too)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def api(base: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    r = httpx.post(f"{base}{path}", json=body, timeout=30)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def open_playground(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")


def run_input(page: Page, text: str) -> None:
    """Type the input and parse it with the keyboard (Ctrl+Enter), then wait for every card to finish."""
    page.fill("#q", text)
    page.focus("#q")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#go")).to_be_enabled()
    page.wait_for_function("() => !document.querySelector('#results').hasAttribute('aria-busy')")


def marks(scope: Any) -> list[tuple[str, int, int, str]]:
    out = []
    for m in scope.locator(".hl mark.comp").all():
        d = m.evaluate("e => [e.dataset.label, e.dataset.start, e.dataset.end, e.querySelector('.val').textContent]")
        out.append((d[0], int(d[1]), int(d[2]), d[3]))
    return out


def expected_marks(parse: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    return sorted(((c["label"], c["start"], c["end"], c["value"]) for c in parse["components"]), key=lambda x: x[1])


def table_rows(scope: Any) -> list[list[str]]:
    return [[c.strip() for c in row.locator("td").all_inner_texts()]
            for row in scope.locator("table.components tbody tr").all()]


@pytest.mark.parametrize(("name", "text"), [("us", US), ("german", DE), ("intersection", INTERSECTION)])
def test_playground_shows_what_parse_and_resolve_answer(ui_server: str, page: Page, name: str, text: str) -> None:
    open_playground(page, ui_server + "/")
    run_input(page, text)
    card = page.locator("article.card[data-line='1']")
    parse = api(ui_server, "/parse", {"text": text, "arm": "A"})
    assert parse["components"], "the arm found no component at all"

    # highlighted spans, their labels and their text, against /parse
    assert marks(card) == expected_marks(parse)
    # the table: label, value, span, confidence (4 decimals of the exact value)
    rows = table_rows(card)
    assert [r[:3] for r in rows] == [[c["label"], c["value"], f"{c['start']}–{c['end']}"] for c in parse["components"]]
    for r, c in zip(rows, parse["components"], strict=True):
        assert r[3].startswith(f"{c['confidence']:.4f}")
    # the colour is not the only cue: each mark carries its label as text
    for m, c in zip(card.locator(".hl mark.comp").all(), expected_marks(parse), strict=True):
        assert m.locator(".tag").inner_text().lower() == c[0].replace("_", " ")

    # the exact confidence on keyboard focus, with a visible focus ring
    first = card.locator(".hl mark.comp").first
    first.focus()
    tip = first.locator(".tip")
    expect(tip).to_be_visible()
    c0 = min(parse["components"], key=lambda c: c["start"])
    assert f"{c0['confidence']:.4f}" in tip.inner_text()
    assert first.evaluate("e => getComputedStyle(e).outlineStyle") not in ("none", "")

    # places, against /resolve
    places = api(ui_server, "/resolve", {"text": text, "arm": "A", "limit": 5})["results"]
    if places:
        names = card.locator("table.places tbody tr td:nth-child(2)").all_inner_texts()
        assert len(names) == len(places)
        assert all(n.strip().startswith(p["name"]) for n, p in zip(names, places, strict=True))
        link = card.locator("table.places a").first.get_attribute("href") or ""
        assert link.startswith("https://www.openstreetmap.org/?mlat=")
        assert f"mlat={places[0]['lat']:.5f}" in link and f"mlon={places[0]['lon']:.5f}" in link
        cells = card.locator("table.places tbody tr").first.locator("td").all_inner_texts()
        assert places[0]["match"] in cells[4] and (places[0].get("explanation") or "—") in cells[7]
    else:
        expect(card.locator(".msg.info")).to_contain_text("No place found")

    # a shareable URL that reproduces the page
    assert "q=" in page.url
    page.goto(page.url)
    page.wait_for_selector("article.card[data-line='1'] .hl mark.comp")
    page.wait_for_function("() => !document.querySelector('#results').hasAttribute('aria-busy')")
    assert marks(page.locator("article.card[data-line='1']")) == expected_marks(parse)
    first = page.locator("article.card .hl mark.comp").first
    first.focus()
    shot(page, f"playground-{name}")


def _diff_keys(a: dict[str, Any], b: dict[str, Any]) -> set[tuple[str, int, int]]:
    ka = {(c["label"], c["start"], c["end"]): c["value"] for c in a["components"]}
    kb = {(c["label"], c["start"], c["end"]): c["value"] for c in b["components"]}
    return {k for k in ka.keys() | kb.keys() if ka.get(k) != kb.get(k)}


def _check_compare(page: Page, base: str, lines: list[str], left: str, right: str) -> int:
    """Each line's marked disagreements equal the ones computed from /parse for both arms; returns their count."""
    total = 0
    for i, text in enumerate(lines, start=1):
        card = page.locator(f"article.card[data-line='{i}']")
        pa, pb = (api(base, "/parse", {"text": text, "arm": arm}) for arm in (left, right))
        want = _diff_keys(pa, pb)
        total += len(want)
        for arm, parse in ((left, pa), (right, pb)):
            col = card.locator(f".col[data-arm='{arm}']")
            assert marks(col) == expected_marks(parse)
            got = {(m[0], m[1], m[2]) for m, cls in zip(marks(col), col.locator(".hl mark.comp").evaluate_all(
                "ms => ms.map(m => m.className)"), strict=True) if " diff" in cls}
            assert got == {k for k in want if k in {(c["label"], c["start"], c["end"]) for c in parse["components"]}}
            # the table says it in words, not only in colour
            flags = col.locator("table.components tbody tr td:last-child").all_inner_texts()
            assert sum("differs" in f for f in flags) == len(got)
        summary = card.locator("p.summary")
        assert summary.get_attribute("data-differs") == str(len(want))
        expect(summary).to_contain_text("disagree" if want else "agree on every component")
    return total


def test_compare_mode_marks_exactly_where_the_arms_disagree(ui_server: str, page: Page) -> None:
    lines = [US, DE, INTERSECTION, *MORE]
    open_playground(page, ui_server + "/")
    # keyboard only: focus the checkbox and press Space
    page.focus("#compare")
    page.keyboard.press("Space")
    expect(page.locator("#compare-arms")).to_be_visible()
    page.select_option("#left", "A")
    page.select_option("#right", "B")
    run_input(page, "\n".join(lines))
    assert page.locator("article.card").count() == len(lines)
    _check_compare(page, ui_server, lines, "A", "B")
    assert "compare=1" in page.url and "left=A" in page.url and "right=B" in page.url
    run_input(page, "\n".join(MORE))
    _check_compare(page, ui_server, MORE, "A", "B")
    if page.locator(".hl mark.comp.diff").count():
        page.locator(".hl mark.comp.diff").first.focus()
    shot(page, "compare-A-B")

    # A against the tiny toy arm: they must disagree, and the page must mark it
    page.select_option("#right", "tiny")
    run_input(page, DE)
    assert _check_compare(page, ui_server, [DE], "A", "tiny") > 0
    expect(page.locator("article.card p.summary")).to_contain_text("disagree")


def test_copy_as_curl_reproduces_the_request(ui_server: str, browser: Browser) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=ui_server)
    page = ctx.new_page()
    open_playground(page, ui_server + "/")
    page.fill("#q", US)
    page.click("#curl")
    cmd = page.locator("#curl-text").input_value()
    assert page.evaluate("navigator.clipboard.readText()") == cmd
    m = re.fullmatch(r"curl -sS -X POST '(?P<url>[^']+)' -H 'Content-Type: application/json' -d '(?P<body>.*)'", cmd)
    assert m, cmd
    body = json.loads(m["body"].replace("'\\''", "'"))
    # the command, sent as written, answers what the page shows
    r = httpx.post(m["url"], json=body, timeout=30)
    assert r.status_code == 200 and body["text"] == US
    ctx.close()


def test_errors_are_readable_and_bad_input_is_caught_in_the_page(broken_server: str, page: Page) -> None:
    open_playground(page, broken_server + "/")
    # the gazetteer is down: components still show, the places say why they are missing
    run_input(page, US)
    card = page.locator("article.card[data-line='1']")
    assert marks(card) == expected_marks(api(broken_server, "/parse", {"text": US}))
    err = card.locator(".msg.error")
    assert err.get_attribute("data-status") == "503"
    expect(err).to_contain_text("gazetteer database does not answer")
    shot(page, "error-503-database")

    # the service refuses a body over its limit (413): the page says so in words
    long_line = "Apartment 12, " * 26 + US  # under the page's 512 characters, over the server's 400 bytes
    run_input(page, long_line)
    err = page.locator("article.card[data-line='1'] .msg.error")
    assert err.get_attribute("data-status") == "413"
    expect(err).to_contain_text("The request is too large")
    shot(page, "error-413-too-large")

    # empty and over-long input never leave the page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if r.method == "POST" else None)
    run_input(page, "   \n  ")
    expect(page.locator("#form-error")).to_contain_text("Type an address first")
    run_input(page, "x" * 600)
    expect(page.locator("#form-error")).to_contain_text("Line 1 is too long: 600 characters; the limit is 512")
    assert requests == []
    shot(page, "error-too-long-input")


def test_phone_width(ui_server: str, browser: Browser) -> None:
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    query = httpx.QueryParams({"q": f"{US}\n{INTERSECTION}", "compare": "1", "left": "A", "right": "B"})
    open_playground(page, f"{ui_server}/?{query}")
    page.wait_for_selector("article.card[data-line='2'] .hl mark.comp")
    page.wait_for_function("() => !document.querySelector('#results').hasAttribute('aria-busy')")
    # nothing scrolls sideways; the form and the results fit the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for sel in ("#q", "#go", "#curl", "article.card .hl"):
        box = page.locator(sel).first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, sel
    # compare columns stack on a phone
    cols = page.locator("article.card[data-line='1'] .col").all()
    b0, b1 = cols[0].bounding_box(), cols[1].bounding_box()
    assert b0 and b1 and b1["y"] > b0["y"] + b0["height"] - 1
    shot(page, "phone-compare")
    for path in ("/ui/eval", "/ui/shadow"):  # the dashboards fit too (wide tables scroll inside their box)
        page.goto(ui_server + path)
        page.wait_for_selector("body[data-ready='1']")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    ctx.close()


def _contrast(page: Page, selector: str) -> list[tuple[str, float]]:
    """WCAG contrast ratio of each element's text colour on its nearest opaque background."""
    return page.evaluate(
        """(sel) => {
          const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                                       return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const bg = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                                if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3); } return [255, 255, 255]; };
          return [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null && e.textContent.trim()).map((e) => {
            const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));
            return [sel + ' ' + e.textContent.trim().slice(0, 20), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; });
        }""",
        selector,
    )


def test_accessibility_labels_keyboard_and_contrast(ui_server: str, page: Page) -> None:
    open_playground(page, ui_server + "/")
    run_input(page, US)
    # every form control has a label
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')].filter((e) =>
        !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.id || e.name)""")
    assert unlabelled == []
    # keyboard only: the first Tab reaches the skip link, and every tab stop shows a focus ring
    page.goto(ui_server + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    seen = []
    for _ in range(40):  # every tab stop of the page, up to the end of the page
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
            return [e.id || e.tagName, s.outlineStyle, s.outlineWidth]; }""")
        if stop[0] == "BODY":
            break
        seen.append(stop)
    assert "q" in [s[0] for s in seen] and "go" in [s[0] for s in seen]
    assert all(style != "none" and width != "0px" for _, style, width in seen), str(seen)
    # WCAG AA: 4.5:1 for the text the page draws, over each label's colour too
    example = page.locator("[data-example]").first  # an example parses at once
    example.click()
    page.wait_for_selector("article.card .hl mark.comp")
    page.wait_for_function("() => !document.querySelector('#results').hasAttribute('aria-busy')")
    assert page.locator("article.card h2").inner_text() == example.get_attribute("data-example")
    checks = []
    for sel in (".lede", ".hint", "label", "button", "nav a", ".comp .val", ".comp .tag", "td", "th", ".meta",
                ".status", "caption", "summary"):
        checks += _contrast(page, sel)
    low = [(s, round(r, 2)) for s, r in checks if r < 4.5]
    assert checks and not low, low


def test_eval_page_reads_the_sidecars(ui_server: str, page: Page) -> None:
    decision = json.loads((ROOT / "results/release/decision.json").read_text())
    page.goto(ui_server + "/ui/eval")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#decision-value")).to_have_text(decision["decision"])
    rows = page.locator("table.comparisons tbody tr")
    for c in decision["comparisons"]:
        row = rows.filter(has=page.locator(f"th:text-is('{c['metric']}')"))
        cells = row.locator("td").all_inner_texts()
        assert cells[0] == f"{100 * c['a']:.2f}%" and cells[1] == f"{100 * c['b']:.2f}%"
    release = ROOT / "results/release"
    arms = sorted(p.name for p in release.iterdir() if (p / "resolver.json").is_file())
    assert arms
    header = page.locator("table.per-format thead th").all_inner_texts()
    for arm in arms:
        j = header.index(f"arm {arm}") - 1
        per_format = json.loads((release / arm / "resolver.json").read_text())["metrics"]["per_format"]
        for fmt, m in per_format.items():
            cell = page.locator(f"table.per-format tr[data-format='{fmt}'] td").nth(j).inner_text()
            assert cell.startswith(f"{100 * m['value']:.2f}% ({m['successes']}/{m['n']}")
    # the reliability diagrams and training curves are the files themselves, and they load
    expected = 0
    for arm in (p.name for p in release.iterdir() if p.is_dir() and any(p.glob("*.json"))):
        cal = json.loads((release / arm / "calibration.json").read_text()) if (release / arm / "calibration.json").is_file() else {}
        expected += (release / arm / cal.get("reliability_png", "calibration_reliability.png")).is_file()
        expected += (ROOT / "artifacts/arms" / arm / "curves.png").is_file()
    imgs = page.locator("main img")
    assert expected and imgs.count() == expected
    for img in imgs.all():
        img.scroll_into_view_if_needed()
        page.wait_for_function("(e) => e.complete && e.naturalWidth > 0", arg=img.element_handle())
    served = httpx.get(ui_server + f"/ui/eval/img/{arms[0]}/curves.png").content
    assert served == (ROOT / f"artifacts/arms/{arms[0]}/curves.png").read_bytes()
    body = httpx.get(ui_server + "/ui/eval/data.json").text
    assert str(ROOT) not in body  # no absolute paths leave the service
    assert httpx.get(ui_server + "/ui/eval/img/..%2F..%2Fetc/curves.png").status_code == 404
    shot(page, "eval")


def test_eval_page_without_results(live_server: str, page: Page) -> None:
    page.goto(live_server + "/ui/eval")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#decision")).to_contain_text("No release decision yet")


def _report(base: str) -> dict[str, Any]:
    r = httpx.get(f"{base}/v1/shadow/report", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def test_shadow_page(ui_server: str, page: Page) -> None:
    for text in [US, DE, INTERSECTION, *MORE]:
        api(ui_server, "/parse", {"text": text})
    deadline = time.time() + 30
    while True:  # wait until the shadow worker has finished every job
        rep = _report(ui_server)
        counters = rep.get("counters") or rep.get("runtime") or {}
        if counters.get("queued", 0) == 0 and counters.get("pending", 0) == 0 and rep.get("events", 0) >= 5:
            break
        assert time.time() < deadline, rep
        time.sleep(0.2)

    page.goto(ui_server + "/ui/shadow")
    page.wait_for_selector("body[data-ready='1']")
    if httpx.get(f"{ui_server}/v1/shadow/report").status_code in (401, 403):
        err = page.locator("#error .msg.error")
        expect(err).to_contain_text("needs the operator token")
    page.fill("#token", TOKEN)
    page.keyboard.press("Enter")
    page.wait_for_selector("table.counters")
    expect(page.locator("#error")).to_be_empty()
    rep = _report(ui_server)
    c = rep.get("counters") or rep.get("runtime") or {}
    written = c.get("written", c.get("done"))
    expect(page.locator("table.counters tr[data-counter='written'] td")).to_have_text(str(written))
    labels = page.locator("table.agreement tbody tr").evaluate_all("rs => rs.map(r => r.dataset.label)")
    assert labels == ["all", *sorted(rep["agreement"])]
    cell = page.locator("table.agreement tr[data-label='all'] td").nth(2).inner_text()  # the 24-hour window
    assert cell.endswith(f"{100 * rep['agreement_all']:.1f}%")
    assert page.locator("article.disagreement").count() == len(rep["disagreements"])
    for d in rep["disagreements"]:
        if d.get("text"):
            expect(page.locator(f"article.disagreement[data-id='{d['id']}'] h4")).to_contain_text(d["text"])
    expect(page.locator("table.latency tbody tr")).to_have_count(2)
    shot(page, "shadow")
