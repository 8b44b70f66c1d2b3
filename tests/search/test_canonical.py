"""digest_search.canonical: the CBOR subset and the sorted rewrite of a Pagefind bundle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest_search.canonical import (
    BundleFormatError,
    canonicalize_bundle,
    cbor_decode,
    cbor_encode,
    encode_chunk,
    read_chunk,
)


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        (0, "00"),
        (23, "17"),
        (24, "1818"),
        (59, "183b"),
        (256, "190100"),
        (70000, "1a00011170"),
        (2**32, "1b0000000100000000"),
        (-1, "20"),
        (-300, "39012b"),
        (b"\x01\x02", "420102"),
        ("", "60"),
        ("year", "6479656172"),
        ("AT&T é", "6741542654" + "20c3a9"),
        ([], "80"),
        ([1, [2, "a"]], "8201820261" + "61"),
    ],
)
def test_cbor_round_trip(value: object, encoded: str) -> None:
    assert cbor_encode(value).hex() == encoded
    assert cbor_decode(bytes.fromhex(encoded)) == value


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ("", "truncated"),
        ("8201", "truncated"),
        ("63616263ff", "trailing"),
        ("a0", "major type 5"),
        ("1f", "unsupported CBOR head"),
        ("f5", "major type 7"),
    ],
)
def test_cbor_decode_rejects(data: str, error: str) -> None:
    with pytest.raises(BundleFormatError, match=error):
        cbor_decode(bytes.fromhex(data))


@pytest.mark.parametrize("value", [True, None, 1.5, {"a": 1}])
def test_cbor_encode_rejects(value: object) -> None:
    with pytest.raises(BundleFormatError):
        cbor_encode(value)


def make_bundle(root: Path, company_order: list[str], filter_order: list[str], language: str = "en") -> Path:
    """A bundle shaped like Pagefind 1.5's, with values and filters in the given orders.

    Called again with another ``language``, it adds that language to the same bundle.
    """
    pages = {"Xiaomi": [0, 2], "Apple": [1], "AT&T": [2]}
    years = {"2018": [0, 1], "2022": [2]}
    bundle = root / "pagefind"
    (bundle / "filter").mkdir(parents=True, exist_ok=True)
    hashes = {}
    for name, values, order in (("company", pages, company_order), ("year", years, sorted(years))):
        hashes[name] = f"{language}_{name[:3]}{len(order)}000"
        content = [name, [[v, values[v]] for v in order]]
        (bundle / "filter" / f"{hashes[name]}.pf_filter").write_bytes(encode_chunk(content))
    meta = ["1.5.2", [["en_aaaaaaa", 50]], [["a", "z", "en_bbbbbbb"]], [[n, hashes[n]] for n in filter_order],
            [["date", [0, 1, 2]]], ["title"]]
    (bundle / f"pagefind.{language}_0123456789.pf_meta").write_bytes(encode_chunk(meta))
    entry_path = bundle / "pagefind-entry.json"
    entry = {"version": "1.5.2", "languages": {}}
    if entry_path.exists():
        entry = json.loads(entry_path.read_text())
    entry["languages"][language] = {"hash": f"{language}_0123456789", "wasm": language, "page_count": 3}
    entry_path.write_text(json.dumps(entry, separators=(",", ":")))
    return bundle


def snapshot(bundle: Path) -> dict[str, bytes]:
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in files}


def test_any_input_order_gives_the_same_bytes(tmp_path: Path) -> None:
    one = make_bundle(tmp_path / "a", ["Xiaomi", "Apple", "AT&T"], ["year", "company"])
    two = make_bundle(tmp_path / "b", ["AT&T", "Xiaomi", "Apple"], ["company", "year"])
    canonicalize_bundle(one)
    canonicalize_bundle(two)
    assert snapshot(one) == snapshot(two)


def test_rewritten_bundle_is_sorted_and_consistent(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, ["Xiaomi", "Apple", "AT&T"], ["year", "company"])
    canonicalize_bundle(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    language = entry["languages"]["en"]
    assert language["page_count"] == 3
    metas = sorted(p.name for p in bundle.glob("*.pf_meta"))
    assert metas == [f"pagefind.{language['hash']}.pf_meta"]
    assert len(language["hash"]) == len("en_0123456789")
    meta = read_chunk(bundle / metas[0])
    assert [name for name, _ in meta[3]] == ["company", "year"]
    assert meta[1] == [["en_aaaaaaa", 50]] and meta[4] == [["date", [0, 1, 2]]]
    files = {p.stem for p in (bundle / "filter").iterdir()}
    assert files == {h for _, h in meta[3]}
    company = read_chunk(bundle / "filter" / f"{meta[3][0][1]}.pf_filter")
    assert company == ["company", [["AT&T", [2]], ["Apple", [1]], ["Xiaomi", [0, 2]]]]


def test_unexpected_layout_is_an_error(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, ["Apple", "AT&T", "Xiaomi"], ["company", "year"])
    (bundle / "pagefind.en_0123456789.pf_meta").write_bytes(encode_chunk(["1.5.2", []]))
    with pytest.raises(BundleFormatError, match="unexpected layout"):
        canonicalize_bundle(bundle)


def test_languages_are_listed_in_order(tmp_path: Path) -> None:
    make_bundle(tmp_path, ["Apple", "AT&T", "Xiaomi"], ["company", "year"], language="zh-cn")
    bundle = make_bundle(tmp_path, ["Xiaomi", "Apple", "AT&T"], ["year", "company"], language="en")
    canonicalize_bundle(bundle)
    languages = json.loads((bundle / "pagefind-entry.json").read_text())["languages"]
    assert list(languages) == ["en", "zh-cn"]
    for code, language in languages.items():
        assert language["hash"].startswith(f"{code}_")
        meta = read_chunk(bundle / f"pagefind.{language['hash']}.pf_meta")
        assert all((bundle / "filter" / f"{h}.pf_filter").is_file() for _, h in meta[3])
    assert len(list((bundle / "filter").iterdir())) == 4
