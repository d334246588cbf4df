"""Translation phases 1-3: preprocessing tokens, splices, comments, locations,
and robustness (random bytes and truncated files never crash the lexer)."""

from __future__ import annotations

import io
import random

import pytest

from toolchain.cc.diagnostics import CDiagnostics
from toolchain.cc.lexer import is_single_token, lex_spelling, tokenize
from toolchain.cc.tokens import TokenKind as K


def lex(text: str, trigraphs: bool = False):
    diags = CDiagnostics(stream=io.StringIO())
    return tokenize(text, "t.c", diags, trigraphs), diags


def kinds_and_texts(text: str):
    return [(t.kind, t.text) for t in lex(text)[0]]


@pytest.mark.parametrize("text, expected", [
    ("a+++++b", ["a", "++", "++", "+", "b"]),                     # 6.4p4: longest match
    ("x = 1.5e+10f;", ["x", "=", "1.5e+10f", ";"]),
    ("0x1p-3 .5 1..2 1e+e+", ["0x1p-3", ".5", "1..2", "1e+e+"]),  # pp-numbers
    ("a...b ..", ["a", "...", "b", ".", "."]),
    ("<: :> <% %> %: %:%:", ["<:", ":>", "<%", "%>", "%:", "%:%:"]),
    ("x->y >>= 3", ["x", "->", "y", ">>=", "3"]),
    ("L'a' u8\"s\" U\"t\" u'c'", ["L'a'", 'u8"s"', 'U"t"', "u'c'"]),
    ("'\\'' \"\\\"\"", ["'\\''", '"\\""']),
    ("a/**/b//c\nd", ["a", "b", "d"]),
    ("$x @ `", ["$x", "@", "`"]),
    ("\\u00e9t\u00e9", ["\\u00e9t\u00e9"]),
])
def test_token_spellings(text: str, expected: list[str]) -> None:
    assert [t.text for t in lex(text)[0]] == expected


def test_kinds() -> None:
    assert kinds_and_texts("x 1 'c' \"s\" + @") == [
        (K.IDENTIFIER, "x"), (K.PP_NUMBER, "1"), (K.CHARACTER_CONSTANT, "'c'"),
        (K.STRING_LITERAL, '"s"'), (K.PUNCTUATOR, "+"), (K.OTHER, "@")]


def test_header_names_only_after_include() -> None:
    toks = lex("#include <stdio.h>\n#  include_next \"a b.h\"\nx < y > z\n")[0]
    assert [(t.kind, t.text) for t in toks if t.kind is K.HEADER_NAME] == [
        (K.HEADER_NAME, "<stdio.h>"), (K.HEADER_NAME, '"a b.h"')]
    assert [t.text for t in toks][-5:] == ["x", "<", "y", ">", "z"]


def test_line_splicing_and_locations() -> None:
    toks = lex("ab\\\ncd e\n\tf \\\n g\n")[0]
    assert [t.text for t in toks] == ["abcd", "e", "f", "g"]
    assert [(t.location.line, t.location.column) for t in toks] == [
        (1, 1), (2, 4), (3, 9), (4, 2)]


def test_line_start_and_spaces() -> None:
    toks = lex("a b\n  c/* x\n */d\n/* y */ e")[0]
    assert [(t.text, t.at_line_start, t.leading_space) for t in toks] == [
        ("a", True, False), ("b", False, True), ("c", True, True), ("d", False, True),
        ("e", True, True)]


def test_trigraphs_only_when_asked() -> None:
    assert [t.text for t in lex("??=define X ??( ??)")[0]][:2] == ["?", "?"]
    assert [t.text for t in lex("??=define X ??( ??)", trigraphs=True)[0]] == [
        "#", "define", "X", "[", "]"]


def test_unterminated_literals_and_comments() -> None:
    toks, diags = lex("char *s = \"abc\nint c = 'a;\nx /* open")
    assert (K.OTHER, '"abc') in [(t.kind, t.text) for t in toks]
    assert (K.OTHER, "'a;") in [(t.kind, t.text) for t in toks]
    out = diags.stream.getvalue()
    assert "t.c:1:11: warning: missing terminating \" character" in out
    assert "t.c:2:9: warning: missing terminating ' character" in out
    assert "t.c:3:3: error: unterminated comment" in out


def test_lex_spelling_and_single_token() -> None:
    assert lex_spelling("a  +=b") == [(K.IDENTIFIER, "a"), (K.PUNCTUATOR, "+="),
                                      (K.IDENTIFIER, "b")]
    assert is_single_token("+=") is K.PUNCTUATOR
    assert is_single_token("x1") is K.IDENTIFIER
    assert is_single_token("+-") is None
    assert is_single_token("/ /") is None


def test_random_bytes_never_crash() -> None:
    rng = random.Random(1234)
    alphabet = "ab1_.+-*/\\\"'#<>\n\t ?=(){}%:\x00\x7f\u00e9"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        lex(text)
        lex(text, trigraphs=True)
    for _ in range(100):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))
        lex(data.decode("utf-8", "surrogateescape"))


def test_gnu_raw_strings() -> None:
    """R"delim(...)delim" is one string literal in GNU modes, new lines and all."""
    text = 'x = R"d(a\\b\n#x)d" y u8R"(\\)" LR"()"\nz R"no\n'
    tokens = tokenize(text, "t.c", raw_strings=True)
    assert [t.text for t in tokens] == ["x", "=", 'R"d(a\\b\n#x)d"', "y", 'u8R"(\\)"', 'LR"()"',
                                        "z", "R", '"no']
    assert [t.kind for t in tokens[2:6]] == [K.STRING_LITERAL, K.IDENTIFIER, K.STRING_LITERAL,
                                             K.STRING_LITERAL]
    assert (tokens[3].location.line, tokens[3].location.column) == (2, 7)
    assert (tokens[6].location.line, tokens[6].location.column) == (3, 1)
    assert tokens[6].at_line_start and not tokens[3].at_line_start
    plain = tokenize(text, "t.c")                       # ISO C: an identifier, then a string
    assert [t.text for t in plain[2:4]] == ["R", '"d(a\\b']
