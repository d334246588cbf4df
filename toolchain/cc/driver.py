"""The ``pcc`` driver: gcc's command line, read into :class:`DriverOptions`.

Flags are gcc's, with gcc's spellings of the joined and separate forms
(``-Idir`` and ``-I dir``, ``-DX=1`` and ``-D X=1``).  Flags that change
nothing before code generation exists (``-O2``, ``-g``, most ``-f`` and
``-m`` options) are accepted; an ``-f``/``-m`` flag pcc does not know gets a
warning rather than silence.  Errors read like gcc's:
``pcc: error: unrecognized command-line option '-q'``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..common.diagnostics import ToolchainError
from ..common.target import Target, find_target, host_target
from .diagnostics import WarningOptions
from .predefined import STD_VERSIONS, PredefineOptions
from .preprocessor import PreprocessorOptions

BUNDLED_INCLUDE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                               "libc", "include")

# Flags taking an argument, joined (-Ifoo) or separate (-I foo).
_WITH_ARGUMENT = ("-I", "-D", "-U", "-o", "-isystem", "-iquote", "-idirafter", "-include",
                  "-imacros", "-MF", "-MT", "-MQ", "-x", "-L", "-l", "-isysroot",
                  "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-Xlinker",
                  "-Xassembler", "-Xpreprocessor", "-T", "-u", "-z", "-e")
_SEPARATE_ONLY = ("-target", "--sysroot", "-aux-info", "--param")

# -f options that are accepted (and their -fno- forms); anything else warns.
KNOWN_F = frozenset("""
PIC pic PIE pie common builtin freestanding hosted strict-aliasing wrapv trapv
omit-frame-pointer stack-protector stack-protector-strong stack-protector-all
stack-protector-explicit diagnostics-color unsigned-char signed-char short-enums
exceptions asynchronous-unwind-tables unwind-tables function-sections data-sections
inline inline-functions strict-overflow delete-null-pointer-checks math-errno
fast-math plt dollars-in-identifiers extended-identifiers diagnostics-show-caret
diagnostics-show-option ident semantic-interposition stack-clash-protection
syntax-only gnu89-inline keep-inline-functions zero-initialized-in-bss
show-column verbose-asm asm gnu-keywords merge-constants merge-all-constants
optimize-sibling-calls tree-vectorize unroll-loops peel-loops jump-tables
reorder-blocks ipa-cp lto fat-lto-objects split-stack threadsafe-statics
strict-volatile-bitfields shrink-wrap tree-loop-distribute-patterns
finite-math-only signed-zeros rounding-math trapping-math errno-math
single-precision-constant permissive working-directory preprocessed
directives-only show-source-location canonical-system-headers
diagnostics-parseable-fixits pcc-struct-return reg-struct-return
leading-underscore no-common instrument-functions profile-arcs test-coverage
sanitize-recover cf-protection align-functions align-loops align-jumps align-labels
inline-small-functions ms-extensions plan9-extensions allow-parameterless-variadic-functions
strict-flex-arrays isolate-erroneous-paths-dereference gcse tree-pre tree-vrp
schedule-insns schedule-insns2 caller-saves peephole2 defer-pop guess-branch-probability
move-loop-invariants reorder-functions var-tracking var-tracking-assignments
record-gcc-switches dwarf2-cfi-asm debug-types-section eliminate-unused-debug-types
""".split())
KNOWN_F_PREFIXES = ("visibility=", "diagnostics-color=", "max-include-depth=",
                    "message-length=", "sanitize=", "no-sanitize=", "debug-prefix-map=",
                    "file-prefix-map=", "macro-prefix-map=", "stack-protector",
                    "cf-protection=", "lto=", "tabstop=", "exec-charset=", "input-charset=",
                    "wide-exec-charset=", "stack-limit", "builtin-", "diagnostics-",
                    "align-functions=", "align-loops=", "align-jumps=", "align-labels=",
                    "strict-flex-arrays=", "patchable-function-entry=", "zero-call-used-regs=",
                    "trivial-auto-var-init=", "abi-version=", "tls-model=", "permitted-flt-eval-methods=",
                    "excess-precision=", "ffp-contract=", "fp-contract=", "profile-",
                    "inline-limit=", "template-depth=", "constexpr-", "opt-info", "dump-",
                    "lto-partition=", "use-ld=", "ld-path=", "callgraph-info", "stack-usage",
                    "ipa-", "tree-", "sched-", "ira-", "live-patching=", "asan-", "instrument-")
KNOWN_M = frozenset("""
16 32 64 x32 sse sse2 sse3 ssse3 sse4 sse4.1 sse4.2 avx avx2 mmx 3dnow fma popcnt bmi bmi2
red-zone soft-float hard-float 80387 fp-ret-in-387 general-regs-only align-double
omit-leaf-frame-pointer stackrealign push-args accumulate-outgoing-args ieee-fp
long-double-64 long-double-80 long-double-128 cx16 sahf movbe crc32 aes pclmul lzcnt
rdrnd f16c fsgsbase rtm hle adx rdseed prfchw clflushopt xsave xsaveopt
relax no-relax strict-align shstk ibt indirect-branch-register retpoline
""".split())
KNOWN_M_PREFIXES = ("arch=", "tune=", "cpu=", "cmodel=", "abi=", "regparm=", "fpmath=",
                    "preferred-stack-boundary=", "incoming-stack-boundary=", "branch-protection=",
                    "indirect-branch=", "function-return=", "stack-protector-guard",
                    "fentry", "record-mcount", "nop-mcount", "tls-dialect=", "isa-spec=",
                    "large-data-threshold=", "sign-return-address=", "outline-atomics",
                    "no-", "asm=", "direct-extern-access", "small-data-limit=",
                    "riscv-attribute", "save-restore", "code-readable=", "plt")


@dataclass
class DependencyOptions:
    """-M family."""

    mode: str | None = None            # "M" or "MM" (print instead of preprocessing)
    write_file: str | None = None      # "MD" or "MMD" (also write a .d file)
    output: str | None = None          # -MF
    targets: list[str] = field(default_factory=list)   # -MT / -MQ (already quoted)
    phony: bool = False                # -MP
    missing_ok: bool = False           # -MG


@dataclass
class DriverOptions:
    """One pcc command line."""

    action: str = "link"               # "E", "fsyntax-only", "S", "c" or "link"
    inputs: list[str] = field(default_factory=list)
    output: str | None = None
    target: Target = field(default_factory=host_target)
    std: str = "gnu17"
    preprocessor: PreprocessorOptions = field(default_factory=PreprocessorOptions)
    warnings: WarningOptions = field(default_factory=WarningOptions)
    dependencies: DependencyOptions = field(default_factory=DependencyOptions)
    line_markers: bool = True          # -P turns them off
    dump_macros: str | None = None     # -dM / -dD / -dN
    color: bool | None = None
    show_caret: bool = True
    nostdinc: bool = False
    sysroot: str | None = None
    freestanding: bool = False
    builtin: bool = True               # -fno-builtin: library functions are just functions
    inline: bool = True                # -fno-inline: only always_inline functions inline
    visibility: str = "default"        # -fvisibility=: of definitions that do not say
    optimize: int = 0
    optimize_size: bool = False
    pic: int | None = None             # -fpic/-fPIC level; None: the default (-fPIE)
    pie: int | None = None
    unsigned_char: bool | None = None
    verbose: bool = False
    print_version: bool = False
    print_help: bool = False
    language: str | None = None        # -x
    trigraphs: bool | None = None
    notices: list[str] = field(default_factory=list)   # warnings about flags
    # The link step (toolchain/cc/compile.py): inputs, -l, -Wl, -Xlinker in command-line
    # order as ("file", path), ("lib", name) or ("ld", [args]); -L; -Wa,/-Xassembler.
    link_items: list[tuple] = field(default_factory=list)
    library_dirs: list[str] = field(default_factory=list)
    assembler_args: list[str] = field(default_factory=list)
    nostdlib: bool = False             # neither start files nor libc
    nostartfiles: bool = False
    nodefaultlibs: bool = False
    regparm: int = 0                   # -mregparm=N (i386): integer arguments in eax, edx, ecx
    dump_ir_after: set[str] = field(default_factory=set)  # -fdump-ir-after=PASS (or -mllvm -print-after=PASS)

    @property
    def pedantic(self) -> bool:
        """-pedantic or -pedantic-errors (ISO C's required diagnostics are wanted)."""
        return self.warnings.pedantic or self.warnings.pedantic_errors


class UsageError(ToolchainError):
    """A bad command line: ``pcc: error: ...``."""


def parse_command_line(argv: list[str]) -> DriverOptions:
    """Read gcc-style arguments (without the program name)."""
    opts = DriverOptions()
    pp = opts.preprocessor
    w = opts.warnings
    target_set = False
    i = 0
    n = len(argv)

    def separate(flag: str) -> str:
        nonlocal i
        if i + 1 >= n:
            raise UsageError(f"missing argument to '{flag}'")
        i += 1
        return argv[i]

    while i < n:
        arg = argv[i]
        if arg == "-" or not arg.startswith("-"):
            opts.inputs.append(arg)
            opts.link_items.append(("file", arg))
            i += 1
            continue
        if arg in ("-E", "-S", "-c"):
            opts.action = arg[1:]
        elif arg == "-fsyntax-only":
            opts.action = "fsyntax-only"
        elif arg.startswith("-fdump-ir-after="):
            opts.dump_ir_after.update(arg.split("=", 1)[1].split(","))
        elif arg == "-mllvm":
            value = separate(arg)
            if value.startswith("-print-after="):
                opts.dump_ir_after.update(value.split("=", 1)[1].split(","))
            elif value == "-print-after-all":
                opts.dump_ir_after.add("all")
        elif arg.startswith("--target="):
            opts.target = find_target(arg[len("--target="):])
            target_set = True
        elif arg in ("-target", "--target"):
            opts.target = find_target(separate(arg))
            target_set = True
        elif arg.startswith("--sysroot="):
            opts.sysroot = arg[len("--sysroot="):]
        elif arg == "--sysroot":
            opts.sysroot = separate(arg)
        elif arg in ("-m32", "-m64", "-m16"):
            bits = arg[2:]
            isa = opts.target.isa
            if isa != "x86":
                raise UsageError(f"unrecognized command-line option '{arg}'")
            opts.target = find_target({"32": "i386-linux-gnu", "64": "x86_64-linux-gnu",
                                       "16": "i386-none-code16"}[bits])
            target_set = True
        elif arg.startswith("-std="):
            std = arg[5:]
            if std not in STD_VERSIONS:
                raise UsageError(f"unrecognized command-line option '{arg}'")
            opts.std = std
        elif arg == "-ansi":
            opts.std = "c90"
        elif arg == "-w":
            w.inhibit = True
        elif arg in ("-pedantic", "-Wpedantic"):
            w.pedantic = True
        elif arg == "-pedantic-errors":
            w.pedantic_errors = True
        elif arg.startswith("-W") and not arg.startswith(("-Wl,", "-Wa,", "-Wp,")):
            _warning_flag(arg, w)
        elif arg.startswith("-Wl,"):
            opts.link_items.append(("ld", [a for a in arg[4:].split(",") if a]))
        elif arg.startswith("-Wa,"):
            opts.assembler_args += [a for a in arg[4:].split(",") if a]
        elif arg in ("-nostdlib", "-nostartfiles", "-nodefaultlibs"):
            setattr(opts, arg[1:], True)
        elif arg.startswith("-Wp,"):
            i_args = arg[4:].split(",")
            sub = parse_command_line(i_args + ["-"])
            pp.user_dirs += sub.preprocessor.user_dirs
            pp.macro_ops += sub.preprocessor.macro_ops
        elif arg == "-nostdinc":
            opts.nostdinc = True
        elif arg == "-P":
            opts.line_markers = False
        elif arg in ("-dM", "-dD", "-dN", "-dI", "-dU"):
            opts.dump_macros = arg[2:]
        elif arg in ("-M", "-MM"):
            opts.dependencies.mode = arg[1:]
        elif arg in ("-MD", "-MMD"):
            opts.dependencies.write_file = arg[1:]
        elif arg == "-MP":
            opts.dependencies.phony = True
        elif arg == "-MG":
            opts.dependencies.missing_ok = True
        elif arg in ("-v", "--verbose"):
            opts.verbose = True
        elif arg in ("--version", "-dumpversion", "-dumpfullversion"):
            opts.print_version = True
        elif arg == "--help":
            opts.print_help = True
        elif arg == "-trigraphs":
            opts.trigraphs = True
        elif arg.startswith("-O"):
            level = arg[2:]
            if level in ("s", "z"):
                opts.optimize, opts.optimize_size = 2, True
            elif level in ("", "g", "fast"):
                opts.optimize = 1 if level != "fast" else 3
            elif level.isdigit():
                opts.optimize = int(level)
            else:
                raise UsageError("argument to '-O' should be a non-negative integer, 'g', "
                                 "'s', 'z' or 'fast'")
        elif arg in ("-C", "-CC"):
            opts.preprocessor.keep_comments = arg[1:]
        elif arg.startswith("-g") or arg in ("-pipe", "-pthread", "-static", "-shared",
                                                                                            "-s", "-rdynamic", "-pie", "-no-pie",
                                              "-static-pie", "-save-temps", "-Q", "-H",
                                              "-undef", "-traditional-cpp",
                                              "-remap", "-p", "-pg", "-symbolic"):
            pass
        elif arg.startswith("-f"):
            _f_flag(arg, opts)
        elif arg.startswith("-m"):
            _m_flag(arg, opts)
        elif arg.startswith("-print-") or arg == "-dumpmachine":
            opts.notices.append(arg)
        else:
            matched = False
            for flag in _WITH_ARGUMENT:
                if arg == flag or (arg.startswith(flag) and flag in ("-I", "-D", "-U", "-o",
                                                                      "-L", "-l", "-x", "-MF",
                                                                      "-MT", "-MQ", "-T",
                                                                      "-u", "-z", "-e")):
                    value = separate(flag) if arg == flag else arg[len(flag):]
                    _argument_flag(flag, value, opts)
                    matched = True
                    break
            if not matched:
                if arg.startswith(("-isystem", "-iquote", "-idirafter", "-include",
                                   "-imacros")):
                    for flag in ("-isystem", "-iquote", "-idirafter", "-include", "-imacros"):
                        if arg.startswith(flag):
                            _argument_flag(flag, arg[len(flag):], opts)
                            break
                elif arg in _SEPARATE_ONLY:
                    separate(arg)
                else:
                    raise UsageError(f"unrecognized command-line option '{arg}'")
        i += 1
    del target_set
    _finish(opts)
    return opts


def _argument_flag(flag: str, value: str, opts: DriverOptions) -> None:
    pp = opts.preprocessor
    if flag == "-I":
        pp.user_dirs.append(value)
    elif flag == "-D":
        pp.macro_ops.append(("D", value))
    elif flag == "-U":
        pp.macro_ops.append(("U", value))
    elif flag == "-o":
        opts.output = value
    elif flag == "-isystem":
        pp.system_dirs.append(value)
    elif flag == "-iquote":
        pp.quote_dirs.append(value)
    elif flag == "-idirafter":
        pp.after_dirs.append(value)
    elif flag == "-include":
        pp.includes.append(value)
    elif flag == "-imacros":
        pp.imacros.append(value)
    elif flag == "-MF":
        opts.dependencies.output = value
    elif flag == "-MT":
        opts.dependencies.targets.append(value)
    elif flag == "-MQ":
        opts.dependencies.targets.append(value.replace("$", "$$"))
    elif flag == "-x":
        opts.language = value
    elif flag == "-isysroot":
        opts.sysroot = value
    elif flag == "-L":
        opts.library_dirs.append(value)
    elif flag == "-l":
        opts.link_items.append(("lib", value))
    elif flag == "-Xlinker":
        opts.link_items.append(("ld", [value]))
    elif flag == "-Xassembler":
        opts.assembler_args.append(value)
    elif flag in ("-T", "-u", "-e"):
        opts.link_items.append(("ld", [flag, value]))
    elif flag == "-z":
        opts.link_items.append(("ld", ["-z", value]))


def _warning_flag(arg: str, w: WarningOptions) -> None:
    name = arg[2:]
    if name == "all":
        w.wall = True
    elif name in ("extra", ""):
        w.wextra = True
    elif name == "error":
        w.werror = True
    elif name == "no-error":
        w.werror = False
    elif name.startswith("error="):
        w.as_error["-W" + name[6:]] = True
        w.enabled["-W" + name[6:]] = True
    elif name.startswith("no-error="):
        w.as_error["-W" + name[9:]] = False
    elif name == "system-headers":
        w.system_headers = True
    elif name.startswith("no-"):
        w.enabled["-W" + name[3:]] = False
    else:
        w.enabled["-W" + name.split("=")[0]] = True


def _f_flag(arg: str, opts: DriverOptions) -> None:
    name = arg[2:]
    positive = name[3:] if name.startswith("no-") else name
    on = not name.startswith("no-")
    if positive in ("PIC", "pic", "PIE", "pie"):
        level = 2 if positive.isupper() else 1
        opts.pic = level if on else 0
        opts.pie = opts.pic if positive in ("PIE", "pie") else 0   # -fpic ends -fPIE
    elif positive == "freestanding":
        opts.freestanding = on
        opts.builtin = not on             # gcc: -ffreestanding implies -fno-builtin
    elif positive == "hosted":
        opts.freestanding = not on
        opts.builtin = on
    elif positive == "builtin":
        opts.builtin = on
    elif positive == "inline":
        opts.inline = on
    elif positive == "unsigned-char":
        opts.unsigned_char = on
    elif positive == "signed-char":
        opts.unsigned_char = not on
    elif positive == "diagnostics-color":
        opts.color = True if on else False
    elif positive.startswith("visibility=") and on:
        value = positive.split("=", 1)[1]
        if value not in ("default", "hidden", "protected", "internal"):
            raise UsageError(f"unrecognized visibility value '{value}'")
        opts.visibility = value
    elif positive.startswith("diagnostics-color="):
        opts.color = {"always": True, "never": False}.get(positive.split("=", 1)[1])
    elif positive == "diagnostics-show-caret":
        opts.show_caret = on
    elif positive in KNOWN_F or positive.startswith(KNOWN_F_PREFIXES):
        pass
    else:
        opts.notices.append(f"unrecognized command-line option '{arg}'; ignored")


def _m_flag(arg: str, opts: DriverOptions) -> None:
    name = arg[2:]
    if name.startswith("regparm="):
        value = name[len("regparm="):]
        if not value.isdigit():
            raise UsageError("argument to '-mregparm=' should be a non-negative integer")
        if int(value) > 3:
            raise UsageError(f"'-mregparm={value}' is not between 0 and 3")
        opts.regparm = int(value)
        return
    if name in KNOWN_M or name.startswith(KNOWN_M_PREFIXES):
        return
    opts.notices.append(f"unrecognized command-line option '{arg}'; ignored")


def _finish(opts: DriverOptions) -> None:
    """Derive the preprocessor's settings from the whole command line."""
    pp = opts.preprocessor
    version, strict = STD_VERSIONS[opts.std]
    del version
    pp.trigraphs = strict if opts.trigraphs is None else opts.trigraphs
    target = opts.target
    default_pic = 2                     # Debian's gcc defaults to -fPIE
    pp.predefine = PredefineOptions(
        std=opts.std, optimize=opts.optimize, optimize_size=opts.optimize_size,
        pic=default_pic if opts.pic is None else opts.pic,
        pie=default_pic if opts.pie is None else opts.pie,
        unsigned_char=opts.unsigned_char, hosted=not opts.freestanding)
    if not opts.nostdinc:
        if opts.sysroot is not None:
            pp.default_dirs = system_include_dirs(opts.sysroot, target)
        else:
            pp.default_dirs = [BUNDLED_INCLUDE]
        pp.preinclude_stdc_predef = not opts.freestanding


def system_include_dirs(sysroot: str, target: Target) -> list[str]:
    """gcc's default directories for a glibc sysroot (``gcc -v -E -`` order)."""
    root = sysroot.rstrip("/")
    triple = target.gnu_triple
    return [f"{root}/usr/lib/gcc/{triple}/12/include", f"{root}/usr/local/include",
            f"{root}/usr/include/{triple}", f"{root}/usr/include"]
