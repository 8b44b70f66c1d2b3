"""Which posts cannot be written where their address says (shared by the build and the CLI)."""

from digest_core.addresses import NAME_MAX, unwritable


def test_the_first_by_source_path_keeps_a_shared_address_and_long_names_are_refused():
    long_slug = "x" * (NAME_MAX + 1)
    refused = unwritable([
        ("posts/b.md", "2025/03/01/chips/index.html"),
        ("posts/a.md", "2025/03/01/chips/./index.html"),  # the same file, spelt otherwise
        ("posts/c.md", f"2025/03/01/{long_slug}/index.html"),
        ("posts/d.md", ""),  # not written at all
        ("posts/e.md", "2025/03/02/chips/index.html"),
    ])
    assert [source for source, _ in refused] == ["posts/b.md", "posts/c.md"]
    assert "as posts/a.md is" in refused[0][1]
    assert f"a name of {NAME_MAX + 1} bytes" in refused[1][1]


def test_names_are_counted_in_bytes():
    assert unwritable([("p.md", "é" * 128 + "/index.html")])  # 256 bytes in UTF-8
    assert not unwritable([("p.md", "é" * 127 + "/index.html")])
