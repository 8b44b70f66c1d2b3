"""Stable story ids: the slug -> story id state file, and id assignment.

A story keeps its id (and so its URL and feed entry id) while posts join or
leave it: a cluster takes the id most of its members held in the last build
(ties: the oldest id, the one whose holders were published first). A cluster
with no usable id gets one made from its lead's slug, never one that the
state file already knows, so an old URL never points at another story.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from digest_core.files import write_if_changed
from digest_stories.model import StoryGroup

logger = logging.getLogger(__name__)

MAX_ID_LENGTH = 60


def load_state(path: Path) -> dict[str, str]:
    """The slug -> id map stored at ``path``; {} when missing or unreadable (logged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        logger.warning("digest_stories: ignoring unreadable state file %s: %s", path, err)
        return {}
    if not isinstance(data, dict):
        logger.warning("digest_stories: ignoring state file %s: not a JSON object", path)
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def render_state(state: Mapping[str, str]) -> str:
    """The file's text: sorted keys, one entry a line, so diffs stay readable."""
    return json.dumps(dict(sorted(state.items())), indent=1, ensure_ascii=False) + "\n"


def save_state(path: Path, state: Mapping[str, str]) -> bool:
    """Write the state atomically, only when it changed (autoreload must not loop); True if written."""
    return write_if_changed(path, render_state(state))


def state_from_groups(groups: Sequence[StoryGroup]) -> dict[str, str]:
    return {slug: group.id for group in groups for slug in group.slugs}


def id_base(slug: str) -> str:
    """A slug as an id: lower-case ASCII letters, digits and hyphens, at most MAX_ID_LENGTH."""
    base = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
    return base[:MAX_ID_LENGTH].rstrip("-") or "story"


def new_id(lead_slug: str, taken: set[str]) -> str:
    """An id made from the lead's slug, with a short hash when that is taken."""
    base = id_base(lead_slug)
    candidate, attempt = base, 0
    while candidate in taken:
        digest = hashlib.sha1(f"{lead_slug}#{attempt}".encode()).hexdigest()[:6]
        candidate = f"{base[:MAX_ID_LENGTH - 7].rstrip('-')}-{digest}"
        attempt += 1
    return candidate


def assign_ids(
    clusters: Sequence[Sequence[str]], leads: Sequence[str], state: Mapping[str, str], age: Mapping[str, int]
) -> list[str]:
    """One id per cluster of slugs; ``age`` ranks slugs by publication (smaller = older)."""
    holders: dict[str, list[str]] = defaultdict(list)
    for cluster in clusters:
        for slug in cluster:
            if slug in state:
                holders[state[slug]].append(slug)
    oldest = {sid: min(age[s] for s in slugs) for sid, slugs in holders.items()}
    proposals = []
    for index, cluster in enumerate(clusters):
        votes = Counter(state[s] for s in cluster if s in state)
        proposals += [(-count, oldest[sid], sid, index) for sid, count in votes.items()]
    ids: list[str | None] = [None] * len(clusters)
    used: set[str] = set()
    for _, _, sid, index in sorted(proposals):
        if ids[index] is None and sid not in used:
            ids[index] = sid
            used.add(sid)
    taken = used | set(state.values())
    for index, lead in enumerate(leads):
        if ids[index] is None:
            ids[index] = new_id(lead, taken)
            taken.add(ids[index])
    return [sid for sid in ids if sid is not None]
