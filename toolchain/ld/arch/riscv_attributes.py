"""RISC-V: merging the inputs' ``.riscv.attributes`` into the output's one.

The section (psABI "RISC-V Attributes") is a build-attributes blob: ``'A'``,
then a subsection (u32 length, vendor ``"riscv\\0"``) holding a file-scope
sub-subsection (tag 1, u32 length) of (tag, value) pairs; even tags have a
ULEB128 value, odd ones a NUL-terminated string.  The linker writes one
merged section, as GNU ld does:

* ``Tag_RISCV_arch`` (5): the union of the extensions, the highest version
  of each, in the ISA manual's canonical order;
* ``Tag_RISCV_unaligned_access`` (6): set if any input sets it;
* ``Tag_RISCV_stack_align`` (4): the inputs must agree;
* ``Tag_RISCV_priv_spec`` (8, 10, 12): the highest version;
* anything else: the first input's value.

The writer gives the output section a PT_RISCV_ATTRIBUTES program header.
"""

from __future__ import annotations

import re
import struct

from ...common import elf
from ...common.diagnostics import ToolchainError
from ...common.leb128 import uleb128_bytes

TAG_FILE = 1
TAG_STACK_ALIGN = 4
TAG_ARCH = 5
TAG_UNALIGNED_ACCESS = 6
TAG_PRIV_SPEC = 8
TAG_PRIV_SPEC_MINOR = 10
TAG_PRIV_SPEC_REVISION = 12
PRIV_TAGS = (TAG_PRIV_SPEC, TAG_PRIV_SPEC_MINOR, TAG_PRIV_SPEC_REVISION)
# Single-letter extensions after the base, in the ISA manual's canonical order.
CANONICAL = "mafdqlcbkjtpvnh"
VERSION = re.compile(r"(\d+)(?:p(\d+))?$")


def _uleb(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def parse(data: bytes, display: str) -> dict[int, int | str]:
    """The file-scope attributes of one ``.riscv.attributes`` section."""
    attributes: dict[int, int | str] = {}
    if not data:
        return attributes
    try:
        if data[0] != ord("A"):
            raise ValueError("not format 'A'")
        at = 1
        while at < len(data):
            (length,) = struct.unpack_from("<I", data, at)
            end = at + length
            vendor_end = data.index(b"\0", at + 4)
            vendor = data[at + 4:vendor_end]
            inner = vendor_end + 1
            while vendor == b"riscv" and inner < end:
                tag, after = _uleb(data, inner)
                (size,) = struct.unpack_from("<I", data, after)
                stop = inner + size
                at_attr = after + 4
                while tag == TAG_FILE and at_attr < stop:
                    key, at_attr = _uleb(data, at_attr)
                    if key % 2:
                        nul = data.index(b"\0", at_attr)
                        attributes[key] = data[at_attr:nul].decode("ascii", "replace")
                        at_attr = nul + 1
                    else:
                        attributes[key], at_attr = _uleb(data, at_attr)
                inner = stop
            if length == 0:
                raise ValueError("empty subsection")
            at = end
    except (ValueError, IndexError, struct.error) as exc:
        raise ToolchainError(f"{display}: corrupt .riscv.attributes section ({exc})") from None
    return attributes


def _extensions(arch: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """'rv64i2p1_m2p0_zicsr2p0' -> ('rv64', {'i': (2, 1), 'm': (2, 0), 'zicsr': (2, 0)})."""
    base = arch[:4].lower()
    found: dict[str, tuple[int, int]] = {}
    for token in arch[4:].lower().split("_"):
        if not token:
            continue
        if token[0] in "szxh" and len(token) > 1 and not token[1].isdigit():
            match = VERSION.search(token)
            name = token[:match.start()] if match else token
            found[name] = (int(match.group(1)), int(match.group(2) or 0)) if match else (0, 0)
            continue
        # Single letters, each with an optional version: i2p1m2p0...
        for letter, major, minor in re.findall(r"([a-z])(?:(\d+)(?:p(\d+))?)?", token):
            found[letter] = (int(major or 0), int(minor or 0))
    return base, found


def _order(name: str) -> tuple:
    if len(name) == 1:
        return (0, "ie".find(name) if name in "ie" else 2 + CANONICAL.find(name), name)
    kind = {"z": 1, "s": 2, "h": 3, "x": 4}.get(name[0], 5)
    letter = name[1] if len(name) > 1 else ""
    position = CANONICAL.find(letter) if letter in CANONICAL else -1 if letter == "i" else 99
    return (kind, position, name)


def merge_arch(strings: list[str]) -> str:
    base = strings[0][:4].lower()
    merged: dict[str, tuple[int, int]] = {}
    for text in strings:
        this_base, extensions = _extensions(text)
        if this_base != base:
            raise ToolchainError(f"can't link {this_base} modules with {base} modules")
        for name, version in extensions.items():
            if name not in merged or version > merged[name]:
                merged[name] = version
    parts = [f"{name}{major}p{minor}" for name, (major, minor) in
             sorted(merged.items(), key=lambda item: _order(item[0]))]
    return base + "_".join(parts)


def merge(inputs: list[tuple[str, dict[int, int | str]]]) -> dict[int, int | str]:
    result: dict[int, int | str] = {}
    arches = [attrs[TAG_ARCH] for _, attrs in inputs if isinstance(attrs.get(TAG_ARCH), str)]
    priv = max((tuple(attrs.get(tag, 0) for tag in PRIV_TAGS) for _, attrs in inputs),
               default=(0, 0, 0))
    stack_from = None
    for display, attrs in inputs:
        for tag, value in attrs.items():
            if tag == TAG_STACK_ALIGN:
                if TAG_STACK_ALIGN in result and result[tag] != value:
                    raise ToolchainError(f"{display}: conflicting Tag_RISCV_stack_align: "
                                         f"{value}-bytes, {stack_from} uses "
                                         f"{result[tag]}-bytes")
                stack_from = stack_from or display
                result[tag] = value
            elif tag == TAG_UNALIGNED_ACCESS:
                result[tag] = int(bool(result.get(tag, 0)) or bool(value))
            elif tag not in result and tag not in PRIV_TAGS and tag != TAG_ARCH:
                result[tag] = value
    if arches:
        result[TAG_ARCH] = merge_arch(arches)
    for tag, value in zip(PRIV_TAGS, priv):
        if value:
            result[tag] = value
    return result


def serialize(attributes: dict[int, int | str]) -> bytes:
    body = bytearray()
    for tag in sorted(attributes):
        value = attributes[tag]
        body += uleb128_bytes(tag)
        body += value.encode("ascii") + b"\0" if isinstance(value, str) else uleb128_bytes(value)
    file_part = uleb128_bytes(TAG_FILE) + struct.pack("<I", 5 + len(body)) + body
    vendor = b"riscv\0"
    return b"A" + struct.pack("<I", 4 + len(vendor) + len(file_part)) + vendor + file_part


def merge_attribute_sections(files):
    """Drop the inputs' ``.riscv.attributes`` and return the merged one (or None)."""
    from ..inputs import InputSection
    inputs = []
    for obj in files:
        for index, section in enumerate(obj.sections):
            if section is not None and section.type == elf.SHT_RISCV_ATTRIBUTES:
                inputs.append((obj.display, parse(bytes(section.data or b""), obj.display)))
                section.discarded = True
    if not inputs:
        return None
    data = serialize(merge(inputs))
    return InputSection(None, 0, ".riscv.attributes", elf.SHT_RISCV_ATTRIBUTES, 0, 1,
                        len(data), data)
