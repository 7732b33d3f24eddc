"""The rendered site in a real browser, as a reader sees it at 1280 x 900: every page loads, every figure shows
at a legible size, every internal link resolves, no page shows an error output; each study page opens with its
verdict, shows little code and no table wider than the text column; the landing page's findings table covers
every study; each handout is one page with relative links. Runs when Debian's Chromium is installed (.ci/run
installs it)."""
import re
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ERROR_OUTPUTS = "div.output.traceback, div.output.error, div.output.stderr"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    subprocess.run([sys.executable, str(ROOT / "tasks.py"), "site"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(HTML)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def pages():
    names = ["index.html"] + [f"notebooks/{p.stem}.html" for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
    names += [f"handouts/{p.stem}.html" for p in sorted((ROOT / "data" / "findings").glob("*.csv"))
              if not p.stem.endswith("_rob")]
    return names


LOAD_IMAGES = """() => Promise.all([...document.images].map(img => {
    img.loading = 'eager';
    return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
}))"""


def test_every_page_figure_and_link(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    links, problems = set(), []
    for name in pages():
        response = page.goto(server + name, wait_until="load")
        if response is None or response.status != 200:
            problems.append(f"{name}: HTTP {response.status if response else 'no response'}")
            continue
        page.evaluate(LOAD_IMAGES)
        images = page.eval_on_selector_all("img", "els => els.map(e => [e.getAttribute('src'), e.naturalWidth])")
        problems += [f"{name}: image {src} did not load" for src, width in images if not width]
        if name.startswith("notebooks/") and "_verdict" not in name:
            assert images, f"{name} shows no figure"
        errors = page.locator(ERROR_OUTPUTS).count()
        if errors:
            problems.append(f"{name}: {errors} error output cell(s)")
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            target = urldefrag(urljoin(server + name, href))[0]
            if target.startswith(server):
                links.add(target)
        if name == "index.html":
            (ROOT / "_build" / "screenshots").mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ROOT / "_build" / "screenshots" / "landing.png"))
    for target in sorted(links):
        status = context.request.get(target).status
        if status != 200:
            problems.append(f"link {target[len(server):]} answers HTTP {status}")
    context.close()
    assert not problems, "\n".join(problems)
    assert len(links) > 20


STUDY_PAGES = [f"notebooks/{p.stem}.html" for p in sorted((ROOT / "notebooks").glob("0[1-5]_*.ipynb"))]
# Geometry a reader sees: where the verdict box starts, how much of the page is code that is not folded away,
# how wide each table is against the article column, and how much each figure is shrunk.
LAYOUT = """() => {
    const column = document.querySelector('article.bd-article') || document.querySelector('main');
    const width = column.getBoundingClientRect().width;
    const box = document.querySelector('.verdict-box');
    // Folded code sits in a closed <details>: laid out, but not visible.
    const code = [...document.querySelectorAll('div.cell_input')].filter(e => e.checkVisibility())
        .map(e => e.getBoundingClientRect().height).reduce((a, b) => a + b, 0);
    const tables = [...column.querySelectorAll('table')].map(t => t.getBoundingClientRect().width);
    const figures = [...column.querySelectorAll('div.cell_output img')]
        .map(i => [i.getAttribute('src'), i.getBoundingClientRect().width / i.naturalWidth]);
    return {width, boxTop: box ? box.getBoundingClientRect().top + window.scrollY : null,
            code, height: document.documentElement.scrollHeight, tables, figures};
}"""


@pytest.mark.parametrize("name", STUDY_PAGES)
def test_study_page_reads_verdict_first(server, browser, name):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + name, wait_until="load")
    page.evaluate(LOAD_IMAGES)
    layout = page.evaluate(LAYOUT)
    page.close()
    assert layout["boxTop"] is not None, f"{name}: no Verdict box"
    assert layout["boxTop"] < 900, f"{name}: the Verdict box starts at {layout['boxTop']:.0f} px, below the first screen"
    assert layout["code"] < 0.10 * layout["height"], (
        f"{name}: visible code is {100 * layout['code'] / layout['height']:.1f}% of the page height")
    wide = [w for w in layout["tables"] if w > layout["width"] + 1]
    assert not wide, f"{name}: {len(wide)} table(s) wider than the {layout['width']:.0f} px text column: {wide}"
    # Figures use fonts of at least 10 pt at full size; shown at 90% or more they stay at 9 pt or above.
    shrunk = [(src[-40:], round(scale, 2)) for src, scale in layout["figures"] if scale < 0.9]
    assert not shrunk, f"{name}: figures shrunk below 90% of full size: {shrunk}"


def test_landing_findings_table_covers_every_study(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "index.html", wait_until="load")
    linked = page.eval_on_selector_all("table a[href]", "els => els.map(e => e.getAttribute('href'))")
    page.close()
    studies = {Path(n).name for n in STUDY_PAGES}
    assert studies <= {Path(h.split("#")[0]).name for h in linked}, f"findings table links {linked}"


def test_handouts_are_one_page_with_relative_links(server):
    out = HTML / "handouts"
    for study in [p.stem for p in sorted((ROOT / "data" / "findings").glob("*.csv")) if not p.stem.endswith("_rob")]:
        page = (out / f"{study}.html").read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]+)"', page)
        assert hrefs and not [h for h in hrefs if re.match(r"[a-z]+:", h)], f"{study}: absolute links {hrefs}"
        assert f"{study}.pdf" in hrefs, f"{study}: the HTML handout does not link its PDF"
        sections = dict(re.findall(r"<h2>([^<]+)</h2>\s*<ol>(.*?)</ol>", page, flags=re.S))
        for heading in ("What we found, in plain words", "Questions to discuss"):
            items = sections.get(heading, "").count("<li>")
            assert 3 <= items <= 5, f"{study}: '{heading}' has {items} items, not 3 to 5"
        pdf = (out / f"{study}.pdf").read_bytes()
        assert b"file://" not in pdf, f"{study}.pdf carries file:// addresses"
        pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))
        assert pages == 1, f"{study}.pdf has {pages} pages"
