"""The parser on real programs and on garbage.

- Every corpus program (c-testsuite, gcc-torture) passes ``-fsyntax-only``
  with no error, preprocessed against the system's glibc headers (by
  ``gcc -E`` here, a test-only stand-in until the pipeline test uses pcc's
  own preprocessor); a seeded sample by default, all with ``--full``.
- Random token sequences and truncated programs give diagnostics, never a
  Python exception.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ctokens import Diagnostics, Options, preprocess_with_gcc, tokenize  # noqa: E402
from testopts import sample_seed  # noqa: E402

from toolchain.cc.frontend import check_translation_unit, parse_translation_unit  # noqa: E402
from toolchain.common.target import find_target  # noqa: E402

CORPORA = Path(os.environ.get("PCC_CORPORA", Path(__file__).resolve().parents[3] / "shared" / "corpora"))
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")
FILES = sorted(CORPORA.glob("c-testsuite/*.c")) + sorted(CORPORA.glob("gcc-torture/*.c"))
SAMPLE = 60


def corpus_files(full: bool) -> list[Path]:
    if full:
        return FILES
    return sorted(random.Random(sample_seed()).sample(FILES, min(SAMPLE, len(FILES))))


@pytest.mark.parametrize("mode", ["x86_64", "i386"])
def test_corpus_syntax_only(mode: str, full: bool):
    if not FILES:
        pytest.skip(f"no corpora under {CORPORA}")
    compiler = "gcc" if mode == "x86_64" else "i686-linux-gnu-gcc"
    if shutil.which(compiler) is None:
        pytest.skip(f"{compiler} not installed")
    files = corpus_files(full) if mode == "x86_64" else corpus_files(False)[:20]
    failures = []
    for path in files:
        text = preprocess_with_gcc(path, compiler)
        diagnostics = Diagnostics()
        check_translation_unit(tokenize(text, str(path)), find_target(mode), diagnostics, Options())
        if diagnostics.error_count:
            failures.append(diagnostics.errors()[0])
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
        parse_translation_unit(tokenize("typedef int T;\n" + text), find_target("x86_64"), diagnostics,
                               Options())


def test_truncated_programs_never_crash():
    rng = random.Random(sample_seed())
    for path in rng.sample(FILES, min(10, len(FILES))) if FILES else []:
        tokens = tokenize(path.read_text(errors="replace"), str(path))
        tokens = [t for t in tokens if t.text != "#"]
        for cut in sorted(rng.sample(range(1, len(tokens)), min(15, len(tokens) - 1))):
            diagnostics = Diagnostics()
            parse_translation_unit(tokens[:cut], find_target("x86_64"), diagnostics, Options())


def test_deeply_nested_declarators_and_expressions():
    source = "int " + "(*" * 50 + "x" + ")" * 50 + ";\nint y = " + "(" * 300 + "1" + ")" * 300 + ";\n"
    diagnostics = Diagnostics()
    parse_translation_unit(tokenize(source), find_target("x86_64"), diagnostics, Options())
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
    parse_translation_unit(tokenize(source), find_target("x86_64"), diagnostics, Options())
    assert diagnostics.errors() == []
