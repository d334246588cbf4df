"""C types (C11 6.2.5): what each type is, its size and alignment on a target,
and the relations between types the standard defines -- compatibility and
composite types (6.2.7), the integer promotions and the usual arithmetic
conversions (6.3.1).

Types are immutable records, except a structure/union/enumeration's content
(:class:`RecordInfo`, :class:`EnumInfo`), which is filled in when its
definition is seen (a tag is incomplete until its closing brace, 6.7.2.3).
Sizes come from the target's :class:`~toolchain.common.target.DataModel`
through one :class:`TypeSystem` per translation unit; nothing here is global.

Structure layout follows the psABIs as GCC implements them
(``PCC_BITFIELD_TYPE_MATTERS``): a bit-field goes at the next free bit unless
it would then span more units of its type's alignment than the type itself
has, in which case it moves up to the next such unit; a named bit-field's
type alignment counts toward the structure's; ``:0`` moves to the next unit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from ..common.target import Target

# Qualifier bits (6.7.3).
CONST = 1
VOLATILE = 2
RESTRICT = 4
ATOMIC = 8


class IntegerKind(enum.Enum):
    """The standard and extended integer types, in rank order (6.3.1.1)."""

    BOOL = ("_Bool", 0)
    CHAR = ("char", 1)
    SCHAR = ("signed char", 1)
    UCHAR = ("unsigned char", 1)
    SHORT = ("short int", 2)
    USHORT = ("short unsigned int", 2)
    INT = ("int", 3)
    UINT = ("unsigned int", 3)
    LONG = ("long int", 4)
    ULONG = ("long unsigned int", 4)
    LLONG = ("long long int", 5)
    ULLONG = ("long long unsigned int", 5)
    INT128 = ("__int128", 6)
    UINT128 = ("__int128 unsigned", 6)

    def __init__(self, spelling: str, rank: int) -> None:
        self.spelling = spelling        # as gcc's messages spell the type
        self.rank = rank

    __hash__ = object.__hash__          # singletons: hashed by identity, in C (see TokenKind)


class FloatKind(enum.Enum):
    FLOAT = "float"
    DOUBLE = "double"
    LONG_DOUBLE = "long double"
    FLOAT128 = "_Float128"

    __hash__ = object.__hash__


@dataclass(frozen=True, eq=False)
class CType:
    """Base of all types; ``qualifiers`` is a set of the bits above."""

    qualifiers: int = 0

    # Each concrete type has ``size`` and ``align`` (fields or properties).
    size = 0
    align = 1

    # Classification helpers, overridden by the subclasses.
    def is_integer(self) -> bool: return False
    def is_floating(self) -> bool: return False
    def is_arithmetic(self) -> bool: return self.is_integer() or self.is_floating()
    def is_pointer(self) -> bool: return False
    def is_scalar(self) -> bool: return self.is_arithmetic() or self.is_pointer()
    def is_void(self) -> bool: return False
    def is_array(self) -> bool: return False
    def is_function(self) -> bool: return False
    def is_record(self) -> bool: return False
    def is_complete(self) -> bool: return True
    def is_object(self) -> bool: return not self.is_function()

    def qualified(self, qualifiers: int) -> CType:
        return self.with_qualifiers(self.qualifiers | qualifiers) if qualifiers else self

    def unqualified(self) -> CType:
        return self.with_qualifiers(0) if self.qualifiers else self

    def with_qualifiers(self, qualifiers: int) -> CType:
        """This type with exactly ``qualifiers``; each variant is made once and kept
        (types are immutable, and dataclasses.replace is slow)."""
        if qualifiers == self.qualifiers:
            return self
        variants = self.__dict__.get("_variants")
        if variants is None:
            variants = {}
            object.__setattr__(self, "_variants", variants)
        variant = variants.get(qualifiers)
        if variant is None:
            variant = variants[qualifiers] = replace(self, qualifiers=qualifiers)
        return variant

    def __str__(self) -> str:
        return type_name(self)


@dataclass(frozen=True, eq=False)
class VoidType(CType):
    size: int = 1                      # GNU: sizeof(void) is 1
    align: int = 1

    def is_void(self) -> bool: return True
    def is_complete(self) -> bool: return False


@dataclass(frozen=True, eq=False)
class IntegerType(CType):
    size: int = 4
    align: int = 4
    kind: IntegerKind = IntegerKind.INT
    signed: bool = True
    is_enum_underlying: bool = False

    def is_integer(self) -> bool: return True
    def is_arithmetic(self) -> bool: return True      # answered here: no calls to combine
    def is_scalar(self) -> bool: return True

    @property
    def rank(self) -> int:
        return self.kind.rank

    @property
    def bits(self) -> int:
        return self.size * 8 if self.kind is not IntegerKind.BOOL else 1

    @property
    def min_value(self) -> int:
        return -(1 << (self.size * 8 - 1)) if self.signed else 0

    @property
    def max_value(self) -> int:
        if self.kind is IntegerKind.BOOL:
            return 1
        return (1 << (self.size * 8 - 1)) - 1 if self.signed else (1 << (self.size * 8)) - 1


@dataclass(frozen=True, eq=False)
class FloatType(CType):
    size: int = 8
    align: int = 8
    kind: FloatKind = FloatKind.DOUBLE
    complex: bool = False

    def is_floating(self) -> bool: return True
    def is_arithmetic(self) -> bool: return True
    def is_scalar(self) -> bool: return True


@dataclass(frozen=True, eq=False)
class PointerType(CType):
    size: int = 8
    align: int = 8
    target: CType = field(default_factory=VoidType)
    decayed_from: object = None     # a parameter's variable length array type (its size
                                    # expression is evaluated on entry, 6.9.1p10)

    def is_pointer(self) -> bool: return True
    def is_scalar(self) -> bool: return True


@dataclass(frozen=True, eq=False)
class ArrayType(CType):
    """``element[length]``; length None = incomplete; ``vla`` = variable length."""

    element: CType = field(default_factory=VoidType)
    length: int | None = None
    vla: bool = False
    static_size: bool = False          # [static n] in a parameter
    length_expression: object = None   # a VLA's length (an ast.Expression), for code generation

    def is_array(self) -> bool: return True
    def is_complete(self) -> bool: return self.length is not None or self.vla

    @property
    def size(self) -> int:  # type: ignore[override]
        return self.element.size * (self.length or 0)

    @property
    def align(self) -> int:  # type: ignore[override]
        return self.element.align


@dataclass(frozen=True)
class Parameter:
    name: str | None
    type: CType


@dataclass(frozen=True, eq=False)
class FunctionType(CType):
    result: CType = field(default_factory=VoidType)
    parameters: tuple[Parameter, ...] = ()
    variadic: bool = False
    prototyped: bool = True            # False: ``int f()`` / K&R definition
    noreturn: bool = False

    def is_function(self) -> bool: return True
    def is_complete(self) -> bool: return False

    @property
    def size(self) -> int:  # type: ignore[override]
        return 1                         # GNU: sizeof of a function is 1


@dataclass
class Member:
    """One member of a structure or union, placed by :func:`layout_record`."""

    name: str | None
    type: CType
    bit_width: int | None = None        # None: not a bit-field
    offset: int = 0                     # bytes
    bit_offset: int = 0                 # bits within the storage unit at ``offset``
    aligned: int = 0                    # __attribute__((aligned)) / _Alignas
    packed: bool = False
    location: object = None


@dataclass(eq=False)
class RecordInfo:
    """A structure or union's content; identity is the type's identity."""

    tag: str | None
    is_union: bool
    members: list[Member] | None = None   # None until defined
    size: int = 0
    align: int = 1
    packed: bool = False
    aligned: int = 0
    transparent_union: bool = False
    has_flexible_array: bool = False

    # find_member's table, built on first use: (the members list it was built
    # from, its length, name -> (path, member)).
    _index: tuple | None = field(default=None, init=False, repr=False)

    def find_member(self, name: str) -> tuple[list[Member], Member] | None:
        """The member called ``name``, looking into anonymous members; the path leads to it.
        The first in declaration order wins.  The path list is shared: do not change it."""
        table = self.member_table()
        return table.get(name) if table is not None else None

    def member_table(self) -> dict[str, tuple[list[Member], Member]] | None:
        """Every name find_member finds, with its answer; None while incomplete."""
        members = self.members
        if members is None:
            return None
        index = self._index
        if index is None or index[0] is not members or index[1] != len(members):
            table: dict[str, tuple[list[Member], Member]] = {}
            for member in members:
                if member.name is not None:
                    table.setdefault(member.name, ([], member))
                elif member.type.is_record():
                    inner = member.type.record.member_table()  # type: ignore[attr-defined]
                    for name, (path, found) in (inner or {}).items():
                        table.setdefault(name, ([member, *path], found))
            index = self._index = (members, len(members), table)
        return index[2]


@dataclass(frozen=True, eq=False)
class RecordType(CType):
    record: RecordInfo = field(default_factory=lambda: RecordInfo(None, False))

    def is_record(self) -> bool: return True
    def is_complete(self) -> bool: return self.record.members is not None

    @property
    def size(self) -> int:  # type: ignore[override]
        return self.record.size

    @property
    def align(self) -> int:  # type: ignore[override]
        return self.record.align


@dataclass(eq=False)
class EnumInfo:
    tag: str | None
    complete: bool = False
    underlying: IntegerType | None = None


@dataclass(frozen=True, eq=False)
class EnumType(CType):
    """An enumerated type; arithmetic as its compatible integer type (6.7.2.2)."""

    info: EnumInfo = field(default_factory=lambda: EnumInfo(None))

    def is_integer(self) -> bool: return True
    def is_arithmetic(self) -> bool: return True
    def is_scalar(self) -> bool: return True
    def is_complete(self) -> bool: return self.info.complete

    @property
    def underlying(self) -> IntegerType:
        return self.info.underlying or IntegerType(size=4, align=4, kind=IntegerKind.UINT, signed=False)

    @property
    def size(self) -> int:  # type: ignore[override]
        return self.underlying.size

    @property
    def align(self) -> int:  # type: ignore[override]
        return self.underlying.align

    @property
    def signed(self) -> bool:
        return self.underlying.signed

    @property
    def kind(self) -> IntegerKind:
        return self.underlying.kind

    @property
    def rank(self) -> int:
        return self.underlying.rank


@dataclass(frozen=True, eq=False)
class BuiltinVaListType(CType):
    """``__builtin_va_list``: stands for the target's va_list (an array type on
    x86-64, a structure on AArch64, a pointer elsewhere)."""

    size: int = 8
    align: int = 8
    decays: bool = False               # behaves as an array (x86-64): decays to pointer


class TypeSystem:
    """The basic types of one target, built once per translation unit."""

    def __init__(self, target: Target):
        self.target = target
        dm = target.data_model
        self.data_model = dm
        self.void = VoidType()
        self._pointers: dict[CType, PointerType] = {}     # target -> unqualified pointer to it
        self._promoted: dict[CType, CType] = {}           # promote's answers
        self._usual: dict[tuple[CType, CType], CType] = {}   # usual_arithmetic_conversion's

        def integer(kind: IntegerKind, size: int, signed: bool, align: int | None = None) -> IntegerType:
            return IntegerType(size=size, align=align or size, kind=kind, signed=signed)

        self.bool_ = integer(IntegerKind.BOOL, 1, False)
        self.char = integer(IntegerKind.CHAR, 1, dm.char_is_signed)
        self.schar = integer(IntegerKind.SCHAR, 1, True)
        self.uchar = integer(IntegerKind.UCHAR, 1, False)
        self.short = integer(IntegerKind.SHORT, dm.short, True)
        self.ushort = integer(IntegerKind.USHORT, dm.short, False)
        self.int = integer(IntegerKind.INT, dm.int, True)
        self.uint = integer(IntegerKind.UINT, dm.int, False)
        self.long = integer(IntegerKind.LONG, dm.long, True)
        self.ulong = integer(IntegerKind.ULONG, dm.long, False)
        self.llong = integer(IntegerKind.LLONG, dm.long_long, True, dm.long_long_align)
        self.ullong = integer(IntegerKind.ULLONG, dm.long_long, False, dm.long_long_align)
        self.int128 = integer(IntegerKind.INT128, 16, True)
        self.uint128 = integer(IntegerKind.UINT128, 16, False)
        self.float = FloatType(size=dm.float, align=dm.float, kind=FloatKind.FLOAT)
        self.double = FloatType(size=dm.double, align=dm.double_align, kind=FloatKind.DOUBLE)
        self.long_double = FloatType(size=dm.long_double, align=dm.long_double_align,
                                     kind=FloatKind.LONG_DOUBLE)
        self.float128 = FloatType(size=16, align=16, kind=FloatKind.FLOAT128)
        self.size_t = self.ulong if dm.pointer == dm.long else self.uint
        self.ptrdiff_t = self.long if dm.pointer == dm.long else self.int
        self.wchar_t = self.int if target.isa == "x86" else self.uint
        self.char16_t = self.ushort
        self.char32_t = self.uint
        if target.isa == "x86" and dm.pointer == 8:
            self.va_list = BuiltinVaListType(size=24, align=8, decays=True)
        elif target.isa == "aarch64":
            self.va_list = BuiltinVaListType(size=32, align=8)
        else:
            self.va_list = BuiltinVaListType(size=dm.pointer, align=dm.pointer)

    # Derived types.
    def pointer(self, target: CType, qualifiers: int = 0) -> PointerType:
        """``target *``, qualified; made once per target (types are immutable and
        compared by identity first, so sharing them also makes checks cheaper)."""
        pointer = self._pointers.get(target)
        if pointer is None:
            size = self.data_model.pointer
            pointer = self._pointers[target] = PointerType(size=size, align=size, target=target)
        return pointer.with_qualifiers(qualifiers) if qualifiers else pointer

    def array(self, element: CType, length: int | None, vla: bool = False) -> ArrayType:
        return ArrayType(element=element, length=length, vla=vla)

    def complex(self, base: FloatType) -> FloatType:
        return FloatType(size=base.size * 2, align=base.align, kind=base.kind, complex=True)

    def integer_of_size(self, size: int, signed: bool) -> IntegerType:
        for t in (self.schar if signed else self.uchar, self.short if signed else self.ushort,
                  self.int if signed else self.uint, self.long if signed else self.ulong,
                  self.llong if signed else self.ullong, self.int128 if signed else self.uint128):
            if t.size == size:
                return t
        return self.int if signed else self.uint

    # 6.3.1.1 Integer promotions.
    def promote(self, t: CType) -> CType:
        """6.3.1.1p2, memoised per type (not for enumerations: an incomplete one's
        underlying type is not yet known)."""
        promoted = self._promoted.get(t)
        if promoted is None:
            promoted = self._promote(t)
            if type(t) is not EnumType:
                self._promoted[t] = promoted
        return promoted

    def _promote(self, t: CType) -> CType:
        if isinstance(t, EnumType):
            t = t.underlying
        if isinstance(t, IntegerType) and t.rank < self.int.rank:
            if t.max_value <= self.int.max_value:
                return self.int
            return self.uint
        return t.unqualified() if isinstance(t, (IntegerType, FloatType)) else t

    # 6.3.1.8 Usual arithmetic conversions.
    def usual_arithmetic_conversion(self, a: CType, b: CType) -> CType:
        """6.3.1.8's common type, memoised per pair (as promote, not for enumerations)."""
        common = self._usual.get((a, b))
        if common is None:
            common = self._usual_arithmetic_conversion(a, b)
            if type(a) is not EnumType and type(b) is not EnumType:
                self._usual[a, b] = common
        return common

    def _usual_arithmetic_conversion(self, a: CType, b: CType) -> CType:
        if a.is_floating() or b.is_floating():
            fa = a if isinstance(a, FloatType) else None
            fb = b if isinstance(b, FloatType) else None
            order = [FloatKind.FLOAT, FloatKind.DOUBLE, FloatKind.LONG_DOUBLE, FloatKind.FLOAT128]
            best = max((f for f in (fa, fb) if f is not None), key=lambda f: order.index(f.kind))
            is_complex = bool((fa and fa.complex) or (fb and fb.complex))
            base = {FloatKind.FLOAT: self.float, FloatKind.DOUBLE: self.double,
                    FloatKind.LONG_DOUBLE: self.long_double, FloatKind.FLOAT128: self.float128}[best.kind]
            return self.complex(base) if is_complex else base
        pa, pb = self.promote(a), self.promote(b)
        assert isinstance(pa, IntegerType) and isinstance(pb, IntegerType), (a, b)
        if pa.kind is pb.kind:
            return pa
        if pa.signed == pb.signed:
            return pa if pa.rank > pb.rank else pb
        unsigned, signed = (pa, pb) if not pa.signed else (pb, pa)
        if unsigned.rank >= signed.rank:
            return unsigned
        if signed.size > unsigned.size:
            return signed
        return self.corresponding_unsigned(signed)

    def corresponding_unsigned(self, t: IntegerType) -> IntegerType:
        return {IntegerKind.INT: self.uint, IntegerKind.LONG: self.ulong, IntegerKind.LLONG: self.ullong,
                IntegerKind.INT128: self.uint128, IntegerKind.SHORT: self.ushort,
                IntegerKind.SCHAR: self.uchar, IntegerKind.CHAR: self.uchar}.get(t.kind, t)


# ---------------------------------------------------------------------------
# Layout of structures and unions.

def _align_up(value: int, align: int) -> int:
    return (value + align - 1) // align * align if align > 1 else value


def layout_record(record: RecordInfo, members: list[Member], pack: int = 0) -> None:
    """Place ``members`` (offsets, bit offsets) and set the record's size and alignment.

    ``pack`` is the ``#pragma pack`` in effect (0: none).  As in GCC's
    stor-layout.c it caps every member's alignment (``aligned`` attributes
    included), and bit-fields then go at the next free bit with no
    storage-unit rule, a named one still raising the structure's alignment
    to its type's (capped) alignment even when packed; a zero-width
    bit-field keeps its type's full alignment whatever the packing.
    """
    bitpos = 0                 # next free bit
    size_bits = 0
    align = 1
    for index, m in enumerate(members):
        t = m.type
        natural_align = max(t.align, 1)
        type_align = min(natural_align, pack) if pack else natural_align
        packed = m.packed or record.packed
        aligned = min(m.aligned, pack) if pack and m.aligned else m.aligned
        if m.bit_width is not None:
            width = m.bit_width
            if record.is_union:
                start = 0
            elif width == 0:
                start = _align_up(bitpos, natural_align * 8)
            elif packed or pack:
                start = bitpos
            else:
                start = bitpos
                unit = type_align * 8
                if ((start % unit) + width + unit - 1) // unit > (t.size * 8) // unit:
                    start = _align_up(start, unit)
            if aligned:
                start = _align_up(start, aligned * 8)
                align = max(align, aligned)
            if m.name is not None and width:
                align = max(align, 1 if packed and not pack else type_align)
            if packed or pack:
                m.offset = start // 8
            else:
                m.offset = (start // (type_align * 8)) * type_align
            m.bit_offset = start - m.offset * 8
            end = start + width
            size_bits = max(size_bits, end)
            if not record.is_union:
                bitpos = end
            continue
        member_align = 1 if packed else type_align
        if aligned:
            member_align = max(member_align, aligned)
        start = 0 if record.is_union else _align_up((bitpos + 7) // 8, member_align) * 8
        m.offset = start // 8
        m.bit_offset = 0
        align = max(align, member_align)
        end = start + t.size * 8
        size_bits = max(size_bits, end)
        if not record.is_union:
            bitpos = end
        if isinstance(t, ArrayType) and t.length is None and index == len(members) - 1:
            record.has_flexible_array = True
        if isinstance(t, RecordType) and t.record.has_flexible_array:
            record.has_flexible_array = True
    if record.aligned:
        align = max(align, record.aligned)
    record.align = align
    record.size = _align_up((size_bits + 7) // 8, align)
    record.members = members


# ---------------------------------------------------------------------------
# 6.2.7 Compatible type and composite type.

def strip_enum(t: CType) -> CType:
    if isinstance(t, EnumType):
        return t.underlying.with_qualifiers(t.qualifiers)
    return t


def compatible(a: CType, b: CType, ignore_qualifiers: bool = False) -> bool:
    """Whether ``a`` and ``b`` are compatible types (6.2.7); ``ignore_qualifiers``
    compares the unqualified versions at the top level only."""
    if a is b:
        return True
    if not ignore_qualifiers and a.qualifiers != b.qualifiers:
        return False
    kind = type(a)
    if kind is not type(b):
        if kind is EnumType or type(b) is EnumType:
            return compatible(strip_enum(a), strip_enum(b), True)
        return False
    if kind is IntegerType:
        return a.kind is b.kind  # type: ignore[attr-defined]
    if kind is PointerType:
        return compatible(a.target, b.target)  # type: ignore[attr-defined]
    if kind is RecordType:
        return a.record is b.record  # type: ignore[attr-defined]
    if kind is EnumType:
        return a.info is b.info  # type: ignore[attr-defined]
    if kind is FloatType:
        return a.kind is b.kind and a.complex == b.complex  # type: ignore[attr-defined]
    if kind is VoidType or kind is BuiltinVaListType:
        return True
    if kind is ArrayType:
        if not compatible(a.element, b.element):  # type: ignore[attr-defined]
            return False
        return a.length is None or b.length is None or a.vla or b.vla or a.length == b.length  # type: ignore[attr-defined]
    if isinstance(a, FunctionType):
        assert isinstance(b, FunctionType)
        if not compatible(a.result, b.result):
            return False
        if a.prototyped and b.prototyped:
            if len(a.parameters) != len(b.parameters) or a.variadic != b.variadic:
                return False
            return all(compatible(adjust_parameter(p.type).unqualified(),
                                  adjust_parameter(q.type).unqualified())
                       for p, q in zip(a.parameters, b.parameters))
        if a.prototyped or b.prototyped:
            proto = a if a.prototyped else b
            if proto.variadic:
                return False
            # 6.7.6.3p15: each parameter must be compatible with its promoted type.
            for p in proto.parameters:
                t = p.type
                if isinstance(t, IntegerType) and t.rank < IntegerKind.INT.rank:
                    return False
                if isinstance(t, FloatType) and t.kind is FloatKind.FLOAT and not t.complex:
                    return False
            return True
        return True
    return False


def adjust_parameter(t: CType, types: TypeSystem | None = None) -> CType:
    """6.7.6.3p7-8: array and function parameters become pointers."""
    if isinstance(t, ArrayType):
        size = t.element.size if False else 0
        del size
        ptr_size = 8 if types is None else types.data_model.pointer
        return PointerType(qualifiers=t.qualifiers, size=ptr_size, align=ptr_size, target=t.element,
                           decayed_from=t if t.vla else None)
    if isinstance(t, FunctionType):
        ptr_size = 8 if types is None else types.data_model.pointer
        return PointerType(size=ptr_size, align=ptr_size, target=t)
    return t


def composite(a: CType, b: CType) -> CType:
    """The composite type of two compatible types (6.2.7p3).  ``a`` itself when
    ``b`` adds nothing to it (the common case: a definition after its
    prototype), so shared types stay shared."""
    if isinstance(a, ArrayType) and isinstance(b, ArrayType):
        element = composite(a.element, b.element)
        if a.length is not None and not a.vla:
            return a if element is a.element else replace(a, element=element)
        if b.length is not None and not b.vla:
            return replace(b, element=element)
        return a if element is a.element else replace(a, element=element)
    if isinstance(a, FunctionType) and isinstance(b, FunctionType):
        result = composite(a.result, b.result)
        noreturn = a.noreturn or b.noreturn
        if not a.prototyped and b.prototyped:
            return replace(b, result=result, noreturn=noreturn)
        if a.prototyped and b.prototyped and len(a.parameters) == len(b.parameters):
            params = _composite_parameters(a.parameters, b.parameters)
            if params is a.parameters and result is a.result and noreturn == a.noreturn:
                return a
            return replace(a, result=result, parameters=params, noreturn=noreturn)
        return a if noreturn == a.noreturn else replace(a, noreturn=noreturn)
    if isinstance(a, PointerType) and isinstance(b, PointerType):
        target = composite(a.target, b.target)
        return a if target is a.target else replace(a, target=target)
    return a


def _composite_parameters(a: tuple[Parameter, ...], b: tuple[Parameter, ...]
                          ) -> tuple[Parameter, ...]:
    """Pairwise composite parameters (a name from either); ``a`` when unchanged."""
    params = []
    changed = False
    for p, q in zip(a, b):
        t = composite(p.type, q.type)
        name = p.name or q.name
        if t is p.type and name == p.name:
            params.append(p)
        else:
            params.append(Parameter(name, t))
            changed = True
    return tuple(params) if changed else a


# ---------------------------------------------------------------------------
# Spelling types as gcc does in its messages: 'long unsigned int', 'char *',
# 'int (*)(int)', 'struct s'.

def _qualifier_words(q: int) -> list[str]:
    words = []
    if q & CONST:
        words.append("const")
    if q & VOLATILE:
        words.append("volatile")
    if q & RESTRICT:
        words.append("restrict")
    if q & ATOMIC:
        words.append("_Atomic")
    return words


def _base_name(t: CType) -> str:
    if isinstance(t, VoidType):
        return "void"
    if isinstance(t, EnumType):
        return f"enum {t.info.tag}" if t.info.tag else "enum <anonymous>"
    if isinstance(t, IntegerType):
        return t.kind.spelling
    if isinstance(t, FloatType):
        return ("complex " if t.complex else "") + t.kind.value
    if isinstance(t, RecordType):
        word = "union" if t.record.is_union else "struct"
        return f"{word} {t.record.tag}" if t.record.tag else f"{word} <anonymous>"
    if isinstance(t, BuiltinVaListType):
        return "__builtin_va_list"
    return "?"


def type_name(t: CType) -> str:
    """gcc's spelling of a type in diagnostics."""
    inner = ""
    top_level_function = isinstance(t, FunctionType)
    while True:
        if isinstance(t, PointerType):
            quals = " ".join(_qualifier_words(t.qualifiers))
            inner = "*" + (" " + quals if quals else "") + (" " + inner if inner and quals else inner)
            t = t.target
            continue
        if isinstance(t, ArrayType):
            if inner:
                inner = f"({inner})"
            dim = "" if t.length is None else ("*" if t.vla else str(t.length))
            inner = f"{inner}[{dim}]"
            t = t.element
            continue
        if isinstance(t, FunctionType):
            if inner:
                inner = f"({inner})"
            if t.prototyped:
                params = ", ".join(type_name(p.type) for p in t.parameters)
                if t.variadic:
                    params += ", ..."
                if not t.parameters and not t.variadic:
                    params = "void"
            else:
                params = ""
            inner = f"{inner}({params})"
            t = t.result
            continue
        break
    base = " ".join(_qualifier_words(t.qualifiers) + [_base_name(t)])
    if not inner:
        return base
    if top_level_function:
        return f"{base}{inner}"
    return f"{base} {inner}"
