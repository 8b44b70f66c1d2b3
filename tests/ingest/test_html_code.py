"""Code-block languages: named by the page's markup, or obvious from the code itself."""

import pytest
from lxml.html import fragment_fromstring

from digest_ingest.extract_html import parse_html
from digest_ingest.html_code import code_languages, code_text, guess_language, lexer_name, named_language


@pytest.mark.parametrize(("markup", "expected"), [
    ('<code class="language-python">x</code>', "python"),
    ('<code class="lang-js">x</code>', "javascript"),
    ('<div class="highlight highlight-source-shell">x</div>', "bash"),
    ('<pre class="brush: ruby; gutter: false">x</pre>', "ruby"),
    ('<pre class="sourceCode rust">x</pre>', "rust"),
    ('<pre data-lang="TypeScript">x</pre>', "typescript"),
    ('<code class="hljs go">x</code>', "go"),
    ('<code class="text">x</code>', ""),  # a Pygments alias, but never a language on a page
    ('<code class="nohighlight wrap">x</code>', ""),
    ('<div class="python">x</div>', ""),  # bare words count on pre/code only
    ('<code class="language-no-such-thing">x</code>', ""),
])
def test_named_language(markup, expected):
    assert named_language(fragment_fromstring(markup)) == expected


@pytest.mark.parametrize(("code", "expected"), [
    ("$ pip install acmec\n$ acmec --version", "console"),
    ("# as root\n$ apt-get install foo", "console"),
    (">>> 1 + 1\n2", "pycon"),
    ('{"a": [1, 2], "b": null}', "json"),
    ("[1, 2, 3]", "json"),
    ("{not: json}", ""),
    ('<ul class="x"><li>one</li></ul>', "html"),
    ("import os\n\ndef main():\n    print(os.getcwd())", "python"),
    ("int main() {\n    return 0;\n}", ""),
    ("fn main() {\n    println!(\"hi\");\n}", ""),
    ("SELECT * FROM t", ""),
])
def test_guess_language(code, expected):
    assert guess_language(code) == expected


def test_lexer_names_are_canonical():
    assert [lexer_name(w) for w in ("js", "shell", "py", "c++", "r", "TEXT", "")] == [
        "javascript", "bash", "python", "cpp", "splus", "", ""]


def test_code_languages_index_pre_blocks_by_text():
    tree = parse_html(
        "<html><body><div class='highlight-source-python'><pre>def f():\n    return 1</pre></div>"
        "<pre>plain   preformatted\ntext</pre><p>Use <code class='language-sql'>SELECT 1</code></p>"
        "<pre><code class='language-go'>package main</code></pre></body></html>")
    assert code_languages(tree) == {
        "def f(): return 1": "python", "plain preformatted text": "", "SELECT 1": "sql", "package main": "go"}


def test_code_text_keeps_blank_lines_and_indentation():
    elem = fragment_fromstring("<pre>\n\nfirst\r\n\n\tindented   \n\x07last\n\n</pre>")
    assert code_text(elem) == "first\n\n    indented\nlast"
