"""Stable pages: numbered from the oldest post, so that new posts change the front page only."""

from pelican.paginator import PaginationRule

from digest_core.pagination import PageLink, page_slices, stable_pages

SETTINGS = {"PAGINATION_PATTERNS": [  # as Pelican's read_settings leaves them
    PaginationRule(1, "{url}", "{save_as}"),
    PaginationRule(2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]}


def _pages(count, per_page):
    """Page number -> the items it holds, items numbered by age (0 = oldest), newest first."""
    items = list(range(count - 1, -1, -1))
    return {number: items[start:stop] for number, start, stop in page_slices(count, per_page)}


def test_every_item_is_on_one_page_and_numbered_pages_are_full():
    for count in range(0, 130):
        pages = _pages(count, 20)
        assert sorted(i for items in pages.values() for i in items) == list(range(count))
        assert all(len(items) == 20 for number, items in pages.items() if number > 1)
        assert len(pages[1]) < 40 and (len(pages[1]) >= 20 or len(pages) == 1)


def test_page_two_holds_the_oldest_items_and_new_items_change_the_front_page_only():
    before = _pages(45, 20)
    assert before[2] == list(range(19, -1, -1))  # the oldest twenty, newest first
    for count in range(46, 130):
        after = _pages(count, 20)
        assert all(after[number] == items for number, items in before.items() if number > 1)
        before = after


def test_without_a_page_size_a_list_is_one_page():
    assert page_slices(500, None) == page_slices(500, 0) == [(1, 0, 500)]


def test_pages_link_newer_and_older_neighbours_by_address_only():
    pages = stable_pages("tag/ai/index.html", "tag/ai/", {"articles": list(range(70, 0, -1))}, 20, SETTINGS)
    assert [(number, save_as) for number, save_as, _, _ in pages] == [
        (1, "tag/ai/index.html"), (3, "tag/ai/page/3/index.html"), (2, "tag/ai/page/2/index.html")]
    front, middle, oldest = (values for _, _, _, values in pages)
    assert front["articles_page"].object_list == list(range(70, 40, -1))
    assert front["articles_previous_page"] is None
    assert front["articles_next_page"] == PageLink(3, "tag/ai/page/3/")
    assert middle["articles_previous_page"] == PageLink(1, "tag/ai/") and middle["articles_page"].url == "tag/ai/page/3/"
    assert oldest["articles_page"].object_list == list(range(20, 0, -1)) and oldest["articles_next_page"] is None
    assert oldest["articles_page"].has_previous() and not oldest["articles_page"].has_next()


def test_a_last_page_pattern_is_not_used():
    last = PaginationRule(-1, "{base_name}/last/", "{base_name}/last/index.html")
    settings = {"PAGINATION_PATTERNS": [*SETTINGS["PAGINATION_PATTERNS"], last]}
    pages = stable_pages("tag/ai/index.html", "tag/ai/", {"articles": list(range(60))}, 20, settings)
    assert [save_as for _, save_as, _, _ in pages] == [
        "tag/ai/index.html", "tag/ai/page/3/index.html", "tag/ai/page/2/index.html"]
