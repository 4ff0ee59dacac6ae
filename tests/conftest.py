"""Shared fixtures. ``browser``: a headless Chromium for the page tests (Debian's chromium and chromium-driver, driven by
Selenium); tests that use it skip when either is missing (.ci/run installs both)."""
from __future__ import annotations

import shutil
import tempfile

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Flags headless Chromium needs on a machine with a closed network, run as root.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000")


def start_browser():
    """A Selenium Chrome driver on Debian's chromium, with a fresh profile; skip if unavailable."""
    webdriver = pytest.importorskip("selenium.webdriver")
    service_module = pytest.importorskip("selenium.webdriver.chrome.service")
    chromium = shutil.which("chromium") or CHROMIUM
    driver = shutil.which("chromedriver") or CHROMEDRIVER
    if not (shutil.os.path.exists(chromium) and shutil.os.path.exists(driver)):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="qt-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    browser = webdriver.Chrome(service=service_module.Service(driver), options=options)
    browser.profile_dir = profile
    return browser


def stop_browser(browser) -> None:
    browser.quit()
    shutil.rmtree(browser.profile_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (each test loads its own page)."""
    driver = start_browser()
    yield driver
    stop_browser(driver)
