"""Company recognition: the shipped registry, guards against common words, tickers, media, ranking."""

import json
import logging
import pickle
import random
import re
from datetime import date
from pathlib import Path

import pytest

from digest_ingest.enrich.companies import (
    DEFAULT_REGISTRY_PATH,
    DataFileError,
    find_companies,
    company_names,
    load_registry,
)
from digest_ingest.enrich.registry import name_on
from digest_ingest.enrich.tokens import PhraseIndex, tokenize, tokenize_article

SEEDS = Path(__file__).parent.parent / "fixtures" / "raw_small"


@pytest.fixture(scope="module")
def registry():
    return load_registry([DEFAULT_REGISTRY_PATH])


def companies_of(registry, title: str, paragraphs: list[str], **options) -> tuple[str, ...]:
    return find_companies(registry, tokenize_article(title, paragraphs), **options)


def found(registry, text: str, title: str = "") -> tuple[str, ...]:
    return companies_of(registry, title, [text])


# --- the shipped registry -------------------------------------------------------------------------

def test_shipped_registry_is_large_unique_and_sorted(registry):
    lines = DEFAULT_REGISTRY_PATH.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    names = [r["name"] for r in records]
    assert sum(r["kind"] == "company" for r in records) >= 500
    assert len({n.casefold() for n in names}) == len(names)
    assert names == sorted(names, key=lambda n: (n.casefold(), n))
    assert len({c.slug for c in registry.companies}) == len(registry.companies) == len(records)
    assert all({"name", "aliases", "tickers", "former", "products", "kind"} <= set(r) for r in records)


def test_shipped_registry_has_no_phrase_claimed_twice(registry):
    assert registry.ambiguous == ()


def test_shipped_guards_and_vetoes_are_well_formed(registry):
    for company in registry.companies:
        forms = {company.name, *company.aliases, *company.former, *company.products}
        assert set(company.guarded) <= forms, company.name
        for word in company.veto_next + company.veto_prev:
            assert word == word.lower() and len(tokenize(word)) == 1, (company.name, word)


@pytest.mark.parametrize("name", ["Microsoft", "Xiaomi", "IDC", "Gartner", "Counterpoint Research",
                                  "Canalys", "OpenAI", "Huawei", "Harman Kardon", "Reuters"])
def test_shipped_registry_covers_key_companies(registry, name):
    assert registry.lookup(name) is not None


# --- the seeds (title = headline line, paragraphs = article text without boilerplate) ---------------

def seed_article(name: str) -> tuple[str, list[str]]:
    lines = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    if "About the Author" in lines:
        lines = lines[: lines.index("About the Author")]
    body = [line for line in lines[2:] if "(Image:" not in line]
    return lines[1], body


def test_seed_000(registry):
    result = companies_of(registry, *seed_article("000_9c3b684c51d11b7a.txt"))
    assert set(result[:2]) == {"Microsoft", "Xiaomi"}
    assert {"Apple", "Google", "Amazon", "Samsung", "Huawei", "IDC", "Harman Kardon"} <= set(result)
    assert not {"Reuters", "The Verge"} & set(result)


def test_seed_001(registry):
    result = companies_of(registry, *seed_article("001_994672d6f678ac9a.txt"))
    assert set(result[:2]) == {"Microsoft", "Xiaomi"}
    assert {"Gartner", "Huawei", "Nokia"} <= set(result)


def test_photo_caption_credit_is_not_a_company(registry):
    caption = "Two executives shake hands on stage (Image: REUTERS/Jane Roe/files)"
    assert found(registry, caption) == ()


# --- common words and other senses ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("I ate an apple at lunch and a slice of Apple pie for dessert.", ()),
        ("New York, the Big Apple, welcomed record tourist numbers.", ()),
        ("Apple unveiled a thinner laptop on Tuesday.", ("Apple",)),
        ("Developers say Apple takes too large a cut of app sales.", ("Apple",)),
        ("The Amazon rainforest lost more trees to fire this year.", ()),
        ("Boats carry goods along the Amazon for weeks.", ()),
        ("Amazon said it would hire 100,000 seasonal workers.", ("Amazon",)),
        ("Please open the windows before the storm arrives.", ()),
        ("Windows users will get the update next week.", ()),
        ("Microsoft says Windows users will get the update next week.", ("Microsoft",)),
        ("Windows 11 gets a redesigned Start menu.", ("Microsoft",)),
        ("The Oracle of Omaha praised railroads in his annual letter.", ()),
        ("Oracle announced new cloud regions in Europe.", ("Oracle",)),
        ("Square's Cash App added a savings feature.", ("Block",)),
        ("Tourists filled Times Square on New Year's Eve.", ()),
        ("Shares of Snap Inc fell after its earnings report.", ("Snap",)),
        ("Snap decisions are rarely good ones.", ()),
        ("There is some slack in the schedule.", ()),
        ("Slack in the schedule helps the team.", ()),
        ("The team chats on Slack all day long.", ("Slack",)),
        ("Zoom in on the map to see the street.", ()),
        ("Schools moved classes to Zoom during the pandemic.", ("Zoom",)),
        ("The Signal app added usernames to protect phone numbers.", ("Signal",)),
        ("Student visa applications rose sharply.", ()),
        ("Visa and Mastercard agreed to cut card fees.", ("Visa", "Mastercard")),
        ("The chain missed its sales Target again.", ()),
        ("Target announced a new same-day delivery service.", ("Target",)),
        ("Patients with an X-ray were seen first.", ()),
        ("Musk's X, formerly Twitter, changed its logo again.", ("X",)),
        ("Twitter suspended the account on Friday.", ("X",)),
        ("Facebook launched a dating service.", ("Meta",)),
        ("The Andromeda Galaxy is 2.5 million light years away.", ()),
        ("Samsung cut prices of the Galaxy S24 in India.", ("Samsung",)),
        ("Rivals gained an Edge in the speaker market.", ()),
        ("Microsoft Edge now blocks more trackers.", ("Microsoft",)),
        ("Applebee's restaurants and Microsoftie culture are not companies here.", ()),
        ("The Microsoft-backed OpenAI released a new model.", ("Microsoft", "OpenAI")),
        ("A bowl of alphabet soup was served.", ()),
        ("Alphabet shares rose 3% after the results.", ("Google",)),
        ("Amazon, Google and Apple sell smart speakers.", ("Amazon", "Google", "Apple")),
        ("The Amazon, the Nile and the Congo are long rivers.", ()),
        ("Nikola Tesla was an inventor.", ()),
        ("Tesla delivered more cars than expected.", ("Tesla",)),
        ("AT&T and T-Mobile raised prices; Yahoo! and Booking.com did not.",
         ("AT&T", "T-Mobile", "Yahoo", "Booking Holdings")),
        ("Huawei\u2019s phones use HarmonyOS.", ("Huawei",)),
    ],
)
def test_guards(registry, text, expected):
    assert set(found(registry, text)) == set(expected)


def test_title_case_headline_is_no_evidence_for_case_guarded_names(registry):
    assert companies_of(registry, "How To Cut Some Slack In Your Day", ["Rest is good."]) == ()
    assert companies_of(registry, "Slack Adds Huddles", ["Users of Slack can now call each other."]) \
        == ("Slack",)


def test_all_caps_headline(registry):
    assert companies_of(registry, "APPLE UNVEILS NEW IPHONE", ["The launch was brief."]) == ("Apple",)


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("AT&T's T-Mobile", ["AT", "&", "T", "'", "s", "T", "-", "Mobile"]),
        ("Booking.com (BKNG.O)", ["Booking", ".", "com", "(", "BKNG", ".", "O", ")"]),
        ("snake_case \u201cquoted\u201d", ["snake", "case", '"', "quoted", '"']),
    ],
)
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_tokenize_splits_any_text_as_the_unicode_pattern_does():
    full = re.compile(r"[^\W_]+|[^\w\s]")
    rng = random.Random(5)
    alphabet = "aZ09_&'-. \t\u2019\u201c\u2014\u00e9\u00df\u65e5\u0663\u00b2\u00a0\u00a9\ufffd"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))
        folded = text.replace("\u2019", "'").replace("\u201c", '"')  # what tokenize folds first
        assert tokenize(text) == full.findall(folded), text


def test_tokenize_article_gives_the_headline_then_each_paragraph():
    assert tokenize_article("Apple\u2019s day", ["One.", ""]) == [["Apple", "'", "s", "day"], ["One", "."], []]


def test_phrase_index_takes_the_longest_phrase_that_fits():
    index = PhraseIndex.build({("a",): 1, ("a", "b", "c"): 3, ("x", "y"): 2})
    assert list(index.scan(["a", "b", "c", "a", "b", "x"])) == [(0, 3, 3), (3, 4, 1)]
    assert index.match_at(["x", "y"], 0) == 2 and index.match_at(["x"], 0) == 0


# --- tickers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("The chipmaker (NASDAQ: QCOM) rose 4%.", ("Qualcomm",)),
        ("The chipmaker (Nasdaq:QCOM) rose 4%.", ("Qualcomm",)),
        ("Traders piled into $AAPL on Monday.", ("Apple",)),
        ("The software maker (MSFT.O) rose.", ("Microsoft",)),
        ("Microsoft (MSFT) rose.", ("Microsoft",)),
        ("The stock (MSFT) rose.", ()),
        ("Our MSFT and QCOM notes are internal codes.", ()),
        ("The phone maker listed in Hong Kong (HKEX: 1810) slipped.", ("Xiaomi",)),
        ("The internet group (0700.HK) gained.", ("Tencent",)),
        ("Artificial Intelligence (AI) tools spread fast.", ()),
    ],
)
def test_tickers_only_in_ticker_contexts(registry, text, expected):
    assert found(registry, text) == expected


# --- media outlets ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("The deal is not binding, the Verge reported late on Friday.", ()),
        ("The deal is not binding, according to Reuters.", ()),
        ("Bloomberg News first reported the talks.", ()),
        ("The talks were first reported by Bloomberg.", ()),
        ("Sources told The Wall Street Journal about the plan.", ()),
        ("SAN FRANCISCO (Reuters) - Uber raised prices.", ("Uber",)),
        ("Bloomberg LP acquired a data provider.", ("Bloomberg",)),
        ("Thomson Reuters reported higher revenue.", ("Thomson Reuters",)),
        ("The Verge is on the verge of a redesign.", ()),
    ],
)
def test_media_only_as_subject(registry, text, expected):
    assert found(registry, text) == expected


# --- ranking ----------------------------------------------------------------------------------------

def test_headline_beats_frequency(registry):
    body = ["Intel and Intel and Intel made chips.", "Intel again.", "Intel, Intel and Intel."]
    assert companies_of(registry, "Nvidia wins a contract", body)[0] == "Nvidia"


def test_lead_outweighs_late_body(registry):
    body = ["Filler text.", "Qualcomm shipped modems.", "More filler.", "Broadcom shipped modems too.",
            "Broadcom again."]
    assert companies_of(registry, "Modem news", body) == ("Qualcomm", "Broadcom")


def test_frequency_then_earliest_position(registry):
    body = ["One.", "Two.", "Three.", "Sony and Nintendo met.", "Nintendo left."]
    assert companies_of(registry, "Games", body) == ("Nintendo", "Sony")
    assert companies_of(registry, "Games", body[:4]) == ("Sony", "Nintendo")


def test_products_weigh_less_than_names(registry):
    body = ["One.", "Two.", "Users compared the Xbox with consoles from Sony."]
    assert companies_of(registry, "Consoles", body) == ("Sony", "Microsoft")


def test_limit_and_determinism(registry):
    text = "Intel, AMD, Nvidia, Qualcomm, Broadcom and Micron reported results."
    assert len(found(registry, text)) == 6
    assert companies_of(registry, "", [text], limit=2) == found(registry, text)[:2]
    assert companies_of(registry, "", [text], limit=0) == ()
    assert {found(registry, text) for _ in range(5)} == {found(registry, text)}


# --- editors' files, errors, lookup, pickling -------------------------------------------------------

def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_editor_file_adds_extends_and_skips_bad_lines(tmp_path, caplog):
    editors = write_lines(
        tmp_path / "companies.jsonl",
        '{"name": "Acme Widgets", "aliases": ["Acme"], "tickers": ["ACMW"], "products": ["WidgetOS"]}',
        '{"name": "microsoft", "aliases": ["Redmond giant"]}',
        "{not json",
        '{"name": "", "aliases": []}',
        '{"name": "Bad Kind", "kind": "charity"}',
        '{"name": "Typo Inc", "alias": ["Typo"]}',
    )
    with caplog.at_level(logging.WARNING):
        registry = load_registry([DEFAULT_REGISTRY_PATH, editors])
    warned = [r.getMessage() for r in caplog.records]
    assert [m.split(": ", 1)[0] for m in warned] == [f"{editors}:{n}" for n in (3, 4, 5, 6)]
    assert registry.lookup("Bad Kind") is None and registry.lookup("Typo Inc") is None
    assert found(registry, "Acme shipped WidgetOS 2.") == ("Acme Widgets",)
    assert found(registry, "The Redmond giant cut jobs.") == ("Microsoft",)
    assert "Azure" in registry.lookup("Microsoft").products  # extended, not replaced


def test_editor_file_with_bom_and_crlf(tmp_path):
    editors = tmp_path / "companies.jsonl"
    editors.write_bytes(b'\xef\xbb\xbf{"name": "Acme Widgets"}\r\n{"name": "Zeta Labs"}\r\n')
    registry = load_registry([DEFAULT_REGISTRY_PATH, editors])
    assert registry.lookup("Acme Widgets") and registry.lookup("Zeta Labs")


def test_editor_file_can_override_kind(tmp_path):
    editors = write_lines(tmp_path / "companies.jsonl", '{"name": "Reuters", "kind": "company"}')
    registry = load_registry([DEFAULT_REGISTRY_PATH, editors])
    assert found(registry, "The move was first reported by Reuters.") == ("Reuters",)


def test_missing_editor_file_is_fine(tmp_path):
    assert load_registry([DEFAULT_REGISTRY_PATH, tmp_path / "none.jsonl"]).lookup("Apple")


@pytest.mark.parametrize("content, line", [('{"name": "A"}\n{oops\n', 2), ('{"name": "A", "tickers": "X"}\n', 1)])
def test_bad_shipped_file_raises_with_file_and_line(tmp_path, content, line):
    shipped = tmp_path / "companies.jsonl"
    shipped.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_registry([shipped])
    assert info.value.path == shipped and info.value.line == line
    assert str(info.value).startswith(f"{shipped}:{line}: ")
    assert isinstance(info.value, ValueError)


def test_missing_shipped_file_raises(tmp_path):
    with pytest.raises(DataFileError):
        load_registry([tmp_path / "absent.jsonl"])


def test_lookup(registry):
    company = registry.lookup("microsoft")
    assert company.name == "Microsoft" and company.slug == "microsoft" and "MSFT" in company.tickers
    assert company.kind == "company" and "Azure" in company.products
    assert registry.lookup("Facebook").name == "Meta"
    assert registry.lookup("at-t").name == "AT&T"
    assert registry.lookup("No Such Company Ltd") is None


def test_registry_pickles(registry):
    copy = pickle.loads(pickle.dumps(registry))
    text = "Microsoft and Xiaomi signed a deal; Apple, Google and Amazon watched."
    assert found(copy, text) == found(registry, text)


@pytest.mark.parametrize(
    "title, paragraphs",
    [
        ("", []),
        ("", ["", "   "]),
        ("<script>alert('Apple')</script>", ["{{ Microsoft }} {% if %}", "**Nvidia**"]),
        ("Intel\x00\n\u202eAMD", ["\ufeffQualcomm\u200b"]),
        ("Big", ["Microsoft " * 20000]),
    ],
)
def test_hostile_input_does_not_break(registry, title, paragraphs):
    result = companies_of(registry, title, paragraphs)
    assert isinstance(result, tuple) and all(isinstance(name, str) for name in result)


def test_slugs_transliterate_and_stay_unique():
    from digest_ingest.enrich.registry import build_registry

    made = build_registry([{"name": "Ærø Bank", "kind": "company"}, {"name": "Aero Bank", "kind": "company"},
                           {"name": "東芝", "kind": "company"}, {"name": "!!!", "kind": "company"}])
    assert sorted(c.slug for c in made.companies) == ["aero-bank", "aero-bank-2", "company", "dong-zhi"]
    assert made.lookup("aero-bank-2").name in {"Ærø Bank", "Aero Bank"}


# --- earlier names (renamed) ---------------------------------------------------------------------

def test_a_company_is_called_by_the_name_of_the_day(tmp_path):
    editors = write_lines(
        tmp_path / "companies.jsonl",
        '{"name": "Gen Digital", "renamed": [{"from": "NortonLifeLock", "on": "2022-11-08"}, '
        '{"from": "Symantec", "on": "2019-11-04"}]}',
    )
    renamed = company_names(load_registry([DEFAULT_REGISTRY_PATH, editors])).renamed["gen digital"]
    assert renamed == (("2019-11-04", "Symantec"), ("2022-11-08", "NortonLifeLock"))  # oldest first
    days = [date(2019, 11, 3), date(2019, 11, 4), date(2022, 11, 7), date(2022, 11, 8)]
    assert [name_on("Gen Digital", renamed, day) for day in days] == [
        "Symantec", "NortonLifeLock", "NortonLifeLock", "Gen Digital"]  # the new name from its first day
    assert name_on("Microsoft", (), date(1990, 1, 1)) == "Microsoft"


def test_an_earlier_name_is_kept_as_one_clean_line(tmp_path):
    editors = write_lines(tmp_path / "companies.jsonl",
                          '{"name": "Zeta Labs", "renamed": [{"from": " Zeta\\u0000\\nResearch\\u200b ", '
                          '"on": "2020-01-01"}]}')
    names = company_names(load_registry([DEFAULT_REGISTRY_PATH, editors]))
    assert names.renamed["zeta labs"] == (("2020-01-01", "Zeta Research"),)


def test_shipped_renames_are_well_formed(registry):
    renamed = {c.name: c.renamed for c in registry.companies if c.renamed}
    assert renamed["Meta"] == (("2021-10-28", "Facebook"),) and renamed["X"] == (("2023-07-24", "Twitter"),)
    for name, pairs in renamed.items():
        assert all(date.fromisoformat(day) < date(2026, 1, 1) and old != name for day, old in pairs), name
    assert company_names(load_registry([DEFAULT_REGISTRY_PATH])).renamed["meta"] == renamed["Meta"]


@pytest.mark.parametrize("value, reason", [
    ('"Facebook"', "must be a list"),
    ('[{"from": "Facebook"}]', "must be a list"),
    ('[{"from": "", "on": "2021-10-28"}]', "must be a list"),
    ('[{"from": "\\u0007 ", "on": "2021-10-28"}]', "must be a list"),
    ('[{"from": "Facebook", "on": "28/10/2021"}]', "'28/10/2021' is not a day"),
    ('[{"from": "A", "on": "2021-10-28"}, {"from": "B", "on": "2021-10-28"}]', "two renames on one day"),
])
def test_a_bad_rename_in_an_editors_file_is_skipped_with_its_line(tmp_path, caplog, value, reason):
    editors = write_lines(tmp_path / "companies.jsonl", '{"name": "Zeta Labs"}',
                          f'{{"name": "Meta", "renamed": {value}}}')
    with caplog.at_level(logging.WARNING):
        renamed = company_names(load_registry([DEFAULT_REGISTRY_PATH, editors])).renamed
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith(f"{editors}:2: ") and reason in warning
    assert renamed["meta"] == (("2021-10-28", "Facebook"),)  # the shipped entry stands


def test_every_name_of_a_company_leads_to_its_one_name(tmp_path):
    editors = write_lines(
        tmp_path / "companies.jsonl",
        '{"name": "Zeta Labs", "aliases": ["ZL", "Shared Co"], '
        '"renamed": [{"from": "Zeta Research", "on": "2020-01-01"}]}',
        '{"name": "Omega Labs", "aliases": ["Shared Co", "meta"]}',
    )
    canonical = company_names(load_registry([DEFAULT_REGISTRY_PATH, editors])).canonical
    assert canonical["facebook"] == canonical["meta platforms"] == canonical["meta"] == "Meta"  # its own
    assert canonical["twitter inc."] == "X" and canonical["microsoft"] == "Microsoft"
    assert canonical["zl"] == canonical["zeta research"] == "Zeta Labs"  # an alias, an earlier name
    assert "shared co" not in canonical  # two companies claim it
    assert "azure" not in canonical  # products are not companies
