"""Helpers for the stories tests: StoryItems from short texts, the seeds and the labelled set."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from digest_stories.evaluate import item_of, read_labelled
from digest_stories.model import Overrides, StoryItem

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LABELLED = FIXTURES / "stories" / "labelled.jsonl"
SEEDS = FIXTURES / "raw_small"

# Two reports of one event and an unrelated one, for tests of grouping and of the CLI.
GITHUB = ("Microsoft agreed to buy GitHub for $7.5 billion in stock. Nat Friedman will run GitHub, which "
          "28 million developers use, and Satya Nadella promised the service stays independent and open.")
GITHUB_2 = ("Satya Nadella's $7.5 billion purchase of GitHub gives Microsoft a direct link to 28 million "
            "developers. Nat Friedman becomes chief executive of the code host, which stays independent.")
SWITCH = ("Nintendo announced a Switch with a 7-inch OLED screen for $349.99, on sale on October 8 "
          "alongside Metroid Dread, with a wider stand, 64 GB of storage and a dock with a LAN port.")


def item(slug: str, text: str, when: str | None = "2018-02-23T09:00", **fields) -> StoryItem:
    """A StoryItem with a title defaulting to the slug and an ISO date (None: undated)."""
    overrides = fields.pop("overrides", Overrides())
    return StoryItem(
        slug=slug, title=fields.pop("title", slug.replace("-", " ")), text=text,
        date=datetime.fromisoformat(when) if when else None, overrides=overrides, **fields,
    )


def seed_items() -> list[StoryItem]:
    """The two raw seed pages, as scraped (boilerplate included): one event, 23 and 26 Feb 2018."""
    pages = {
        "seed-news18": ("000_9c3b684c51d11b7a.txt", "2018-02-26T10:00", "News18"),
        "seed-spun-techcrunch": ("001_994672d6f678ac9a.txt", "2018-02-23T10:00", "Unknown Blog"),
    }
    items = []
    for slug, (name, when, source) in pages.items():
        lines = (SEEDS / name).read_text(encoding="utf-8").strip().splitlines()
        title = next(line for line in lines[1:] if line.strip())
        items.append(item(slug, "\n".join(lines), when, title=title, source=source,
                          companies=("Microsoft", "Xiaomi")))
    return items


def labelled_rows() -> list[dict]:
    return read_labelled(LABELLED)


def labelled_items() -> list[StoryItem]:
    return [item_of(row) for row in labelled_rows()]
