"""Control and status register names and numbers, from the RISC-V
Privileged Architecture manual, chapter 2 ("CSR Listing"), and the "F"
chapter of the Unprivileged manual (fflags, frm, fcsr)."""

from __future__ import annotations

CSRS: dict[str, int] = {
    # unprivileged floating-point and counters
    "fflags": 0x001, "frm": 0x002, "fcsr": 0x003,
    "cycle": 0xC00, "time": 0xC01, "instret": 0xC02,
    "cycleh": 0xC80, "timeh": 0xC81, "instreth": 0xC82,
    # supervisor
    "sstatus": 0x100, "sie": 0x104, "stvec": 0x105, "scounteren": 0x106,
    "senvcfg": 0x10A, "sscratch": 0x140, "sepc": 0x141, "scause": 0x142,
    "stval": 0x143, "sip": 0x144, "satp": 0x180,
    # machine
    "mvendorid": 0xF11, "marchid": 0xF12, "mimpid": 0xF13, "mhartid": 0xF14,
    "mconfigptr": 0xF15,
    "mstatus": 0x300, "misa": 0x301, "medeleg": 0x302, "mideleg": 0x303, "mie": 0x304,
    "mtvec": 0x305, "mcounteren": 0x306, "menvcfg": 0x30A, "mcountinhibit": 0x320,
    "mscratch": 0x340, "mepc": 0x341, "mcause": 0x342, "mtval": 0x343, "mip": 0x344,
    "mtinst": 0x34A, "mtval2": 0x34B,
    "mcycle": 0xB00, "minstret": 0xB02,
    "tselect": 0x7A0, "tdata1": 0x7A1, "tdata2": 0x7A2, "tdata3": 0x7A3,
    "dcsr": 0x7B0, "dpc": 0x7B1, "dscratch0": 0x7B2, "dscratch1": 0x7B3,
}
CSRS.update({f"hpmcounter{n}": 0xC00 + n for n in range(3, 32)})
CSRS.update({f"mhpmcounter{n}": 0xB00 + n for n in range(3, 32)})
CSRS.update({f"mhpmevent{n}": 0x320 + n for n in range(3, 32)})
CSRS.update({f"pmpcfg{n}": 0x3A0 + n for n in range(16)})
CSRS.update({f"pmpaddr{n}": 0x3B0 + n for n in range(64)})
