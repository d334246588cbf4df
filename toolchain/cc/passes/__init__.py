"""The optimisation pipelines: which passes run, in which order, at each -O level.

Each pass is one module with ``run(module) -> bool`` (whether it changed
anything).  The lists below are the whole story (QBE style).  ``-O0``
only drops unreachable blocks (the back end then sees every variable in
memory, as gcc -O0 keeps them); ``-O1`` builds SSA, cleans up, inlines
(always_inline functions, static ones called once, callees no larger than
the call), splits the locals mem2reg could not promote into one slot per
piece (sroa, which also forwards stores to loads), promotes those and the
inlined locals, simplifies (constfold, instcombine with its bit-field and
division-compare rules), removes redundant computations and loads (gvn)
and stores overwritten before they are read (dse), rotates loops with
small headers to test at the bottom (looprotate), cleans up again and
drops unused static functions and data; ``-O2`` also inlines small
functions (a larger budget) and merges identical blocks
(tailmerge-blocks); ``-Os`` inlines as -O1 does, rotates only the loops
whose first test folds away, merges common tails of blocks (tailmerge,
gcc's cross-jumping) and turns long constant initialisations of locals
into copies from read-only data (constinit).  Every level ends with
``softfloat``: binary128 arithmetic becomes calls to the soft-float
routines, which is lowering, not optimisation.  ``run_pipeline`` records
the level on the module (``Module.level``) for the passes that depend on it.

``run_pipeline(module, '-O1', print_after={'mem2reg'})`` prints the IR after
the named passes ('all' for every one) -- the compiler's switch for it is
``-fdump-ir-after=PASS`` (gcc-style; ``-mllvm -print-after=PASS`` is accepted
as a synonym).  ``verify=True`` runs the verifier after every pass (tests do).
"""

from __future__ import annotations

import sys

from ..ir import Module
from ..ir.printer import format_module
from ..ir.verify import verify_module
from . import (constfold, constinit, dce, dse, globaldce, gvn, inline, instcombine, looprotate,
               mem2reg, simplifycfg, softfloat, sroa, tailmerge, unreachable)

PASSES = {
    "unreachable": unreachable.run,
    "simplifycfg": simplifycfg.run,
    "tailmerge": tailmerge.run,
    "tailmerge-blocks": tailmerge.run_blocks,
    "mem2reg": mem2reg.run,
    "constfold": constfold.run,
    "instcombine": instcombine.run,
    "gvn": gvn.run,
    "dse": dse.run,
    "dce": dce.run,
    "globaldce": globaldce.run,
    "constinit": constinit.run,
    "sroa": sroa.run,
    "softfloat": softfloat.run,
    "inline": inline.run,
    "looprotate": looprotate.run,
}

PIPELINES: dict[str, list[str]] = {
    "-O0": ["unreachable", "softfloat"],
    "-O1": ["unreachable", "simplifycfg", "mem2reg", "constfold", "dce", "simplifycfg", "inline",
            "sroa", "mem2reg", "constfold", "instcombine", "gvn", "dse", "instcombine",
            "looprotate", "dce", "simplifycfg", "constfold", "dce", "simplifycfg", "globaldce",
            "softfloat"],
    "-O2": ["unreachable", "simplifycfg", "mem2reg", "constfold", "dce", "simplifycfg", "inline",
            "sroa", "mem2reg", "constfold", "instcombine", "gvn", "dse", "instcombine",
            "looprotate", "dce", "simplifycfg", "constfold", "dce", "simplifycfg",
            "tailmerge-blocks", "globaldce", "softfloat"],
    "-Os": ["unreachable", "simplifycfg", "mem2reg", "constinit", "constfold", "dce",
            "simplifycfg", "inline", "sroa", "mem2reg", "constfold", "instcombine", "gvn", "dse",
            "instcombine", "looprotate", "dce", "simplifycfg", "constfold", "dce", "simplifycfg",
            "tailmerge", "globaldce", "softfloat"],
}
PIPELINES["-O3"] = PIPELINES["-O2"]


def pipeline_for(level: str) -> list[str]:
    if level not in PIPELINES:
        level = "-O2" if level.startswith("-O") and level[2:].isdigit() else "-O1"
    return PIPELINES[level]


def run_pipeline(module: Module, level: str, print_after: set[str] | frozenset = frozenset(),
                 verify: bool = False, out=None) -> Module:
    out = out or sys.stderr
    module.level = level
    if verify:
        verify_module(module)
    for name in pipeline_for(level):
        PASSES[name](module)
        if verify:
            try:
                verify_module(module)
            except Exception as error:
                raise type(error)(f"after pass '{name}': {error}") from None
        if name in print_after or "all" in print_after:
            out.write(f"; IR after {name}\n")
            out.write(format_module(module))
    return module
