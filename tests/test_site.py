"""The rendered site in a real browser: every page loads, every figure shows, every internal link resolves,
no page shows an error output. Runs when Debian's Chromium is installed (.ci/run installs it)."""
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
