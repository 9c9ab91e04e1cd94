"""Fetching over HTTP: timeouts, size cap, redirects, schemes; URLs work where files do."""

import json

import pytest
from webserver import Site, page

from briefing.fetch.http import FetchError, fetch

ARTICLE = page(
    "Harbour reopens",
    "The north quay reopened on Tuesday after a long repair. Ships can dock again.",
    "Fees will fall in April. The union is satisfied.",
)


@pytest.fixture
def site():
    with Site() as site:
        yield site


def test_a_page_is_fetched_with_our_user_agent(site):
    url = site.add("/a.html", ARTICLE)
    response = fetch(url)
    assert response.body == ARTICLE
    assert response.content_type.startswith("text/html")


def test_http_errors_timeouts_and_oversized_responses_are_clear_errors(site):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(site.base + "/missing")
    site.add("/slow", ARTICLE)
    site.delay["/slow"] = 3
    with pytest.raises(FetchError, match="timed out"):
        fetch(site.base + "/slow", timeout=0.5)
    site.add("/huge", b"x" * 200_000)
    with pytest.raises(FetchError, match="over the 100000-byte cap"):
        fetch(site.base + "/huge", max_bytes=100_000)


def test_redirects_are_followed_a_bounded_number_of_times_and_only_to_http(site):
    site.add("/final", ARTICLE)
    site.add("/moved", b"/final", status=301)
    assert fetch(site.base + "/moved").url == site.base + "/final"
    site.add("/loop", b"/loop", status=302)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(site.base + "/loop")
    site.add("/evil", b"file:///etc/passwd", status=302)
    with pytest.raises(FetchError, match="only http and https"):
        fetch(site.base + "/evil")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http://"])
def test_only_http_and_https_urls_are_fetched(url):
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url)


def test_summarize_accepts_a_url(site, cli):
    url = site.add("/article.html", ARTICLE)
    result = cli("summarize", url, "--format", "json", "--ratio", "1")
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert digest["title"] == "Harbour reopens"
    assert digest["source"] == url
    text = " ".join(s for section in digest["sections"] for s in section["sentences"])
    assert "Fees will fall in April." in text
    assert "All rights reserved" not in text and "About us" not in text


def test_summarize_of_a_missing_url_is_a_one_line_error(site, cli):
    result = cli("summarize", site.base + "/gone.html")
    assert result.returncode == 1
    assert result.stderr.strip() == f"briefing: error: {site.base}/gone.html: HTTP 404 Not Found"
