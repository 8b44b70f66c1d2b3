"""Stories feed entries: stable ids, escaped content."""

from datetime import UTC, datetime
from types import SimpleNamespace

from digest_stories.feed import StoryEntry


def _post(slug, title, day, source):
    return SimpleNamespace(slug=slug, title=title, url=f"2018/06/{day:02d}/{slug}/", source=source,
                           date=datetime(2018, 6, day, 9, tzinfo=UTC), summary="<p>Summary</p>")


def _story(lead, *coverage):
    return SimpleNamespace(id="github", lead=lead, coverage=coverage, outlets=("Bitwire",),
                           url="2018/06/04/#story-github")


def test_entry_identity_does_not_move_when_coverage_joins_or_the_lead_changes():
    first = _post("github-bitwire", "Microsoft buys GitHub", 4, "Bitwire")
    later = _post("github-packet", "Why <Nadella> wanted GitHub", 6, "Packet & News")
    before, after = StoryEntry(_story(first)), StoryEntry(_story(later, first))
    assert (before.slug, before.url, before.date) == (after.slug, after.url, after.date)
    assert before.slug == "story/github"


def test_entry_content_escapes_titles_and_outlets():
    later = _post("github-packet", "Why <Nadella> wanted GitHub", 6, "Packet & News")
    content = StoryEntry(_story(later)).get_content("https://example.org")
    assert "Why &lt;Nadella&gt; wanted GitHub" in content and "(Packet &amp; News)" in content
    assert 'href="https://example.org/2018/06/06/github-packet/"' in content
    assert content.startswith("<div><p>Summary</p></div>")
