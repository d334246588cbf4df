"""-Wformat: checking printf-family calls against their format string, as gcc does.

A call to a printf-like function (the standard ones gcc knows, or one
declared with ``__attribute__((format(printf, m, n)))``) whose format is a
string literal has each conversion matched with its argument: the argument
count, and the argument's type after the default argument promotions.
Signedness differences are not reported (that is -Wformat-signedness).
"""

from __future__ import annotations

import re

from ..common.diagnostics import SourceLocation
from . import ast
from .ctypes import EnumType, FloatType, IntegerType, PointerType, type_name
from .sema_const import evaluate

# function -> (1-based index of the format, index of the first variadic argument)
PRINTF_FUNCTIONS = {"printf": (1, 2), "fprintf": (2, 3), "sprintf": (2, 3), "snprintf": (3, 4),
                    "dprintf": (2, 3), "__builtin_printf": (1, 2), "__builtin_fprintf": (2, 3),
                    "__builtin_sprintf": (2, 3), "__builtin_snprintf": (3, 4)}

_DIRECTIVE = re.compile(r"%(?:(\d+)\$)?([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|L|q|j|z|Z|t)?"
                        r"([diouxXeEfFgGaAcspnm%])")

# length modifier -> (expected signed/unsigned integer kind names, the name gcc prints)
_INT_EXPECTED = {
    None: ("INT", "int", "unsigned int"), "hh": ("INT", "int", "unsigned int"),
    "h": ("INT", "int", "unsigned int"), "l": ("LONG", "long int", "long unsigned int"),
    "ll": ("LLONG", "long long int", "long long unsigned int"),
    "q": ("LLONG", "long long int", "long long unsigned int"),
    "L": ("LLONG", "long long int", "long long unsigned int"),
    "j": ("LONG", "intmax_t", "uintmax_t"), "z": ("SIZE", "signed size_t", "size_t"),
    "Z": ("SIZE", "signed size_t", "size_t"), "t": ("PTRDIFF", "ptrdiff_t", "unsigned ptrdiff_t"),
}


class FormatChecker:
    """-Wformat (mixin of Parser)."""

    def check_format_call(self, symbol: ast.Symbol, name: str, converted: list, arguments: list, token) -> None:
        if not self.warning_enabled("-Wformat="):
            return
        spec = None
        fmt = symbol.attributes.get("format")
        if isinstance(fmt, list) and len(fmt) == 3 and fmt[0] in ("printf", "__printf__"):
            m, n = evaluate(fmt[1], self.types), evaluate(fmt[2], self.types)
            if isinstance(m, int) and isinstance(n, int):
                spec = (m, n)
        elif symbol.linkage == "external" and name in PRINTF_FUNCTIONS:
            spec = PRINTF_FUNCTIONS[name]
        if spec is None or len(arguments) < spec[0]:
            return
        literal = arguments[spec[0] - 1]
        while isinstance(literal, ast.Cast):
            literal = literal.operand
        if not isinstance(literal, ast.StringLiteral) or literal.prefix:
            return
        text = bytes(u & 0xFF for u in literal.units).decode("latin-1")
        raw = self.tokens_text_at(literal.location)
        first_variadic = spec[1]
        values = converted[first_variadic - 1:] if spec[1] else []
        used = 0
        for match in _DIRECTIVE.finditer(text):
            conversion = match.group(6)
            if conversion == "%" or conversion == "m":
                continue
            for star in (match.group(3), match.group(4)):
                if star == "*":
                    used += 1
            length = match.group(5)
            shown = f"%{length or ''}{conversion}"
            where = self.format_location(literal, raw, match.start(), match.end() - 1)
            expected, printed = self.expected_type(conversion, length)
            if expected is None:
                continue
            if used >= len(values):
                self.warning(f"format '{shown}' expects a matching '{printed}' argument", where, "-Wformat=")
                return
            argument = values[used]
            used += 1
            actual = argument.type
            if actual is not None and not self.format_matches(expected, length, actual):
                self.warning(f"format '{shown}' expects argument of type '{printed}', but argument "
                             f"{first_variadic + used - 1} has type '{type_name(actual)}'", where, "-Wformat=")
        if used < len(values) and spec[1]:
            self.warning("too many arguments for format", literal, "-Wformat-extra-args")

    def tokens_text_at(self, location) -> str | None:
        for token in self.tokens[max(0, self.pos - 200):self.pos]:
            if token.location == location:
                return token.text
        return None

    @staticmethod
    def format_location(literal, raw: str | None, start: int, end: int):
        """The column of the format directive's last character, when the literal's
        source text maps one-to-one (no escapes before it)."""
        location = literal.location
        if raw is None:
            return location
        body = raw[raw.index('"') + 1:] if '"' in raw else raw
        column = location.column + (raw.index('"') + 1 if '"' in raw else 0)
        position = 0
        offset = 0
        while position < end and offset < len(body):
            if body[offset] == "\\":
                offset += 1
                if offset < len(body) and body[offset] in "01234567":
                    while offset < len(body) and body[offset] in "01234567":
                        offset += 1
                    offset -= 1
                elif offset < len(body) and body[offset] == "x":
                    offset += 1
                    while offset < len(body) and body[offset] in "0123456789abcdefABCDEF":
                        offset += 1
                    offset -= 1
            offset += 1
            position += 1
        return SourceLocation(location.file, location.line, column + offset)

    def expected_type(self, conversion: str, length: str | None):
        if conversion in "di":
            kinds = _INT_EXPECTED.get(length, _INT_EXPECTED[None])
            return ("int", kinds[0]), kinds[1]
        if conversion in "ouxX":
            kinds = _INT_EXPECTED.get(length, _INT_EXPECTED[None])
            return ("int", kinds[0]), kinds[2]
        if conversion == "c":
            return ("int", "INT"), "int" if length != "l" else "wint_t"
        if conversion in "eEfFgGaA":
            return ("float", "LONG_DOUBLE" if length == "L" else "DOUBLE"), \
                "long double" if length == "L" else "double"
        if conversion == "s":
            return ("string", length), "char *" if length != "l" else "wchar_t *"
        if conversion == "p":
            return ("pointer", None), "void *"
        if conversion == "n":
            return ("intptr", None), "int *"
        return None, None

    def format_matches(self, expected, length, actual) -> bool:
        kind, detail = expected
        if isinstance(actual, EnumType):
            actual = actual.underlying
        if kind == "int":
            if not isinstance(actual, IntegerType):
                return False
            promoted = self.types.promote(actual)
            name = promoted.kind.name.lstrip("U")
            if detail == "SIZE":
                return promoted.size == self.types.size_t.size and name == self.types.size_t.kind.name.lstrip("U")
            if detail == "PTRDIFF":
                return name == self.types.ptrdiff_t.kind.name
            if detail == "INT" and length in ("hh", "h"):
                return name == "INT"
            return name == detail
        if kind == "float":
            return isinstance(actual, FloatType) and not actual.complex and (
                actual.kind.name == detail or (detail == "DOUBLE" and actual.kind.name == "FLOAT"))
        if kind == "string":
            return isinstance(actual, PointerType) and isinstance(actual.target, IntegerType) and (
                actual.target.size == 1 if detail != "l" else actual.target.size == self.types.wchar_t.size)
        if kind == "pointer":
            return isinstance(actual, PointerType)
        if kind == "intptr":
            return isinstance(actual, PointerType)
        return True
