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
size, REL or RELA, the word size) is filled in from the architecture module.
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
  .{rel}.dyn : { *(.{rel}.init) *(.{rel}.text .{rel}.text.*) *(.{rel}.data .{rel}.data.*) }
  .{rel}.plt :
  {
    *(.{rel}.plt)
    PROVIDE_HIDDEN(__{rel}_iplt_start = .);
    *(.{rel}.iplt)
    PROVIDE_HIDDEN(__{rel}_iplt_end = .);
  }
  . = ALIGN(CONSTANT(MAXPAGESIZE));
  .init : { KEEP(*(SORT_NONE(.init))) }
  .plt : { *(.plt) *(.iplt) }
  .text :
  {
    *(.text.unlikely .text.*_unlikely .text.unlikely.*)
    *(.text.exit .text.exit.*)
    *(.text.startup .text.startup.*)
    *(.text.hot .text.hot.*)
    *(SORT(.text.sorted.*))
    *(.text .stub .text.* .gnu.linkonce.t.*)
    *(.gnu.warning)
  }
  .fini : { KEEP(*(SORT_NONE(.fini))) }
  PROVIDE(__etext = .);
  PROVIDE(_etext = .);
  PROVIDE(etext = .);
  . = ALIGN(CONSTANT(MAXPAGESIZE));
  . = SEGMENT_START("rodata-segment", ALIGN(CONSTANT(MAXPAGESIZE)) + (. & (CONSTANT(MAXPAGESIZE) - 1)));
  .rodata : { *(.rodata .rodata.* .gnu.linkonce.r.*) }
  .rodata1 : { *(.rodata1) }
  .eh_frame_hdr : { *(.eh_frame_hdr) }
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
  .got : { *(.got) *(.igot) }
  .got.plt : { *(.got.plt) *(.igot.plt) }
  .data : { *(.data .data.* .gnu.linkonce.d.*) }
  .data1 : { *(.data1) }
  _edata = .;
  PROVIDE(edata = .);
  __bss_start = .;
  .bss :
  {
    *(.dynbss)
    *(.bss .bss.* .gnu.linkonce.b.*)
    *(COMMON)
    . = ALIGN(. != 0 ? {word} : 1);
  }
  . = ALIGN({word});
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
  .gnu.attributes 0 : { KEEP(*(.gnu.attributes)) }
  /DISCARD/ : { *(.note.GNU-stack) *(.gnu_debuglink) *(.gnu.lto_*) }
}
"""


def default_script_text(arch: Arch) -> str:
    text = TEMPLATE.replace("{base:#x}", f"{arch.default_base:#x}")
    text = text.replace("{rel}", "rela" if arch.uses_rela else "rel")
    return text.replace("{word}", str(arch.wordsize))
