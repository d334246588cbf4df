"""The assembler options in force at an instruction: ``.option rvc/norvc``,
``relax/norelax``, ``pic/nopic``, ``arch`` (and ``push``/``pop``), and the
architecture string of ``.attribute arch`` or ``-march``.

A Mode is immutable; the RISC-V Isa object keeps the current one and the
push/pop stack, and hands it to the streamer, which stores it in each
instruction's EncodeContext (``isa_mode``) -- a branch re-encoded during
layout is encoded with the options of its own line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .attributes import Arch


@dataclass(frozen=True, slots=True)
class Mode:
    arch: Arch
    rvc: bool
    relax: bool = True
    pic: bool = False

    def with_arch(self, arch: Arch) -> "Mode":
        return replace(self, arch=arch, rvc=arch.has("c"))

    def has(self, extension: str) -> bool:
        if extension in ("i", "zicsr", "zifencei"):
            return True
        if extension == "c":
            return self.rvc
        return self.arch.has(extension)
