"""Hostile payloads in every field end as harmless text in the post and in Pelican's HTML."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from support import make_config
from digest_ingest.ingest import run_ingest

PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(2)>",
    "[click me](javascript:alert(3))",
    "![pixel](data:image/svg+xml;base64,PHN2Zz4=)",
    "{{ SITEURL }}{% for x in articles %}{% endfor %}",
    "\nStatus: draft\nSlug: hijacked",
    "Title: injected\x00\x1b\x07",
    "<iframe src='https://evil.example'></iframe>",
    "*[HTML]: abbreviation trick",
    "[^1]: footnote trick",
]
HOSTILE = " ".join(p.replace("\n", " ") for p in PAYLOADS)


def hostile_text_page() -> str:
    lines = [
        "Home | News | Tech",
        "March 14, 2018",
        f"Startup raises money {PAYLOADS[0]} {PAYLOADS[5]}",
        f"By Jane {PAYLOADS[1]} Roe",
    ]
    sentence = "The company said the new funding round would pay for hiring engineers and opening offices in Europe."
    for payload in PAYLOADS:
        lines.append(f"{sentence} It quoted a line from its own site: {payload} and then went on to explain the plan.")
    return "\n".join(lines) + "\n"


def hostile_html_page() -> str:
    body = "".join(
        f"<p>The chip maker said shipments grew strongly in the quarter, beating forecasts. {p.replace('<', '&lt;')} "
        f"<a href=\"javascript:alert(9)\">bad link</a> <a href=\"data:text/html,x\">data link</a> "
        f"<a href=\"/ok\">good link</a> and raw <b onclick=\"alert(1)\">bold</b> text.</p><script>alert('{i}')</script>"
        for i, p in enumerate(PAYLOADS)
    )
    return (
        "<html><head><title>Chips &lt;script&gt;alert(1)&lt;/script&gt; {{ x }}</title>"
        "<meta property=\"og:site_name\" content=\"&lt;b&gt;Evil&lt;/b&gt; News\n Status: draft\">"
        "<meta name=\"author\" content=\"&lt;img src=x onerror=alert(1)&gt;\">"
        "<meta property=\"article:published_time\" content=\"2018-03-14T10:00:00Z\">"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"<svg onload=alert(1)>\"}</script>"
        f"</head><body><article><h1>Chip shipments grow {{{{ x }}}}</h1>{body}</article></body></html>"
    )


@pytest.fixture
def hostile_content(content: Path) -> Path:
    raw = content / "raw"
    (raw / "evil <script>alert(1)<\\script> {{ x }} $(id).txt").write_text(hostile_text_page())
    (raw / "evil.html").write_text(hostile_html_page())
    (raw / "evil.json").write_text(json.dumps({
        "url": "javascript:alert(1)", "source": "Wire\nStatus: draft <script>x</script>",
        "title": None, "fetched_at": "2018-03-15T00:00:00Z", "author": ["<b>A</b>", 7, {"x": 1}],
    }))
    return content


def rendered(path: Path) -> tuple[str, dict]:
    settings = dict(DEFAULT_CONFIG)
    return MarkdownReader(settings).read(str(path))


def assert_harmless(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "svg", "iframe", "object", "embed", "style"])
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), tag
            if attr in ("href", "src"):
                assert str(value).startswith(("https://", "http://", "mailto:")), tag
    assert "{{" not in html or "{{ " in soup.get_text()


def test_hostile_pages_become_harmless_posts(hostile_content):
    config = make_config(hostile_content)
    report = run_ingest(config)
    assert len(report.new) == 5, report.lines()
    for post in sorted(config.posts_dir.rglob("*.md")):
        text = post.read_text()
        header = text.split("\n\n", 1)[0]
        keys = [line.split(":", 1)[0] for line in header.splitlines()]
        assert len(keys) == len(set(keys)), header  # no injected duplicate keys
        assert not any(ch in text for ch in "\x00\x1b\x07")
        html, meta = rendered(post)
        assert_harmless(html)
        assert_harmless(str(meta.get("summary", "")))
        assert meta["slug"] != "hijacked" and meta.get("status") in ("draft", "published")
        for key in ("title", "source", "source_url"):
            assert "\n" not in str(meta.get(key, ""))
        assert not str(meta.get("source_url", "")).startswith("javascript")


def test_hostile_text_survives_as_visible_text(hostile_content):
    config = make_config(hostile_content)
    run_ingest(config)
    html_post = next(p for p in config.posts_dir.rglob("*.md") if "Raw: raw/evil.html" in p.read_text())
    html, _ = rendered(html_post)
    text = BeautifulSoup(html, "html.parser").get_text()
    assert "<script>alert('x')</script>" in text  # shown, as the page showed it
