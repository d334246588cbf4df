"""An interpreter of the IR, for testing lowering and passes before a back end exists.

Memory is one ``bytearray``: a null page, the module's globals laid out in
order, a heap that ``malloc`` bumps upward, and a stack that ``alloca``
bumps downward from the top.  Pointers are plain integers; every function
(and external) gets a fake address so function pointers work.  A few libc
functions are written in Python (printf and friends, malloc, the string
functions, setjmp/longjmp, exit/abort).  Variadic arguments are spilled to
8-byte (16 for 128-bit and long double) stack slots; a va_list's first
pointer-sized word points at the next one.

    result = run_module(module, max_steps=5_000_000)   # (exit status, stdout bytes)
"""

from __future__ import annotations

import math
import struct

from . import (BlockAddress, BlockDifference, Constant, Function, GlobalAddress, INTEGER_BITS, Instruction,
               Module, Parameter, Type, Undef)

MEMORY_SIZE = 48 << 20
STACK_SIZE = 16 << 20
FUNCTION_BASE = 0x1000


class Trap(Exception):
    """The program did something the interpreter cannot go on from (a crash, a budget)."""


class ProgramExit(Exception):
    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


class LongJump(Exception):
    def __init__(self, buffer: int, value: int):
        super().__init__(buffer)
        self.buffer = buffer
        self.value = value


def _signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def _f32(value: float) -> float:
    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


class Frame:
    __slots__ = ("function", "values", "va_area", "sp_saved", "setjmp_sites")

    def __init__(self, function):
        self.function = function
        self.values = {}
        self.va_area = 0


class Interpreter:
    def __init__(self, module: Module, max_steps: int = 5_000_000):
        self.module = module
        self.pbits = module.pointer_bits
        self.pbytes = self.pbits // 8
        self.memory = bytearray(MEMORY_SIZE)
        self.out = bytearray()
        self.steps = 0
        self.max_steps = max_steps
        self.functions: dict[str, Function] = {f.name: f for f in module.functions}
        self.addresses: dict[str, int] = {}
        self.by_address: dict[int, str] = {}
        self.block_addresses: dict = {}
        self.block_by_address: dict = {}
        next_function = FUNCTION_BASE
        names = list(self.functions) + [n for n, kind in module.externals.items() if kind == "function"]
        for name in names:
            if name not in self.addresses:
                self.addresses[name] = next_function
                self.by_address[next_function] = name
                next_function += 16
        for function in module.functions:
            for block in function.blocks:
                self.block_addresses[block] = next_function
                self.block_by_address[next_function] = block
                next_function += 16
        position = max(0x10000, next_function)
        for data in module.globals:
            position = (position + max(data.alignment, 1) - 1) // max(data.alignment, 1) * max(data.alignment, 1)
            self.addresses[data.name] = position
            position += max(data.size, 1)
        # externals that are objects get a small zeroed area (stdout, stderr, errno ...)
        for name, kind in module.externals.items():
            if name not in self.addresses:
                position = (position + 15) // 16 * 16
                self.addresses[name] = position
                self.by_address.setdefault(position, name)
                position += 64
        for name, target in module.aliases.items():
            if target in self.addresses:
                self.addresses[name] = self.addresses[target]
        for data in module.globals:
            if not data.initializer:
                continue
            at = self.addresses[data.name]
            for piece in data.initializer:
                if isinstance(piece, (bytes, bytearray)):
                    self.memory[at:at + len(piece)] = piece
                    at += len(piece)
                else:
                    name, addend, size = piece
                    if isinstance(name, BlockAddress):
                        target = self.block_addresses.get(name.block, 0) + addend
                    elif isinstance(name, BlockDifference):
                        target = self.block_addresses.get(name.plus, 0) - \
                            self.block_addresses.get(name.minus, 0) + addend
                    else:
                        target = self.symbol_address(name) + addend
                    self.memory[at:at + size] = (target & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
                    at += size
        self.heap = (position + 4095) // 4096 * 4096
        self.heap_limit = MEMORY_SIZE - STACK_SIZE
        self.sp = MEMORY_SIZE - 64
        self.jmpbufs: dict[int, tuple] = {}

    def symbol_address(self, name: str) -> int:
        if name not in self.addresses:
            raise Trap(f"undefined symbol '{name}'")
        return self.addresses[name]

    # ------------------------------------------------------------------ memory
    def read_int(self, address: int, size: int) -> int:
        if address < 4096 or address + size > MEMORY_SIZE:
            raise Trap(f"bad read at 0x{address:x}")
        return int.from_bytes(self.memory[address:address + size], "little")

    def write_int(self, address: int, size: int, value: int) -> None:
        if address < 4096 or address + size > MEMORY_SIZE:
            raise Trap(f"bad write at 0x{address:x}")
        self.memory[address:address + size] = (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little")

    def load(self, t: Type, address: int):
        if t is Type.PTR:
            return self.read_int(address, self.pbytes)
        if t in INTEGER_BITS:
            return self.read_int(address, max(INTEGER_BITS[t] // 8, 1))
        if t is Type.F32:
            return struct.unpack("<f", self.read_bytes(address, 4))[0]
        if t is Type.F64:
            return struct.unpack("<d", self.read_bytes(address, 8))[0]
        from ..lower.types import f80_value, f128_value
        if t is Type.F80:
            return f80_value(self.read_bytes(address, 10))
        return f128_value(self.read_bytes(address, 16))

    def store(self, t: Type, address: int, value) -> None:
        if t is Type.PTR:
            self.write_int(address, self.pbytes, value)
        elif t in INTEGER_BITS:
            self.write_int(address, max(INTEGER_BITS[t] // 8, 1), value)
        else:
            from ..lower.types import float_bytes
            size = {Type.F32: 4, Type.F64: 8, Type.F80: 10, Type.F128: 16}[t]
            self.write_bytes(address, float_bytes(value, t, size))

    def read_bytes(self, address: int, size: int) -> bytes:
        if address < 4096 or address + size > MEMORY_SIZE:
            raise Trap(f"bad read at 0x{address:x}")
        return bytes(self.memory[address:address + size])

    def write_bytes(self, address: int, data: bytes) -> None:
        if address < 4096 or address + len(data) > MEMORY_SIZE:
            raise Trap(f"bad write at 0x{address:x}")
        self.memory[address:address + len(data)] = data

    def c_string(self, address: int) -> bytes:
        if address < 4096:
            raise Trap(f"bad string at 0x{address:x}")
        end = self.memory.index(0, address)
        return bytes(self.memory[address:end])

    def allocate_stack(self, size: int, alignment: int) -> int:
        self.sp = (self.sp - size) // max(alignment, 1) * max(alignment, 1)
        if self.sp < self.heap_limit:
            raise Trap("stack overflow")
        return self.sp

    # ------------------------------------------------------------------ values
    def bits(self, t: Type) -> int:
        return self.pbits if t is Type.PTR else INTEGER_BITS[t]

    def get(self, frame: Frame, v):
        cls = type(v)
        if cls is Instruction or cls is Parameter:
            return frame.values[v]
        if cls is Constant:
            if v.type.is_integer:
                return v.value & ((1 << self.bits(v.type)) - 1)
            if v.bits is not None:
                return v.value
            return float(v.value)
        if cls is GlobalAddress:
            return self.symbol_address(v.name) + v.offset
        if cls is BlockAddress:
            return self.block_addresses[v.block]
        if cls is Undef:
            return 0.0 if v.type.is_float else 0
        raise Trap(f"unknown value {v!r}")

    # ------------------------------------------------------------------ running
    def run_main(self) -> int:
        main = self.functions.get("main")
        if main is None:
            raise Trap("no main function")
        args = []
        for p in main.parameters:
            args.append((p.type, 0))
        if len(main.parameters) >= 2:
            argv = self.heap_alloc(self.pbytes * 2)
            name = self.heap_alloc(8)
            self.write_bytes(name, b"a.out\0")
            self.write_int(argv, self.pbytes, name)
            args = [(main.parameters[0].type, 1), (Type.PTR, argv)] + args[2:]
        try:
            result = self.call_function(main, args)
        except ProgramExit as exit_:
            return exit_.status
        return (result or 0) & 0xFF if main.return_type is not Type.VOID else 0

    def call_function(self, function: Function, args: list, aggregates: dict | None = None):
        frame = Frame(function)
        saved_sp = self.sp
        fixed = len(function.parameters)
        for parameter, (t, value) in zip(function.parameters, args):
            frame.values[parameter] = value
        if function.variadic:
            frame.va_area = self.spill_varargs(args[fixed:], aggregates or {}, fixed)
        try:
            return self.execute(frame)
        finally:
            self.sp = saved_sp

    def spill_varargs(self, extra: list, aggregates: dict, fixed: int) -> int:
        size = 0
        layout = []
        for index, (t, value) in enumerate(extra):
            agg = aggregates.get(fixed + index)
            if agg is not None:
                slot = (agg.size + 7) // 8 * 8
                align = 8
            elif t in (Type.I128, Type.F80, Type.F128):
                slot, align = 16, 16
            else:
                slot, align = 8, 8
            size = (size + align - 1) // align * align
            layout.append((size, t, value, agg))
            size += slot
        base = self.allocate_stack(size + 16, 16)
        for offset, t, value, agg in layout:
            if agg is not None:
                self.write_bytes(base + offset, self.read_bytes(value, agg.size))
            elif t in (Type.I8, Type.I16, Type.I32, Type.I1):
                self.write_int(base + offset, 8, value)
            else:
                self.store(t, base + offset, value)
        return base

    def execute(self, frame: Frame):
        function = frame.function
        block = function.blocks[0]
        previous = None
        index = 0
        values = frame.values
        while True:
            try:
                while True:
                    instructions = block.instructions
                    if index == 0 and previous is not None:
                        phis = []
                        for instruction in instructions:
                            if instruction.opcode != "phi":
                                break
                            incoming = instruction.attributes["incoming"]
                            for value, source in zip(instruction.operands, incoming):
                                if source is previous:
                                    phis.append((instruction, self.get(frame, value)))
                                    break
                            else:
                                raise Trap(f"phi in %{block.name} has no value for %{previous.name}")
                        for instruction, value in phis:
                            values[instruction] = value
                        index = len(phis)
                    while True:
                        instruction = instructions[index]
                        self.steps += 1
                        if self.steps > self.max_steps:
                            raise Trap("step budget exhausted")
                        op = instruction.opcode
                        if op in TERMINATOR_OPS:
                            break
                        handler = HANDLERS.get(op)
                        if handler is None:
                            raise Trap(f"opcode '{op}' is not interpreted")
                        result = handler(self, frame, instruction)
                        if instruction.type is not Type.VOID:
                            values[instruction] = result
                        index += 1
                    # terminators
                    if op == "jmp":
                        target = instruction.targets[0]
                    elif op == "br":
                        target = instruction.targets[0 if self.get(frame, instruction.operands[0]) else 1]
                    elif op == "ret":
                        if instruction.operands:
                            value = self.get(frame, instruction.operands[0])
                            return value
                        return None
                    elif op == "switch":
                        value = self.get(frame, instruction.operands[0])
                        target = instruction.targets[0]
                        for case, candidate in zip(instruction.attributes["cases"], instruction.targets[1:]):
                            if (case & ((1 << self.bits(instruction.operands[0].type)) - 1)) == value:
                                target = candidate
                                break
                    elif op == "indirectbr":
                        address = self.get(frame, instruction.operands[0])
                        target = self.block_by_address.get(address)
                        if target is None or target.function is not function and target not in function.blocks:
                            raise Trap("indirect branch to an unknown address")
                    else:                                       # unreachable
                        raise Trap(f"reached 'unreachable' in @{function.name}")
                    previous = block
                    block = target
                    index = 0
            except LongJump as jump:
                site = self.jmpbufs.get(jump.buffer)
                if site is None or site[0] is not frame:
                    raise
                _, block, index, instruction, sp = site
                self.sp = sp
                values[instruction] = jump.value or 1
                index += 1
                previous = None

    # ------------------------------------------------------------------ calls
    def do_call(self, frame: Frame, instruction: Instruction):
        operands = instruction.operands
        callee = self.get(frame, operands[0])
        attributes = instruction.attributes
        result_buffer = attributes.get("result_buffer")
        args = []
        for index, operand in enumerate(operands[1:], start=1):
            if index == result_buffer:
                continue
            args.append((operand.type, self.get(frame, operand)))
        aggregates = attributes.get("aggregates") or {}
        # aggregates by value: the callee gets a private copy
        copies = {}
        for index, agg in aggregates.items():
            position = index - 1
            source = args[position][1]
            copy = self.allocate_stack(max(agg.size, 1), max(agg.alignment, 8))
            self.write_bytes(copy, self.read_bytes(source, agg.size))
            args[position] = (Type.PTR, copy)
            copies[position] = agg
        name = self.by_address.get(callee)
        if name is None:
            raise Trap(f"call to a bad address 0x{callee:x}")
        function = self.functions.get(name)
        if function is not None:
            shifted = {position: agg for position, agg in copies.items()}
            result = self.call_function(function, args, shifted)
            if function.return_aggregate is not None and result_buffer is not None:
                buffer = self.get(frame, operands[result_buffer])
                self.write_bytes(buffer, self.read_bytes(result, function.return_aggregate.size))
                return buffer
            return self.fit(result, instruction.type)
        from .interp_libc import LIBC
        implementation = LIBC.get(name)
        if implementation is None:
            raise Trap(f"call to external function '{name}' the interpreter lacks")
        if name in ("setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp"):
            block = instruction.block
            self.jmpbufs[args[0][1]] = (frame, block, block.instructions.index(instruction), instruction, self.sp)
            return 0
        return self.fit(implementation(self, args), instruction.type)

    def fit(self, value, t: Type):
        if t is Type.VOID or value is None:
            return 0 if t is not Type.VOID and t.is_integer else (0.0 if t.is_float else None)
        if t.is_integer:
            return int(value) & ((1 << self.bits(t)) - 1)
        return float(value)

    def heap_alloc(self, size: int) -> int:
        address = (self.heap + 15) // 16 * 16
        self.heap = address + max(size, 1) + 16
        if self.heap > self.heap_limit:
            raise Trap("out of heap")
        self.write_int(address - 8, 8, size)
        return address


# ---------------------------------------------------------------------- handlers
TERMINATOR_OPS = {"jmp", "br", "ret", "switch", "indirectbr", "unreachable"}


def _binary(fn):
    def handler(self, frame, instruction):
        a = self.get(frame, instruction.operands[0])
        b = self.get(frame, instruction.operands[1])
        bits = self.bits(instruction.type)
        return fn(a, b, bits) & ((1 << bits) - 1)
    return handler


def _sdiv(a, b, bits):
    a, b = _signed(a, bits), _signed(b, bits)
    if b == 0:
        raise Trap("integer division by zero")
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _srem(a, b, bits):
    a, b = _signed(a, bits), _signed(b, bits)
    if b == 0:
        raise Trap("integer division by zero")
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def _udiv(a, b, bits):
    if b == 0:
        raise Trap("integer division by zero")
    return a // b


def _urem(a, b, bits):
    if b == 0:
        raise Trap("integer division by zero")
    return a % b


def _float_binary(fn):
    def handler(self, frame, instruction):
        a = self.get(frame, instruction.operands[0])
        b = self.get(frame, instruction.operands[1])
        try:
            r = fn(a, b)
        except ZeroDivisionError:
            if a != a or b != b or a == 0:
                r = math.nan
            else:
                r = math.copysign(math.inf, a) * math.copysign(1.0, b)
        except OverflowError:
            r = math.inf
        return _f32(r) if instruction.type is Type.F32 else r
    return handler


def _fmul(a, b):
    return a * b


def _icmp(self, frame, instruction):
    a = self.get(frame, instruction.operands[0])
    b = self.get(frame, instruction.operands[1])
    p = instruction.attributes["predicate"]
    if p[0] == "s":
        bits = self.bits(instruction.operands[0].type)
        a, b = _signed(a, bits), _signed(b, bits)
        p = p[1:]
    elif p[0] == "u":
        p = p[1:]
    if p == "eq":
        return int(a == b)
    if p == "ne":
        return int(a != b)
    if p == "lt":
        return int(a < b)
    if p == "le":
        return int(a <= b)
    if p == "gt":
        return int(a > b)
    return int(a >= b)


def _fcmp(self, frame, instruction):
    a = self.get(frame, instruction.operands[0])
    b = self.get(frame, instruction.operands[1])
    p = instruction.attributes["predicate"]
    unordered = a != a or b != b
    if p == "ord":
        return int(not unordered)
    if p == "uno":
        return int(unordered)
    if unordered:
        return int(p[0] == "u")
    p = p[1:]
    return int({"eq": a == b, "ne": a != b, "lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[p])


def _unary_int(fn):
    def handler(self, frame, instruction):
        bits = self.bits(instruction.type)
        return fn(self.get(frame, instruction.operands[0]), bits) & ((1 << bits) - 1)
    return handler


def _convert(self, frame, instruction):
    op = instruction.opcode
    source = instruction.operands[0]
    value = self.get(frame, source)
    t = instruction.type
    if op in ("trunc", "zext"):
        return value & ((1 << self.bits(t)) - 1)
    if op == "sext":
        return _signed(value, self.bits(source.type)) & ((1 << self.bits(t)) - 1)
    if op in ("fptosi", "fptoui"):
        if value != value or value in (math.inf, -math.inf):
            return 1 << (self.bits(t) - 1)
        return int(value) & ((1 << self.bits(t)) - 1)
    if op == "sitofp":
        r = float(_signed(value, self.bits(source.type)))
        return _f32(r) if t is Type.F32 else r
    if op == "uitofp":
        r = float(value)
        return _f32(r) if t is Type.F32 else r
    if op == "fpext":
        return value
    if op == "fptrunc":
        return _f32(value) if t is Type.F32 else value
    # bitcast
    if source.type.is_integer and t.is_integer:
        return value & ((1 << self.bits(t)) - 1)
    if source.type.is_float and t.is_integer:
        if source.type is Type.F32:
            return struct.unpack("<I", struct.pack("<f", value))[0]
        return struct.unpack("<Q", struct.pack("<d", value))[0]
    if t is Type.F32:
        return struct.unpack("<f", struct.pack("<I", value & 0xFFFFFFFF))[0]
    return struct.unpack("<d", struct.pack("<Q", value & ((1 << 64) - 1)))[0]


def _select(self, frame, instruction):
    c = self.get(frame, instruction.operands[0])
    return self.get(frame, instruction.operands[1] if c else instruction.operands[2])


def _alloca(self, frame, instruction):
    attributes = instruction.attributes
    if instruction.operands:
        size = self.get(frame, instruction.operands[0])
    else:
        size = attributes.get("size", 0)
    return self.allocate_stack(max(size, 1), max(attributes.get("alignment", 1), 1))


def _load(self, frame, instruction):
    return self.load(instruction.type, self.get(frame, instruction.operands[0]))


def _store(self, frame, instruction):
    value = self.get(frame, instruction.operands[0])
    self.store(instruction.operands[0].type, self.get(frame, instruction.operands[1]), value)


def _memcpy(self, frame, instruction):
    dst, src, size = (self.get(frame, v) for v in instruction.operands)
    if size:
        self.write_bytes(dst, self.read_bytes(src, size))


def _memset(self, frame, instruction):
    dst, byte, size = (self.get(frame, v) for v in instruction.operands)
    if size:
        self.write_bytes(dst, bytes([byte & 0xFF]) * size)


def _va_start(self, frame, instruction):
    self.write_int(self.get(frame, instruction.operands[0]), self.pbytes, frame.va_area)


def _va_arg(self, frame, instruction):
    ap = self.get(frame, instruction.operands[0])
    pointer = self.read_int(ap, self.pbytes)
    agg = instruction.attributes.get("aggregate")
    t = instruction.type
    if agg is not None:
        self.write_int(ap, self.pbytes, pointer + (agg.size + 7) // 8 * 8)
        return pointer
    if t in (Type.I128, Type.F80, Type.F128):
        pointer = (pointer + 15) // 16 * 16
        self.write_int(ap, self.pbytes, pointer + 16)
    else:
        self.write_int(ap, self.pbytes, pointer + 8)
    return self.load(t, pointer)


def _va_end(self, frame, instruction):
    return None


def _va_copy(self, frame, instruction):
    dst = self.get(frame, instruction.operands[0])
    src = self.get(frame, instruction.operands[1])
    self.write_int(dst, self.pbytes, self.read_int(src, self.pbytes))


def _asm(self, frame, instruction):
    attributes = instruction.attributes
    template = attributes.get("template", "")
    if template.strip():
        raise Trap(f"inline asm '{template}' cannot be interpreted")
    inputs = attributes.get("inputs", [])
    outputs = attributes.get("outputs", [])
    values = [self.get(frame, v) for v in instruction.operands]
    output_addresses = values[len(inputs):]
    types = attributes.get("output_types", [])
    for index, (constraint, address) in enumerate(zip(outputs, output_addresses)):
        tied = [i for i, c in enumerate(inputs) if c.strip() == str(index)]
        if tied and "+" not in constraint:
            t = Type(types[index]) if index < len(types) else Type.I32
            operand = instruction.operands[tied[0]]
            value = values[tied[0]]
            if operand.type is not t and t.is_integer and operand.type.is_integer:
                value &= (1 << self.bits(t)) - 1
            self.store(t, address, value)


def _stacksave(self, frame, instruction):
    return self.sp


def _stackrestore(self, frame, instruction):
    self.sp = self.get(frame, instruction.operands[0])


def _call(self, frame, instruction):
    return self.do_call(frame, instruction)


def _copy(self, frame, instruction):
    return self.get(frame, instruction.operands[0])


def _ctlz(v, bits):
    return bits - v.bit_length()


def _cttz(v, bits):
    return (v & -v).bit_length() - 1 if v else bits


def _bswap(v, bits):
    return int.from_bytes(v.to_bytes(bits // 8, "little"), "big")


def _fneg(self, frame, instruction):
    return -self.get(frame, instruction.operands[0])


HANDLERS = {
    "add": _binary(lambda a, b, n: a + b), "sub": _binary(lambda a, b, n: a - b),
    "mul": _binary(lambda a, b, n: a * b), "sdiv": _binary(_sdiv), "udiv": _binary(_udiv),
    "srem": _binary(_srem), "urem": _binary(_urem), "and": _binary(lambda a, b, n: a & b),
    "or": _binary(lambda a, b, n: a | b), "xor": _binary(lambda a, b, n: a ^ b),
    "shl": _binary(lambda a, b, n: a << (b % n)), "lshr": _binary(lambda a, b, n: a >> (b % n)),
    "ashr": _binary(lambda a, b, n: _signed(a, n) >> (b % n)),
    "neg": _unary_int(lambda a, n: -a), "not": _unary_int(lambda a, n: ~a),
    "ctlz": _unary_int(_ctlz), "cttz": _unary_int(_cttz), "ctpop": _unary_int(lambda a, n: bin(a).count("1")),
    "bswap": _unary_int(_bswap),
    "fadd": _float_binary(lambda a, b: a + b), "fsub": _float_binary(lambda a, b: a - b),
    "fmul": _float_binary(_fmul), "fdiv": _float_binary(lambda a, b: a / b), "fneg": _fneg,
    "icmp": _icmp, "fcmp": _fcmp, "select": _select,
    "trunc": _convert, "zext": _convert, "sext": _convert, "fptosi": _convert, "fptoui": _convert,
    "sitofp": _convert, "uitofp": _convert, "fpext": _convert, "fptrunc": _convert, "bitcast": _convert,
    "alloca": _alloca, "load": _load, "store": _store, "memcpy": _memcpy, "memset": _memset,
    "call": _call, "va_start": _va_start, "va_arg": _va_arg, "va_end": _va_end, "va_copy": _va_copy,
    "asm": _asm, "copy": _copy, "stacksave": _stacksave, "stackrestore": _stackrestore,
}


def run_module(module: Module, max_steps: int = 5_000_000) -> tuple[int, bytes]:
    """Run ``main``; returns (exit status, what the program wrote to stdout/stderr)."""
    interpreter = Interpreter(module, max_steps)
    status = interpreter.run_main()
    return status, bytes(interpreter.out)


def run_deep(function, *args):
    """Call ``function`` in a thread with a big stack and recursion limit (each IR call
    is a few Python frames; recursive C programs go deep)."""
    import sys
    import threading
    result: list = []
    error: list = []

    def body():
        try:
            result.append(function(*args))
        except BaseException as exc:            # re-raised in the caller's thread
            error.append(exc)
    old_limit = sys.getrecursionlimit()
    old_size = threading.stack_size()
    sys.setrecursionlimit(max(old_limit, 60000))
    threading.stack_size(512 << 20)
    try:
        thread = threading.Thread(target=body)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    if error:
        raise error[0]
    return result[0]
