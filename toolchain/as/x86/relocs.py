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

And what gas decides once layout is done (tc-i386.c):

* data: ``.long foo`` is ``R_X86_64_32``/``R_386_32`` by size, pc-relative
  when it is ``foo - .``; ``.long foo@SPEC`` takes the specifier's
  relocation for that size (x86_cons, the tables below);
* against a local symbol, a relocation may use the section symbol instead
  (tc_i386_fix_adjustable) -- except TLS, @SIZE, @PLTOFF, @GOTPLT and GOT
  loads, i386 @GOTOFF in data or into a merge section, and in 64-bit mode
  any pc-relative reference into a merge section;
* @PLT against a local symbol is ``PC32`` on an instruction (tc_gen_reloc)
  and ``R_X86_64_32`` in data (x86_cons);
* GOT and TLS relocations stay relocations even against a label of the
  same section;
* i386 (REL) fields of the TLS GD/LDM/IE relocations hold zero, not the
  addend (md_apply_fix: "fully resolved at runtime, no addend").
"""

from __future__ import annotations

from ...common import elf
from ..expr import Binary, Expr, SymbolRef, Unary

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
    return elf.RELOC_NUMBERS[elf.EM_X86_64 if elf64 else elf.EM_386][name]


# --- choices after layout (the Isa hooks of x86/isa.py) ---------------------------

def data_relocation(elf64: bool, size: int, pcrel: bool, spec: str | None) -> str | None:
    """The relocation of a ``size``-byte data field; None where gas has none."""
    if spec is not None:
        return specifier_reloc(elf64, spec, size)
    if size not in ((1, 2, 4, 8) if elf64 else (1, 2, 4)):
        return None
    return plain_field_reloc(elf64, size, pcrel, False)


def is_tls(name: str) -> bool:
    return "TLS" in name or "TPOFF" in name or "TPREL" in name


def fixup_adjustable(name: str, data: bool, pcrel: bool, merge: bool, elf64: bool) -> bool:
    """tc_i386_fix_adjustable: may a relocation against a local symbol name its
    section symbol instead?"""
    if is_tls(name) or "SIZE" in name or "PLTOFF" in name or "GOTPLT" in name:
        return False
    if "GOT" in name and "GOTPC" != name[-5:]:
        # i386 @GOTOFF on an instruction is adjusted, in data it is not.
        if data or "GOTOFF" not in name:
            return False
    if merge and name == "R_386_GOTOFF":
        return False          # measured: kept even with a zero addend
    if merge and pcrel and elf64:
        return False          # no pc-relative references to merge sections in 64-bit mode
    return True


def forces_relocation(name: str) -> bool:
    """GOT and TLS relocations stay, even against a label of their own section."""
    return "GOT" in name or is_tls(name)


_PLT_TO_PC = {"R_X86_64_PLT32": "R_X86_64_PC32", "R_386_PLT32": "R_386_PC32"}


def local_relocation(name: str, data: bool) -> str:
    """The relocation ``name`` becomes against a local symbol: @PLT data is an
    absolute ``R_X86_64_32`` (x86_cons), an @PLT branch is ``PC32`` (tc_gen_reloc)."""
    if data:
        return "R_X86_64_32" if name == "R_X86_64_PLT32" else name
    return _PLT_TO_PC.get(name, name)


# i386 REL relocations whose field gas leaves zero.
_ZERO_FIELD = frozenset({"R_386_TLS_GD", "R_386_TLS_LDM", "R_386_TLS_IE_32", "R_386_TLS_IE",
                         "R_386_TLS_GOTIE", "R_386_TLS_GOTDESC", "R_386_TLS_DESC_CALL"})


def is_size(name: str) -> bool:
    """@SIZE: against a defined local symbol gas stores the symbol's size
    (md_apply_fix), no relocation."""
    return "SIZE" in name


def rel_addend_in_field(name: str) -> bool:
    return name not in _ZERO_FIELD
