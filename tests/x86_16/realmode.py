"""Running a real-mode flat binary in unicorn: the x86-16 test harness.

The image is loaded at its origin in segment 0 (a boot sector at 0x7C00, a
.COM-style image at 0x100) of a 1 MiB address space and started there in
16-bit mode with cs = ds = es = ss = 0, as the runtime's crt1.s expects.
OUT instructions are hooked: bytes written to port 0xE9 are the console,
a byte written to port 0xF4 (QEMU's isa-debug-exit) is the exit status and
stops the run.  Of the BIOS, only int 0x10's teletype call (AH=0x0E) is
there: its characters are the ``screen``.  A time budget (wall-clock seconds: unicorn's instruction
count would cost a hook per instruction) bounds each run; running out of it, an interrupt, or
a CPU fault without an exit status is a failure the result says.
"""

from __future__ import annotations

from dataclasses import dataclass

CONSOLE_PORT = 0xE9
EXIT_PORT = 0xF4
MEMORY = 0x100000               # real mode sees 1 MiB
DEFAULT_TIMEOUT = 60.0          # seconds


@dataclass(frozen=True)
class RunResult:
    output: bytes
    status: int | None          # None: the program never wrote the exit port
    problem: str = ""           # why it stopped without a status
    screen: bytes = b""         # what int 0x10 AH=0x0E printed


def run_flat(image: bytes, origin: int, timeout: float = DEFAULT_TIMEOUT) -> RunResult:
    """Run ``image`` from ``origin``; its console output and exit status."""
    import unicorn
    from unicorn import x86_const as x86

    if origin + len(image) > 0x10000:
        return RunResult(b"", None, f"image of {len(image)} bytes at {origin:#x} "
                                    "does not fit in one 64 KiB segment")
    emu = unicorn.Uc(unicorn.UC_ARCH_X86, unicorn.UC_MODE_16)
    emu.mem_map(0, MEMORY)
    emu.mem_write(origin, image)
    for reg in (x86.UC_X86_REG_CS, x86.UC_X86_REG_DS, x86.UC_X86_REG_ES, x86.UC_X86_REG_SS):
        emu.reg_write(reg, 0)
    output = bytearray()
    screen = bytearray()
    state: dict = {"status": None, "halted": False}

    def on_out(uc, port, size, value, _data):
        if port == CONSOLE_PORT:
            output.append(value & 0xFF)
        elif port == EXIT_PORT:
            state["status"] = value & 0xFF
            uc.emu_stop()

    def on_in(uc, port, size, _data):
        return 0

    def on_interrupt(uc, number, _data):
        if number == 0x10 and uc.reg_read(x86.UC_X86_REG_AH) == 0x0E:
            screen.append(uc.reg_read(x86.UC_X86_REG_AL))
            return
        state["problem"] = f"interrupt {number:#x} at {uc.reg_read(x86.UC_X86_REG_IP):#x}"
        uc.emu_stop()

    emu.hook_add(unicorn.UC_HOOK_INSN, on_out, None, 1, 0, x86.UC_X86_INS_OUT)
    emu.hook_add(unicorn.UC_HOOK_INSN, on_in, None, 1, 0, x86.UC_X86_INS_IN)
    emu.hook_add(unicorn.UC_HOOK_INTR, on_interrupt)
    try:
        emu.emu_start(origin, MEMORY, timeout=int(timeout * 1_000_000))
    except unicorn.UcError as exc:
        ip = emu.reg_read(x86.UC_X86_REG_IP)
        return RunResult(bytes(output), state["status"], f"CPU fault at {ip:#x}: {exc}",
                         bytes(screen))
    if state["status"] is None:
        problem = state.get("problem") or f"no exit after {timeout:g} s " \
                                          f"(ip {emu.reg_read(x86.UC_X86_REG_IP):#x})"
        return RunResult(bytes(output), None, problem, bytes(screen))
    return RunResult(bytes(output), state["status"], "", bytes(screen))
