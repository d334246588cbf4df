"""Random A64 instruction lines for the encoding fuzzer (tests/test_aarch64_fuzz.py).

``TEMPLATES`` lists instruction shapes per Arm ARM class with placeholders a
``random.Random`` fills in:

=============  ==============================================================
``{r}``        general register of the line's width (x or w), zr included
``{rs}``       the same with SP instead of ZR (add/sub immediate, bases)
``{x}`` ``{w}`` a 64-bit / 32-bit general register whatever the width
``{xs}``       X register or SP (addresses)
``{f}``        FP register of the line's precision (s, d or h)
``{i:A:B}``    an integer in A..B, written in decimal or hex (``{d:A:B}`` decimal)
``{m:N}``      a multiple of N in the scaled 12-bit range, or any small offset
``{bm}``       a logical immediate of the line's width (valid or not)
``{c}``        a condition;  ``{imm16}`` 0..65535;  ``{fp8}`` an FMOV constant
``{v}``        vector register with the line's arrangement
=============  ==============================================================

A template starting with ``W:`` is drawn for both widths, ``F:`` for single
and double precision, ``V:`` for several arrangements.
"""

from __future__ import annotations

import random

CONDS = ("eq", "ne", "cs", "hs", "cc", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt",
         "gt", "le")
SHIFTS = ("lsl", "lsr", "asr")

TEMPLATES = (
    # data processing, immediate
    "W:add {rs}, {rs}, #{i:0:4095}", "W:sub {rs}, {rs}, #{i:0:4095}, lsl #12",
    "W:adds {r}, {rs}, #{i:0:4095}", "W:subs {r}, {rs}, #{i:-4095:4095}",
    "W:cmp {rs}, #{i:0:4095}", "W:cmn {rs}, #{i:0:4095}",
    "W:and {rs}, {r}, #{bm}", "W:orr {rs}, {r}, #{bm}", "W:eor {rs}, {r}, #{bm}",
    "W:ands {r}, {r}, #{bm}", "W:tst {r}, #{bm}", "W:mov {r}, #{bm}",
    "W:mov {r}, #{i:-70000:70000}", "W:movz {r}, #{imm16}, lsl #{hw}",
    "W:movn {r}, #{imm16}, lsl #{hw}", "W:movk {r}, #{imm16}, lsl #{hw}",
    "W:lsl {r}, {r}, #{sh}", "W:lsr {r}, {r}, #{sh}", "W:asr {r}, {r}, #{sh}",
    "W:ror {r}, {r}, #{sh}", "W:ubfx {r}, {r}, #{lsb}, #{width}",
    "W:sbfx {r}, {r}, #{lsb}, #{width}", "W:bfi {r}, {r}, #{lsb}, #{width}",
    "W:ubfiz {r}, {r}, #{lsb}, #{width}", "W:bfxil {r}, {r}, #{lsb}, #{width}",
    "W:extr {r}, {r}, {r}, #{sh}", "W:sbfm {r}, {r}, #{sh}, #{sh}",
    "W:ubfm {r}, {r}, #{sh}, #{sh}", "W:bfm {r}, {r}, #{sh}, #{sh}",
    "sxtb {r}, {w}", "sxth {r}, {w}", "sxtw {x}, {w}", "uxtb {w}, {w}", "uxth {w}, {w}",
    # data processing, register
    "W:add {r}, {r}, {r}, {shift} #{sh}", "W:subs {r}, {r}, {r}, {shift} #{sh}",
    "add {xs}, {xs}, {w}, {ext} #{i:0:4}", "sub {xs}, {xs}, {x}, uxtx #{i:0:4}",
    "W:and {r}, {r}, {r}, {shift} #{sh}", "W:orr {r}, {r}, {r}, ror #{sh}",
    "W:bic {r}, {r}, {r}", "W:eon {r}, {r}, {r}, lsr #{sh}", "W:mvn {r}, {r}",
    "W:neg {r}, {r}, {shift} #{sh}", "W:mov {r}, {r}",
    "W:csel {r}, {r}, {r}, {c}", "W:csinc {r}, {r}, {r}, {c}", "W:csneg {r}, {r}, {r}, {c}",
    "W:cset {r}, {c}", "W:cinc {r}, {r}, {c}", "W:cneg {r}, {r}, {c}",
    "W:ccmp {r}, {r}, #{i:0:15}, {c}", "W:ccmn {r}, #{i:0:31}, #{i:0:15}, {c}",
    "W:madd {r}, {r}, {r}, {r}", "W:msub {r}, {r}, {r}, {r}", "W:mul {r}, {r}, {r}",
    "smaddl {x}, {w}, {w}, {x}", "umull {x}, {w}, {w}", "smulh {x}, {x}, {x}",
    "W:sdiv {r}, {r}, {r}", "W:udiv {r}, {r}, {r}", "W:lsl {r}, {r}, {r}",
    "W:clz {r}, {r}", "W:rbit {r}, {r}", "W:rev {r}, {r}", "W:rev16 {r}, {r}",
    "W:adc {r}, {r}, {r}", "W:sbcs {r}, {r}, {r}", "W:ngc {r}, {r}",
    "crc32{i:0:0}b {w}, {w}, {w}", "crc32cx {w}, {w}, {x}",
    # loads and stores
    "ldr {x}, [{xs}, #{m:8}]", "ldr {w}, [{xs}, #{m:4}]", "str {x}, [{xs}, #{m:8}]!",
    "ldrb {w}, [{xs}, #{m:1}]", "ldrh {w}, [{xs}], #{i:-256:255}", "ldrsw {x}, [{xs}, #{m:4}]",
    "ldrsh {r}, [{xs}, #{m:2}]", "strb {w}, [{xs}, {x}, lsl #0]",
    "ldr {x}, [{xs}, {x}, lsl #3]", "ldr {w}, [{xs}, {w}, sxtw #2]",
    "ldr {x}, [{xs}, {w}, uxtw]", "ldrb {w}, [{xs}, {w}, sxtw]",
    "ldur {x}, [{xs}, #{i:-256:255}]", "stur {w}, [{xs}, #{i:-256:255}]",
    "ldr {f}, [{xs}, #{m:8}]", "str q{n}, [{xs}, #{m:16}]",
    "W:ldp {r}, {r}, [{xs}, #{pair}]", "W:stp {r}, {r}, [{xs}, #{pair}]!",
    "W:ldp {r}, {r}, [{xs}], #{pair}", "ldp d{n}, d{n}, [{xs}, #{pair8}]",
    "ldxr {r}, [{xs}]", "stxr {w}, {x}, [{xs}]", "ldar {r}, [{xs}]", "stlr {r}, [{xs}]",
    "ldaxrb {w}, [{xs}]", "stlxrh {w}, {w}, [{xs}]",
    "W:ldadd {r}, {r}, [{xs}]", "W:swpal {r}, {r}, [{xs}]", "W:casa {r}, {r}, [{xs}]",
    "prfm pldl{i:1:3}keep, [{xs}, #{m:8}]",
    # branches and system
    "b .+{br26}", "bl .+{br26}", "b.{c} .+{br19}", "W:cbz {r}, .+{br19}",
    "W:cbnz {r}, .+{br19}", "tbz {x}, #{i:0:63}, .+{br14}", "tbnz {w}, #{i:0:31}, .+{br14}",
    "br {x}", "blr {x}", "ret {x}", "svc #{imm16}", "brk #{imm16}", "hint #{i:0:127}",
    "dmb #{i:0:15}", "dsb #{i:0:15}", "mrs {x}, s3_{d:0:7}_c{d:0:15}_c{d:0:15}_{d:0:7}",
    "msr s3_{d:0:7}_c{d:0:15}_c{d:0:15}_{d:0:7}, {x}",
    # floating point
    "F:fadd {f}, {f}, {f}", "F:fsub {f}, {f}, {f}", "F:fmul {f}, {f}, {f}",
    "F:fdiv {f}, {f}, {f}", "F:fmaxnm {f}, {f}, {f}", "F:fnmul {f}, {f}, {f}",
    "F:fabs {f}, {f}", "F:fneg {f}, {f}", "F:fsqrt {f}, {f}", "F:frintm {f}, {f}",
    "F:fmadd {f}, {f}, {f}, {f}", "F:fnmsub {f}, {f}, {f}, {f}", "F:fcmp {f}, {f}",
    "F:fcmpe {f}, #0.0", "F:fccmp {f}, {f}, #{i:0:15}, {c}", "F:fcsel {f}, {f}, {f}, {c}",
    "F:fmov {f}, {f}", "F:fmov {f}, #{fp8}", "F:scvtf {f}, {r}", "F:ucvtf {f}, {r}",
    "F:fcvtzs {r}, {f}", "F:fcvtzu {r}, {f}", "F:fcvtas {r}, {f}", "F:fcvtms {r}, {f}",
    "fcvt d{n}, s{n}", "fcvt s{n}, d{n}", "fmov {x}, d{n}", "fmov s{n}, {w}",
    # SIMD
    "V:add {v}, {v}, {v}", "V:sub {v}, {v}, {v}", "V:cmeq {v}, {v}, {v}",
    "B:and {v}, {v}, {v}", "B:orr {v}, {v}, {v}", "B:eor {v}, {v}, {v}", "B:cnt {v}, {v}",
    "mov v{n}.s[{i:0:3}], {w}", "mov v{n}.d[{i:0:1}], {x}", "umov {w}, v{n}.h[{i:0:7}]",
    "dup v{n}.4s, {w}", "dup v{n}.8h, v{n}.h[{i:0:7}]", "movi v{n}.4s, #{i:0:255}, lsl #{i:0:3}0",
    "ushr v{n}.4s, v{n}.4s, #{i:1:32}", "shl v{n}.2d, v{n}.2d, #{i:0:63}",
    "addv s{n}, v{n}.4s", "uaddlv h{n}, v{n}.16b", "ld1 {{v{n}.16b}}, [{xs}]",
    "st1 {{v{n}.2d}}, [{xs}], #16",
    "V:uzp1 {v}, {v}, {v}", "V:zip2 {v}, {v}, {v}", "V:cmlt {v}, {v}, #0",
    "V:mla {v}, {v}, {v}", "sxtl v{n}.8h, v{n}.8b", "uxtl2 v{n}.2d, v{n}.4s",
    "xtn v{n}.4h, v{n}.4s", "shrn2 v{n}.16b, v{n}.8h, #{i:1:8}",
    "sabal v{n}.4s, v{n}.4h, v{n}.4h", "uadalp v{n}.8h, v{n}.16b",
    "ld2 {{v{n}.4s, v{n}.4s}}, [{xs}]", "ld1r {{v{n}.8h}}, [{xs}]",
)

_ARRANGEMENTS = ("8b", "16b", "4h", "8h", "2s", "4s", "2d")


class LineMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def gp(self, kind: str, sp: bool) -> str:
        n = self.rng.randrange(32)
        if n == 31:
            return ("sp" if kind == "x" else "wsp") if sp else f"{kind}zr"
        return f"{kind}{n}"

    def number(self, value: int) -> str:
        if value >= 0 and self.rng.random() < 0.3:
            return hex(value)
        return str(value)

    def bitmask(self, bits: int) -> int:
        rng = self.rng
        if rng.random() < 0.1:
            return rng.getrandbits(bits)       # mostly invalid: both must reject
        size = rng.choice([s for s in (2, 4, 8, 16, 32, 64) if s <= bits])
        ones = rng.randrange(1, size)
        element = (1 << ones) - 1
        rot = rng.randrange(size)
        element = ((element >> rot) | (element << (size - rot))) & ((1 << size) - 1)
        value = 0
        for k in range(bits // size):
            value |= element << (k * size)
        return value

    def line(self, template: str) -> str:
        rng = self.rng
        width, _, body = template.partition(":") if template[1:2] == ":" else ("", "", template)
        kind = rng.choice("xw") if width == "W" else "x"
        bits = 64 if kind == "x" else 32
        prec = rng.choice("sd") if width == "F" else "d"
        shape = rng.choice(("8b", "16b") if width == "B" else _ARRANGEMENTS)
        out = []
        pos = 0
        while pos < len(body):
            c = body[pos]
            if body.startswith("{{", pos):
                out.append("{")
                pos += 2
                continue
            if body.startswith("}}", pos):
                out.append("}")
                pos += 2
                continue
            if c != "{":
                out.append(c)
                pos += 1
                continue
            end = body.index("}", pos)
            out.append(self.fill(body[pos + 1:end], kind, bits, prec, shape))
            pos = end + 1
        return "".join(out)

    def fill(self, name: str, kind: str, bits: int, prec: str, shape: str) -> str:
        rng = self.rng
        head, *args = name.split(":")
        if head == "r":
            return self.gp(kind, False)
        if head == "rs":
            return self.gp(kind, True)
        if head in ("x", "w"):
            return self.gp(head, False)
        if head == "xs":
            return self.gp("x", True)
        if head == "f":
            return f"{prec}{rng.randrange(32)}"
        if head == "n":
            return str(rng.randrange(32))
        if head == "v":
            return f"v{rng.randrange(32)}.{shape}"
        if head == "i":
            return self.number(rng.randint(int(args[0]), int(args[1])))
        if head == "d":
            return str(rng.randint(int(args[0]), int(args[1])))
        if head == "imm16":
            return self.number(rng.randrange(65536))
        if head == "hw":
            return str(16 * rng.randrange(bits // 16))
        if head == "sh":
            return str(rng.randrange(bits))
        if head == "lsb":
            return str(rng.randrange(bits))
        if head == "width":
            return str(rng.randint(1, bits))
        if head == "bm":
            return self.number(self.bitmask(bits))
        if head == "c":
            return rng.choice(CONDS)
        if head == "shift":
            return rng.choice(SHIFTS)
        if head == "ext":
            return rng.choice(("uxtw", "sxtw", "uxtb", "sxth"))
        if head == "m":
            unit = int(args[0])
            if rng.random() < 0.8:
                return str(unit * rng.randrange(4096))
            return str(rng.randint(-256, 255))
        if head == "pair":
            unit = 8 if kind == "x" else 4
            return str(unit * rng.randint(-64, 63))
        if head == "pair8":
            return str(8 * rng.randint(-64, 63))
        if head in ("br26", "br19", "br14"):
            bits = {"br26": 26, "br19": 19, "br14": 14}[head]
            return str(4 * rng.randint(0, (1 << (bits - 1)) - 1))
        if head == "fp8":
            mant = rng.randrange(16)
            exp = rng.randint(-3, 4)
            value = (16 + mant) / 16 * 2.0 ** exp
            return repr(-value if rng.random() < 0.5 else value)
        raise KeyError(name)


def lines(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    maker = LineMaker(rng)
    return [maker.line(rng.choice(TEMPLATES)) for _ in range(count)]
