"""The built-in linker script: where sections go when the user gives no -T.

GNU ld lays out every executable by running a script, and so does pld: the
default one below follows the shape of GNU ld's default for a static
executable with ``-z separate-code`` (what Debian's ld does), so programs
come out with the segments users expect:

* read-only: ELF and program headers, notes, the IRELATIVE table;
* read/execute, starting on a fresh page: ``.init .plt/.iplt .text .fini``;
* read-only, on a fresh page: ``.rodata .eh_frame .gcc_except_table``;
* read/write, on a fresh page: TLS (``.tdata .tbss``), the constructor
  arrays, ``.data.rel.ro .got .got.plt .data .bss``;
* non-allocated sections (``.comment``, DWARF) at address 0.

The same text serves every architecture; what differs (start address, page
size, REL or RELA, the word size) is filled in from the architecture module,
and the pieces below from each emulation's own default (``ld --verbose``):
AArch64 and RISC-V keep code and read-only data in one R+X segment (no
separate-code), AArch64 fills code gaps with NOPs and adds ``__bss_start__``
and friends, RISC-V puts the GOT and the small-data sections after ``.data``
and defines ``__global_pointer$`` for gp-relative addressing.
"""

from __future__ import annotations

from .arch import Arch

TEMPLATE = """
ENTRY(_start)
SECTIONS
{
  PROVIDE(__executable_start = SEGMENT_START("text-segment", {base:#x}));
  . = SEGMENT_START("text-segment", {base:#x}) + SIZEOF_HEADERS;
  .interp : { *(.interp) }
  .note.gnu.property : { *(.note.gnu.property) }
  .note.gnu.build-id : { *(.note.gnu.build-id) }
  .note.ABI-tag : { *(.note.ABI-tag) }
  .{rel}.dyn : { *(.{rel}.init) *(.{rel}.text .{rel}.text.*) *(.{rel}.data .{rel}.data.*) *(.{rel}.got) }
  .{rel}.plt :
  {
    *(.{rel}.plt)
    PROVIDE_HIDDEN(__{rel}_iplt_start = .);
    *(.{rel}.iplt)
    PROVIDE_HIDDEN(__{rel}_iplt_end = .);
  }
{separate_text}
  .init : { KEEP(*(SORT_NONE(.init))) }{code_fill}
  .plt :{plt_align} { *(.plt) *(.iplt) }
  .text :
  {
    *(.text.unlikely .text.*_unlikely .text.unlikely.*)
    *(.text.exit .text.exit.*)
    *(.text.startup .text.startup.*)
    *(.text.hot .text.hot.*)
    *(SORT(.text.sorted.*))
    *(.text .stub .text.* .gnu.linkonce.t.*)
    *(.gnu.warning)
  }{code_fill}
  .fini : { KEEP(*(SORT_NONE(.fini))) }{code_fill}
  PROVIDE(__etext = .);
  PROVIDE(_etext = .);
  PROVIDE(etext = .);
{separate_rodata}
  .rodata : { *(.rodata .rodata.* .gnu.linkonce.r.*) }
  .rodata1 : { *(.rodata1) }
{small_rodata}  .eh_frame_hdr : { *(.eh_frame_hdr) }
  .eh_frame : ONLY_IF_RO { KEEP(*(.eh_frame)) *(.eh_frame.*) }
  .gcc_except_table : ONLY_IF_RO { *(.gcc_except_table .gcc_except_table.*) }
  . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE));
  .eh_frame : ONLY_IF_RW { KEEP(*(.eh_frame)) *(.eh_frame.*) }
  .gcc_except_table : ONLY_IF_RW { *(.gcc_except_table .gcc_except_table.*) }
  .tdata :
  {
    PROVIDE_HIDDEN(__tdata_start = .);
    *(.tdata .tdata.* .gnu.linkonce.td.*)
  }
  .tbss : { *(.tbss .tbss.* .gnu.linkonce.tb.*) *(.tcommon) }
  .preinit_array :
  {
    PROVIDE_HIDDEN(__preinit_array_start = .);
    KEEP(*(.preinit_array))
    PROVIDE_HIDDEN(__preinit_array_end = .);
  }
  .init_array :
  {
    PROVIDE_HIDDEN(__init_array_start = .);
    KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*) SORT_BY_INIT_PRIORITY(.ctors.*)))
    KEEP(*(.init_array EXCLUDE_FILE(*crtbegin.o *crtbegin?.o *crtend.o *crtend?.o) .ctors))
    PROVIDE_HIDDEN(__init_array_end = .);
  }
  .fini_array :
  {
    PROVIDE_HIDDEN(__fini_array_start = .);
    KEEP(*(SORT_BY_INIT_PRIORITY(.fini_array.*) SORT_BY_INIT_PRIORITY(.dtors.*)))
    KEEP(*(.fini_array EXCLUDE_FILE(*crtbegin.o *crtbegin?.o *crtend.o *crtend?.o) .dtors))
    PROVIDE_HIDDEN(__fini_array_end = .);
  }
  .ctors :
  {
    KEEP(*crtbegin.o(.ctors))
    KEEP(*crtbegin?.o(.ctors))
    KEEP(*(EXCLUDE_FILE(*crtend.o *crtend?.o) .ctors))
    KEEP(*(SORT(.ctors.*)))
    KEEP(*(.ctors))
  }
  .dtors :
  {
    KEEP(*crtbegin.o(.dtors))
    KEEP(*crtbegin?.o(.dtors))
    KEEP(*(EXCLUDE_FILE(*crtend.o *crtend?.o) .dtors))
    KEEP(*(SORT(.dtors.*)))
    KEEP(*(.dtors))
  }
  .data.rel.ro : { *(.data.rel.ro.local* .gnu.linkonce.d.rel.ro.local.*) *(.data.rel.ro .data.rel.ro.* .gnu.linkonce.d.rel.ro.*) }
{relro_got}
  .data : { {data_start}*(.data .data.* .gnu.linkonce.d.*) }
  .data1 : { *(.data1) }
{small_data}  _edata = .;
  PROVIDE(edata = .);
  __bss_start = .;
{small_bss}
  .bss :
  {
    *(.dynbss)
    *(.bss .bss.* .gnu.linkonce.b.*)
    *(COMMON)
    . = ALIGN(. != 0 ? {word} : 1);
  }
  . = ALIGN({word});
{end_symbols}
  _end = .;
  PROVIDE(end = .);
  . = DATA_SEGMENT_END(.);
  .comment 0 : { *(.comment) }
  .debug_aranges 0 : { *(.debug_aranges) }
  .debug_info 0 : { *(.debug_info .gnu.linkonce.wi.*) }
  .debug_abbrev 0 : { *(.debug_abbrev) }
  .debug_line 0 : { *(.debug_line .debug_line.* .debug_line_end) }
  .debug_frame 0 : { *(.debug_frame) }
  .debug_str 0 : { *(.debug_str) }
  .debug_loc 0 : { *(.debug_loc) }
  .debug_ranges 0 : { *(.debug_ranges) }
  .debug_addr 0 : { *(.debug_addr) }
  .debug_line_str 0 : { *(.debug_line_str) }
  .debug_loclists 0 : { *(.debug_loclists) }
  .debug_macro 0 : { *(.debug_macro) }
  .debug_rnglists 0 : { *(.debug_rnglists) }
  .debug_str_offsets 0 : { *(.debug_str_offsets) }
{attributes}
  /DISCARD/ : { *(.note.GNU-stack) *(.gnu_debuglink) *(.gnu.lto_*) }
}
"""


# What differs between GNU ld's static defaults for each emulation.  Debian's x86 ld
# uses -z separate-code (code on pages of its own); the AArch64 and RISC-V ones
# do not, and they add their own symbols and sections.
X86 = {
    "separate_text": "  . = ALIGN(CONSTANT(MAXPAGESIZE));",
    "separate_rodata": "  . = ALIGN(CONSTANT(MAXPAGESIZE));\n"
                       "  . = SEGMENT_START(\"rodata-segment\", ALIGN(CONSTANT(MAXPAGESIZE)) + "
                       "(. & (CONSTANT(MAXPAGESIZE) - 1)));",
    "relro_got": "  .got : { *(.got) *(.igot) }\n  .got.plt : { *(.got.plt) *(.igot.plt) }",
    "attributes": "  .gnu.attributes 0 : { KEEP(*(.gnu.attributes)) }",
}
AARCH64 = {
    "code_fill": " =0x1f2003d5",               # nop, for the gaps in code
    "plt_align": " ALIGN(16)",
    "relro_got": X86["relro_got"],
    "data_start": "PROVIDE(__data_start = .); ",
    "small_bss": "  __bss_start__ = .;",
    "end_symbols": "  _bss_end__ = .; __bss_end__ = .;\n  __end__ = .;",
    "attributes": "  .ARM.attributes 0 : { KEEP(*(.ARM.attributes)) KEEP(*(.gnu.attributes)) }",
}
RISCV = {
    "small_rodata": "  .sdata2 : { *(.sdata2 .sdata2.* .gnu.linkonce.s2.*) }\n"
                    "  .sbss2 : { *(.sbss2 .sbss2.* .gnu.linkonce.sb2.*) }\n",
    "data_start": "__DATA_BEGIN__ = .; ",
    # The GOT (.got.plt first) and the small data after .data, where gp reaches them.
    "small_data": "  .got : { *(.got.plt) *(.igot.plt) *(.got) *(.igot) }\n"
                  "  .sdata :\n  {\n    __SDATA_BEGIN__ = .;\n"
                  "    *(.srodata.cst16) *(.srodata.cst8) *(.srodata.cst4) *(.srodata.cst2) "
                  "*(.srodata .srodata.*)\n"
                  "    *(.sdata .sdata.* .gnu.linkonce.s.*)\n  }\n",
    "small_bss": "  .sbss : { *(.dynsbss) *(.sbss .sbss.* .gnu.linkonce.sb.*) *(.scommon) }",
    # gp: 0x800 past the small data, so a signed 12-bit offset reaches 4 KiB of it.
    "end_symbols": "  __BSS_END__ = .;\n"
                   "  __global_pointer$ = MIN(__SDATA_BEGIN__ + 0x800, "
                   "MAX(__DATA_BEGIN__ + 0x800, __BSS_END__ - 0x800));",
    "attributes": X86["attributes"],
}
PIECES = ("separate_text", "code_fill", "plt_align", "separate_rodata", "small_rodata",
          "relro_got", "data_start", "small_data", "small_bss", "end_symbols", "attributes")


def default_script_text(arch: Arch) -> str:
    flavour = {"aarch64linux": AARCH64, "elf64lriscv": RISCV}.get(arch.name, X86)
    text = TEMPLATE
    for piece in PIECES:
        text = text.replace("{" + piece + "}", flavour.get(piece, ""))
    text = text.replace("{base:#x}", f"{arch.default_base:#x}")
    text = text.replace("{rel}", "rela" if arch.uses_rela else "rel")
    return text.replace("{word}", str(arch.wordsize))
