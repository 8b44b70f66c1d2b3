"""digest_taxonomies.taxonomy: indexes and orderings, on small stand-in posts."""

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from digest_taxonomies.taxonomy import (
    company_listing,
    index_by,
    is_central,
    more_about,
    newest_first,
    representative,
    timelines_by_company,
    unify_names,
)
from digest_taxonomies.wrappers import Company, Source
from pelican.settings import DEFAULT_CONFIG

SETTINGS = dict(DEFAULT_CONFIG)


def post(slug, day, companies=(), source="", story=None):
    """A stand-in Article: what the taxonomy functions read."""
    p = SimpleNamespace(slug=slug, date=datetime(2025, 3, day, 12, tzinfo=UTC))
    p.companies = [Company(c, SETTINGS) for c in companies]
    if source:
        p.source = Source(source, SETTINGS)
    if story is not None:
        p.story = story
    return p


def slugs(posts):
    return [p.slug for p in posts]


def test_newest_first_breaks_date_ties_by_slug():
    posts = [post("b", 1), post("c", 2), post("a", 1)]
    assert slugs(newest_first(posts)) == ["c", "a", "b"]


def test_unify_names_picks_the_commonest_spelling_and_shares_one_object():
    posts = [post("1", 1, ["microsoft"]), post("2", 2, ["Microsoft"]), post("3", 3, ["Microsoft", "Apple"])]
    by_slug = unify_names(posts, "companies")
    assert by_slug["microsoft"].name == "Microsoft"
    assert posts[0].companies[0] is posts[1].companies[0] is by_slug["microsoft"]


def test_unify_names_ties_go_to_the_alphabetically_first_spelling():
    posts = [post("1", 1, ["openai"]), post("2", 2, ["OpenAI"])]
    assert unify_names(posts, "companies")["openai"].name == "OpenAI"


def test_unify_names_for_single_values():
    posts = [post("1", 1, source="the verge"), post("2", 2, source="The Verge"), post("3", 3, source="The Verge")]
    unify_names(posts, "source")
    assert {p.source.name for p in posts} == {"The Verge"} and posts[0].source is posts[2].source


def test_a_name_beats_a_folder_name_even_when_rarer():
    posts = [post("1", 1, source="gadget-harbor"), post("2", 2, source="gadget-harbor"), post("3", 3, source="Gadget Harbor")]
    unify_names(posts, "source")
    assert {p.source.name for p in posts} == {"Gadget Harbor"}


def test_an_outlet_known_only_by_its_host_takes_the_name_its_host_goes_by():
    posts = [post("1", 1, source="asiatech.example"), post("2", 2, source="Asia Tech Monitor"), post("3", 3, source="other.example")]
    posts[0].source_url = "https://www.asiatech.example/a"
    posts[1].source_url = "https://asiatech.example/b"
    posts[2].source_url = "https://other.example/c"
    unify_names(posts, "source")
    assert [p.source.name for p in posts] == ["Asia Tech Monitor", "Asia Tech Monitor", "other.example"]
    assert posts[0].source is posts[1].source


@pytest.mark.parametrize(("folder", "named", "expected"), [
    ("ticker-tape", ["The Ticker Tape"], "The Ticker Tape"),
    ("tickertape", ["The Ticker-Tape"], "The Ticker-Tape"),
    ("ticker-tape", ["TickerTape", "The Ticker Tape"], "ticker-tape"),  # two outlets fit: left alone
    ("ticker-tape", ["The Tickertapes"], "ticker-tape"),
])
def test_an_outlet_known_only_by_its_folder_takes_the_name_that_differs_by_the(folder, named, expected):
    posts = [post("0", 1, source=folder)] + [post(str(i), 2, source=n) for i, n in enumerate(named, 1)]
    unify_names(posts, "source")
    assert posts[0].source.name == expected


def test_index_by_groups_in_post_order_sorted_by_slug():
    posts = [post("x", 3, ["Xiaomi", "Apple"]), post("y", 2, ["Apple"]), post("z", 1, [])]
    index = index_by(posts, "companies")
    assert [(c.name, slugs(items)) for c, items in index] == [("Apple", ["x", "y"]), ("Xiaomi", ["x"])]


def test_index_by_ignores_missing_and_unconverted_values():
    plain = SimpleNamespace(slug="p", date=None, companies="Microsoft; Apple")
    assert index_by([plain, SimpleNamespace(slug="q")], "companies") == []


def test_is_central_means_among_the_first_companies():
    p = post("p", 1, ["Google", "Apple", "Microsoft"])
    ms = Company("Microsoft", SETTINGS)
    assert not is_central(p, ms, 2)
    assert is_central(p, ms, 3)


def test_company_listing_puts_central_stories_first_then_newest():
    ms = Company("Microsoft", SETTINGS)
    posts = [
        post("mention", 5, ["GitHub", "OpenAI", "Microsoft"]),
        post("central-new", 4, ["Xiaomi", "Microsoft"]),
        post("central-old", 2, ["Microsoft"]),
    ]
    listing = company_listing(ms, posts, rank=2)
    assert slugs(listing.entries) == ["central-new", "central-old", "mention"]
    assert listing.central == 2


def test_company_listing_shows_one_entry_per_story_its_lead():
    ms = Company("Microsoft", SETTINGS)
    lead = post("lead", 4, ["Microsoft"])
    story = SimpleNamespace(id="s1", lead=lead)
    lead.story = story
    coverage = post("coverage", 4, ["Xiaomi", "Apple", "Microsoft"], story=story)
    other = post("other", 3, ["Apple", "Google", "Microsoft"])
    listing = company_listing(ms, [coverage, lead, other], rank=2)
    # The story is central because its lead names Microsoft first, though the newer coverage does not.
    assert slugs(listing.entries) == ["lead", "other"]
    assert listing.central == 1
    assert representative(coverage) is lead


def test_more_about_skips_own_story_and_repeats_and_respects_the_limit():
    a = post("a", 9, ["Microsoft", "Xiaomi"])
    story = SimpleNamespace(id="s", lead=a)
    a.story = story
    same_story = post("same", 9, ["Microsoft"], story=story)
    ms_posts = [post(f"m{i}", 8 - i, ["Microsoft"]) for i in range(4)]
    both = post("both", 1, ["Microsoft", "Xiaomi"])
    xiaomi_only = post("x", 2, ["Xiaomi"])
    by_company = {
        "microsoft": [a, same_story, *ms_posts, both],
        "xiaomi": [a, xiaomi_only, both],
    }
    sections = more_about(a, by_company, rank=2, limit=3)
    assert [(c.name, slugs(items)) for c, items in sections] == [
        ("Microsoft", ["m0", "m1", "m2"]),
        ("Xiaomi", ["x", "both"]),
    ]


def test_more_about_measures_time_across_time_zones_to_the_microsecond():
    berlin = timezone(timedelta(hours=2))
    middle = post("middle", 5, ["Microsoft"])
    # 19:00 in Berlin and 03:00 at UTC-4 lie as far from 12:00 UTC as each other: the newer wins
    newer = post("newer", 5, ["Microsoft"])
    newer.date = datetime(2025, 3, 5, 19, 0, tzinfo=berlin)  # 17:00 UTC, 5 h later
    older = post("older", 5, ["Microsoft"])
    older.date = datetime(2025, 3, 5, 3, 0, tzinfo=timezone(timedelta(hours=-4)))  # 07:00 UTC, 5 h earlier
    closer = post("closer", 5, ["Microsoft"])
    closer.date = datetime(2025, 3, 5, 7, 0, 0, 1, tzinfo=UTC)  # a microsecond nearer than older
    timeline = newest_first([newer, middle, closer, older])
    by_company = {"microsoft": timeline}
    assert slugs(more_about(middle, by_company, rank=1, limit=1)[0][1]) == ["closer"]
    assert slugs(more_about(middle, by_company, rank=1, limit=2)[0][1]) == ["newer", "closer"]  # the tie
    assert slugs(more_about(middle, by_company, rank=1, limit=3)[0][1]) == ["newer", "closer", "older"]


def test_more_about_picks_the_stories_nearest_in_time_and_lists_them_newest_first():
    timeline = [post(f"d{day}", day, ["Microsoft"]) for day in range(9, 0, -1)]
    middle = timeline[4]  # day 5
    by_company = {"microsoft": timeline}
    assert slugs(more_about(middle, by_company, rank=1, limit=2)[0][1]) == ["d6", "d4"]
    # d7 and d3 are as far from day 5: the newer one wins the tie.
    assert slugs(more_about(middle, by_company, rank=1, limit=3)[0][1]) == ["d7", "d6", "d4"]
    assert slugs(more_about(timeline[-1], by_company, rank=1, limit=2)[0][1]) == ["d3", "d2"]
    timelines = timelines_by_company(by_company)
    for one in timeline:
        assert more_about(one, by_company, 1, 3, timelines) == more_about(one, by_company, 1, 3)


def test_more_about_is_empty_without_companies_or_other_posts():
    lonely = post("l", 1, ["Acme"])
    assert more_about(lonely, {"acme": [lonely]}, rank=2, limit=4) == []
    assert more_about(post("n", 1), {}, rank=2, limit=4) == []
