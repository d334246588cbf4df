"""pcc's intermediate representation: SSA over basic blocks, typed by machine class.

The IR sits between the typed C syntax tree and the back ends (DESIGN.md,
"Data flow").  It is deliberately small, in the spirit of QBE:

* a :class:`Module` holds :class:`Function` definitions, :class:`Global`
  data and the names of external symbols;
* a function is a list of :class:`Block`; a block is a list of
  :class:`Instruction`, ``phi`` instructions first, exactly one terminator
  (``br``, ``jmp``, ``switch``, ``ret``, ``unreachable``, ``indirectbr``) last;
* every value has a machine type (:class:`Type`): integers of 8..128 bits,
  ``f32``/``f64``/``f80``/``f128``, and ``ptr`` (an integer of the target's
  pointer width).  C's signedness lives in the operations (``sdiv``/``udiv``,
  ``sext``/``zext``, ``icmp slt``/``ult``), not in the types;
* aggregates are memory: a struct or union value is the address of its
  bytes.  Calls and returns that pass aggregates by value say so with an
  :class:`Aggregate` descriptor (size, alignment and the scalar fields at
  each offset), which is what the psABIs classify; the back end's ABI module
  decides registers and stack.

Values are the SSA results of instructions, function parameters
(:class:`Parameter`), constants (:class:`Constant`), addresses of globals
and functions (:class:`GlobalAddress`) and :class:`Undef`.  Local variables
start life as ``alloca`` slots with loads and stores; mem2reg promotes them
to SSA values.

The opcodes, with their operand conventions, are the table OPCODES below;
the printer (printer.py) and verifier (verify.py) read the same table.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Type(enum.Enum):
    """Machine classes.  PTR has the target's pointer width (see Module.pointer_bits)."""

    I1 = "i1"            # comparison results only; widened with zext before storing
    I8 = "i8"
    I16 = "i16"
    I32 = "i32"
    I64 = "i64"
    I128 = "i128"
    F32 = "f32"
    F64 = "f64"
    F80 = "f80"          # x87 extended (x86 long double), 10 bytes of value
    F128 = "f128"        # IEEE binary128 (AArch64/RISC-V long double)
    PTR = "ptr"
    VOID = "void"

    @property
    def is_integer(self) -> bool:
        return self in INTEGER_BITS or self is Type.PTR

    @property
    def is_float(self) -> bool:
        return self in FLOAT_BITS

    def __str__(self) -> str:
        return self.value


INTEGER_BITS = {Type.I1: 1, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.I64: 64,
                Type.I128: 128}
FLOAT_BITS = {Type.F32: 32, Type.F64: 64, Type.F80: 80, Type.F128: 128}


@dataclass(frozen=True)
class Aggregate:
    """A struct/union/array passed or returned by value: what ABI lowering needs.

    ``fields`` lists the scalar leaves as (byte offset, Type), arrays
    expanded, unions with every member's leaves, bit-fields as their storage
    unit; ``is_union`` and ``has_unaligned`` (packed members) matter to the
    SysV classification; ``flexible`` marks a trailing flexible array;
    ``is_complex``: a _Complex value, which some ABIs pass unlike a struct of
    its two parts (x86-64's COMPLEX_X87 for _Complex long double).
    """

    size: int
    alignment: int
    fields: tuple[tuple[int, Type], ...] = ()
    is_union: bool = False
    has_unaligned: bool = False
    name: str = ""
    is_complex: bool = False


# --- values ------------------------------------------------------------------------------

class Value:
    """Anything an instruction can use."""

    type: Type

    def ref(self) -> str:
        raise NotImplementedError


@dataclass(eq=False)
class Constant(Value):
    type: Type
    value: int | float          # integers as Python ints (any sign), floats as floats
                                # (F80/F128 constants: a Python float, or the exact
                                # bits as an int in ``bits``)
    bits: int | None = None

    def ref(self) -> str:
        if self.bits is not None:
            return f"{self.type} 0x{self.bits:x}"
        return f"{self.type} {self.value!r}"


@dataclass(eq=False)
class GlobalAddress(Value):
    """The address of a global object or function, plus a byte offset."""

    name: str
    offset: int = 0
    type: Type = Type.PTR

    def ref(self) -> str:
        return f"ptr @{self.name}" + (f"{self.offset:+d}" if self.offset else "")


@dataclass(eq=False)
class Undef(Value):
    type: Type

    def ref(self) -> str:
        return f"{self.type} undef"


@dataclass(eq=False)
class Parameter(Value):
    """A function's incoming scalar parameter (aggregates arrive as their address)."""

    type: Type
    index: int
    name: str = ""
    aggregate: Aggregate | None = None    # set when the C parameter is a struct by value

    def ref(self) -> str:
        return f"{self.type} %arg{self.index}"


@dataclass(eq=False)
class BlockAddress(Value):
    """``&&label``: the address of a block (for ``goto *p``)."""

    block: "Block"
    type: Type = Type.PTR

    def ref(self) -> str:
        return f"ptr blockaddress(%{self.block.name})"


@dataclass(eq=False)
class BlockDifference(Value):
    """``&&plus - &&minus`` in static data (GNU C): the distance between two
    blocks of one function, which the assembler computes."""

    plus: "Block"
    minus: "Block"
    type: Type = Type.PTR

    def ref(self) -> str:
        return f"ptr blockaddress(%{self.plus.name}) - blockaddress(%{self.minus.name})"


@dataclass(eq=False)
class Instruction(Value):
    """One operation; its result (when ``type`` is not VOID) is an SSA value.

    ``operands`` are Values; ``targets`` the successor blocks of a terminator;
    ``attributes`` the opcode's extra facts (see OPCODES): the comparison
    predicate, an alloca's size and alignment, a call's signature ...
    """

    opcode: str
    type: Type
    operands: list[Value] = field(default_factory=list)
    targets: list["Block"] = field(default_factory=list)
    attributes: dict = field(default_factory=dict)
    block: "Block | None" = None
    id: int = -1                 # numbered by the function for printing and maps
    location: object = None      # the C source location, for diagnostics and -g

    def ref(self) -> str:
        return f"{self.type} %{self.id}"

    @property
    def is_terminator(self) -> bool:
        return self.opcode in TERMINATORS


@dataclass(eq=False)
class Block:
    name: str
    instructions: list[Instruction] = field(default_factory=list)
    function: "Function | None" = None

    @property
    def terminator(self) -> Instruction | None:
        if self.instructions and self.instructions[-1].is_terminator:
            return self.instructions[-1]
        return None

    @property
    def successors(self) -> list["Block"]:
        term = self.terminator
        return list(term.targets) if term is not None else []

    def phis(self) -> list[Instruction]:
        result = []
        for instruction in self.instructions:
            if instruction.opcode != "phi":
                break
            result.append(instruction)
        return result


@dataclass(eq=False)
class Function:
    name: str
    return_type: Type                          # VOID, a scalar, or PTR with return_aggregate
    parameters: list[Parameter] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    variadic: bool = False
    linkage: str = "external"                  # 'external', 'internal', 'weak'
    return_aggregate: Aggregate | None = None  # struct returned by value
    attributes: dict = field(default_factory=dict)   # noreturn, section, visibility, ...
    next_id: int = 0

    def new_block(self, name: str) -> Block:
        block = Block(name, function=self)
        self.blocks.append(block)
        return block

    def number(self) -> None:
        """Give every value-producing instruction a fresh number (for printing)."""
        counter = 0
        for block in self.blocks:
            for instruction in block.instructions:
                instruction.id = counter
                counter += 1
        self.next_id = counter

    def predecessors(self) -> dict[Block, list[Block]]:
        preds: dict[Block, list[Block]] = {b: [] for b in self.blocks}
        for block in self.blocks:
            for successor in block.successors:
                if block not in preds[successor]:
                    preds[successor].append(block)
        return preds


@dataclass(eq=False)
class Global:
    """A global or static object.

    ``initializer`` is a list of pieces in offset order: ``bytes``, or
    ``(symbol name, addend, size)`` for an address stored in the data; the
    gaps are zero.  In a function's static data, ``&&label`` is stored as
    ``(BlockAddress, addend, size)``: the address of that block of the
    function, and ``&&a - &&b`` as ``(BlockDifference, addend, size)``.  None
    means zero-initialised (bss, or common when ``common``).
    """

    name: str
    size: int
    alignment: int
    initializer: list | None = None
    linkage: str = "external"                 # 'external', 'internal', 'weak'
    constant: bool = False                    # read-only data
    thread_local: bool = False
    common: bool = False
    section: str | None = None
    attributes: dict = field(default_factory=dict)


@dataclass
class Module:
    target: object                            # toolchain.common.target.Target
    pointer_bits: int
    functions: list[Function] = field(default_factory=list)
    globals: list[Global] = field(default_factory=list)
    externals: dict[str, str] = field(default_factory=dict)   # name -> 'function'/'object'
    asm: list[str] = field(default_factory=list)              # top-level asm("...")
    aliases: dict[str, str] = field(default_factory=dict)     # __attribute__((alias)): name -> target
    alias_linkage: dict[str, str] = field(default_factory=dict)   # alias -> 'internal'/'weak' if not external
    level: str = ""                           # the -O level run_pipeline runs (the inliner reads it)
    inline_functions: bool = True             # False under -fno-inline: always_inline only
    semantic_interposition: bool = False      # -fpic/-fPIC code: another definition of an
                                              # external function may replace it at load time


# --- the opcode table ------------------------------------------------------------------------
# name: (operand count or -1 for variable, summary).  The verifier and printer
# read it; lowering and back ends use the names.

OPCODES: dict[str, tuple[int, str]] = {
    # integer arithmetic, operands of the result type
    "add": (2, "a + b"), "sub": (2, "a - b"), "mul": (2, "a * b"),
    "sdiv": (2, "signed a / b"), "udiv": (2, "unsigned a / b"),
    "srem": (2, "signed a % b"), "urem": (2, "unsigned a % b"),
    "and": (2, "a & b"), "or": (2, "a | b"), "xor": (2, "a ^ b"),
    "shl": (2, "a << b"), "lshr": (2, "logical a >> b"), "ashr": (2, "arithmetic a >> b"),
    "neg": (1, "-a"), "not": (1, "~a"),
    # bit counting (added for __builtin_clz/ctz/popcount/bswap): operand and result of one
    # integer type; ctlz/cttz of 0 give the width (C leaves the builtins undefined there)
    "ctlz": (1, "leading zero bits"), "cttz": (1, "trailing zero bits"),
    "ctpop": (1, "number of one bits"), "bswap": (1, "bytes reversed (16..128 bits)"),
    # floating arithmetic
    "fadd": (2, "a + b"), "fsub": (2, "a - b"), "fmul": (2, "a * b"), "fdiv": (2, "a / b"),
    "fneg": (1, "-a"),
    # comparisons: result I1; attributes['predicate']
    #   icmp: eq ne slt sle sgt sge ult ule ugt uge
    #   fcmp: oeq one olt ole ogt oge ord ueq une ult ule ugt uge uno
    "icmp": (2, "integer comparison"), "fcmp": (2, "floating comparison"),
    "select": (3, "cond ? a : b (cond is I1)"),
    # conversions: one operand, result type is the target type
    "trunc": (1, ""), "zext": (1, ""), "sext": (1, ""),
    "fptosi": (1, ""), "fptoui": (1, ""), "sitofp": (1, ""), "uitofp": (1, ""),
    "fpext": (1, ""), "fptrunc": (1, ""),
    "bitcast": (1, "same size, reinterpret bits (int <-> float, ptr <-> int)"),
    # memory.  alloca: attributes size, alignment (and 'dynamic' with a size operand for VLAs
    # and __builtin_alloca; those stay where they are, fixed ones sit in the entry block).
    # ptr is an integer of the pointer width for add/sub/mul/sdiv and for zext/sext/trunc
    # (from/to other widths) and bitcast (same width): lowering does address arithmetic so.
    "alloca": (-1, "stack slot; result ptr"),
    "load": (1, "load result type from ptr; attributes volatile, alignment"),
    "store": (2, "store value (operand 0) to ptr (operand 1)"),
    "memcpy": (3, "dst, src, size (I64/ptr-width constant or value); attributes alignment"),
    "memset": (3, "dst, byte value, size"),
    # the stack pointer saved and restored around a block that declares VLAs (added;
    # also __builtin_stack_save/restore): dynamic allocas since the save are freed
    "stacksave": (0, "result ptr: the current stack pointer"),
    "stackrestore": (1, "reset the stack pointer to a stacksave result"),
    # calls.  operand 0 is the callee (GlobalAddress or a pointer value), then the
    # arguments.  attributes: 'fixed' (number of named arguments, for variadic
    # calls), 'variadic', 'aggregates' {operand index: Aggregate} for struct
    # arguments passed by value (the operand -- counted with the callee as 0 --
    # is the struct's address), 'return_aggregate' (Aggregate), 'noreturn',
    # 'returns_twice' (setjmp), 'pure'/'const' (the callee writes no memory; const: reads
    # none either -- gvn keeps memory facts across such calls).  With 'return_aggregate' the
    # result buffer is the last
    # operand and the call's ptr result is that buffer, filled; a function with
    # return_aggregate returns (ret) the address of the bytes to return.
    "call": (-1, "call"),
    # variable arguments: the va_list operand is the address of the va_list object
    "va_start": (1, "initialise the va_list at ptr"),
    "va_arg": (1, "next argument of the result type; with attributes['aggregate'] (a struct "
                  "argument) the result is ptr: the address of the argument's bytes"),
    "va_end": (1, ""), "va_copy": (2, "dst va_list ptr, src va_list ptr"),
    # inline asm: attributes template, outputs/inputs constraints, clobbers,
    # goto labels; operands are the inputs then the output addresses.  Also
    # 'output_types' (the IR type name stored through each output address) and
    # 'volatile'.  An input with a memory-only constraint ("m") is its address.
    "asm": (-1, "GNU inline asm"),
    "phi": (-1, "attributes['incoming']: list of Blocks matching operands"),
    "copy": (1, "the operand itself (regalloc and passes use it)"),
    # control flow (terminators)
    "br": (1, "if cond (I1) goto targets[0] else targets[1]"),
    "jmp": (0, "goto targets[0]"),
    "switch": (1, "attributes['cases']: list of ints matching targets[1:]; default targets[0]; "
                  "each case is the bit pattern of the operand's type (0 <= case < 2**bits)"),
    "indirectbr": (1, "goto *ptr; targets lists the possible blocks"),
    "ret": (-1, "return operand 0 if any"),
    "unreachable": (0, ""),
}

TERMINATORS = {"br", "jmp", "switch", "indirectbr", "ret", "unreachable"}
