"""The parser on real programs and on garbage.

- Every corpus program (c-testsuite, gcc-torture) passes ``pcc
  -fsyntax-only`` end to end (pcc's own preprocessor, then the parser) with
  no error, once against the system's glibc headers and once against the
  bundled ones (toolchain/libc/include); a seeded sample by default, all
  with ``--full``.  i386 gets a short sample against glibc.
- Random token sequences and truncated programs give diagnostics, never a
  Python exception.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from frontendhelpers import (GLIBC_INCLUDE, Diagnostics, Options, diagnostic_lines, preprocess,  # noqa: E402
                             syntax_only)
from testopts import sample_seed  # noqa: E402

from toolchain.cc.driver import BUNDLED_INCLUDE  # noqa: E402
from toolchain.cc.frontend import parse_translation_unit  # noqa: E402
from toolchain.cc.lexer import tokenize  # noqa: E402
from toolchain.common.target import find_target  # noqa: E402

CORPORA = Path(os.environ.get("PCC_CORPORA", Path(__file__).resolve().parents[3] / "shared" / "corpora"))
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")
FILES = sorted(CORPORA.glob("c-testsuite/*.c")) + sorted(CORPORA.glob("gcc-torture/*.c"))
SAMPLE = 60
HEADERS = {"glibc": GLIBC_INCLUDE, "bundled": ["-nostdinc", "-isystem", BUNDLED_INCLUDE]}
I386_GLIBC = ["-nostdinc", "-isystem", "/usr/lib/gcc-cross/i686-linux-gnu/12/include",
              "-isystem", "/usr/i686-linux-gnu/include"]       # Debian's libc6-dev-i386-cross


def corpus_files(full: bool) -> list[Path]:
    if full:
        return FILES
    return sorted(random.Random(sample_seed()).sample(FILES, min(SAMPLE, len(FILES))))


@pytest.mark.parametrize("mode, headers", [("x86_64", "glibc"), ("x86_64", "bundled"),
                                           ("i386", "glibc")])
def test_corpus_syntax_only(mode: str, headers: str, full: bool):
    if not FILES:
        pytest.skip(f"no corpora under {CORPORA}")
    if headers == "glibc" and not Path("/usr/include/stdio.h").exists():
        pytest.skip("no glibc headers in /usr/include")
    if mode == "i386" and not Path(I386_GLIBC[-1], "stdio.h").exists():
        pytest.skip("no i386 glibc headers (libc6-dev-i386-cross)")
    files = corpus_files(full) if mode == "x86_64" else corpus_files(False)[:20]
    include = I386_GLIBC if mode == "i386" else HEADERS[headers]
    failures = []
    for path in files:
        status, stderr = syntax_only(["-w", f"--target={mode}", *include, str(path)])
        if status:
            lines = diagnostic_lines(stderr) or stderr.strip().splitlines()[-1:] or ["?"]
            failures.append(f"{path.parent.name}/{path.name}: {lines[0]}")
    assert failures == [], f"{len(failures)} of {len(files)} files: " + "; ".join(failures[:5])


PIECES = ("int char void struct union enum typedef static extern const volatile unsigned long short "
          "if else while for do switch case default break continue return goto sizeof _Alignof "
          "_Generic _Static_assert __attribute__ __typeof__ asm __extension__ x y T 0 1 0x1f 1.5 "
          "'a' \"s\" ( ) [ ] { } ; , . -> ++ -- & * + - ~ ! / % << >> < > <= >= == != ^ | && || ? : = "
          "+= ... # ##").split()


def test_random_token_sequences_never_crash():
    rng = random.Random(sample_seed())
    for _ in range(300):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        diagnostics = Diagnostics()
        parse_translation_unit(tokenize("typedef int T;\n" + text, "random.c"), find_target("x86_64"),
                               diagnostics, Options())


def test_truncated_programs_never_crash():
    rng = random.Random(sample_seed())
    for path in rng.sample(FILES, min(10, len(FILES))) if FILES else []:
        tokens = preprocess(path.read_text(errors="replace"), str(path), args=("-w",))
        for cut in sorted(rng.sample(range(1, len(tokens)), min(15, len(tokens) - 1))):
            diagnostics = Diagnostics()
            parse_translation_unit(tokens[:cut], find_target("x86_64"), diagnostics, Options())


def test_deeply_nested_declarators_and_expressions():
    source = "int " + "(*" * 50 + "x" + ")" * 50 + ";\nint y = " + "(" * 300 + "1" + ")" * 300 + ";\n"
    diagnostics = Diagnostics()
    parse_translation_unit(preprocess(source), find_target("x86_64"), diagnostics, Options())
    assert diagnostics.errors() == []


def test_gnu_extensions_parse():
    source = r'''
typedef struct { int a[0]; } zero;
int f(int x) {
    __label__ out;
    static void *table[] = { &&l1, &&out };
    __auto_type y = x + 1;
    typeof(y) z = ({ int t = y; t * 2; });
    switch (x) { case 1 ... 5: z++; break; default: ; }
    int w = x ?: 3;
    __asm__ __volatile__ ("nop" : "=r"(w) : "r"(x) : "memory");
    _Complex double c = 1.0; double r = __real__ c + __imag__ c;
    goto *table[x & 1];
l1: out:
    return z + w + (int)r + __builtin_expect(x, 0) + __builtin_popcount(x)
         + __sync_fetch_and_add(&w, 1) + __atomic_load_n(&w, 0);
}
int g(a, b) int a; char *b; { return a + *b; }
struct __attribute__((packed)) p { char c; int i; } __attribute__((aligned(2)));
_Static_assert(sizeof(struct p) == 6, "packed");
extern int h(int) __asm__("real_h") __attribute__((noreturn));
int arr[] = { [2] = 1, [0 ... 1] = 5 };
_Static_assert(sizeof arr == 12, "designated");
'''
    diagnostics = Diagnostics()
    parse_translation_unit(preprocess(source), find_target("x86_64"), diagnostics, Options())
    assert diagnostics.errors() == []


def test_forms_from_real_software_give_no_diagnostic():
    """Each of these once gave a false error or warning on lua, sqlite3 or glibc code."""
    source = r'''
typedef int (*fn)(void);
void *dlsym(void *, const char *);
fn cast_func(void *lib) { return (__extension__ (fn)(dlsym(lib, "f"))); }   /* lua loadlib.c */
static void __attribute__((noreturn)) fail(void) { for (;;) ; }
void __attribute__((noreturn)) raise_error(void) { fail(); }                /* lua ldebug.c */
typedef void (*destructor)(void *);
destructor transient(void) { return (destructor)-1; }                       /* SQLITE_TRANSIENT */
int step(int x) {
    switch (x) {
    case 1: x++; __attribute__((fallthrough));                              /* sqlite3 */
    case 2: __attribute__((__fallthrough__));
    default: break;
    }
    __attribute__((unused)) int y = 2;
    return x;
}
'''
    diagnostics = Diagnostics()
    parse_translation_unit(preprocess(source), find_target("x86_64"), diagnostics, Options())
    assert diagnostics.lines == []


def test_pragma_pack():
    source = '''
#pragma pack(push, 2)
struct a { char c; int i; };
#pragma pack(1)
struct b { char c; long l; short s : 3; int x : 9; };
#pragma pack(pop)
struct c { char c; int i; };
_Pragma("pack(4)") struct d { char c; double d; int q __attribute__((aligned(16))); };
#pragma pack()
#pragma GCC diagnostic ignored "-Wall"
struct e { char c; double d; };
_Static_assert(sizeof(struct a) == 6 && sizeof(struct b) == 11 && sizeof(struct c) == 8
               && sizeof(struct d) == 16 && sizeof(struct e) == 16, "as gcc lays them out");
'''
    diagnostics = Diagnostics()
    parse_translation_unit(preprocess(source), find_target("x86_64"), diagnostics, Options())
    assert diagnostics.lines == []
    diagnostics = Diagnostics()
    parse_translation_unit(preprocess("#pragma pack(pop)\n#pragma pack(3)\nint x;\n"),
                           find_target("x86_64"), diagnostics, Options())
    assert [line.split(": ", 1)[1] for line in diagnostics.lines] == [
        "warning: '#pragma pack (pop)' encountered without matching '#pragma pack (push)' [-Wpragmas]",
        "warning: alignment must be a small power of two, not 3 [-Wpragmas]"]
