"""The command line of ``pld``, read the way GNU ld reads it.

GNU ld's options are position-dependent: ``-lfoo``, ``--start-group``,
``--whole-archive`` and ``-Bstatic`` apply to the inputs that follow, so the
parser keeps one ordered list of :class:`InputItem` alongside the global
settings.  Spellings follow ld: one or two dashes for long options, ``=`` or
a separate argument for values, joined short forms (``-lc``, ``-L/usr/lib``,
``-Ttext=0x7c00`` or ``-Ttext 0x7c00``), ``-z keyword``.

Options GCC's driver passes and that mean nothing for a static link
(``--hash-style``, ``--build-id``, ``--as-needed``, ``-plugin`` ...) are
accepted and recorded or ignored, as mold does, so ``gcc -B DIR`` with
DIR/ld running pld works.  An option ld does not know is an error, with
ld's wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..common.diagnostics import ToolchainError

EMULATIONS = {
    "elf_x86_64": "x86_64-linux-gnu",
    "elf_i386": "i386-linux-gnu",
    "elf32_x86_64": None,                # x32 is not a pcc target
    "aarch64linux": "aarch64-linux-gnu",
    "aarch64elf": "aarch64-linux-gnu",
    "elf64lriscv": "riscv64-linux-gnu",
}


@dataclass
class InputItem:
    """One input in command-line order: a file, a -l library, or a group marker."""

    kind: str                 # 'file', 'library', 'group-start', 'group-end', 'script'
    name: str
    whole_archive: bool = False
    static_only: bool = True


@dataclass
class LinkOptions:
    output: str = "a.out"
    inputs: list[InputItem] = field(default_factory=list)
    library_paths: list[str] = field(default_factory=list)
    emulation: str | None = None
    relax: bool = True                       # --no-relax: RISC-V calls keep auipc+jalr
    entry: str | None = None
    scripts: list[str] = field(default_factory=list)         # -T files
    defsyms: list[tuple[str, str]] = field(default_factory=list)
    section_starts: dict[str, str] = field(default_factory=dict)   # -Ttext etc.; values are expressions
    undefined: list[str] = field(default_factory=list)       # -u
    require_defined: list[str] = field(default_factory=list)
    relocatable: bool = False
    output_format: str | None = None                         # --oformat
    gc_sections: bool = False
    print_gc_sections: bool = False
    map_file: str | None = None
    print_map: bool = False
    strip_all: bool = False
    strip_debug: bool = False
    discard: str = "locals"                                  # 'locals' (-X), 'all' (-x), 'none'
    shared: bool = False
    pie: bool = False
    static: bool = False
    build_id: str | None = None
    sysroot: str | None = None
    z_keywords: list[str] = field(default_factory=list)
    omagic: bool = False
    nmagic: bool = False
    allow_multiple_definition: bool = False
    no_undefined: bool = False
    fatal_warnings: bool = False
    no_warnings: bool = False
    noinhibit_exec: bool = False
    trace: bool = False
    verbose: bool = False
    version: bool = False
    help: bool = False
    image_base: str | None = None
    wrap: list[str] = field(default_factory=list)
    exec_stack: bool | None = None                           # -z execstack / noexecstack
    max_page_size: int | None = None
    common_page_size: int | None = None
    eh_frame_hdr: bool = False
    warn_common: bool = False
    define_common: bool = True


# Options that take no argument and do not matter for what pld produces.
IGNORED_FLAGS = {
    "--as-needed", "--no-as-needed", "--eh-frame-hdr", "--no-eh-frame-hdr",
    "--enable-new-dtags", "--disable-new-dtags", "-O", "-O0", "-O1", "-O2", "-O3",
    "--no-add-needed", "--add-needed", "--copy-dt-needed-entries",
    "--no-copy-dt-needed-entries", "-Qy", "-g", "--demangle", "--no-demangle",
    "--no-keep-memory", "--reduce-memory-overheads", 
    "--warn-once", "--sort-common", "-d", "-dc", "-dp", "--no-export-dynamic",
    "-E", "--export-dynamic", "--allow-shlib-undefined", "--no-allow-shlib-undefined",
    "--check-sections", "--no-check-sections", "--warn-shared-textrel",
    "--fix-cortex-a53-835769", "--fix-cortex-a53-843419", "--no-undefined-version",
    "--undefined-version", "-nostdlib", "--no-rosegment", "--rosegment",
    "--ld-generated-unwind-info", "--no-ld-generated-unwind-info", "-EL",
    "--no-warn-rwx-segments", "--warn-rwx-segments", "--no-warn-execstack",
    "--warn-execstack", "--no-print-map-discarded", "--print-map-discarded",
    "--accept-unknown-input-arch", "--no-accept-unknown-input-arch", "--color-diagnostics",
    "--no-color-diagnostics", "-Bsymbolic", "-Bsymbolic-functions", "-Bno-symbolic",
    "--no-dynamic-linker",
}

# Ignored options that take one argument.
IGNORED_WITH_ARGUMENT = {
    "-plugin", "-plugin-opt", "--hash-style", "-soname", "-h", "--dynamic-linker",
    "-dynamic-linker",
    "-I", "-rpath", "--rpath", "-rpath-link", "--rpath-link", "--hash-size",
    "--compress-debug-sections", "--dependency-file", "-Y", "-assert", "--exclude-libs",
    "--version-script", "--dynamic-list", "-fini", "-init", "--thread-count",
    "--threads", "--package-metadata", "--plugin-opt", "--error-limit",
    "--sort-section", "--fuse-ld", "-f", "-F", "--auxiliary",
    "--filter",
}

# Long options that take an argument, with the attribute or handler they set.
WITH_ARGUMENT = {
    "-o": "output", "--output": "output", "-e": "entry", "--entry": "entry",
    "-m": "emulation", "-T": "script", "--script": "script", "-dT": "script",
    "--default-script": "script", "-L": "library_path", "--library-path": "library_path",
    "-l": "library", "--library": "library", "--defsym": "defsym", "-u": "undefined",
    "--undefined": "undefined", "--require-defined": "require_defined",
    "-Map": "map_file", "--Map": "map_file", "--oformat": "output_format",
    "-Ttext": "Ttext", "-Tdata": "Tdata", "-Tbss": "Tbss", "-Ttext-segment": "Ttext-segment",
    "--section-start": "section_start", "-z": "z", "--sysroot": "sysroot",
    "--build-id": "build_id", "--image-base": "image_base", "--wrap": "wrap",
    "-R": "just_symbols", "--just-symbols": "just_symbols", "--trace-symbol": "trace_symbol",
    "-y": "trace_symbol",
}

# Options whose argument may only be joined with '=' (a bare form has none).
OPTIONAL_ARGUMENT = {"--build-id", "--demangle", "--color-diagnostics", "--unique"}


def parse_args(argv: list[str]) -> LinkOptions:
    """Read ld's command line; ToolchainError for what ld would reject."""
    options = LinkOptions()
    whole_archive = False
    static_only = False
    args = list(argv)
    i = 0

    def value_of(option: str, attached: str | None) -> str:
        nonlocal i
        if attached is not None:
            return attached
        i += 1
        if i >= len(args):
            raise ToolchainError(f"option '{option}' requires an argument")
        return args[i]

    while i < len(args):
        arg = args[i]
        if arg.startswith("@"):                        # response file
            args[i + 1:i + 1] = _read_response_file(arg[1:])
            i += 1
            continue
        if not arg.startswith("-") or arg == "-":
            options.inputs.append(InputItem("file", arg, whole_archive, static_only))
            i += 1
            continue
        name, attached = _split_option(arg)
        if name in IGNORED_FLAGS or name in OPTIONAL_ARGUMENT and attached is None:
            if name == "--eh-frame-hdr":
                options.eh_frame_hdr = True
            if name == "--build-id":
                options.build_id = "sha1"
            i += 1
            continue
        if name in IGNORED_WITH_ARGUMENT:
            value_of(name, attached)
            i += 1
            continue
        handler = WITH_ARGUMENT.get(name)
        if handler is not None:
            value = value_of(name, attached)
            _apply(options, handler, name, value, whole_archive, static_only)
        elif name in ("-(", "--start-group"):
            options.inputs.append(InputItem("group-start", ""))
        elif name in ("-)", "--end-group"):
            options.inputs.append(InputItem("group-end", ""))
        elif name == "--whole-archive":
            whole_archive = True
        elif name == "--no-whole-archive":
            whole_archive = False
        elif name in ("-Bstatic", "-dn", "-non_shared", "-static"):
            static_only = True
            options.static = True
        elif name in ("-Bdynamic", "-dy", "-call_shared"):
            static_only = False
        elif name in ("-r", "-i", "--relocatable", "-Ur"):
            options.relocatable = True
        elif name in ("-s", "--strip-all"):
            options.strip_all = True
        elif name in ("-S", "--strip-debug"):
            options.strip_debug = True
        elif name in ("-x", "--discard-all"):
            options.discard = "all"
        elif name in ("-X", "--discard-locals"):
            options.discard = "locals"
        elif name == "--discard-none":
            options.discard = "none"
        elif name == "--gc-sections":
            options.gc_sections = True
        elif name == "--no-gc-sections":
            options.gc_sections = False
        elif name == "--print-gc-sections":
            options.print_gc_sections = True
        elif name == "--no-print-gc-sections":
            options.print_gc_sections = False
        elif name in ("-M", "--print-map"):
            options.print_map = True
        elif name in ("-N", "--omagic"):
            options.omagic = True
        elif name == "--no-omagic":
            options.omagic = False
        elif name in ("-n", "--nmagic"):
            options.nmagic = True
        elif name in ("-shared", "-Bshareable", "--shared"):
            options.shared = True
        elif name in ("-pie", "--pic-executable"):
            options.pie = True
        elif name in ("-no-pie", "--no-pic-executable"):
            options.pie = False
        elif name in ("--allow-multiple-definition",):
            options.allow_multiple_definition = True
        elif name == "--no-undefined":
            options.no_undefined = True
        elif name == "--fatal-warnings":
            options.fatal_warnings = True
        elif name == "--no-fatal-warnings":
            options.fatal_warnings = False
        elif name in ("--relax", "--no-relax"):
            options.relax = name == "--relax"
        elif name in ("-w", "--no-warnings"):
            options.no_warnings = True
        elif name == "--noinhibit-exec":
            options.noinhibit_exec = True
        elif name in ("-t", "--trace"):
            options.trace = True
        elif name in ("--verbose", ):
            options.verbose = True
        elif name in ("-v", "--version", "-V"):
            options.version = True
        elif name == "--help":
            options.help = True
        elif name == "--warn-common":
            options.warn_common = True
        elif name == "--no-define-common":
            options.define_common = False
        elif name.startswith("-l") and len(name) > 2:
            options.inputs.append(InputItem("library", name[2:], whole_archive, static_only))
        elif name.startswith("-L") and len(name) > 2:
            options.library_paths.append(name[2:])
        elif name.startswith("-T") and len(name) > 2 and name[2:] not in ("text", "data", "bss"):
            options.scripts.append(name[2:])
        elif name.startswith("-m") and len(name) > 2:
            options.emulation = name[2:]
        elif name.startswith("-e") and len(name) > 2:
            options.entry = name[2:]
        elif name.startswith("-o") and len(name) > 2:
            options.output = name[2:]
        elif name.startswith("-u") and len(name) > 2:
            options.undefined.append(name[2:])
        else:
            raise ToolchainError(f"unrecognized option '{arg}'")
        i += 1
    if options.shared or options.pie:
        raise ToolchainError(f"{'-shared' if options.shared else '-pie'}: pld writes static "
                             f"executables, relocatable objects and flat binaries only "
                             f"(link with -static)")
    if options.emulation is not None and options.emulation not in EMULATIONS:
        raise ToolchainError(f"unrecognised emulation mode: {options.emulation}\n"
                             f"Supported emulations: {' '.join(EMULATIONS)}")
    return options


def _split_option(arg: str) -> tuple[str, str | None]:
    """('--opt', 'value') for '--opt=value'; joined short forms stay whole."""
    if arg.startswith("-") and "=" in arg:
        name, value = arg.split("=", 1)
        if name in WITH_ARGUMENT or name in IGNORED_WITH_ARGUMENT or name in OPTIONAL_ARGUMENT:
            return name, value
        if name.startswith("--") and name[1:] in WITH_ARGUMENT:
            return name[1:], value
        if not name.startswith("--") and "-" + name in IGNORED_WITH_ARGUMENT:
            return "-" + name, value             # '-hash-style=gnu', as the cross gccs pass it
    if arg.startswith("--") and arg[1:] in WITH_ARGUMENT | dict.fromkeys(IGNORED_WITH_ARGUMENT):
        return arg[1:], None                     # '--Ttext' is '-Ttext', '--plugin' '-plugin'
    if arg.startswith("--") and arg[1:] in IGNORED_FLAGS:
        return arg[1:], None
    if arg.startswith("-") and not arg.startswith("--") and len(arg) > 2:
        if arg[:2] in ("-z", "-L", "-l", "-o", "-e", "-u", "-y", "-R"):
            return arg[:2], arg[2:]
    return arg, None


def _apply(options: LinkOptions, handler: str, name: str, value: str,
           whole_archive: bool, static_only: bool) -> None:
    if handler == "output":
        options.output = value
    elif handler == "entry":
        options.entry = value
    elif handler == "emulation":
        options.emulation = value
    elif handler == "script":
        options.scripts.append(value)
    elif handler == "library_path":
        options.library_paths.append(value)
    elif handler == "library":
        options.inputs.append(InputItem("library", value, whole_archive, static_only))
    elif handler == "defsym":
        symbol, sep, expression = value.partition("=")
        if not sep or not symbol.strip():
            raise ToolchainError(f"--defsym: missing '=' in '{value}'")
        options.defsyms.append((symbol.strip(), expression))
    elif handler == "undefined":
        options.undefined.append(value)
    elif handler == "require_defined":
        options.require_defined.append(value)
        options.undefined.append(value)
    elif handler == "map_file":
        options.map_file = value
    elif handler == "output_format":
        options.output_format = value
    elif handler in ("Ttext", "Tdata", "Tbss"):
        options.section_starts["." + handler[1:]] = value
    elif handler == "Ttext-segment":
        options.image_base = value
    elif handler == "section_start":
        section, sep, address = value.partition("=")
        if not sep:
            raise ToolchainError(f"invalid argument to option \"--section-start\"")
        options.section_starts[section] = address
    elif handler == "z":
        _apply_z(options, value)
    elif handler == "sysroot":
        options.sysroot = value
    elif handler == "build_id":
        options.build_id = value if value != "none" else None
    elif handler == "image_base":
        options.image_base = value
    elif handler == "wrap":
        options.wrap.append(value)
    elif handler == "just_symbols":
        raise ToolchainError(f"{name}: --just-symbols is not supported")
    elif handler == "trace_symbol":
        pass


def _apply_z(options: LinkOptions, keyword: str) -> None:
    options.z_keywords.append(keyword)
    if keyword == "execstack":
        options.exec_stack = True
    elif keyword == "noexecstack":
        options.exec_stack = False
    elif keyword == "defs":
        options.no_undefined = True
    elif keyword == "muldefs":
        options.allow_multiple_definition = True
    elif keyword.startswith("max-page-size="):
        options.max_page_size = int(keyword.split("=", 1)[1], 0)
    elif keyword.startswith("common-page-size="):
        options.common_page_size = int(keyword.split("=", 1)[1], 0)


def _read_response_file(path: str) -> list[str]:
    import shlex
    try:
        with open(path, encoding="utf-8") as file:
            return shlex.split(file.read())
    except OSError as exc:
        raise ToolchainError(f"cannot read response file {path}: {exc.strerror}") from None
