"""The per-post feature cache: round trips, misses, bad files, and clustering that does not change."""

import dataclasses
import hashlib
import marshal
import random
from datetime import datetime, timedelta

import pytest
from story_support import GITHUB, GITHUB_2, SWITCH, labelled_items, labelled_rows, seed_items

from digest_stories import features
from digest_stories.feature_cache import (
    FILE, FeatureCache, cache_path, code_version, decode, encode, file_bytes, read_entries, text_key,
)
from digest_stories.features import analyse
from digest_stories.grouping import group_stories
from digest_stories.model import StoryItem

ODD_TEXTS = [
    ("", ""),
    ("Only a title", ""),
    ("", "!!! ... ???"),  # no words: no fingerprint, no sketch
    ("Zürich’s ÄRA", "Die ÄRA-Gruppe in Zürich meldet 12,5 Millionen € Umsatz.\nCEO Jürgen Weiß sagte es."),
    ("Lone \ud800 surrogate", "A broken \udcff byte in Text Here, worth $3.5 billion."),
    ("日本語", "ソニーは東京で新しいカメラを発表した。\n価格は 12万円。"),
]


def _texts():
    return [(i.title, i.text) for i in seed_items() + labelled_items()] + ODD_TEXTS


def _counting(monkeypatch) -> list[str]:
    """Count calls of ``features.analyse`` (by title) from here on."""
    calls: list[str] = []

    def counted(title: str, text: str) -> features.TextFeatures:
        calls.append(title)
        return analyse(title, text)

    monkeypatch.setattr(features, "analyse", counted)
    return calls


def _filled(path, texts) -> FeatureCache:
    cache = FeatureCache(path)
    for title, text in texts:
        cache.analyse(title, text)
    cache.save()
    return cache


def test_an_entry_decodes_to_the_features_it_encodes():
    for title, text in _texts():
        found = analyse(title, text)
        assert decode(marshal.loads(marshal.dumps(encode(found)))) == found, title


def test_features_come_back_from_the_file_without_analysing(tmp_path, monkeypatch):
    path = tmp_path / FILE
    _filled(path, _texts())
    calls = _counting(monkeypatch)
    cache = FeatureCache(path)
    assert [cache.analyse(t, x) for t, x in _texts()] == [analyse(t, x) for t, x in _texts()]
    assert calls == [] and cache.analysed == 0


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Microsoft buys GitHub", GITHUB + " "),  # one more space
        ("Microsoft buys GitHub.", GITHUB),
        ("Microsoft buys GitHub", GITHUB.replace("$7.5", "$7.6")),
        ("Microsoft buys", "GitHub" + GITHUB),  # the same characters, split elsewhere
    ],
)
def test_a_changed_title_or_text_is_analysed_again(tmp_path, monkeypatch, title, text):
    path = tmp_path / FILE
    _filled(path, [("Microsoft buys GitHub", GITHUB)])
    calls = _counting(monkeypatch)
    cache = FeatureCache(path)
    assert cache.analyse(title, text) == analyse(title, text)
    assert calls == [title]


def test_keys_follow_exactly_what_analyse_receives():
    assert text_key("a", "bc") != text_key("ab", "c")
    assert text_key("a", "b") == text_key("a", "b") != text_key("a", "b ")


def _rewrite(path, change):
    """Change the entries and write them back with a digest that matches."""
    entries = read_entries(path)
    change(entries)
    path.write_bytes(file_bytes(entries))


def _parts(path):
    """(magic line, header line, payload) of a feature file."""
    magic, _, rest = path.read_bytes().partition(b"\n")
    header, _, payload = rest.partition(b"\n")
    return magic, header, payload


def _with_payload(path, payload, digest=False):
    """Another payload under the file's header, with a digest that matches it if ``digest``."""
    magic, header, _ = _parts(path)
    if digest:
        header = header.split(b" ")[0] + b" " + hashlib.blake2b(payload, digest_size=16).hexdigest().encode()
    path.write_bytes(magic + b"\n" + header + b"\n" + payload)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p: p.write_bytes(b"\x00\xff not ours at all"),
        lambda p: p.write_bytes(p.read_bytes()[:-40]),  # cut short: the digest no longer matches
        lambda p: _with_payload(p, _parts(p)[2].replace(b"switch", b"swatch")),  # one word changed
        lambda p: _with_payload(p, marshal.dumps([1, 2, 3]), digest=True),  # not a mapping
        lambda p: _with_payload(p, _parts(p)[2][:-40], digest=True),  # truncated marshal data
        lambda p: p.write_bytes(p.read_bytes().replace(code_version().encode(), b"another-version", 1)),
        lambda p: p.write_bytes(p.read_bytes().partition(b"\n")[2]),  # no magic line
    ],
    ids=["garbage", "truncated", "changed", "not-a-mapping", "bad-marshal", "other-version", "no-magic"],
)
def test_a_corrupt_or_foreign_file_is_ignored(tmp_path, monkeypatch, spoil):
    path = tmp_path / FILE
    texts = [("GitHub", GITHUB), ("Switch", SWITCH)]
    _filled(path, texts)
    spoil(path)
    calls = _counting(monkeypatch)
    cache = FeatureCache(path)
    assert [cache.analyse(*t) for t in texts] == [analyse(*t) for t in texts]
    assert calls == ["GitHub", "Switch"]
    assert cache.save() and FeatureCache(path).stored.keys() == {text_key(*t) for t in texts}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda e: e.clear(),
        lambda e: e.append("one too many"),
        lambda e: e.__setitem__(1, list(e[1])),  # body as a list
        lambda e: e.__setitem__(1, (*e[1], 7)),  # a word that is not a string
        lambda e: e.__setitem__(0, " ".join(e[0])),  # title as one string
        lambda e: e.__setitem__(2, -1),  # lead length
        lambda e: e.__setitem__(2, 10_000),
        lambda e: e.__setitem__(2, "3"),
        lambda e: e.__setitem__(3, (7,)),  # a name that is not a string
        lambda e: e.__setitem__(3, "microsoft"),  # names as one string
        lambda e: e.__setitem__(5, None),  # fingerprint
        lambda e: e.__setitem__(6, "not bytes"),
        lambda e: e.__setitem__(6, e[6][:-8]),  # a sketch too short
    ],
)
def test_a_spoilt_entry_is_analysed_again(tmp_path, monkeypatch, spoil):
    path = tmp_path / FILE
    texts = [("GitHub", GITHUB), ("GitHub too", GITHUB_2)]
    _filled(path, texts)
    key = text_key(*texts[0])

    def change(entries):
        entry = list(entries[key])
        spoil(entry)
        entries[key] = tuple(entry)

    _rewrite(path, change)
    calls = _counting(monkeypatch)
    cache = FeatureCache(path)
    assert [cache.analyse(*t) for t in texts] == [analyse(*t) for t in texts]
    assert calls == ["GitHub"]


def test_only_the_entries_a_build_used_are_saved(tmp_path):
    path = tmp_path / FILE
    _filled(path, [("GitHub", GITHUB), ("Switch", SWITCH)])
    _filled(path, [("Switch", SWITCH)])
    assert set(read_entries(path)) == {text_key("Switch", SWITCH)}


def test_the_same_posts_give_the_same_entries_and_the_file_is_left_alone_when_nothing_changed(tmp_path):
    texts = _texts()
    first, second = tmp_path / "a" / FILE, tmp_path / "b" / FILE
    _filled(first, texts)
    _filled(second, list(reversed(texts)))
    assert read_entries(first) == read_entries(second) != {}
    assert list(read_entries(first)) == sorted(read_entries(first))
    assert _parts(first)[1].split(b" ")[0] == code_version().encode()
    again = FeatureCache(first)
    for title, text in reversed(texts):
        again.analyse(title, text)
    mtime = first.stat().st_mtime_ns
    assert not again.save() and first.stat().st_mtime_ns == mtime


def test_posts_read_back_share_their_word_strings(tmp_path):
    path = tmp_path / FILE
    _filled(path, [("GitHub", GITHUB), ("GitHub too", GITHUB_2)])
    cache = FeatureCache(path)
    one, two = cache.analyse("GitHub", GITHUB), cache.analyse("GitHub too", GITHUB_2)
    shared = set(one.body) & set(two.body)
    ids = [{w: id(w) for w in found.body if w in shared} for found in (one, two)]
    assert shared and ids[0] == ids[1]


def test_a_cache_that_cannot_be_written_is_skipped_with_a_warning(tmp_path, caplog):
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    cache = FeatureCache(cache_path({"CACHE_PATH": str(tmp_path / "cache")}))
    assert cache.analyse("GitHub", GITHUB) == analyse("GitHub", GITHUB)
    assert not cache.save()
    assert "cannot write the feature cache" in caplog.text


def generated_items(size: int, seed: int = 11) -> list[StoryItem]:
    """Posts whose paragraphs are drawn from the labelled set's, some repeated exactly (duplicates)."""
    rng = random.Random(seed)
    rows = labelled_rows()
    paragraphs = sorted({p for r in rows for p in r["body"].split("\n") if p.strip()})
    start = datetime(2021, 3, 1, 8, 0)
    items: list[StoryItem] = []
    for n in range(size):
        if items and rng.random() < 0.05:
            copied = rng.choice(items)
            items.append(dataclasses.replace(copied, slug=f"g{n}", date=copied.date + timedelta(hours=3)))
            continue
        row = rng.choice(rows)
        text = "\n".join(rng.sample(paragraphs, 2) + row["body"].split("\n")[:2])
        items.append(StoryItem(slug=f"g{n}", title=row["title"], text=text,
                               date=start + timedelta(hours=rng.uniform(0, 24 * 60)),
                               source=row["source"], companies=tuple(row["companies"])))
    return items


@pytest.mark.parametrize(
    "posts", [labelled_items, lambda: generated_items(400)], ids=["labelled", "generated"]
)
def test_clustering_is_the_same_with_a_cold_or_warm_cache_and_without(tmp_path, monkeypatch, config, posts):
    items = posts()
    new = dataclasses.replace(items[0], slug="brand-new", text=items[0].text + "\nOne more paragraph.")
    path = tmp_path / FILE
    without, grown_without = group_stories(items, {}, config), group_stories([*items, new], {}, config)
    cold = FeatureCache(path)
    assert group_stories(items, {}, config, cold.analyse_texts) == without
    cold.save()
    calls = _counting(monkeypatch)
    warm = FeatureCache(path)
    assert group_stories(items, {}, config, warm.analyse_texts) == without
    assert calls == []
    grown = FeatureCache(path)
    assert group_stories([*items, new], {}, config, grown.analyse_texts) == grown_without
    assert calls == [new.title]


@pytest.mark.parametrize("jobs", [1, 2])
def test_analyse_texts_analyses_each_text_the_file_lacks_once(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(features, "PARALLEL_MIN_TEXTS", 2)  # small enough to fork here
    texts = _texts()
    path = tmp_path / FILE
    _filled(path, texts[::2])
    asked = [*texts, *texts[:3]]  # texts asked for twice are analysed once
    cache = FeatureCache(path)
    assert cache.analyse_texts(asked, jobs) == [analyse(*t) for t in asked]
    assert cache.analysed == len(set(texts)) - len(set(texts[::2]))
    assert cache.save() and FeatureCache(path).stored.keys() == {text_key(*t) for t in texts}
