"""Digests of template values: equal data gives equal digests, any shown change a new one."""

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from markupsafe import Markup
from pelican.urlwrappers import Tag

from digest_core.fingerprint import Fingerprints, Unstable

SETTINGS = dict(DEFAULT_CONFIG)


def article(title="A headline", text="<p>Body</p>", **extra):
    metadata = {"title": title, "date": datetime(2024, 5, 1, 9, tzinfo=UTC), "slug": title.lower().replace(" ", "-")}
    post = Article(text, metadata=metadata, settings=SETTINGS, context={"localsiteurl": ""})
    for name, value in extra.items():
        setattr(post, name, value)
    return post


def digest(value):
    return Fingerprints().of(value)


@pytest.mark.parametrize("value", [
    "text", 3, 2.5, None, True, b"x", datetime(2024, 1, 1, tzinfo=UTC),
    ["a", 1], ("a", 1), {"k": [1, 2]}, {3, 1, 2}, SimpleNamespace(a=1, b="x"),
])
def test_equal_values_in_fresh_instances_give_equal_digests(value):
    assert digest(value) == digest(value)


@pytest.mark.parametrize("left, right", [
    ("1", 1), (["ab"], ["a", "b"]), ({"a": 1}, {"a": 2}), ((1,), [1]),
    (SimpleNamespace(a=1), SimpleNamespace(a=2)), ("a\0b", "a"),
    # containers of built-in types take a shortcut (marshal) that must keep these apart too
    ({1: "a"}, {"1": "a"}), ([True], [1]), ([1.0], [1]), ({"k": (1,)}, {"k": [1]}),
    (["x"], [Markup("x")]), ([b"x"], ["x"]), ([["a"], "b"], [["a", "b"]]),
])
def test_different_values_give_different_digests(left, right):
    assert digest(left) != digest(right)


def test_sets_do_not_depend_on_order():
    assert digest({"b", "a", "c"}) == digest({"c", "a", "b"})


def test_sets_inside_containers_give_the_same_digest_in_every_run():
    # Sets of strings iterate in an order that varies between runs (hash seeds); the shortcut
    # for containers of built-in types (marshal) must not see them in that order.
    code = ("from digest_core.fingerprint import Fingerprints; names = [f'name-{i}' for i in range(40)]; "
            "print(Fingerprints().of({'k': [set(names), frozenset(names[:5])], 'x': '<'}))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1


def test_containers_that_hold_objects_are_walked():
    assert digest(["a", SimpleNamespace(x=1)]) != digest(["a", SimpleNamespace(x=2)])
    assert digest({"post": article("One")}) != digest({"post": article("Two")})


def test_a_post_counts_with_its_text_and_fields():
    assert digest(article()) == digest(article())
    assert digest(article()) != digest(article(title="Another headline"))
    assert digest(article()) != digest(article(text="<p>Other body</p>"))


def test_a_post_counts_with_its_neighbours_one_level_deep():
    lead, other = article("Lead"), article("Other")
    story = SimpleNamespace(lead=lead, coverage=[lead, other])
    lead.story = other.story = story
    before = digest(lead)
    other.metadata["title"] = other.title = "Other, renamed"
    assert digest(lead) != before  # lead's page shows the other post's headline


def test_without_neighbours_a_post_counts_by_its_own_fields():
    lead, other = article("Lead"), article("Other")
    lead.story = other.story = SimpleNamespace(lead=lead, coverage=[lead, other])
    before = Fingerprints().of([lead], neighbours=False)
    other.metadata["title"] = other.title = "Other, renamed"
    assert Fingerprints().of([lead], neighbours=False) == before  # a feed entry does not show it
    lead.metadata["title"] = lead.title = "Lead, renamed"
    assert Fingerprints().of([lead], neighbours=False) != before


def test_cycles_between_posts_terminate():
    a, b = article("A"), article("B")
    a.related, b.related = [b], [a]
    assert digest([a, b]) == digest([a, b])


def test_url_wrappers_count_by_name_and_slug_not_by_what_was_computed_before():
    fresh, used = Tag("Smart Home", SETTINGS), Tag("Smart Home", SETTINGS)
    assert used.slug == "smart-home"  # computes and stores the slug inside the object
    assert digest(fresh) == digest(used)
    assert digest(fresh) != digest(Tag("Cloud", SETTINGS))


def test_slotted_dataclasses_are_walked():
    @dataclass(frozen=True, slots=True)
    class Bar:
        label: str
        count: int

    assert digest(Bar("a", 1)) == digest(Bar("a", 1)) != digest(Bar("a", 2))


def test_objects_in_a_ring_are_refused_not_walked_forever():
    parent = SimpleNamespace(name="p")
    parent.child = SimpleNamespace(name="c", parent=parent)
    with pytest.raises(Unstable):
        digest(parent)


@pytest.mark.parametrize("value", [len, lambda: 1, object(), [print]])
def test_values_without_a_stable_form_are_refused(value):
    with pytest.raises(Unstable):
        digest(value)
