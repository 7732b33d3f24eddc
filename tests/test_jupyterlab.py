"""A teacher's path: the README's JupyterLab command opens a paired .py script as a notebook, with the outputs
its .ipynb stores, through jupytext. Runs when Debian's Chromium is installed (.ci/run installs it)."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
TOKEN = "recheck-test"
SCRIPT = "01_wang2025_needle_knife.py"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab as the README starts it (`jupyter lab` from the project root), on 127.0.0.1."""
    port = free_port()
    root = tmp_path_factory.mktemp("lab-runtime")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(root), "JUPYTER_CONFIG_DIR": str(root / "config"),
           "JUPYTER_PLATFORM_DIRS": "1"}
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--IdentityProvider.token={TOKEN}",
               "--ServerApp.port_retries=0", "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start within 60 s")
    yield base
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:  # a kernel the notebook started can hold up a polite shutdown
        server.kill()
        server.wait(timeout=10)


def test_paired_script_opens_as_notebook_with_outputs(lab):
    from playwright.sync_api import sync_playwright

    base = lab
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/lab/tree/notebooks/{SCRIPT}?token={TOKEN}", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-NotebookPanel .jp-OutputArea-output", timeout=90_000)
        outputs = page.locator(".jp-NotebookPanel .jp-OutputArea-output").count()
        verdict = page.locator(".jp-NotebookPanel .verdict-box").count()
        browser.close()
    # JupyterLab renders only the cells in view, so a handful of outputs proves the pairing works.
    assert outputs >= 1, f"{SCRIPT} opened without outputs: pairing with its .ipynb is not working"
    assert verdict == 1, "the notebook's stored verdict box is not shown"
