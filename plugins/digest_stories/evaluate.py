"""Scoring a clustering against labelled events: the labelled-set reader and B-cubed scores.

Used by the quality test and bench/bench_stories.py. A labelled row is
{"slug", "event", "title", "date", "source", "companies", "flags", "body"}
(plus "copy_of" for generated copies).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from digest_stories.model import StoryGroup, StoryItem


class Scores(NamedTuple):
    precision: float
    recall: float
    f1: float


def read_labelled(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def item_of(row: Mapping[str, Any]) -> StoryItem:
    return StoryItem(
        slug=row["slug"],
        title=row["title"],
        text=row["body"],
        date=datetime.fromisoformat(row["date"]),
        source=row.get("source", ""),
        companies=tuple(row.get("companies", ())),
        flags=tuple(row.get("flags", ())),
    )


def bcubed(predicted: Mapping[str, str], truth: Mapping[str, str]) -> Scores:
    """B-cubed precision, recall and F1 of cluster labels against true labels, by item.

    For each item: precision is the share of its predicted cluster that shares
    its true label, recall the share of its true class found in its cluster.
    """
    items = sorted(truth)
    pairs = Counter((predicted[i], truth[i]) for i in items)
    cluster_size = Counter(predicted[i] for i in items)
    class_size = Counter(truth[i] for i in items)
    precision = sum(pairs[(predicted[i], truth[i])] / cluster_size[predicted[i]] for i in items) / len(items)
    recall = sum(pairs[(predicted[i], truth[i])] / class_size[truth[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def labels_of(groups: Iterable[StoryGroup]) -> dict[str, str]:
    """slug -> story id."""
    return {slug: group.id for group in groups for slug in group.slugs}
