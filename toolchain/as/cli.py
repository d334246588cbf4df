"""``pas``: the command-line assembler, invoked like GNU as.

    pas [--target=T | --32 | --64] [-o out.o] [-I dir] [--defsym sym=val] [file.s ...|-]

No file or ``-`` reads standard input; several files are assembled as one
input.  The flags gcc passes to as (``-Qy``, ``--noexecstack``, ``--gdwarf-5``,
listing options ...) are accepted and ignored.  The object is written to a
temporary name beside the output and renamed at the end, so a failed run
leaves no output file.  Exit status: 0 success, 1 user error, 70 internal
error (a bug, reported with its location).
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback

import click

from ..common.diagnostics import Diagnostics, ToolchainError
from ..common.target import Target, find_target, host_target

VERSION = "0.1.0"
STDIN_NAME = "{standard input}"

USAGE = """\
Usage: pas [option...] [asmfile...]
Options:
  --target=TARGET     assemble for TARGET (default: the host)
  --32, --64          i386 or x86-64 output
  -o OBJFILE          name the object-file output OBJFILE (default a.out)
  -I DIR              add DIR to the search list for .include
  --defsym SYM=VAL    define symbol SYM to the given value
  --fatal-warnings    treat warnings as errors
  -W, --no-warn       suppress warnings
  --version           print the version and exit
RISC-V (--target=riscv64-linux-gnu):
  -march=ISA          architecture string (default rv64g; GCC passes rv64gc...)
  -mabi=ABI           lp64, lp64f or lp64d (default: from -march)
  -fpic, -fno-pic     la loads addresses from the GOT, or pc-relative
  -mrelax, -mno-relax linker relaxation on (default) or off
"""

# Flags gcc and build systems pass to GNU as that change nothing for us.
_IGNORED_FLAGS = frozenset({
    "-Qy", "-Qn", "--noexecstack", "--execstack", "-g", "--gen-debug", "--gstabs",
    "--gstabs+", "--gdwarf2", "--gdwarf-2", "--gdwarf-3", "--gdwarf-4", "--gdwarf-5",
    "--gdwarf-sections", "--warn", "-D", "-R", "-J", "-K", "-L", "--keep-locals",
    "-k", "-n", "-Q", "-nocpp", "--nocompress-debug-sections", "--compress-debug-sections",
    "--strip-local-absolute", "--statistics", "-w", "-x", "-mmnemonic=att",
    "-msyntax=att", "-mnaked-reg", "-mno-shared", "-mshared", "--traditional-format",
    "--reduce-memory-overheads", "-mrelax-relocations=yes", "-mrelax-relocations=no",
    "-O", "-O0", "-O1", "-O2", "-Os", "-mx86-used-note=no", "-mx86-used-note=yes",
})
_IGNORED_PREFIXES = ("--gdwarf-", "--compress-debug-sections=", "-mtune=", "-a",
                     "--debug-prefix-map", "--generate-missing-build-notes",
                     "-mx86-used-note=", "-mrelax-relocations=", "-mfence-as-lock-add=",
                     "-mbranches-within-32B-boundaries", "-malign-branch", "-mlfence-",
                     "--size-check=", "--elf-stt-common=", "--sectname-subst",
                     "-mamd64", "-mintel64", "-O",
                     # AArch64 (GCC's driver passes -EL -mabi=lp64): every A64
                     # instruction pas knows is accepted whatever the CPU.
                     "-EL", "-mabi=lp64", "-mcpu=", "-mverbose-error", "-mno-verbose-error")
_KNOWN_MARCH = frozenset({"generic32", "generic64", "i386", "i486", "i586", "i686",
                          "pentium", "pentiumpro", "pentium4", "core2", "corei7",
                          "nocona", "x86-64", "k8", "opteron", "athlon", "native",
                          "znver1", "znver2", "znver3", "znver4", "haswell",
                          "skylake", "i8086", "i186", "i286", "x86-64-v2", "x86-64-v3",
                          "x86-64-v4"})


# GNU as's RISC-V options (passed to the ISA; errors if the target is not RISC-V).
_RISCV_PREFIXES = ("-mabi=", "-misa-spec=", "-mpriv-spec=")
_RISCV_FLAGS = frozenset({"-fpic", "-fPIC", "-fno-pic", "-mrelax", "-mno-relax",
                          "-mcsr-check", "-mno-csr-check", "-mlittle-endian"})


class UsageError(Exception):
    pass


class Options:
    def __init__(self) -> None:
        self.target: Target | None = None
        self.output = "a.out"
        self.include_dirs: list[str] = []
        self.defsyms: list[str] = []
        self.inputs: list[str] = []
        self.fatal_warnings = False
        self.no_warn = False
        self.show_version = False
        self.show_help = False
        self.warnings: list[str] = []
        self.march: str | None = None
        self.isa_options: list[str] = []     # RISC-V: -march= -mabi= -fpic -mno-relax ...


def parse_arguments(argv: list[str]) -> Options:
    """GNU as's command line (getopt_long style, by hand: its flags are irregular)."""
    opts = Options()
    i = 0

    def value(flag: str) -> str:
        nonlocal i
        i += 1
        if i >= len(argv):
            raise UsageError(f"option '{flag}' requires an argument")
        return argv[i]

    only_files = False
    while i < len(argv):
        arg = argv[i]
        if only_files or arg == "-" or not arg.startswith("-"):
            opts.inputs.append(arg)
        elif arg == "--":
            only_files = True
        elif arg in ("--help", "-h"):
            opts.show_help = True
        elif arg in ("--version", "-v", "-V", "-version"):
            opts.show_version = True
        elif arg == "-o":
            opts.output = value(arg)
        elif arg.startswith("-o"):
            opts.output = arg[2:]
        elif arg == "-I":
            opts.include_dirs.append(value(arg))
        elif arg.startswith("-I"):
            opts.include_dirs.append(arg[2:])
        elif arg == "--defsym":
            opts.defsyms.append(value(arg))
        elif arg.startswith("--defsym="):
            opts.defsyms.append(arg[len("--defsym="):])
        elif arg == "--target":
            opts.target = find_target(value(arg))
        elif arg.startswith("--target="):
            opts.target = find_target(arg[len("--target="):])
        elif arg == "--64":
            opts.target = find_target("x86_64-linux-gnu")
        elif arg == "--32":
            opts.target = find_target("i386-linux-gnu")
        elif arg == "--x32":
            raise UsageError("the x32 ABI (--x32) is not supported")
        elif arg == "--fatal-warnings":
            opts.fatal_warnings = True
        elif arg in ("-W", "--no-warn"):
            opts.no_warn = True
        elif arg.startswith("-march="):
            opts.march = arg[len("-march="):]
            opts.isa_options.append(arg)
        elif arg.startswith(_RISCV_PREFIXES) or arg in _RISCV_FLAGS:
            opts.isa_options.append(arg)
        elif arg in _IGNORED_FLAGS or arg.startswith(_IGNORED_PREFIXES):
            pass
        elif arg in ("--MD",):
            value(arg)
        else:
            raise UsageError(f"unrecognized option '{arg}'")
        i += 1
    return opts


def read_inputs(names: list[str]) -> list[tuple[str, str]]:
    if not names:
        names = ["-"]
    sources = []
    for name in names:
        if name == "-":
            data = sys.stdin.buffer.read()
            label = STDIN_NAME
        else:
            if os.path.isdir(name):
                raise ToolchainError(f"can't open {name} for reading: Is a directory")
            try:
                with open(name, "rb") as f:
                    data = f.read()
            except OSError as exc:
                raise ToolchainError(f"can't open {name} for reading: {exc.strerror}") from None
            label = name
        sources.append((data.decode("utf-8", "surrogateescape"), label))
    return sources


def write_output(path: str, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    directory = os.path.dirname(path) or "."
    fd, temp = tempfile.mkstemp(dir=directory, prefix=".pas-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_stale_output(path: str) -> None:
    # GNU as removes the output file of a failed run.
    try:
        if os.path.isfile(path) and not os.path.islink(path):
            os.unlink(path)
    except OSError:
        pass


def run(argv: list[str]) -> int:
    diagnostics = Diagnostics("pas")
    try:
        opts = parse_arguments(argv)
    except (UsageError, ToolchainError) as exc:
        diagnostics.error(str(exc.message if isinstance(exc, ToolchainError) else exc))
        return 1
    if opts.show_help:
        sys.stdout.write(USAGE)
        return 0
    if opts.show_version:
        print(f"pas (pcc toolchain) {VERSION}")
        if not opts.inputs:
            return 0
    diagnostics.warnings_are_errors = opts.fatal_warnings
    diagnostics.suppress_warnings = opts.no_warn
    for message in opts.warnings:
        diagnostics.warning(message)
    target = opts.target or host_target()
    isa_options = opts.isa_options if target.isa == "riscv" else []
    if target.isa != "riscv":
        cpu = opts.march.split("+")[0] if opts.march is not None else None
        if cpu is not None and cpu not in _KNOWN_MARCH and not (
                target.isa == "aarch64" and cpu.startswith("armv")):
            diagnostics.warning(f"unsupported -march={cpu} ignored")
        other = [o for o in opts.isa_options if not o.startswith("-march=")]
        if other:
            diagnostics.error(f"unrecognized option '{other[0]}'")
            return 1
    from .assembler import assemble_sources
    try:
        sources = read_inputs(opts.inputs)
        data = assemble_sources(sources, target, diagnostics, opts.include_dirs, opts.defsyms,
                                isa_options)
        if data is not None and not diagnostics.failed:
            write_output(opts.output, data)
            return 0
    except ToolchainError as exc:
        diagnostics.report(exc)
    except OSError as exc:
        diagnostics.error(f"can't write {opts.output}: {exc.strerror}")
    _remove_stale_output(opts.output)
    return 1


def _internal_error(exc: BaseException) -> None:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name})" if frames else ""
    print(f"pas: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    if os.environ.get("PCC_TRACEBACK"):
        traceback.print_exception(exc)


@click.command(context_settings={"ignore_unknown_options": True,
                                 "allow_extra_args": True,
                                 "allow_interspersed_args": True,
                                 "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def main(args: tuple[str, ...]) -> None:
    """pas: the pcc assembler (GNU as syntax)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except AttributeError:
            pass
    try:
        status = run(list(args))
    except (KeyboardInterrupt, SystemExit):
        raise
    except RecursionError as exc:
        _internal_error(exc)
        status = 70
    except Exception as exc:  # any bug: say where, exit 70
        _internal_error(exc)
        status = 70
    sys.exit(status)


if __name__ == "__main__":
    main()
