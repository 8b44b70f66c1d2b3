"""Stories as the site shows them: present posts only, outlets, companies, importance, order, URL."""

from datetime import date

from story_support import item

from digest_stories.model import Member, StoryGroup
from digest_stories.story import by_coverage_day, by_day, make_stories


def _items():
    return {i.slug: i for i in [
        item("lead", "x", "2018-02-24T09:00", source="Bitwire", companies=("Xiaomi", "Microsoft")),
        item("early", "x", "2018-02-23T22:00", source="Packet News", companies=("Microsoft",)),
        item("same-outlet", "x", "2018-02-25T09:00", source="Bitwire", companies=("microsoft",)),
        item("dup", "x", "2018-02-25T10:00", source="Mirror"),
        item("draft", "x", "2018-02-25T11:00", source="Drafty", status="draft"),
        item("solo", "x", "2018-02-24T10:00", source="Kernel Weekly"),
        item("pinned", "x", "2018-02-24T08:00", source="Circuit Daily"),
    ]}


GROUPS = [
    StoryGroup("big", (Member("lead", "lead"), Member("early", "coverage"), Member("same-outlet", "coverage"),
                       Member("draft", "coverage"), Member("dup", "duplicate", "lead"))),
    StoryGroup("solo", (Member("solo", "lead"),)),
    StoryGroup("pin", (Member("pinned", "lead"),), pinned=True),
    StoryGroup("drafts-only", (Member("draft", "lead"),)),
]


def test_story_fields(config):
    items = _items()
    posts = {slug: slug.upper() for slug in items if slug != "draft"}  # the draft is not published
    stories = make_stories(GROUPS, items, posts, config)
    big = next(s for s in stories if s.id == "big")
    assert big.lead == "LEAD" and big.coverage == ("EARLY", "SAME-OUTLET") and big.duplicates == ("DUP",)
    assert big.posts == ("LEAD", "EARLY", "SAME-OUTLET", "DUP")
    assert big.outlets == ("Bitwire", "Packet News")  # the lead's first; duplicates and drafts not counted
    assert big.companies == ("Microsoft", "Xiaomi")  # most shared first, first spelling kept
    assert big.date == items["lead"].date
    assert big.day == date(2018, 2, 23)  # first reported
    assert big.days == (date(2018, 2, 23), date(2018, 2, 24), date(2018, 2, 25))  # not the duplicate's
    assert big.url == "2018/02/23/#story-big" and big.anchor == "story-big"
    assert big.importance == 2.0
    assert all(s.id != "drafts-only" for s in stories)


def test_order_is_day_then_importance_then_recency(config):
    items = _items()
    posts = {slug: slug for slug in items}
    stories = make_stories(GROUPS[1:3], items, posts, config)
    assert [s.id for s in stories] == ["pin", "solo"]  # same day: the pinned one first
    assert stories[0].importance == 1 + config.pin_bonus
    days = by_day(make_stories(GROUPS, items, posts, config))
    assert [d for d, _ in days] == [date(2018, 2, 25), date(2018, 2, 24), date(2018, 2, 23)]


def test_day_issues_hold_every_story_covered_that_day_new_ones_first(config):
    items = _items()
    posts = {slug: slug for slug in items if slug != "draft"}
    stories = make_stories(GROUPS, items, posts, config)
    issues = {day: [s.id for s in listed] for day, listed in by_coverage_day(stories)}
    assert list(issues) == [date(2018, 2, 25), date(2018, 2, 24), date(2018, 2, 23)]
    assert issues[date(2018, 2, 24)] == ["pin", "solo", "big"]  # "big" broke on the 23rd: a follow-up
    assert issues[date(2018, 2, 25)] == ["big"]  # only further coverage that day
    assert [[s.id for s in listed] for _, listed in by_day(stories)] == [["pin", "solo"], ["big"]]
