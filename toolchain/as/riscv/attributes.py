"""RISC-V architecture strings and the ``.riscv.attributes`` section.

An architecture string names the base ISA and its extensions with their
versions: ``rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zifencei2p0``.  GNU
as normalises what ``-march``, ``.attribute arch`` or ``.option arch``
give it: ``g`` expands to ``imafd``, an extension without a version gets
its default version (ISA spec 2.2's, GNU as 2.40's default), implied
extensions are added (``m`` implies ``zmmul``, ``d`` implies ``f``), and
the list is put in canonical order -- single letters in the order
``imafdqlcbkjtpvnh``, then ``z`` extensions ordered by the single-letter
extension their second letter names, then ``s`` and ``x`` ones, each
group alphabetically.  That string goes into the ``Tag_RISCV_arch``
attribute and into the ``$x<arch>`` mapping symbols.

The section follows the ELF attributes format of the RISC-V ELF psABI
("RISC-V ELF Attributes"): ``'A'``, a vendor subsection ``riscv`` holding
one ``Tag_File`` list of (ULEB128 tag, ULEB128 or NUL-terminated value).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ...common.leb128 import leb128_bytes

_CANONICAL = "imafdqlcbkjtpvnh"
# ISA spec 2.2 versions (GNU as 2.40's default --misa-spec=2.2).
_DEFAULT_VERSIONS = {
    "i": (2, 0), "e": (1, 9), "m": (2, 0), "a": (2, 0), "f": (2, 0), "d": (2, 0),
    "q": (2, 0), "c": (2, 0), "h": (1, 0), "v": (1, 0),
    "zicsr": (2, 0), "zifencei": (2, 0), "zmmul": (1, 0), "zihintpause": (2, 0),
    "zba": (1, 0), "zbb": (1, 0), "zbc": (1, 0), "zbs": (1, 0), "zicbom": (1, 0),
    "zicboz": (1, 0), "zicbop": (1, 0), "zfh": (1, 0), "zfhmin": (1, 0),
    "zicond": (1, 0), "zawrs": (1, 0), "ztso": (0, 1),
}
# extension -> the ones it implies (GNU as 2.40, ISA spec 2.2).
_IMPLIES = {"m": ("zmmul",), "d": ("f",), "q": ("d",), "g": ("i", "m", "a", "f", "d"),
            "zfh": ("zfhmin",), "zfhmin": ("f",)}

TAG_FILE = 1
TAG_RISCV_STACK_ALIGN = 4
TAG_RISCV_ARCH = 5
TAG_RISCV_UNALIGNED_ACCESS = 6
TAG_RISCV_PRIV_SPEC = 8
TAG_RISCV_PRIV_SPEC_MINOR = 10
TAG_RISCV_PRIV_SPEC_REVISION = 12
ATTRIBUTE_TAGS = {"stack_align": TAG_RISCV_STACK_ALIGN, "arch": TAG_RISCV_ARCH,
                  "unaligned_access": TAG_RISCV_UNALIGNED_ACCESS,
                  "priv_spec": TAG_RISCV_PRIV_SPEC,
                  "priv_spec_minor": TAG_RISCV_PRIV_SPEC_MINOR,
                  "priv_spec_revision": TAG_RISCV_PRIV_SPEC_REVISION}


class ArchError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Arch:
    xlen: int
    extensions: tuple[tuple[str, int, int], ...]     # canonical order, with versions

    def has(self, name: str) -> bool:
        return name in _names(self.extensions)

    def __str__(self) -> str:
        return f"rv{self.xlen}" + "_".join(f"{n}{major}p{minor}"
                                           for n, major, minor in self.extensions)

    def without(self, name: str) -> "Arch":
        return Arch(self.xlen, tuple(e for e in self.extensions if e[0] != name))

    def plus(self, text: str) -> "Arch":
        if not text.strip():
            raise ArchError("unknown ISA extension `'")
        extra = _parse_extensions(text)
        have = {e[0] for e in self.extensions}
        merged = list(self.extensions) + [e for e in extra if e[0] not in have]
        return Arch(self.xlen, _normalise(merged))


@functools.lru_cache(maxsize=64)
def _names(extensions: tuple[tuple[str, int, int], ...]) -> frozenset[str]:
    return frozenset(e[0] for e in extensions)


def _sort_key(name: str) -> tuple:
    if len(name) == 1:
        return (0, _CANONICAL.find(name) if name in _CANONICAL else 99, name)
    if name[0] == "z":
        letter = name[1]
        return (1, _CANONICAL.find(letter) if letter in _CANONICAL else 99, name)
    return (2 if name[0] == "s" else 3, 0, name)


def _parse_extensions(text: str) -> list[tuple[str, int | None, int | None]]:
    out: list[tuple[str, int | None, int | None]] = []
    for chunk in [c for c in text.lower().split("_") if c]:
        i = 0
        while i < len(chunk):
            if chunk[i] in "zsx":
                j = i + 1
                while j < len(chunk) and chunk[j].isalpha():
                    j += 1
                # a multi-letter name ends where its version starts
                name_end = j
                while name_end > i + 1 and chunk[name_end - 1] == "p" and \
                        name_end < len(chunk) and chunk[name_end].isdigit():
                    name_end -= 1
                name = chunk[i:name_end]
                i = name_end
            elif chunk[i].isalpha():
                name = chunk[i]
                i += 1
            else:
                raise ArchError(f"unknown prefix in `{chunk}'")
            major = minor = None
            j = i
            while j < len(chunk) and chunk[j].isdigit():
                j += 1
            if j > i:
                major = int(chunk[i:j])
                minor = 0
                if j < len(chunk) and chunk[j] == "p" and j + 1 < len(chunk) and \
                        chunk[j + 1].isdigit():
                    k = j + 1
                    while k < len(chunk) and chunk[k].isdigit():
                        k += 1
                    minor = int(chunk[j + 1:k])
                    j = k
            i = j
            out.append((name, major, minor))
    return out


def _normalise(items: list) -> tuple[tuple[str, int, int], ...]:
    versions: dict[str, tuple[int, int]] = {}
    work = list(items)
    while work:
        name, major, minor = work.pop(0)
        if name == "g":
            work = [(n, None, None) for n in _IMPLIES["g"]] + work
            continue
        if name in versions:
            continue
        if major is None:
            if name not in _DEFAULT_VERSIONS:
                raise ArchError(f"cannot find default versions of the ISA extension `{name}'")
            major, minor = _DEFAULT_VERSIONS[name]
        versions[name] = (major, minor)
        work += [(n, None, None) for n in _IMPLIES.get(name, ())]
    return tuple((n, *versions[n]) for n in sorted(versions, key=_sort_key))


def parse_arch(text: str) -> Arch:
    """Arch of an ``rv64...`` string; ArchError with GNU as's complaint if bad."""
    s = text.strip().lower()
    if not s.startswith(("rv32", "rv64")):
        raise ArchError(f"{text}: ISA string must begin with rv32 or rv64")
    xlen = int(s[2:4])
    rest = s[4:]
    if not rest or rest[0] not in "ieg":
        raise ArchError(f"{text}: first ISA extension must be `e', `i' or `g'")
    return Arch(xlen, _normalise(_parse_extensions(rest)))


DEFAULT_ARCH = "rv64g"


def attributes_section(values: dict[int, int | str]) -> bytes:
    """The contents of ``.riscv.attributes`` for the given tag -> value map
    (integers with value 0 and empty strings are left out, as GNU as does)."""
    body = bytearray()
    for tag in sorted(values):
        value = values[tag]
        if isinstance(value, str):
            if not value:
                continue
            body += leb128_bytes(tag, False) + value.encode() + b"\0"
        else:
            if value == 0:
                continue
            body += leb128_bytes(tag, False) + leb128_bytes(value, False)
    file_list = leb128_bytes(TAG_FILE, False) + (len(body) + 5).to_bytes(4, "little") + body
    vendor = b"riscv\0"
    sub = (len(file_list) + len(vendor) + 4).to_bytes(4, "little") + vendor + file_list
    return b"A" + sub
