"""The built sample site as validators see it: the Nu HTML checker on every page, feeds by RFC 4287's rules."""

import os
import re
import shutil
import subprocess
from datetime import datetime

import feedparser
import pytest
from lxml import etree

from support import REPO

VNU = REPO / ".cache" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def vnu_available() -> bool:
    if VNU.is_file() and shutil.which("java"):
        return True
    if os.environ.get("CI") == "true":
        pytest.fail("the Nu HTML checker is missing: .ci/setup-test-deps installs java and vnu-jar")
    return False


def test_every_page_is_valid_html(sample_site):
    if not vnu_available():
        pytest.skip("no java or vnu.jar here: run .ci/setup-test-deps")
    pages = sorted(str(p) for p in sample_site.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 50
    result = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU), "--errors-only", "--asciiquotes", *pages],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]


def feeds(site):
    return sorted((site / "feeds").rglob("*.atom.xml"))


def test_feeds_have_what_rfc_4287_requires(sample_site):
    paths = feeds(sample_site)
    assert len(paths) > 20
    for path in paths:
        root = etree.parse(str(path)).getroot()
        assert root.tag == f"{ATOM}feed", path
        for name in ("id", "title", "updated"):
            assert root.find(f"{ATOM}{name}") is not None, (path, name)
        entries = root.findall(f"{ATOM}entry")
        assert entries, path
        for entry in entries:
            for name in ("id", "title", "updated", "author", "summary", "content"):
                assert entry.find(f"{ATOM}{name}") is not None, (path, name)
            assert entry.find(f"{ATOM}author/{ATOM}name").text.strip()
            for stamp in entry.findall(f"{ATOM}updated") + entry.findall(f"{ATOM}published"):
                assert RFC3339.match(stamp.text), (path, stamp.text)
                datetime.fromisoformat(stamp.text.replace("Z", "+00:00"))
            rels = {link.get("rel", "alternate") for link in entry.findall(f"{ATOM}link")}
            assert "alternate" in rels, path


def test_feeds_parse_cleanly_in_a_feed_reader(sample_site):
    for path in feeds(sample_site):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.bozo_exception)
        assert parsed.version == "atom10"
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)), path
        for entry in parsed.entries:
            assert entry.get("tags"), (path, entry.title)  # companies and topics as categories


def test_original_article_is_linked_from_entries(sample_site):
    parsed = feedparser.parse((sample_site / "feeds" / "all.atom.xml").read_bytes())
    via = [link.href for e in parsed.entries for link in e.links if link.rel == "via"]
    assert via and all(href.startswith(("http://", "https://")) for href in via)
