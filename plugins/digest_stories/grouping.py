"""From posts to stories: exact and near duplicates, event clustering, ids, editors' overrides.

The steps, in order:
1. exact duplicates (same normalised body, any date) fold into one canonical post;
2. near duplicates (shingle Jaccard >= STORY_NEAR_DUPLICATE within the window,
   found through MinHash LSH) are tied together with similarity 1;
3. the remaining pairs that share a rare key within the window are scored and
   clustered by average linkage (``story_split`` posts stay out);
4. each cluster gets a stable id (``state.assign_ids``), then ``story_merge``
   moves posts into the story they name;
5. each story gets its lead and every post its role.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from digest_stories import minhash
from digest_stories.cluster import average_linkage
from digest_stories.config import StoryConfig
from digest_stories.features import TextFeatures, analyse_texts, shingles
from digest_stories.model import Member, StoryGroup, StoryItem
from digest_stories.parallel import in_background
from digest_stories.scoring import score_pairs
from digest_stories.similarity import build_profiles, candidate_pairs
from digest_stories.state import assign_ids

logger = logging.getLogger(__name__)
BACKGROUND_MIN_POSTS = 1000  # below this, forking for the near copies costs more than it saves


def sort_items(items: Iterable[StoryItem]) -> list[StoryItem]:
    """Posts in publication order (undated last), one per slug (the first wins, others logged)."""
    ordered = sorted(items, key=lambda it: (it.timestamp is None, it.timestamp or 0.0, it.slug))
    seen: set[str] = set()
    unique = []
    for item in ordered:
        if item.slug in seen:
            logger.warning("digest_stories: two posts share the slug %r; clustering the first", item.slug)
            continue
        seen.add(item.slug)
        unique.append(item)
    return unique


def rank(item: StoryItem) -> int:
    """0 clean, 1 flagged but published, 2 draft: lower is a better lead."""
    if item.clean:
        return 0
    return 2 if item.status == "draft" else 1


def exact_duplicates(items: Sequence[StoryItem], features: Sequence[TextFeatures]) -> dict[int, int]:
    """Index of each exact duplicate -> index of the copy that stands for it.

    The one kept is a ``story_split`` post if any, else the cleanest, then the earliest.
    """
    by_body: dict[str, list[int]] = defaultdict(list)
    for index, feature in enumerate(features):
        if feature.fingerprint:
            by_body[feature.fingerprint].append(index)
    canonical = {}
    for members in by_body.values():
        keep = min(members, key=lambda i: (not items[i].overrides.split, rank(items[i]), i))
        canonical.update({i: keep for i in members if i != keep and not items[i].overrides.split})
    return canonical


def near_duplicates(
    active: Sequence[int], features: Sequence[TextFeatures], times: Sequence[float | None],
    config: StoryConfig,
) -> set[tuple[int, int]]:
    """Pairs of ``active`` indices whose texts are copies of each other (syndicated, spun);
    ``features`` and ``times`` are those of the active posts."""
    pairs = minhash.candidate_pairs([f.sketch for f in features], times, config.window_seconds)
    sets = {pos: shingles(features[pos].body) for pos in {pos for pair in pairs for pos in pair}}
    return {
        (active[a], active[b]) for a, b in pairs if minhash.jaccard(sets[a], sets[b]) >= config.near_duplicate
    }


def text_edges(
    items: Sequence[StoryItem], active: Sequence[int], features: Sequence[TextFeatures],
    times: Sequence[float | None], config: StoryConfig,
) -> dict[tuple[int, int], float]:
    """Similarity of the candidate pairs among the ``active`` indices, by position in ``active``;
    ``features`` and ``times`` are theirs."""
    profiles = build_profiles([items[i] for i in active], features)
    pairs = sorted(candidate_pairs(profiles, times, config.window_seconds))
    return dict(zip(pairs, score_pairs(profiles, pairs, config.jobs)))


def event_clusters(
    active: Sequence[int], edges: dict[tuple[int, int], float], near: set[tuple[int, int]], config: StoryConfig,
) -> list[list[int]]:
    """Average-linkage clusters of the ``active`` indices: ``text_edges``, near copies counting as equal."""
    local = {index: pos for pos, index in enumerate(active)}
    edges.update({(local[a], local[b]): 1.0 for a, b in near})
    return [[active[pos] for pos in group] for group in average_linkage(len(active), edges, config.threshold)]


def originals_of(near: set[tuple[int, int]]) -> dict[int, list[int]]:
    """Index -> the earlier posts it is a near copy of, earliest first."""
    originals: dict[int, list[int]] = {}
    for a, b in sorted(near):
        originals.setdefault(b, []).append(a)
    return originals


def copies_within(members: Sequence[int], originals: Mapping[int, list[int]]) -> dict[int, int]:
    """Member -> the earliest other member it is a near copy of."""
    inside = set(members)
    copy_of = {}
    for index in members:
        found = [a for a in originals.get(index, ()) if a in inside]
        if found:
            copy_of[index] = found[0]
    return copy_of


def choose_lead(
    items: Sequence[StoryItem], members: Sequence[int], canonical: Mapping[int, int],
    copy_of: Mapping[int, int],
) -> int:
    """An editor's published pin, else: clean before flagged before draft, originals
    before copies, longest body, earliest."""
    candidates = [i for i in members if i not in canonical]
    pool = [i for i in candidates if items[i].overrides.lead and items[i].status != "draft"] or candidates
    if len(pool) == 1:  # most stories: no need to count words
        return pool[0]
    return min(pool, key=lambda i: (rank(items[i]), i in copy_of, -word_count(items[i].text), i))


@lru_cache(maxsize=1 << 15)
def word_count(text: str) -> int:
    """Words in a body; each story's lead is chosen twice (its id, then its group), and a
    10,000-post build split every text twice (0.7 s)."""
    return len(text.split())


def _merge_target(
    index: int, items: Sequence[StoryItem], by_slug: Mapping[str, int], by_id: Mapping[str, int],
    where: Mapping[int, int], canonical: Mapping[int, int],
) -> int | None:
    """The cluster a ``story_merge`` value names, following posts that merge elsewhere in turn."""
    seen, value = {index}, items[index].overrides.merge.strip()
    while value in by_slug:
        target = canonical.get(by_slug[value], by_slug[value])
        if target in seen or not items[target].overrides.merge:
            return where[target]
        seen.add(target)
        value = items[target].overrides.merge.strip()
    return by_id.get(value.lower())


def apply_merges(
    clusters: list[list[int]], ids: Sequence[str], items: Sequence[StoryItem], canonical: Mapping[int, int]
) -> None:
    """Move each ``story_merge`` post (with its exact duplicates) into the story it names."""
    where = {i: c for c, members in enumerate(clusters) for i in members}
    by_slug = {item.slug: i for i, item in enumerate(items)}
    by_id = {sid: c for c, sid in enumerate(ids)}
    moves = {}
    for index, item in enumerate(items):
        if not item.overrides.merge or index in canonical:
            continue
        target = _merge_target(index, items, by_slug, by_id, where, canonical)
        if target is None:
            logger.warning("digest_stories: %s: story_merge %r names no story or post", item.slug,
                           item.overrides.merge)
        elif target != where[index]:
            moves[index] = target
    for index, target in moves.items():
        for moving in [index, *(d for d, c in canonical.items() if c == index)]:
            clusters[where[moving]].remove(moving)
            clusters[target].append(moving)


def make_group(
    sid: str, members: Sequence[int], items: Sequence[StoryItem], canonical: Mapping[int, int],
    originals: Mapping[int, list[int]],
) -> StoryGroup:
    members = sorted(members)
    copy_of = copies_within(members, originals)
    lead = choose_lead(items, members, canonical, copy_of)
    ordered = [lead] + [i for i in members if i != lead and i not in canonical]
    roles = [Member(items[lead].slug, "lead")]
    roles += [Member(items[i].slug, "coverage", items[copy_of[i]].slug if i in copy_of else "")
              for i in ordered[1:]]
    roles += [Member(items[i].slug, "duplicate", items[canonical[i]].slug) for i in members if i in canonical]
    return StoryGroup(
        id=sid,
        members=tuple(roles),
        pinned=any(items[i].overrides.lead for i in members),
        hidden=any(items[i].overrides.hide for i in members),
    )


def group_stories(
    items: Iterable[StoryItem], state: Mapping[str, str], config: StoryConfig,
    text_features: Callable[[Sequence[tuple[str, str]], int], list[TextFeatures]] = analyse_texts,
) -> list[StoryGroup]:
    """All posts as stories, in order of each story's first post; ``state`` maps slug -> last id.
    ``text_features`` does what ``features.analyse_texts`` does (a build passes
    ``FeatureCache.analyse_texts``)."""
    ordered = sort_items(items)
    features = text_features([(item.title, item.text) for item in ordered], config.jobs)
    canonical = exact_duplicates(ordered, features)
    active = [i for i, item in enumerate(ordered) if i not in canonical and not item.overrides.split]
    active_features = [features[i] for i in active]
    times = [ordered[i].timestamp for i in active]
    # Near copies (MinHash) and text similarity (TF-IDF) are separate passes of about the same
    # cost: the first runs in a forked process while this one does the second.
    jobs = config.jobs if len(active) >= BACKGROUND_MIN_POSTS else 1
    near_copies = in_background(lambda: near_duplicates(active, active_features, times, config), jobs)
    try:
        edges = text_edges(ordered, active, active_features, times, config)
    finally:
        near = near_copies()
    clusters = event_clusters(active, edges, near, config)
    clusters += [[i] for i, item in enumerate(ordered) if i not in canonical and item.overrides.split]
    home = {i: c for c, members in enumerate(clusters) for i in members}
    for duplicate, kept in canonical.items():
        clusters[home[kept]].append(duplicate)
    clusters.sort(key=min)
    originals = originals_of(near)
    leads = [ordered[choose_lead(ordered, c, canonical, copies_within(c, originals))].slug for c in clusters]
    age = {item.slug: i for i, item in enumerate(ordered)}
    ids = assign_ids([[ordered[i].slug for i in c] for c in clusters], leads, state, age)
    apply_merges(clusters, ids, ordered, canonical)
    groups = [make_group(sid, c, ordered, canonical, originals) for sid, c in zip(ids, clusters) if c]
    return sorted(groups, key=lambda g: min(age[s] for s in g.slugs))
