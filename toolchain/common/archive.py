"""Reading ``ar`` archives (static libraries) in the GNU/System V format.

Layout: the magic ``!<arch>\\n``, then members, each a 60-byte text header
(name[16] date[12] uid[6] gid[6] mode[8] size[10] "`\\n") followed by its
bytes, padded to an even offset.  Special members:

* ``/``   -- the symbol index: a big-endian 32-bit count, that many
  big-endian member offsets, then the NUL-terminated symbol names
  (``/SYM64/`` is the same with 64-bit numbers);
* ``//``  -- the long-name table; a member named ``/123`` takes its name
  from offset 123 there, ending at ``/\\n``;
* GNU short names end with ``/`` (``foo.o/``); BSD ``#1/N`` names put N
  name bytes at the start of the member.

Thin archives (``!<thin>\\n``) name their members' files instead of
holding them; the member paths are relative to the archive's directory.

The linker asks for the symbol index and then loads only the members it
needs, so members are decoded lazily from the held bytes.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from .diagnostics import ToolchainError

AR_MAGIC = b"!<arch>\n"
THIN_MAGIC = b"!<thin>\n"
HEADER_SIZE = 60


class ArchiveFormatError(ToolchainError):
    """A malformed archive (the message names the file and the reason)."""


@dataclass(frozen=True, slots=True)
class ArchiveMember:
    name: str
    offset: int          # of the member header in the archive (what the index stores)
    data: bytes


def is_archive(data: bytes) -> bool:
    return data[:8] in (AR_MAGIC, THIN_MAGIC)


class Archive:
    """An ``ar`` archive: its symbol index and its members by header offset."""

    def __init__(self, data: bytes, path: str):
        if not is_archive(data):
            raise ArchiveFormatError(f"{path}: file format not recognized")
        self.path = path
        self.data = data
        self.thin = data[:8] == THIN_MAGIC
        self.symbol_index: list[tuple[str, int]] = []    # (symbol, member offset), in order
        self._long_names = b""
        self._members: dict[int, ArchiveMember] = {}
        self._member_headers: list[int] = []
        offset = 8
        while offset < len(data):
            if data[offset:offset + 1] == b"\n":             # stray padding byte
                offset += 1
                continue
            name, size, body = self._header(offset)
            if name == "/" or name == "/SYM64/":
                self._read_symbol_index(data[body:body + size], name == "/SYM64/")
            elif name == "//":
                self._long_names = data[body:body + size]
            else:
                self._member_headers.append(offset)
            if self.thin and name not in ("/", "//", "/SYM64/"):
                size = 0                                       # thin members hold no bytes
            offset = body + size + (size & 1)

    def _header(self, offset: int) -> tuple[str, int, int]:
        header = self.data[offset:offset + HEADER_SIZE]
        if len(header) < HEADER_SIZE or header[58:60] != b"`\n":
            raise ArchiveFormatError(f"{self.path}: malformed archive (bad member header "
                                     f"at offset {offset})")
        try:
            size = int(header[48:58].decode("ascii").strip() or "0")
        except ValueError:
            raise ArchiveFormatError(f"{self.path}: malformed archive (bad member size "
                                     f"at offset {offset})") from None
        body = offset + HEADER_SIZE
        if not self.thin and body + size > len(self.data):
            raise ArchiveFormatError(f"{self.path}: file truncated (member at offset "
                                     f"{offset} ends past the file)")
        return header[:16].decode("utf-8", "surrogateescape").rstrip(" "), size, body

    def _read_symbol_index(self, raw: bytes, wide: bool) -> None:
        word = 8 if wide else 4
        fmt = ">Q" if wide else ">I"
        if len(raw) < word:
            raise ArchiveFormatError(f"{self.path}: malformed archive (short symbol index)")
        (count,) = struct.unpack_from(fmt, raw, 0)
        if word + count * word > len(raw):
            raise ArchiveFormatError(f"{self.path}: malformed archive (symbol index truncated)")
        offsets = struct.unpack_from(f">{count}{fmt[1]}", raw, word)
        names = raw[word + count * word:].split(b"\0")
        if len(names) < count:
            raise ArchiveFormatError(f"{self.path}: malformed archive (symbol index truncated)")
        self.symbol_index = [(names[i].decode("utf-8", "surrogateescape"), offsets[i])
                             for i in range(count)]

    def _member_name(self, raw_name: str, body: int, size: int) -> tuple[str, int, int]:
        """(name, data start, data size) after GNU long and BSD names are resolved."""
        if raw_name.startswith("#1/"):
            length = int(raw_name[3:])
            name = self.data[body:body + length].rstrip(b"\0").decode("utf-8", "surrogateescape")
            return name, body + length, size - length
        if raw_name.startswith("/") and raw_name[1:].isdigit():
            start = int(raw_name[1:])
            end = self._long_names.find(b"/\n", start)
            if start >= len(self._long_names) or end < 0:
                raise ArchiveFormatError(f"{self.path}: malformed archive (bad long name "
                                         f"{raw_name})")
            return self._long_names[start:end].decode("utf-8", "surrogateescape"), body, size
        return raw_name.removesuffix("/"), body, size

    def member_at(self, offset: int) -> ArchiveMember:
        """The member whose header is at ``offset`` (as the symbol index gives it)."""
        member = self._members.get(offset)
        if member is None:
            raw_name, size, body = self._header(offset)
            name, start, size = self._member_name(raw_name, body, size)
            if self.thin:
                path = os.path.join(os.path.dirname(self.path), name)
                try:
                    with open(path, "rb") as file:
                        data = file.read()
                except OSError as exc:
                    raise ArchiveFormatError(f"{self.path}: cannot read thin archive member "
                                             f"{path}: {exc.strerror}") from None
            else:
                data = self.data[start:start + size]
            member = ArchiveMember(name, offset, data)
            self._members[offset] = member
        return member

    def members(self) -> list[ArchiveMember]:
        """Every regular member, in archive order (for --whole-archive and `ar t`)."""
        return [self.member_at(offset) for offset in self._member_headers]


# ---- Writing -------------------------------------------------------------

def _member_header(name: str, size: int) -> bytes:
    header = (f"{name:<16}{0:<12}{0:<6}{0:<6}{0o644:<8o}{size:<10}").encode() + b"`\n"
    assert len(header) == HEADER_SIZE
    return header


def _defined_globals(data: bytes, name: str) -> list[str]:
    """The global and weak symbols an ELF member defines (what the index lists)."""
    from .elfreader import ElfFile, is_elf
    if not is_elf(data):
        return []
    symbols = []
    for sym in ElfFile(data, name).symbols:
        # STB_GLOBAL 1, STB_WEAK 2, STB_GNU_UNIQUE 10; SHN_UNDEF 0
        if sym.bind in (1, 2, 10) and sym.shndx != 0 and sym.name:
            symbols.append(sym.name)
    return symbols


def write_archive(members: list[tuple[str, bytes]]) -> bytes:
    """A GNU ``ar`` archive of (name, bytes) members, as ``ar rcs`` writes it.

    The symbol index ``/`` lists each member's global defined symbols with
    the offset of that member's header; names longer than 15 characters
    (or holding a space or ``/``) go to the ``//`` table and are written
    ``/offset``.  Dates, owners and modes are zero/0644, so the output
    depends only on the input (reproducible builds).
    """
    long_names = bytearray()
    header_names = []
    for name, _ in members:
        if len(name) <= 15 and "/" not in name and " " not in name:
            header_names.append(name + "/")
        else:
            header_names.append(f"/{len(long_names)}")
            long_names += name.encode() + b"/\n"
    symbols = [(sym, index) for index, (name, data) in enumerate(members)
               for sym in _defined_globals(data, name)]
    names_blob = b"".join(sym.encode() + b"\0" for sym, _ in symbols)
    index_size = 4 + 4 * len(symbols) + len(names_blob)
    offset = len(AR_MAGIC)
    if symbols:
        offset += HEADER_SIZE + index_size + (index_size & 1)
    if long_names:
        offset += HEADER_SIZE + len(long_names) + (len(long_names) & 1)
    member_offsets = []
    for _, data in members:
        member_offsets.append(offset)
        offset += HEADER_SIZE + len(data) + (len(data) & 1)
    if offset > 0xFFFFFFFF:
        raise ArchiveFormatError("archive too large for a 32-bit symbol index")
    out = bytearray(AR_MAGIC)
    if symbols:
        out += _member_header("/", index_size)
        out += struct.pack(">I", len(symbols))
        out += b"".join(struct.pack(">I", member_offsets[i]) for _, i in symbols)
        out += names_blob
        if index_size & 1:
            out += b"\n"
    if long_names:
        out += _member_header("//", len(long_names))
        out += long_names
        if len(long_names) & 1:
            out += b"\n"
    for header_name, (_, data) in zip(header_names, members):
        out += _member_header(header_name, len(data))
        out += data
        if len(data) & 1:
            out += b"\n"
    return bytes(out)
