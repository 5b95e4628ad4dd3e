"""The HTML report and the web app in a real headless Chromium (Debian's `chromium` + `chromium-driver`).

Part of the default run (about 6 s; `.ci/run` installs the browser with apt), skipped with the reason when no
browser is installed: `apt-get install chromium chromium-driver`. Set SCREENSHOT_DIR to also save PNGs of the
report and the page.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_html_report import EXAMPLE
from test_serve import live_server  # noqa: F401  (a fixture)

from factcheck.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="no Chromium: apt-get install chromium chromium-driver"),
]
# Each payload would set window.pwned if it ran.
HOSTILE = ('<script>window.pwned = "script"</script> The Farc demobilized in 2016 '
           '<img src=x onerror="window.pwned = \'img\'">.\n\n'
           'See [the source](javascript:window.pwned=\'md-link\') and <a href="javascript:window.pwned=\'a\'">this</a>'
           ': US aid to Colombia was about $300 million in 2024.\n')


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--force-color-profile=srgb"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def screenshot(driver, name: str) -> None:
    if os.environ.get("SCREENSHOT_DIR"):
        Path(os.environ["SCREENSHOT_DIR"]).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(os.environ["SCREENSHOT_DIR"]) / name))


def review_html(tmp_path: Path, draft: Path) -> Path:
    out = tmp_path / (draft.stem + ".html")
    r = CliRunner().invoke(main, ["review", str(draft), "-f", "html", "-o", str(out)])
    assert r.exit_code in (0, 1) and (r.exception is None or isinstance(r.exception, SystemExit)), r.output
    assert out.exists(), r.output
    return out


def visible_details(driver):
    return [d.get_attribute("id") for d in driver.find_elements("css selector", ".detail") if d.is_displayed()]


def test_report_click_keyboard_and_filter(home, tmp_path, browser):
    from selenium.webdriver.common.keys import Keys

    browser.get(review_html(tmp_path, EXAMPLE).as_uri())
    marks = browser.find_elements("css selector", "article.draft a.s")
    assert [m.get_attribute("data-verdict") for m in marks] == ["NOT_ENOUGH_INFO", "CONTRADICTED", "SUPPORTED"]
    assert visible_details(browser) == []
    assert browser.find_element("css selector", ".panel .empty").is_displayed()
    # Colours differ per verdict, and the label says it in words too.
    backgrounds = {m.value_of_css_property("background-color") for m in marks}
    assert len(backgrounds) == 3
    assert marks[1].find_element("css selector", ".tag").text.upper().endswith("CONTRADICTED")

    marks[1].click()
    assert visible_details(browser) == ["d1"]
    panel = browser.find_element("id", "d1")
    assert "CONTRADICTED" in panel.text and "similarity" in panel.text
    assert panel.find_elements("css selector", ".ev.contradicts .around")  # source context around the evidence
    assert "bbc-mundo-us-colombia-alliance.txt:" in panel.find_element("css selector", ".loc").text
    screenshot(browser, "report.png")

    # Keyboard: Tab moves to the next marked sentence and shows its panel.
    marks[1].send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "s2"
    assert visible_details(browser) == ["d2"]

    # "Show only problems" takes the highlight off supported sentences, keeps the others.
    browser.find_element("id", "problems-only").click()
    assert not marks[2].find_element("css selector", ".tag").is_displayed()
    assert marks[1].find_element("css selector", ".tag").is_displayed()


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_hostile_draft_runs_no_script_in_the_report(home, tmp_path, browser, suffix):
    draft = tmp_path / f"hostile{suffix}"
    draft.write_text(HOSTILE, encoding="utf-8")
    browser.get(review_html(tmp_path, draft).as_uri())
    for mark in browser.find_elements("css selector", "a"):
        mark.click()  # every link there is, in case one carries a payload
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements("css selector", "article.draft a.s")  # the report itself works
    if suffix == ".txt":
        assert '<script>window.pwned = "script"</script>' in browser.find_element("css selector", "article.draft").text


def wait_for(driver, css: str):
    """The first element matching `css` once the page that has it has loaded (form posts navigate async)."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located(("css selector", css)))


def test_web_app_reviews_a_pasted_and_an_uploaded_draft(live_server, browser, tmp_path):  # noqa: F811
    browser.get(live_server + "/")
    screenshot(browser, "serve.png")
    browser.find_element("id", "text").send_keys(EXAMPLE.read_text(encoding="utf-8"))
    browser.find_element("id", "submit").click()
    wait_for(browser, "article.draft")
    marks = browser.find_elements("css selector", "article.draft a.s")
    assert [m.get_attribute("data-verdict") for m in marks] == ["NOT_ENOUGH_INFO", "CONTRADICTED", "SUPPORTED"]
    marks[1].click()
    assert visible_details(browser) == ["d1"]
    assert "CONTRADICTED" in browser.find_element("id", "d1").text

    browser.find_element("css selector", "a.home").click()
    wait_for(browser, "#file")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    browser.find_element("id", "file").send_keys(str(hostile))
    browser.find_element("id", "submit").click()
    wait_for(browser, "article.draft")
    assert "hostile.txt" in browser.title
    assert browser.find_elements("css selector", "article.draft a.s")
    assert browser.execute_script("return window.pwned === undefined")
