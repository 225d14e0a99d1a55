"""The Security page in Chromium, offline: a reader's own ACLED file is uploaded, only aggregates come
back, and the link made from that view says the file is not in it."""

import csv
import io

import pytest
from browser_kit import Visit
from conflict_samples import acled_file

pytestmark = pytest.mark.browser


def test_an_uploaded_export_gives_aggregates_and_a_link_that_says_so(server, browser):
    view = Visit(browser)
    try:
        view.open(f"{server}/security")
        assert view.page.get_by_text("Niger: not in the loaded data.").count() == 1
        view.page.get_by_text("Use your own export (UCDP or ACLED)").click()
        view.page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            {"name": "mine.csv", "mimeType": "text/csv", "buffer": acled_file(300)}
        )
        view.page.get_by_text("Your file: 300 rows read, 300 used, 0 left out.").wait_for(timeout=60_000)
        view.settle()
        assert "security.file=own" in view.page.url
        assert view.page.get_by_text("mine.csv", exact=False).count() >= 1
        view.page.get_by_text("Table", exact=True).first.click()
        view.settle(pause_ms=500)  # on a busy machine a click during a rerun can be lost
        with view.page.expect_download(timeout=30_000) as download:
            view.page.get_by_role("button", name="Download CSV").first.click()
        rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
        assert set(rows[0]) == {
            "iso3",
            "month",
            "events",
            "best",
            "low",
            "high",
        }  # aggregates, no rows of the file
        assert sum(int(r["events"]) for r in rows) <= 300
        link = view.page.url
        assert view.page.locator('[data-testid="stException"]').count() == 0
        assert view.errors == [] and view.outside == [] and view.failed == []
    finally:
        view.close()
    fresh = Visit(browser)  # a new context: no session, only the link
    try:
        fresh.open(link)
        assert fresh.page.get_by_text("used the reader's own file", exact=False).count() == 1
        assert fresh.page.get_by_text("GED 24.1 (most likely:", exact=False).count() >= 1
        assert fresh.outside == []
    finally:
        fresh.close()
