"""``-Map FILE`` / ``-M``: the link map, in GNU ld's layout.

Three parts, as ld prints them: the archive members that were extracted and
the symbol that pulled each in ("Archive member included to satisfy
reference by file (symbol)") -- here just the members --, the memory
configuration, and the memory map: every output section with its address
and size, under it each input section (name, address, size, file) and the
global symbols defined there, in address order.
"""

from __future__ import annotations

from .outputs import OutputSection


def format_map(linker, sections: list[OutputSection], wordsize: int) -> str:
    width = 18 if wordsize == 8 else 10
    lines = ["Archive member included to satisfy reference by file (symbol)", ""]
    for obj in linker.files:
        if obj.archive_path is not None:
            lines.append(f"{obj.display}")
    lines += ["", "Memory Configuration", "",
              f"{'Name':<17}{'Origin':<{width + 1}}{'Length':<{width + 1}}Attributes",
              f"{'*default*':<17}{'0x' + '0' * (width - 2):<{width + 1}}"
              f"{'0x' + 'f' * (width - 2):<{width + 1}}", "",
              "Linker script and memory map", ""]
    symbols_by_section: dict[int, list] = {}
    for symbol in linker.symtab:
        if symbol.defined and symbol.section is not None:
            symbols_by_section.setdefault(id(symbol.section), []).append(symbol)
    for output in sections:
        lines.append(f"{output.name:<15}{output.address:#0{width}x} {output.size:#10x}"
                     if len(output.name) < 15 else
                     f"{output.name}\n{'':15}{output.address:#0{width}x} {output.size:#10x}")
        for section in output.inputs:
            where = section.file.display if section.file is not None else "linker stubs"
            name = f" {section.name}"
            address = f"{section.address:#0{width}x} {section.size:#10x} {where}"
            if len(name) < 16:
                lines.append(f"{name:<16}{address}")
            else:
                lines.append(name)
                lines.append(f"{'':16}{address}")
            for symbol in sorted(symbols_by_section.get(id(section), []),
                                 key=lambda s: s.value):
                lines.append(f"{'':16}{symbol.address:#0{width}x}{'':16}{symbol.name}")
        lines.append("")
    lines.append(f"OUTPUT({linker.options.output} {'elf64' if wordsize == 8 else 'elf32'}"
                 f"-{'x86-64' if wordsize == 8 else 'i386'})")
    return "\n".join(lines) + "\n"
