"""Stable story ids: the state file and id assignment, across runs and when posts join."""

import json

from story_support import item

from digest_stories.grouping import group_stories
from digest_stories.state import (
    assign_ids,
    id_base,
    load_state,
    new_id,
    render_state,
    save_state,
    state_from_groups,
)

GITHUB = ("Microsoft agreed to buy GitHub for $7.5 billion in stock. Nat Friedman will run GitHub, which "
          "28 million developers use, and Satya Nadella promised the service stays independent and open.")
GITHUB_2 = ("Satya Nadella's $7.5 billion purchase of GitHub gives Microsoft a direct link to 28 million "
            "developers. Nat Friedman becomes chief executive of the code host, which stays independent.")
GITHUB_3 = ("GitHub's 28 million developers reacted to Microsoft's $7.5 billion deal; Nat Friedman, the next "
            "chief executive, said GitHub stays independent under Satya Nadella; the longest report leads.")


def test_state_round_trip_is_sorted_and_written_only_when_changed(tmp_path):
    path = tmp_path / "data" / "stories.json"
    assert save_state(path, {"b-post": "story-1", "a-post": "story-1"})
    assert list(json.loads(path.read_text())) == ["a-post", "b-post"]
    assert path.read_text() == render_state({"a-post": "story-1", "b-post": "story-1"})
    mtime = path.stat().st_mtime_ns
    assert not save_state(path, {"a-post": "story-1", "b-post": "story-1"})
    assert path.stat().st_mtime_ns == mtime
    assert load_state(path) == {"a-post": "story-1", "b-post": "story-1"}
    assert [p.name for p in path.parent.iterdir()] == ["stories.json"]  # no temporary file left


def test_unreadable_state_is_ignored_with_a_warning(tmp_path, caplog):
    path = tmp_path / "stories.json"
    assert load_state(path) == {}
    path.write_text("{not json")
    assert load_state(path) == {} and "unreadable" in caplog.text
    path.write_text('{"ok": "story", "bad": 3, "empty": ""}')
    assert load_state(path) == {"ok": "story"}


def test_id_base_and_new_ids():
    assert id_base("2018-02-26 Microsoft & Xiaomi!") == "2018-02-26-microsoft-xiaomi"
    assert id_base("???") == "story"
    assert len(id_base("x" * 200)) == 60
    assert new_id("lead-slug", set()) == "lead-slug"
    clash = new_id("lead-slug", {"lead-slug"})
    assert clash.startswith("lead-slug-") and len(clash) == len("lead-slug-") + 6
    assert new_id("lead-slug", {"lead-slug"}) == clash  # deterministic
    assert new_id("lead-slug", {"lead-slug", clash}) not in {"lead-slug", clash}


def test_a_cluster_keeps_the_id_most_of_its_posts_held():
    state = {"a": "old-1", "b": "old-1", "c": "old-2"}
    ids = assign_ids([["a", "b", "c"]], ["c"], state, {"a": 0, "b": 1, "c": 2})
    assert ids == ["old-1"]


def test_ties_go_to_the_oldest_id():
    state = {"a": "newer", "b": "older"}
    assert assign_ids([["a", "b"]], ["a"], state, {"a": 5, "b": 1}) == ["older"]


def test_a_split_story_keeps_its_id_on_the_bigger_part_and_never_reuses_known_ids():
    state = {"a": "s1", "b": "s1", "c": "s1", "x": "gone"}
    ids = assign_ids([["a", "b"], ["c"], ["d"]], ["a", "c", "gone"], state,
                     {"a": 0, "b": 1, "c": 2, "d": 3, "x": 4})
    assert ids[0] == "s1"
    assert ids[1] == "c"
    assert ids[2] != "gone" and ids[2].startswith("gone-")


def test_ids_are_stable_across_runs_and_when_a_post_joins(config):
    first = [item("github-a", GITHUB, "2018-06-04T15:00"), item("github-b", GITHUB_2, "2018-06-05T08:00")]
    groups = group_stories(first, {}, config)
    state = state_from_groups(groups)
    (story_id,) = {g.id for g in groups}
    assert group_stories(first, state, config) == groups  # same input, same state: nothing moves
    joined = group_stories([*first, item("github-c", GITHUB_3, "2018-06-05T20:00")], state, config)
    (story,) = joined
    assert story.id == story_id and "github-c" in story.slugs
    assert state_from_groups(joined) == {**state, "github-c": story_id}


def test_a_new_story_is_named_after_its_lead(config):
    (group,) = group_stories([item("Some Lead!", GITHUB)], {}, config)
    assert group.id == "some-lead"
