"""Phase 4: the C11 6.10.3.5 examples, #/##, blue paint, #if arithmetic,
includes, built-in macros, diagnostics, the driver, and robustness."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from toolchain.cc.diagnostics import CDiagnostics
from toolchain.cc.lexer import tokenize
from toolchain.cc.preprocessor import FileChange, Preprocessor, PreprocessorOptions, preprocess
from toolchain.cc.tokens import Token, TokenKind
from toolchain.common.diagnostics import ToolchainError
from toolchain.common.target import find_target

from cpphelpers import run_pcc

X86_64 = find_target("x86_64-linux-gnu")


def pp(source: str, *, target=X86_64, options: PreprocessorOptions | None = None,
       path: str = "t.c") -> tuple[list[str], str]:
    """Preprocess ``source``: (token texts, diagnostics printed)."""
    stream = io.StringIO()
    diags = CDiagnostics(stream=stream)
    try:
        tokens = preprocess(path, target, options or PreprocessorOptions(), diags, text=source)
    except ToolchainError:                              # FatalError: already printed
        return [], stream.getvalue()
    return ([t.text for t in tokens if t.kind not in (TokenKind.END_OF_FILE, TokenKind.PRAGMA)],
            stream.getvalue())


def toks(text: str) -> list[str]:
    return [t.text for t in tokenize(text, "expected")]


def expands_to(source: str, expected: str) -> None:
    result, errors = pp(source)
    assert result == toks(expected), errors


# -- C11 6.10.3.5 ---------------------------------------------------------------

def test_c11_example_3() -> None:
    expands_to(r"""
#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
""", r"""
f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };
""")


def test_c11_example_4(tmp_path: Path) -> None:
    (tmp_path / "vers2.h").write_text("int included_vers2;\n")
    source = r"""
#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
 == 0) str(: @\n), s);
#include xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
"""
    path = tmp_path / "t.c"
    path.write_text(source)
    result, errors = pp(source, path=str(path))
    assert result == toks(r"""
printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
int included_vers2;
"hello";
"hello" ", world"
"""), errors


def test_c11_example_5() -> None:
    expands_to("""
#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };
""", "int j[] = { 123, 45, 67, 89, 10, 11, 12, };")


def test_c11_example_7() -> None:
    expands_to(r"""
#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);
""", r"""
fprintf(stderr, "Flag" );
fprintf(stderr, "X = %d\n", x );
puts( "The first, second, and third items." );
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));
""")


# -- # and ##, recursion -----------------------------------------------------------

@pytest.mark.parametrize("source, expected", [
    ('#define s(x) #x\ns(  a   +  "b\\n"  \'\\\'\' )', r'''"a + \"b\\n\" '\\''"'''),
    ("#define s(x) #x\ns()", '""'),
    ("#define s(x) #x\ns(a\n  b)", '"a b"'),
    ("#define c(a,b) a##b\nc(x,1) c(+,=) c(<<,=) c(.,.)", "x1 += <<= .."),
    ("#define c(a,b) a ## b\n#define X 1\nc(X,X)", "XX"),
    ("#define f(x) x f\nf(1)(2)", "1 f(2)"),
    ("#define g(a) a*h\n#define h(a) g(a)\ng(2)(9)", "2*9*h"),
    ("#define a a b\n#define b a\na", "a a"),
    ("#define f(x) g(x\n#define g(x) x\nf(1))", "1"),
    ("#define EMPTY\n#define LPAREN (\n#define f(x) [x]\nf EMPTY (1)", "f (1)"),
    ("#define e(fmt, ...) p(fmt, ## __VA_ARGS__)\ne(a) e(a,b,c)", "p(a) p(a,b,c)"),
    ("#define e(fmt, args...) p(fmt, ## args)\ne(a) e(a,b)", "p(a) p(a,b)"),
    ("#define v(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)\nv(1) v(1,2)", "f(1) f(1, 2)"),
    ("#define n(...) __VA_ARGS__ x\nn()", "x"),
    ("#define obj (obj + 1)\nobj", "(obj + 1)"),
])
def test_replacement(source: str, expected: str) -> None:
    expands_to(source, expected)


def test_paste_errors() -> None:
    result, errors = pp("#define c(a,b) a##b\nc(+,-)")
    assert result == ["+", "-"]
    assert "pasting \"+\" and \"-\" does not give a valid preprocessing token" in errors


def test_argument_count_errors() -> None:
    _, errors = pp("#define f(a,b) a\nf(1)\nf(1,2,3)\nf(1,\n")
    assert "macro \"f\" requires 2 arguments, but only 1 given" in errors
    assert "macro \"f\" passed 3 arguments, but takes just 2" in errors
    assert "unterminated argument list invoking macro \"f\"" in errors


# -- #if ------------------------------------------------------------------------------

@pytest.mark.parametrize("expr, value", [
    ("1 + 2 * 3 == 7", True),
    ("-1 < 0", True),
    ("-1 < 0u", False),                       # unsigned comparison
    ("0xffffffffffffffff == -1", True),
    ("18446744073709551615u / 2 == 9223372036854775807", True),
    ("(-1) >> 1 == -1", True),
    ("-9223372036854775807 - 1 < 0", True),
    ("0 && 1 / 0", False),                    # short circuit: no division by zero
    ("1 || 1 / 0", True),
    ("1 ? 2 : 1 / 0", True),
    ("(0 ? 1u : -1) > 0", True),              # the conditional's usual conversions
    ("'a' == 97 && '\\377' < 0 && L'\\377' == 255", True),
    ("'ab' == 24930", True),
    ("defined(X) && !defined Y && X == 5", True),
    ("UNDEFINED_NAME == 0", True),
    ("(2 || 3) == 1 && (0 | 6) == 6 && (5 ^ 1) == 4 && ~0 == -1", True),
    ("1 << 63 < 0 && 1u << 63 > 0", True),
    ("0b101 == 5 && 010 == 8 && 10LL == 10ull", True),
    ("__has_attribute(packed) && __has_builtin(__builtin_expect) && "
     "!__has_builtin(nonsense) && __has_c_attribute(nodiscard) == 202003", True),
])
def test_if_arithmetic(expr: str, value: bool) -> None:
    result, errors = pp(f"#define X 5\n#if {expr}\nyes\n#else\nno\n#endif\n")
    assert result == (["yes"] if value else ["no"]), errors


@pytest.mark.parametrize("expr, message", [
    ("1 / 0", "division by zero in #if"),
    ("1 +", "operator '+' has no right operand"),
    ("(1", "missing ')' in expression"),
    ("1.0", "floating constant in preprocessor expression"),
    ("", "#if with no expression"),
    ("1 2", "missing binary operator before token \"2\""),
    ('"s"', 'token ""s"" is not valid in preprocessor expressions'),
])
def test_if_errors(expr: str, message: str) -> None:
    _, errors = pp(f"#if {expr}\n#endif\n")
    assert f"error: {message}" in errors


def test_conditional_structure() -> None:
    expands_to("""
#ifdef A
a
#elif defined B
b
#elif 1
c
#else
d
#endif
#ifndef A
# if 0
#  error not here
# else
e
# endif
#endif
#if 0
#bogus directive in a skipped group is fine
'unterminated in skipped group
#elifdef NOPE
f
#elifndef NOPE
g
#endif
""", "c e g")


def test_conditional_errors() -> None:
    _, errors = pp("#else\n#endif\n#if 1\n#else\n#else\n#endif\n#if 1\n")
    assert "#else without #if" in errors
    assert "#endif without #if" in errors
    assert "#else after #else" in errors
    assert "unterminated #if" in errors


# -- includes --------------------------------------------------------------------------

def test_include_next_and_guards(tmp_path: Path) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "h.h").write_text("first\n#include_next <h.h>\n")
    (second / "h.h").write_text("#ifndef H2\n#define H2\nsecond\n#endif\n")
    (tmp_path / "once.h").write_text("#pragma once\nonce\n")
    (tmp_path / "q.h").write_text("quoted __INCLUDE_LEVEL__\n")
    main = tmp_path / "main.c"
    main.write_text('#include <h.h>\n#include <h.h>\n#include "once.h"\n#include "once.h"\n'
                    '#include "q.h"\n#if __has_include(<h.h>) && !__has_include("nope.h")\n'
                    'has\n#endif\n')
    options = PreprocessorOptions(user_dirs=[str(first), str(second)])
    result, errors = pp(main.read_text(), options=options, path=str(main))
    assert result == ["first", "second", "first", "once", "quoted", "1", "has"], errors


def test_include_guards_found_while_reading(tmp_path: Path) -> None:
    """The multiple-include optimisation: a guarded header is opened once, others each time."""
    headers = {
        "guarded.h": "/* c */\n#ifndef G1\n#define G1\ng1\n#endif /* G1 */\n\n",
        "defined.h": "#if !defined(G2)\n#define G2\ng2\n#endif\n",
        "trailing.h": "#ifndef G3\n#define G3\ng3\n#endif\nafter3\n",
        "has_else.h": "#ifndef G4\n#define G4\ng4\n#else\nelse4\n#endif\n",
        "leading.h": "lead5\n#ifndef G5\n#define G5\n#endif\n",
        "two_names.h": "#if !defined G6 && !defined G6B\n#define G6\ng6\n#endif\n",
    }
    for name, text in headers.items():
        (tmp_path / name).write_text(text)
    main = tmp_path / "main.c"
    main.write_text("".join(f'#include "{name}"\n#include "{name}"\n' for name in headers))
    stream = io.StringIO()
    pre = Preprocessor(X86_64, PreprocessorOptions(), CDiagnostics(stream=stream))
    items = list(pre.items(str(main)))
    result = [t.text for t in items if isinstance(t, Token) and t.text]
    assert result == ["g1", "g2", "g3", "after3", "after3", "g4", "else4", "lead5", "lead5",
                      "g6"], stream.getvalue()
    entered = [item.file for item in items if isinstance(item, FileChange) and item.flag == 1]
    opened = {name: sum(path.endswith("/" + name) for path in entered) for name in headers}
    assert opened == {"guarded.h": 1, "defined.h": 1, "trailing.h": 2, "has_else.h": 2,
                      "leading.h": 2, "two_names.h": 2}


def test_skipped_lines_are_not_tokens() -> None:
    """A skipped group's lines are passed over as text: quotes and comments still count."""
    result, errors = pp("#if 0\n\"/*\" don't\n/*\n#endif\n*/\n#else\nyes\n#endif\n"
                        "%:if 0\nno\n  %:  endif\nend\n")
    assert result == ["yes", "end"], errors
    assert "t.c:2:9: warning: missing terminating ' character" in errors


def test_in_definition_of_macro_note() -> None:
    """An argument's token in a diagnostic: gcc's note points at the parameter in the body."""
    _, errors = pp("#define CAT(a, b) a ## b\n#define WRAP(x) CAT(x, -)\nCAT(+, -)\n"
                   "WRAP(+)\n", path="n.c")
    lines = [line for line in errors.splitlines() if "note:" in line or "error:" in line]
    assert lines == [
        'n.c:3:5: error: pasting "+" and "-" does not give a valid preprocessing token',
        "n.c:1:19: note: in definition of macro 'CAT'",
        'n.c:4:6: error: pasting "+" and "-" does not give a valid preprocessing token',
        "n.c:1:19: note: in definition of macro 'CAT'",
        "n.c:4:1: note: in expansion of macro 'WRAP'"], errors     # as gcc 12 prints them


def test_missing_include_is_fatal(tmp_path: Path) -> None:
    main = tmp_path / "m.c"
    main.write_text('#include "nope.h"\nafter\n')
    status, out, err = run_pcc(["-E", str(main)])
    assert status == 1
    assert f'{main}:1:10: fatal error: nope.h: No such file or directory' in err
    assert "compilation terminated." in err


def test_include_chain_notes(tmp_path: Path) -> None:
    (tmp_path / "inner.h").write_text("#error inner problem\n")
    (tmp_path / "outer.h").write_text('#include "inner.h"\n')
    main = tmp_path / "m.c"
    main.write_text('\n#include "outer.h"\n')
    status, _, err = run_pcc(["-E", str(main)])
    lines = err.splitlines()
    assert status == 1
    assert lines[0] == f"In file included from {tmp_path}/outer.h:1,"
    assert lines[1] == f"                 from {main}:2:"
    assert lines[2] == f"{tmp_path}/inner.h:1:2: error: #error inner problem"


# -- built-in macros -------------------------------------------------------------------

def test_builtin_macros() -> None:
    result, _ = pp("__LINE__ __FILE__\n__COUNTER__ __COUNTER__ __COUNTER__\n"
                   "#line 100 \"other.c\"\n__LINE__ __FILE__ __BASE_FILE__ __INCLUDE_LEVEL__\n"
                   "#define L __LINE__\nL\n")
    assert result == ["1", '"t.c"', "0", "1", "2", "100", '"other.c"', '"t.c"', "0", "102"]
    date, _ = pp("__DATE__ __TIME__")
    assert len(date[0]) == 13 and len(date[1]) == 10


@pytest.mark.parametrize("target, present, absent", [
    ("x86_64-linux-gnu", ["__x86_64__", "__LP64__", "__SSE2__", "__SIZEOF_INT128__"],
     ["__i386__", "__CHAR_UNSIGNED__"]),
    ("i386-linux-gnu", ["__i386__", "i386", "__ILP32__"], ["__x86_64__", "__LP64__"]),
    ("i386-none-code16", ["__i386__", "__SSE2__"], ["__x86_64__"]),
    ("aarch64-linux-gnu", ["__aarch64__", "__CHAR_UNSIGNED__", "__ARM_NEON"], ["__x86_64__"]),
    ("riscv64-linux-gnu", ["__riscv", "__riscv_xlen", "__CHAR_UNSIGNED__"], ["__aarch64__"]),
])
def test_predefined_per_target(target: str, present: list[str], absent: list[str]) -> None:
    source = "".join(f"#ifdef {m}\nyes_{m}\n#endif\n" for m in present + absent)
    result, _ = pp(source, target=find_target(target))
    assert result == [f"yes_{m}" for m in present]


def test_predefined_values() -> None:
    result, _ = pp("__GNUC__ __GNUC_MINOR__ __STDC_VERSION__ __SIZEOF_LONG__ __INT64_C(1)",
                   target=find_target("i386-linux-gnu"))
    assert result == ["12", "2", "201710L", "4", "1LL"]


def test_pragmas() -> None:
    stream = io.StringIO()
    diags = CDiagnostics(stream=stream)
    tokens = preprocess("t.c", X86_64, PreprocessorOptions(), diags, text=(
        "#pragma pack(push, 1)\n#define P(x) _Pragma(#x) after\nP(omp parallel)\n"
        "#define M 1\n#pragma push_macro(\"M\")\n#undef M\nM\n#pragma pop_macro(\"M\")\nM\n"))
    assert [(t.kind.name, t.text) for t in tokens[:-1]] == [
        ("PRAGMA", "pack(push, 1)"), ("PRAGMA", "omp parallel"), ("IDENTIFIER", "after"),
        ("IDENTIFIER", "M"), ("PP_NUMBER", "1")]


# -- driver and diagnostics --------------------------------------------------------------

def test_driver_errors(tmp_path: Path) -> None:
    status, _, err = run_pcc(["-E", str(tmp_path / "missing.c")])
    assert status == 1
    assert err.splitlines() == [f"pcc: error: {tmp_path}/missing.c: No such file or directory",
                                "pcc: fatal error: no input files", "compilation terminated."]
    status, _, err = run_pcc(["-E", "--bogus"])
    assert status == 1 and "pcc: error: unrecognized command-line option '--bogus'" in err
    src = tmp_path / "a.c"
    src.write_text("int x;\n")
    status, _, err = run_pcc(["-c", str(src), "-fnot-a-real-flag", "-o", str(tmp_path / "a.o")])
    assert status == 0, err
    assert "pcc: warning: unrecognized command-line option '-fnot-a-real-flag'" in err
    assert (tmp_path / "a.o").exists()


def test_warning_options_and_carets(tmp_path: Path) -> None:
    src = tmp_path / "w.c"
    src.write_text("#warning careful\n#define X 1 +\n\tint y = X;\n")
    status, out, err = run_pcc(["-E", str(src)])
    assert status == 0
    assert err.splitlines()[:3] == [f"{src}:1:2: warning: #warning careful [-Wcpp]",
                                    "    1 | #warning careful", "      |  ^~~~~~~"]
    status, _, err = run_pcc(["-E", "-Werror", str(src)])
    assert status == 1 and "error: #warning careful [-Werror=cpp]" in err
    status, _, err = run_pcc(["-E", "-w", str(src)])
    assert status == 0 and err == ""
    status, _, err = run_pcc(["-E", "-Wno-cpp", str(src)])
    assert status == 0 and err == ""


def test_dependencies(tmp_path: Path) -> None:
    (tmp_path / "d.h").write_text("int d;\n")
    src = tmp_path / "m.c"
    src.write_text('#include "d.h"\n')
    status, out, _ = run_pcc(["-M", "-nostdinc", str(src)])
    assert status == 0
    assert out.replace("\\\n", "").split() == ["m.o:", str(src), f"{tmp_path}/d.h"]
    status, out, _ = run_pcc(["-MM", "-MP", "-MT", "obj/m.o", str(src)])
    assert out.replace("\\\n", "").split() == ["obj/m.o:", str(src), f"{tmp_path}/d.h",
                                                 f"{tmp_path}/d.h:"]


def test_minus_dm_and_std(tmp_path: Path) -> None:
    src = tmp_path / "e.c"
    src.write_text("#define FOO(a, b) a + b\n")
    _, out, _ = run_pcc(["-E", "-dM", str(src)])
    assert "#define FOO(a,b) a + b\n" in out
    assert "#define __STDC_VERSION__ 201710L\n" in out
    _, out, _ = run_pcc(["-E", "-dM", "-std=c99", str(src)])
    assert "#define __STDC_VERSION__ 199901L\n" in out and "#define __STRICT_ANSI__ 1\n" in out


# -- robustness ----------------------------------------------------------------------------

def test_random_input_never_crashes() -> None:
    rng = random.Random(99)
    pieces = ["#define ", "#if ", "#elif ", "#else\n", "#endif\n", "#include ", "#undef ",
              "defined", "(", ")", ",", "##", "#", "__VA_ARGS__", "...", "f", "g", "x", "1",
              "\n", " ", "\"", "'", "<", ">", "/*", "*/", "\\\n", "_Pragma", "__LINE__",
              "__has_include", "0x", "+", "?", ":", "/", "0"]
    for _ in range(1500):
        source = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        pp("#define f(a, ...) a __VA_ARGS__ #a\n#define g(x) x##x f\n" + source)


def test_truncated_files_never_crash() -> None:
    source = Path(__file__).read_text()[:3000]
    real = "#define f(a,b) a ## b\n#if defined(f) && 1\nf(x, y)\n#endif\n" + source
    for cut in range(0, len(real), 37):
        pp(real[:cut])


def test_macro_expansion_notes(tmp_path: Path) -> None:
    src = tmp_path / "n.c"
    text = "#define Y }\n#define W(a) a\nint z = W(Y);\n"
    src.write_text(text)
    stream = io.StringIO()
    diags = CDiagnostics(stream=stream)
    tokens = preprocess(str(src), X86_64, PreprocessorOptions(), diags)
    brace = next(t for t in tokens if t.text == "}")
    diags.error("expected expression before '}' token", brace)
    assert stream.getvalue().splitlines() == [
        f"{src}:1:11: error: expected expression before '}}' token",
        "    1 | #define Y }",
        "      |           ^",
        f"{src}:2:14: note: in definition of macro 'W'",       # gcc 12's notes
        "    2 | #define W(a) a",
        "      |              ^",
        f"{src}:3:11: note: in expansion of macro 'Y'",
        "    3 | int z = W(Y);",
        "      |           ^"]
    assert diags.error_count == 1


def test_output_is_accepted_by_gcc(tmp_path: Path) -> None:
    """gcc compiles what pcc -E prints (line markers with flags included)."""
    import shutil
    import subprocess
    if shutil.which("gcc") is None:
        pytest.skip("gcc is not installed")
    src = tmp_path / "prog.c"
    src.write_text('#include <stdio.h>\n#include <stdlib.h>\n#define SQ(x) ((x) * (x))\n'
                   'int main(void) { printf("%d\\n", SQ(3)); return EXIT_SUCCESS; }\n')
    from cpphelpers import GLIBC_INCLUDE
    status, out, err = run_pcc(["-E", *GLIBC_INCLUDE, str(src)])
    assert status == 0, err
    pre = tmp_path / "prog.i"
    pre.write_text(out)
    proc = subprocess.run(["gcc", "-Wall", "-Werror", "-c", "-x", "cpp-output", str(pre),
                           "-o", str(tmp_path / "prog.o")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_internal_errors_exit_70(monkeypatch, capsys) -> None:
    from toolchain.cc import cli

    def broken(argv, *rest):
        raise IndexError("boom")
    monkeypatch.setattr(cli, "run", broken)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["-E", "x.c"])
    assert exit_info.value.code == 70
    err = capsys.readouterr().err
    assert err.startswith("pcc: internal error: IndexError: boom")
    assert "Traceback" not in err


def test_syntax_only_preprocesses_until_the_parser_exists(tmp_path: Path) -> None:
    src = tmp_path / "ok.c"
    src.write_text("#define N 3\nint a[N];\n")
    status, out, err = run_pcc(["-fsyntax-only", str(src)])
    assert status == 0 and out == ""
    bad = tmp_path / "bad.c"
    bad.write_text("#if\n#endif\n")
    status, _, err = run_pcc(["-fsyntax-only", str(bad)])
    assert status == 1 and "error: #if with no expression" in err


def test_wundef(tmp_path: Path) -> None:
    src = tmp_path / "u.c"
    src.write_text("#if FOO || defined BAR\n#endif\n#if 1 || NOT_EVALUATED\n#endif\n")
    _, _, err = run_pcc(["-E", str(src)])
    assert err == ""
    _, _, err = run_pcc(["-E", "-Wundef", str(src)])
    assert err.splitlines()[0] == \
        f'{src}:1:5: warning: "FOO" is not defined, evaluates to 0 [-Wundef]'
    assert "NOT_EVALUATED" not in err


def test_argument_count_note_like_gcc(tmp_path: Path) -> None:
    src = tmp_path / "a.c"
    src.write_text("#define p() pp\np(1)\n")
    _, out, err = run_pcc(["-E", "-P", str(src)])
    assert err.splitlines() == [
        f'{src}:2:4: error: macro "p" passed 1 arguments, but takes just 0',
        "    2 | p(1)", "      |    ^",
        f'{src}:1: note: macro "p" defined here',
        "    1 | #define p() pp", "      | "]
    assert out.split() == ["p"]
