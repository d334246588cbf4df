"""x86 relocation types (psABI names and numbers) and the choices GNU as makes.

x86-64 psABI (https://gitlab.com/x86-psABIs/x86-64-ABI, §4.4 "Relocation")
uses RELA: the addend sits in the relocation, the field holds zero.  The
i386 psABI (https://gitlab.com/x86-psABIs/i386-ABI) uses REL: the addend is
stored in the field itself.

What gas picks for a field that refers to a symbol:

* branch ``call foo``/``jmp foo``: x86-64 ``R_X86_64_PLT32`` even without
  ``@PLT`` -- except for a non-global symbol, which keeps ``R_X86_64_PC32``
  (gas's ``need_plt32_p``); i386 ``R_386_PC32`` unless ``@PLT``.
* ``foo(%rip)``: ``R_X86_64_PC32`` with addend ``-4`` minus the bytes of any
  immediate after the field.
* an absolute 32-bit field: ``R_X86_64_32S`` where the CPU sign-extends it
  (ModRM displacements in 64-bit mode, the imm32 of a 64-bit operation),
  ``R_X86_64_32`` otherwise.
* ``foo@GOTPCREL(%rip)`` becomes ``R_X86_64_REX_GOTPCRELX`` (with a REX
  prefix) or ``R_X86_64_GOTPCRELX`` on ``mov`` (8B), ``test`` (85), the
  two-operand ALU loads (03 0B 13 1B 23 2B 33 3B) and ``call``/``jmp *``
  (FF /2, FF /4): the linker may relax those (gas -mrelax-relocations=yes).
  On i386 ``foo@GOT`` on the same instructions becomes ``R_386_GOT32X``.
* ``_GLOBAL_OFFSET_TABLE_`` as an immediate is ``R_386_GOTPC`` /
  ``R_X86_64_GOTPC32``, with the field's offset in the instruction added to
  the addend, so that ``addl $_GLOBAL_OFFSET_TABLE_, %ebx`` gives GOT minus
  the instruction's address.
"""

from __future__ import annotations

from ..expr import Binary, Expr, SymbolRef, Unary

R_X86_64: dict[str, int] = {
    "R_X86_64_NONE": 0, "R_X86_64_64": 1, "R_X86_64_PC32": 2, "R_X86_64_GOT32": 3,
    "R_X86_64_PLT32": 4, "R_X86_64_COPY": 5, "R_X86_64_GLOB_DAT": 6,
    "R_X86_64_JUMP_SLOT": 7, "R_X86_64_RELATIVE": 8, "R_X86_64_GOTPCREL": 9,
    "R_X86_64_32": 10, "R_X86_64_32S": 11, "R_X86_64_16": 12, "R_X86_64_PC16": 13,
    "R_X86_64_8": 14, "R_X86_64_PC8": 15, "R_X86_64_DTPMOD64": 16,
    "R_X86_64_DTPOFF64": 17, "R_X86_64_TPOFF64": 18, "R_X86_64_TLSGD": 19,
    "R_X86_64_TLSLD": 20, "R_X86_64_DTPOFF32": 21, "R_X86_64_GOTTPOFF": 22,
    "R_X86_64_TPOFF32": 23, "R_X86_64_PC64": 24, "R_X86_64_GOTOFF64": 25,
    "R_X86_64_GOTPC32": 26, "R_X86_64_GOT64": 27, "R_X86_64_GOTPCREL64": 28,
    "R_X86_64_GOTPC64": 29, "R_X86_64_GOTPLT64": 30, "R_X86_64_PLTOFF64": 31,
    "R_X86_64_SIZE32": 32, "R_X86_64_SIZE64": 33, "R_X86_64_GOTPC32_TLSDESC": 34,
    "R_X86_64_TLSDESC_CALL": 35, "R_X86_64_TLSDESC": 36, "R_X86_64_IRELATIVE": 37,
    "R_X86_64_RELATIVE64": 38, "R_X86_64_GOTPCRELX": 41, "R_X86_64_REX_GOTPCRELX": 42,
}

R_386: dict[str, int] = {
    "R_386_NONE": 0, "R_386_32": 1, "R_386_PC32": 2, "R_386_GOT32": 3, "R_386_PLT32": 4,
    "R_386_COPY": 5, "R_386_GLOB_DAT": 6, "R_386_JMP_SLOT": 7, "R_386_RELATIVE": 8,
    "R_386_GOTOFF": 9, "R_386_GOTPC": 10, "R_386_32PLT": 11, "R_386_TLS_TPOFF": 14,
    "R_386_TLS_IE": 15, "R_386_TLS_GOTIE": 16, "R_386_TLS_LE": 17, "R_386_TLS_GD": 18,
    "R_386_TLS_LDM": 19, "R_386_16": 20, "R_386_PC16": 21, "R_386_8": 22, "R_386_PC8": 23,
    "R_386_TLS_LDO_32": 32, "R_386_TLS_IE_32": 33, "R_386_TLS_LE_32": 34,
    "R_386_TLS_DTPMOD32": 35, "R_386_TLS_DTPOFF32": 36, "R_386_TLS_TPOFF32": 37,
    "R_386_SIZE32": 38, "R_386_TLS_GOTDESC": 39, "R_386_TLS_DESC_CALL": 40,
    "R_386_TLS_DESC": 41, "R_386_IRELATIVE": 42, "R_386_GOT32X": 43,
}

# Specifier -> relocation, by (field size in bytes).  A specifier missing for a
# size is an error ("@GOTOFF" on a 4-byte field in x86-64, for example).
SPECIFIERS_X86_64: dict[str, dict[int, str]] = {
    "PLT": {4: "R_X86_64_PLT32"},
    "GOTPCREL": {4: "R_X86_64_GOTPCREL", 8: "R_X86_64_GOTPCREL64"},
    "GOT": {4: "R_X86_64_GOT32", 8: "R_X86_64_GOT64"},
    "GOTOFF": {8: "R_X86_64_GOTOFF64"},
    "GOTPLT": {8: "R_X86_64_GOTPLT64"},
    "PLTOFF": {8: "R_X86_64_PLTOFF64"},
    "TLSGD": {4: "R_X86_64_TLSGD"},
    "TLSLD": {4: "R_X86_64_TLSLD"},
    "GOTTPOFF": {4: "R_X86_64_GOTTPOFF"},
    "TPOFF": {4: "R_X86_64_TPOFF32", 8: "R_X86_64_TPOFF64"},
    "DTPOFF": {4: "R_X86_64_DTPOFF32", 8: "R_X86_64_DTPOFF64"},
    "SIZE": {4: "R_X86_64_SIZE32", 8: "R_X86_64_SIZE64"},
    "TLSDESC": {4: "R_X86_64_GOTPC32_TLSDESC"},
}
SPECIFIERS_386: dict[str, dict[int, str]] = {
    "PLT": {4: "R_386_PLT32"},
    "GOT": {4: "R_386_GOT32"},
    "GOTOFF": {4: "R_386_GOTOFF"},
    "GOTPC": {4: "R_386_GOTPC"},
    "TLSGD": {4: "R_386_TLS_GD"},
    "TLSLDM": {4: "R_386_TLS_LDM"},
    "DTPOFF": {4: "R_386_TLS_LDO_32"},
    "NTPOFF": {4: "R_386_TLS_LE"},
    "TPOFF": {4: "R_386_TLS_LE_32"},
    "GOTNTPOFF": {4: "R_386_TLS_GOTIE"},
    "INDNTPOFF": {4: "R_386_TLS_IE"},
    "GOTTPOFF": {4: "R_386_TLS_IE_32"},
    "TLSDESC": {4: "R_386_TLS_GOTDESC"},
    "SIZE": {4: "R_386_SIZE32"},
}
# Relocations that are PC-relative whatever the operand looks like.
PCREL_RELOCS = frozenset((
    "R_X86_64_PLT32", "R_X86_64_GOTPCREL", "R_X86_64_TLSGD", "R_X86_64_TLSLD",
    "R_X86_64_GOTTPOFF", "R_X86_64_GOTPC32_TLSDESC", "R_X86_64_PC32", "R_X86_64_PC16",
    "R_X86_64_PC8", "R_X86_64_GOTPC32", "R_X86_64_GOTPCRELX", "R_X86_64_REX_GOTPCRELX",
    "R_386_PC32", "R_386_PC16", "R_386_PC8", "R_386_PLT32", "R_386_GOTPC",
))

GOT_SYMBOL = "_GLOBAL_OFFSET_TABLE_"


def plain_field_reloc(elf64: bool, size: int, pcrel: bool, signed: bool) -> str:
    """The relocation name for a field holding a plain symbol (no specifier)."""
    if elf64:
        if pcrel:
            return {1: "R_X86_64_PC8", 2: "R_X86_64_PC16", 4: "R_X86_64_PC32",
                    8: "R_X86_64_PC64"}[size]
        if size == 4:
            return "R_X86_64_32S" if signed else "R_X86_64_32"
        return {1: "R_X86_64_8", 2: "R_X86_64_16", 8: "R_X86_64_64"}[size]
    if pcrel:
        return {1: "R_386_PC8", 2: "R_386_PC16", 4: "R_386_PC32"}[size]
    return {1: "R_386_8", 2: "R_386_16", 4: "R_386_32"}[size]


def specifier_of(e: Expr) -> SymbolRef | None:
    """The first symbol reference with a specifier in ``e`` (sym@SPEC, sym@SPEC+4)."""
    if isinstance(e, SymbolRef):
        return e if e.specifier is not None else None
    if isinstance(e, Unary):
        return specifier_of(e.operand)
    if isinstance(e, Binary):
        return specifier_of(e.left) or specifier_of(e.right)
    return None


def mentions(e: Expr, name: str) -> bool:
    return name in e.symbols()


def specifier_reloc(elf64: bool, spec: str, size: int) -> str | None:
    table = SPECIFIERS_X86_64 if elf64 else SPECIFIERS_386
    by_size = table.get(spec.upper())
    return None if by_size is None else by_size.get(size)


def relocation_number(elf64: bool, name: str) -> int:
    return (R_X86_64 if elf64 else R_386)[name]
