"""Topic tags: the shipped vocabulary, thresholds, matching rules, ranking, editors' files."""

import json
import logging
import pickle
from pathlib import Path

import pytest

from digest_ingest.enrich.companies import DEFAULT_REGISTRY_PATH, load_registry
from digest_ingest.enrich.tags import DEFAULT_VOCABULARY_PATH, DataFileError, find_tags, load_vocabulary
from digest_ingest.enrich.tokens import tokenize_article

SEEDS = Path(__file__).parent.parent / "fixtures" / "raw_small"
FILLER = "The weather was mild and the meeting ran long."


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary([DEFAULT_VOCABULARY_PATH])


def tags_of(vocabulary, title: str, paragraphs: list[str], companies=(), **options) -> tuple[str, ...]:
    return find_tags(vocabulary, tokenize_article(title, paragraphs), companies, **options)


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def small_vocabulary(tmp_path: Path, *lines: str):
    return load_vocabulary([write_lines(tmp_path / "tags.jsonl", *lines)])


# --- the shipped vocabulary -------------------------------------------------------------------------

def test_shipped_vocabulary_is_large_unique_and_sorted(vocabulary):
    records = [json.loads(line) for line in DEFAULT_VOCABULARY_PATH.read_text(encoding="utf-8").splitlines()]
    names = [r["name"] for r in records]
    assert len(vocabulary.tags) == len(records) >= 25
    assert len({n.casefold() for n in names}) == len(names)
    assert names == sorted(names, key=lambda n: (n.casefold(), n))
    assert all(tag.terms and tag.threshold >= 1 for tag in vocabulary.tags)


def test_company_hints_name_registry_companies(vocabulary):
    registry = load_registry([DEFAULT_REGISTRY_PATH])
    for tag in vocabulary.tags:
        for company in tag.companies:
            found = registry.lookup(company)
            assert found is not None and found.name == company, (tag.name, company)


# --- thresholds and weights -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "title, paragraphs, expected",
    [
        ("Quarterly review", [FILLER, FILLER, "The files are backed up to the cloud."], ()),
        ("Quarterly review", [FILLER, FILLER, "Cloud costs rose.", "The cloud team grew.", "Cloud is key."],
         ("Cloud",)),
        ("Nvidia unveils a new AI chip", [FILLER], ("AI", "Chips")),
        ("Rain in Paris", ["The ransomware attack encrypted hospital files.", FILLER], ()),
        ("Rain in Paris", ["The ransomware attack encrypted hospital files.", "A hacker claimed it."],
         ("Cybersecurity",)),
        ("Startup raises $20m in Series A funding", [FILLER], ("Funding",)),
        ("A day out", ["Thousands of workers were laid off.", FILLER], ()),
        ("Company announces layoffs", ["Thousands of workers were laid off.", FILLER], ("Layoffs",)),
    ],
)
def test_scoring(vocabulary, title, paragraphs, expected):
    assert tags_of(vocabulary, title, paragraphs) == expected


def test_repeating_one_term_is_capped(tmp_path):
    vocabulary = small_vocabulary(tmp_path, '{"name": "Rockets", "terms": ["rocket", "launch pad"], "threshold": 4}')
    body = [FILLER, FILLER] + ["A rocket flew."] * 10
    assert tags_of(vocabulary, "News", body) == ()
    assert tags_of(vocabulary, "News", body + ["The launch pad was rebuilt."]) == ("Rockets",)


def test_company_hints_help_but_cannot_tag_alone(tmp_path):
    vocabulary = small_vocabulary(
        tmp_path, '{"name": "Phones", "terms": ["handset"], "companies": ["Xiaomi", "Oppo", "Vivo"], "threshold": 3}'
    )
    assert tags_of(vocabulary, "News", [FILLER], ["Xiaomi", "Oppo", "Vivo"]) == ()
    assert tags_of(vocabulary, "News", [FILLER, FILLER, "A handset."], ["Xiaomi", "Oppo"]) == ("Phones",)
    assert tags_of(vocabulary, "News", [FILLER, FILLER, "A handset."], ["Xiaomi"]) == ()


# --- matching rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, tagged",
    [
        ("Smartphones sold well.", True),  # plural and capital of a lower-case term
        ("SMARTPHONE sales", True),
        ("The smartphone-maker grew.", True),
        ("Phonetics class", False),  # whole words only
    ],
)
def test_lower_case_terms_fold_case_and_plural(tmp_path, text, tagged):
    vocabulary = small_vocabulary(tmp_path, '{"name": "Phones", "terms": ["smartphone"], "threshold": 3}')
    assert tags_of(vocabulary, text, []) == (("Phones",) if tagged else ())


@pytest.mark.parametrize("text, tagged", [("New AI tools", True), ("Said in Hawaiian: ai", False),
                                          ("The Ai Weiwei show", False)])
def test_acronyms_match_exactly(tmp_path, text, tagged):
    vocabulary = small_vocabulary(tmp_path, '{"name": "AI", "terms": ["AI"], "threshold": 3}')
    assert tags_of(vocabulary, text, []) == (("AI",) if tagged else ())


def test_acronym_inside_a_phrase_counts_once(tmp_path):
    vocabulary = small_vocabulary(tmp_path, '{"name": "AI", "terms": ["AI", "generative AI"], "threshold": 2}')
    assert tags_of(vocabulary, "Weather", [FILLER, FILLER, "Generative AI is here."]) == ()
    assert tags_of(vocabulary, "Weather", [FILLER, FILLER, "Generative AI is here.", "AI again."]) == ("AI",)


# --- seeds, ranking, limits -------------------------------------------------------------------------

def seed_article(name: str) -> tuple[str, list[str]]:
    lines = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    if "About the Author" in lines:
        lines = lines[: lines.index("About the Author")]
    return lines[1], [line for line in lines[2:] if "(Image:" not in line]


@pytest.mark.parametrize("seed", ["000_9c3b684c51d11b7a.txt", "001_994672d6f678ac9a.txt"])
def test_seeds(vocabulary, seed):
    tags = tags_of(vocabulary, *seed_article(seed), ["Microsoft", "Xiaomi"])
    assert {"AI", "Cloud", "Smartphones"} <= set(tags)
    assert not {"Crypto", "Space", "Gaming", "EVs"} & set(tags)


def test_order_limit_and_determinism(vocabulary):
    title = "Apple launches AI smartphone with satellite link and a new chip"
    body = ["The smartphone uses an AI model on a custom chip.", "The satellite link works in orbit."]
    tags = tags_of(vocabulary, title, body, limit=10)
    assert {"AI", "Smartphones", "Chips", "Space"} <= set(tags)
    assert tags_of(vocabulary, title, body, limit=2) == tags[:2]
    assert tags_of(vocabulary, title, body, limit=0) == ()
    assert {tags_of(vocabulary, title, body) for _ in range(5)} == {tags[:5]}


def test_higher_score_first(tmp_path):
    vocabulary = small_vocabulary(
        tmp_path, '{"name": "Zeta", "terms": ["zebra"]}', '{"name": "Alpha", "terms": ["aardvark"]}'
    )
    assert tags_of(vocabulary, "A zebra", ["An aardvark and an aardvark."]) == ("Alpha", "Zeta")


def test_equal_scores_break_ties_by_first_position(tmp_path):
    vocabulary = small_vocabulary(
        tmp_path, '{"name": "Zeta", "terms": ["zebra"]}', '{"name": "Alpha", "terms": ["aardvark"]}'
    )
    assert tags_of(vocabulary, "A zebra met an aardvark", []) == ("Zeta", "Alpha")


# --- editors' files and errors ----------------------------------------------------------------------

def test_editor_file_adds_extends_and_skips_bad_lines(tmp_path, caplog):
    editors = write_lines(
        tmp_path / "editors.jsonl",
        '{"name": "Quantum computing", "terms": ["qubit", "quantum computer"], "threshold": 2}',
        '{"name": "Space", "terms": ["moonshot"]}',
        '{"name": "Empty"}',
        '{"name": "Orphan", "companies": ["IonQ"]}',
        '{"name": "Bad", "terms": ["x"], "threshold": 0}',
        "[1, 2]",
    )
    with caplog.at_level(logging.WARNING):
        vocabulary = load_vocabulary([DEFAULT_VOCABULARY_PATH, editors])
    messages = [r.getMessage() for r in caplog.records]
    located = [m.split(": ", 1)[0] for m in messages if m.startswith(f"{editors}:")]
    assert located == [f"{editors}:{n}" for n in (3, 5, 6)]
    assert any("Orphan" in m for m in messages)
    names = {tag.name for tag in vocabulary.tags}
    assert "Quantum computing" in names and not {"Empty", "Orphan", "Bad"} & names
    assert tags_of(vocabulary, "A qubit breakthrough", []) == ("Quantum computing",)
    space = next(tag for tag in vocabulary.tags if tag.name == "Space")
    assert "moonshot" in space.terms and "rocket" in space.terms


def test_bad_shipped_file_raises(tmp_path):
    shipped = write_lines(tmp_path / "tags.jsonl", '{"name": "A", "terms": ["a"]}', '{"name": "B", "terms": "b"}')
    with pytest.raises(DataFileError) as info:
        load_vocabulary([shipped])
    assert (info.value.path, info.value.line) == (shipped, 2)
    with pytest.raises(DataFileError):
        load_vocabulary([tmp_path / "missing.jsonl"])


def test_vocabulary_pickles(vocabulary):
    copy = pickle.loads(pickle.dumps(vocabulary))
    title, body = seed_article("000_9c3b684c51d11b7a.txt")
    assert tags_of(copy, title, body) == tags_of(vocabulary, title, body)


@pytest.mark.parametrize("title, paragraphs", [("", []), ("\x00\u202e", ["<b>AI</b>", "{{ cloud }}"]),
                                               ("AI", ["cloud " * 50000])])
def test_hostile_input_does_not_break(vocabulary, title, paragraphs):
    assert isinstance(tags_of(vocabulary, title, paragraphs), tuple)
