"""Line features of text dumps: furniture tags, context-free classes, bylines."""

import random
import re

import pytest

from digest_ingest.text_lines import _ends_sentence, byline_names, classify_lines

PROSE = (
    "The company said on Tuesday that it would open a second factory in the region next year, "
    "adding about 400 jobs to the 1,200 people it already employs there."
)


def tag_of(line: str) -> str:
    """The tag of ``line`` when it sits in a page of ordinary English prose."""
    lines = classify_lines([PROSE, line, PROSE.replace("second", "third")])
    return lines[1].tag


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("Microsoft, Xiaomi to Make AI-Powered Speakers (Image: REUTERS/Edgard Garrido/files)", "credit"),
        ("Photo: Jane Doe / Getty Images", "credit"),
        ("A technician at work in the plant. Photograph: Tomas Lind", "credit"),
        ("Photographs by Tomas Lind", "credit"),
        ("Share", "widget"),
        ("Share on Facebook", "widget"),
        ("4 min read", "widget"),
        ("Teilen", "widget"),
        ("We use cookies to improve your experience. By continuing to browse you agree to it.", "banner"),
        ("Sign up for our daily newsletter and get the top stories in your inbox.", "banner"),
        ("We may earn a commission when you buy through links on our site.", "banner"),
        ("Your email address will not be published. Required fields are marked *", "comment"),
        ('XHTML: You can use these html tags: <a href="" title=""> <abbr title="">', "comment"),
        ("Reply", "comment"),
        ("Copyright © 2018 Example Media Ltd. All rights reserved.", "footer"),
        ("Privacy Policy", "footer"),
        ("Tags: Nokia, HMD Global, feature phones", "footer"),
        ("ADVERTISEMENT", "link"),
        ("Read more: Why streaming services keep raising their prices", "link"),
        ("Lire aussi : Batteries, l'Europe accélère", "link"),
        ("About the Author", "end"),
        ("Leave a comment", "end"),
        ("4 Comments", "end"),
        ("More from GadgetGuide", "end"),
        ("date 2018-02-26 English English हिन्दी Hindi বাংলা Bengali मराठी Marathi", "language"),
        ("By Jane Doe", "byline"),
        ("Jane Doe | Staff Writer", "byline"),
        ("Published On: Fri, Feb 23rd, 2018", "date"),
        ("11:48 am", "date"),
        ("Home News World Business Technology Science Sports", "menu"),
        ("Forums › Hardware › Laptops", "menu"),
        ("The companies did not say how much the deal was worth.", ""),
        ("Microsoft and Xiaomi to combine on AI, cloud computing and hardware", ""),
        ("The copyright lawsuit was filed in 2019 by three photographers.", ""),
        ("The firm updated its privacy policy after the ruling.", ""),
        ("Photos taken by the probe were released on Monday by the agency.", ""),
    ],
)
def test_tags(line, tag):
    assert tag_of(line) == tag


def test_long_lines_are_only_tested_for_banners_forms_and_credits():
    banner = "We use cookies and similar technologies to recognise your visits. " * 5
    lines = classify_lines([PROSE * 2, banner])
    assert [line.tag for line in lines] == ["", "banner"]


@pytest.mark.parametrize(
    ("line", "cls"),
    [
        (PROSE.replace("second", "third"), "good"),
        ("No financial terms to the arrangement are being given though we are asking.", "neargood"),
        ("Why did you decide to rewrite the error messages?", "neargood"),
        ("How it works", "short"),
        ("- a backup of your photos and videos", "neargood"),
    ],
)
def test_context_free_classes(line, cls):
    assert classify_lines([PROSE, line])[1].cls == cls


def test_language_is_guessed_from_stop_words():
    german = "Die Stadtwerke wollen im Herbst entscheiden, ob das Modell auf weitere Häuser ausgeweitet wird."
    lines = classify_lines([german, german.replace("Herbst", "Winter")])
    assert lines[0].stop > 0.3
    assert lines[0].cls == "neargood"


def test_runs_of_very_short_lines_are_menus():
    lines = classify_lines(["Local", "Business", "Tech", PROSE])
    assert [line.tag for line in lines] == ["menu", "menu", "menu", ""]


def test_repeated_short_lines_are_navigation_and_repeated_prose_is_kept_once():
    other = PROSE.replace("second", "third")
    lines = classify_lines(["Latest news", "Contact us", PROSE, other, PROSE, "Latest news"])
    assert [line.tag for line in lines] == ["repeat", "footer", "", "", "repeat", "repeat"]


def test_a_subheading_repeated_by_a_table_of_contents_is_kept():
    other = PROSE.replace("second", "third")
    lines = classify_lines(["What happened", "Next steps", PROSE, "What happened", other])
    assert [line.tag for line in lines] == ["repeat", "", "", "", ""]


def test_list_markers_are_split_off():
    numbered, bullet = classify_lines(["1. Clear out storage", "• Bulky carrying case"])
    assert (numbered.marker, numbered.item) == ("numbered", "Clear out storage")
    assert (bullet.marker, bullet.item) == ("bullet", "Bulky carrying case")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("BY JANE DOE", ("JANE DOE",)),
        ("By Jane Doe and John Roe | Updated March 3, 2024", ("Jane Doe", "John Roe")),
        ("By Jane Doe, Reuters", ("Jane Doe",)),
        ("Words by Hannah Osei", ("Hannah Osei",)),
        ("Posted on March 3, 2021 by Priya Natarajan", ("Priya Natarajan",)),
        ("Von Lena Hartmann", ("Lena Hartmann",)),
        ("Jane Doe | Staff Writer", ("Jane Doe",)),
        ("Lucia Fernández, Technology Correspondent", ("Lucia Fernández",)),
        ("Priya Raman in London", ("Priya Raman",)),
        ("Reporting by Thomas Achterberg in Amsterdam; Editing by Louise Heavens", ("Thomas Achterberg",)),
        ("By Monday, the firm had sold every unit it made.", ()),
        ("by clicking here you agree to the terms", ()),
        ("Xiaomi Opens Its First Store in Bengaluru", ()),
        ("Apple | Google | Microsoft", ()),
        ("Jane Doe", ()),
    ],
)
def test_byline_names(line, names):
    assert byline_names(line) == names


def test_sentence_endings_are_what_the_end_pattern_found():
    # The pattern that searched every position of a line for its ending, kept here as the spec.
    pattern = re.compile(r"(?:[.!?…。！？।:;]|\.\.\.)[\"'”’»)\]]*$")
    rng = random.Random(11)
    pieces = ["word", " ", ".", "!", "?", "…", "。", ":", ";", "\"", "'", "”", "’", "»", ")", "]", "(", "x"]
    for text in ["", "Done.", "Really?\u201d", "(see below)", "a ...", "end.)]"] + [
        "".join(rng.choices(pieces, k=rng.randrange(1, 8))) for _ in range(3000)
    ]:
        assert _ends_sentence(text) == bool(pattern.search(text)), text
