"""ELF symbol aliases: ``.weakref`` and ``.symver``, as GNU as 2.40 writes them.

``.weakref alias, target`` makes ``alias`` stand for ``target`` in every
expression; the alias itself never reaches the symbol table.  A target first
named by ``.weakref`` (and by nothing else afterwards) is written as a weak
undefined symbol when an alias is used, and left out when none is
(read.c s_weakref, symbols.c symbol_find clearing "weakrefd").

``.symver name, base@VERSION`` (``@@`` for the default version, ``@@@`` to
rename) follows obj-elf.c: an undefined ``name`` is renamed to the versioned
name (one version only, never ``@@``); a defined one gets an alias per
version, made at the end of the symbol list with the original's value,
section, type, size, visibility and binding -- unless ``@@@`` renamed it in
place.  The optional ``local``, ``hidden`` or ``remove`` then changes the
original symbol.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..common.diagnostics import Diagnostics, SourceLocation, ToolchainError
from .symbols import COMMON, EQUATED, Ref, Symbol, SymbolTable

SYMVER_VISIBILITIES = ("local", "hidden", "remove")


def set_weakref(table: SymbolTable, alias: str, target: str,
                location: SourceLocation | None) -> None:
    """read.c s_weakref; raises ToolchainError with GNU as's messages."""
    sym = table.lookup(alias)
    if sym.defined and sym.weakref is None and not sym.volatile:
        raise ToolchainError(f"symbol `{alias}' is already defined", location)
    dest = table.get(target)
    if dest is None:
        dest = table.lookup(target)
        dest.weakrefd = True
    else:
        chain = [alias, target]
        probe = dest
        while probe.weakref is not None and probe is not sym:
            probe = probe.weakref
            chain.append(probe.name)
        if probe is sym:
            raise ToolchainError(f"{alias}: would close weakref loop: {' => '.join(chain)}",
                                 location)
    if sym.used:
        dest.used = True
    sym.weakref = dest
    sym.kind = EQUATED
    sym.expr = Ref(dest)
    sym.location = location


@dataclass
class Symver:
    """The ``.symver`` names of one symbol (newest first, as GNU as lists them)."""

    names: list[str] = field(default_factory=list)
    rename: bool = False                 # '@@@'
    visibility: str | None = None        # 'local', 'hidden' or 'remove'
    location: SourceLocation | None = None


def add_symver(symvers: dict[Symbol, Symver], sym: Symbol, versioned: str,
               visibility: str | None, location: SourceLocation | None) -> None:
    """obj-elf.c obj_elf_symver."""
    at = versioned.find("@")
    if at <= 0:
        raise ToolchainError(f"missing version name in `{versioned}' for symbol `{sym.name}'",
                             location)
    entry = symvers.get(sym)
    if entry is None:
        entry = symvers[sym] = Symver(location=location)
    rename = versioned.startswith("@@@", at)
    if versioned in entry.names:
        return
    if entry.names and (rename or entry.rename):
        raise ToolchainError(f"only one version name with `@@@' is allowed for symbol "
                             f"`{sym.name}'", location)
    entry.names.insert(0, versioned)
    entry.rename = rename
    if visibility is not None:
        entry.visibility = visibility


def prepare_symvers(symvers: dict[Symbol, Symver], diagnostics: Diagnostics) -> None:
    """elf_frob_file_before_adjust: rename undefined and '@@@' symbols, check the
    versions of undefined ones."""
    for sym, entry in symvers.items():
        defined = sym.defined and sym.kind != COMMON
        name = entry.names[0]
        at = name.find("@")
        if entry.rename:
            name = name[:at + 1 + defined] + name[at + 3:]
            entry.names[0] = name
        if sym.kind == COMMON:
            diagnostics.error(f"`{name}' can't be versioned to common symbol '{sym.name}'",
                              entry.location)
            continue
        if not defined:
            if not entry.rename and name.startswith("@@", at):
                diagnostics.error("invalid attempt to declare external version name as "
                                  f"default in symbol `{name}'", entry.location)
                continue
            if len(entry.names) > 1:
                diagnostics.error(f"multiple versions [`{entry.names[0]}'|`{entry.names[1]}'] "
                                  f"for symbol `{sym.name}'", entry.location)
                continue
            entry.rename = True
        if entry.rename:
            sym.elf_name = name


def removed_by_symver(sym: Symbol, entry: Symver) -> bool:
    """An undefined symbol named only by .symver (elf_frob_file_before_adjust)."""
    return not sym.defined and not sym.used and not sym.used_in_reloc

