"""GNU as macros, repetitions and ``.include`` (conditionals: conditionals.py).

These directives change what text the parser reads rather than what goes into
the object: ``.macro``/``.rept``/``.irp``/``.irpc`` collect a body up to their
``.endm``/``.endr`` (counting nested openers, as GNU as's buffer_and_nest
does), then push an expansion onto the parser's input stack; ``.if`` and its
relatives push a frame on the conditional stack and, while a branch is false,
the parser only looks at conditional directives; ``.include`` pushes a file.

Macro arguments follow GNU as (macro.c): positional or ``name=value``,
separated by commas or blanks, a quoted argument loses its quotes, brackets
keep blanks inside one argument; a ``:vararg`` parameter takes the rest of the
line.  In a body ``\\name`` is the argument, ``\\@`` the count of macro
expansions so far, ``\\()`` nothing (a separator), ``\\(text)`` the text.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from ..common.diagnostics import SourceLocation, ToolchainError
from .directives import ArgReader, string_text
from .conditionals import _SPACE, _skip
from .exprparse import SYMBOL_CHARS, SYMBOL_START

if TYPE_CHECKING:
    from .parser import Parser

Statement = tuple[str, SourceLocation]

# \@, \(text), \name -- the name as GNU as's get_token reads it.
_SUBSTITUTION = re.compile(r"\\(?:(@)|\(([^)]*)\)|([A-Za-z_.$][A-Za-z0-9_.$]*))")


@dataclass
class Parameter:
    name: str
    default: str = ""
    required: bool = False
    vararg: bool = False


@dataclass
class Macro:
    name: str
    parameters: list[Parameter]
    body: list[Statement]
    location: SourceLocation


@dataclass
class BodyCollector:
    """Collects a ``.macro`` or ``.rept`` body up to its matching end."""

    kind: str                                   # "macro", "rept", "irp", "irpc"
    location: SourceLocation
    openers: frozenset[str]
    closer: str
    finish: Callable[["Parser", list[Statement]], None]
    body: list[Statement] = field(default_factory=list)
    depth: int = 1

    def feed(self, p: "Parser", text: str, loc: SourceLocation) -> None:
        name = _first_directive(text)
        if name is not None:
            if name in self.openers:
                self.depth += 1
            elif name == self.closer:
                self.depth -= 1
                if self.depth == 0:
                    p.collector = None
                    self.finish(p, self.body)
                    return
        self.body.append((text, loc))


def _first_directive(text: str) -> str | None:
    """Name of the directive a statement starts with (after any labels), or None."""
    n = len(text)
    pos = 0
    while pos < n:
        if text[pos] == ".":
            end = pos + 1
            while end < n and text[end] in SYMBOL_CHARS:
                end += 1
            if end < n and text[end] == ":":
                pos = _skip(text, end + 1)
                continue
            return text[pos + 1:end].lower()
        if text[pos] in SYMBOL_START or text[pos].isdigit():
            end = pos + 1
            while end < n and text[end] in SYMBOL_CHARS:
                end += 1
            if end < n and text[end] == ":":
                pos = _skip(text, end + 1)
                continue
        return None
    return None


# --------------------------------------------------------------------------
# .macro name [param[=default|:req|:vararg]]... / .endm

def macro(p: "Parser", text: str, loc: SourceLocation) -> None:
    try:
        name, parameters = macro_definition(p, text, loc)
    except ToolchainError as exc:    # the body is still read up to its .endm
        p.report(exc, loc)
        p.collector = BodyCollector("macro", loc, frozenset({"macro"}), "endm",
                                    lambda parser, body: None)
        return
    key = name.lower()

    def finish(parser: "Parser", body: list[Statement]) -> None:
        parser.macros[key] = Macro(name, parameters, body, loc)

    p.collector = BodyCollector("macro", loc, frozenset({"macro"}), "endm", finish)


def macro_definition(p: "Parser", text: str, loc: SourceLocation) -> tuple[str, list[Parameter]]:
    """The name and parameters of a ``.macro`` line."""
    n = len(text)
    pos = 0
    end = pos
    while end < n and (text[end] in SYMBOL_CHARS):
        end += 1
    name = text[pos:end]
    if not name:
        raise ToolchainError("missing macro name", loc)
    pos = _skip(text, end)
    if pos < n and text[pos] == ",":
        pos = _skip(text, pos + 1)
    parameters: list[Parameter] = []
    while pos < n:
        end = pos
        while end < n and text[end] in SYMBOL_CHARS:
            end += 1
        if end == pos:
            raise ToolchainError(f"bad parameter list for macro '{name}'", loc)
        param = Parameter(text[pos:end])
        pos = _skip(text, end)
        if pos < n and text[pos] == ":":
            end = pos + 1
            while end < n and text[end] in SYMBOL_CHARS:
                end += 1
            qualifier = text[pos + 1:end]
            if qualifier == "req":
                param.required = True
            elif qualifier == "vararg":
                param.vararg = True
            else:
                raise ToolchainError(
                    f"'{qualifier}' is not a valid parameter qualifier for '{param.name}'", loc)
            pos = _skip(text, end)
        if pos < n and text[pos] == "=":
            default, pos = get_any_string(text, _skip(text, pos + 1), alt_evaluator(p, loc))
            param.default = default
            pos = _skip(text, pos)
        if any(q.name == param.name for q in parameters):
            raise ToolchainError(
                f"A parameter named '{param.name}' already exists for macro '{name}'", loc)
        if parameters and parameters[-1].vararg:
            raise ToolchainError(f"vararg parameter must be the last one of macro '{name}'", loc)
        parameters.append(param)
        if pos < n and text[pos] == ",":
            pos = _skip(text, pos + 1)
    key = name.lower()
    if key in p.macros:
        raise ToolchainError(f"macro '{name}' was already defined", loc)
    if key[0] == "." and key[1:] in p.directives:
        raise ToolchainError(f"cannot define macro '{name}': it names a directive", loc)
    return name, parameters


def endm(p: "Parser", text: str, loc: SourceLocation) -> None:
    p.warning(".endm encountered without preceding .macro", loc)


def exitm(p: "Parser", text: str, loc: SourceLocation) -> None:
    inputs = p.inputs
    if not any(s.kind == "macro" for s in inputs):
        p.warning("ignoring macro exit outside a macro definition.", loc)
        return
    while inputs:
        source = inputs.pop()
        if source.kind == "macro":
            del p.conds[source.cond_depth:]
            p.ignoring = p.conds[-1].ignoring if p.conds else False
            return


def purgem(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    while not args.at_end():
        name = args.symbol_name()
        if p.macros.pop(name.lower(), None) is None:
            p.warning(f"Attempt to purge non-existing macro '{name}'", loc)
        if not args.comma():
            break
    args.expect_end()


def _alt_getstring(text: str, pos: int) -> tuple[str, int]:
    """GNU as's getstring under .altmacro: <...> (nesting, ! escapes the next
    character) or a quoted string ("" for a quote, ! escapes)."""
    n = len(text)
    out: list[str] = []
    if text[pos] == "<":
        nest = 0
        i = pos + 1
        while i < n and (text[i] != ">" or nest):
            if text[i] == "!":
                i += 1
                out.append(text[i:i + 1])
                i += 1
                continue
            if text[i] == ">":
                nest -= 1
            elif text[i] == "<":
                nest += 1
            out.append(text[i])
            i += 1
        return "".join(out), i + 1
    quote = text[pos]
    i = pos + 1
    escaped = False
    while i < n:
        escaped = not escaped if text[i - 1] == "\\" else False
        if text[i] == "!":
            out.append(text[i + 1:i + 2])
            i += 2
        elif escaped and text[i] == quote:
            out.append(quote)
            i += 1
        else:
            if text[i] == quote:
                i += 1
                if i >= n or text[i] != quote:
                    break
            out.append(text[i])
            i += 1
    return "".join(out), i


AltEval = Callable[[str, int], tuple[str, int]]


def get_any_string(text: str, pos: int, alt: AltEval | None = None) -> tuple[str, int]:
    """One macro argument as GNU as's get_any_string reads it.  ``alt`` (under
    .altmacro) evaluates the %expression at a position to its decimal text."""
    n = len(text)
    pos = _skip(text, pos)
    if pos >= n:
        return "", pos
    if alt is not None:
        c = text[pos]
        if c == "%":
            return alt(text, pos + 1)
        if c == "<":
            return _alt_getstring(text, pos)
        if c in "\"'":
            value, end = _alt_getstring(text, pos)
            return '"' + value + '"', end
    if text[pos] == '"':
        # A quoted argument: the quotes go, "" inside stands for one quote.
        out = []
        i = pos + 1
        while i < n:
            c = text[i]
            if c == "\\" and i + 1 < n:
                out.append(text[i:i + 2])
                i += 2
                continue
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    out.append('"')
                    i += 2
                    continue
                i += 1
                break
            out.append(c)
            i += 1
        return "".join(out), i
    depth = 0
    i = pos
    while i < n:
        c = text[i]
        if c == "," or (depth == 0 and c in _SPACE) or (c == "<" and alt is not None):
            break
        if c in "\"'":
            close = text.find(c, i + 1)
            i = n if close < 0 else close + 1
            continue
        if c in "([":
            depth += 1
        elif c in ")]" and depth:
            depth -= 1
        i += 1
    return text[pos:i], i


def _skip_comma(text: str, pos: int) -> int:
    pos = _skip(text, pos)
    if pos < len(text) and text[pos] == ",":
        pos = _skip(text, pos + 1)
    return pos


_SEPARATORS = frozenset(" \t,\"();<>")


_BLANKS = re.compile(r'("(?:[^"\\]|\\.)*"?)|\s*,\s*|\s+')


def scrub_blanks(text: str) -> str:
    """Blanks as GNU as's input scrubber leaves them: runs become one space and
    none stay around commas; strings are kept as written."""
    def replace(match: re.Match) -> str:
        if match.group(1) is not None:
            return match.group(1)
        return "," if "," in match.group(0) else " "
    return _BLANKS.sub(replace, text)


def macro_arguments(m: Macro, text: str, loc: SourceLocation,
                    alt: AltEval | None = None) -> dict[str, str]:
    """Bind the actual arguments of one invocation to the macro's parameters."""
    text = scrub_blanks(text) if "  " in text or "\t" in text or " ," in text \
        or ", " in text else text
    values: dict[str, str] = {}
    params = m.parameters
    by_name = {q.name: q for q in params}
    index = 0
    keyword_seen = False
    n = len(text)
    pos = _skip(text, 0)
    while pos < n:
        scan = pos
        while scan < n and text[scan] not in _SEPARATORS and text[scan] != "=":
            scan += 1
        if scan < n and text[scan] == "=" and scan > pos:
            keyword_seen = True
            formal = text[pos:scan]
            value, pos = get_any_string(text, scan + 1, alt)
            param = by_name.get(formal)
            if param is None:
                raise ToolchainError(
                    f"Parameter named '{formal}' does not exist for macro '{m.name}'", loc)
            values[formal] = value
        else:
            if keyword_seen:
                raise ToolchainError("can't mix positional and keyword arguments", loc)
            if index >= len(params):
                raise ToolchainError(f"too many positional arguments for macro '{m.name}'", loc)
            param = params[index]
            index += 1
            if param.vararg:
                values[param.name] = text[pos:].rstrip(_SPACE)
                pos = n
            else:
                value, pos = get_any_string(text, pos, alt)
                values[param.name] = value
        pos = _skip_comma(text, pos)
    result = {}
    for param in params:
        value = values.get(param.name, "")
        if not value:
            if param.required:
                raise ToolchainError(
                    f"Missing value for required parameter '{param.name}' of macro '{m.name}'",
                    loc)
            value = param.default
        result[param.name] = value
    return result


def substitute(text: str, values: dict[str, str], counter: int | None) -> str:
    """Replace \\name, \\@ and \\(...) in one body statement."""
    if "\\" not in text:
        return text

    def replace(match: re.Match) -> str:
        if match.group(1) is not None:
            return str(counter) if counter is not None else match.group(0)
        if match.group(2) is not None:
            return match.group(2)
        value = values.get(match.group(3))
        return match.group(0) if value is None else value

    return _SUBSTITUTION.sub(replace, text)


def alt_evaluator(p: "Parser", loc: SourceLocation) -> AltEval | None:
    """Under .altmacro, what reads a %expression argument (its decimal value)."""
    if not getattr(p, "altmacro", False):
        return None

    def evaluate(text: str, pos: int) -> tuple[str, int]:
        args = ArgReader(p, text[pos:], loc)
        e = args.expression()
        value = p.absolute_if_constant(e)
        if value is None:
            raise ToolchainError("% operator needs absolute expression", args.loc)
        return str(value), pos + args.pos
    return evaluate


def _get_token(text: str, pos: int) -> tuple[str, int]:
    """GNU as's get_token under .altmacro: a name, and a trailing & dropped."""
    end = pos
    if end < len(text) and text[end] in SYMBOL_START:
        end += 1
        while end < len(text) and text[end] in SYMBOL_CHARS:
            end += 1
    token = text[pos:end]
    if end < len(text) and text[end] == "&":
        end += 1
    return token, end


def substitute_alt(p: "Parser", text: str, values: dict[str, str], counter: int | None,
                   locals_ok: bool) -> str:
    """GNU as's macro_expand_body under .altmacro: parameters are named without
    a backslash, &name& pastes, LOCAL names get .LL0001-style names."""
    out: list[str] = []
    n = len(text)
    i = 0
    inquote = False
    while i < n:
        c = text[i]
        if c == "&":
            token, end = _get_token(text, i + 1)
            if token in values:
                out.append(values[token])
            else:
                out.append("&" + token + ("&" if end > i + 1 and text[end - 1] == "&" else ""))
            i = end
        elif c == "\\":
            m = _SUBSTITUTION.match(text, i)
            if m is None:
                out.append(c)
                i += 1
                continue
            if m.group(1) is not None:
                out.append(str(counter) if counter is not None else m.group(0))
            elif m.group(2) is not None:
                out.append(m.group(2))
            else:
                value = values.get(m.group(3))
                out.append(m.group(0) if value is None else value)
            i = m.end()
        elif c in SYMBOL_START and not c.isdigit():
            if locals_ok and not inquote and i + 5 < n and text[i:i + 5].upper() == "LOCAL" \
                    and text[i + 5] in " \t":
                pos = _skip(text, i + 5)
                while pos < n:
                    token, pos = _get_token(text, pos)
                    if not token:
                        break
                    p.altmacro_locals = getattr(p, "altmacro_locals", 0) + 1
                    values[token] = f".LL{p.altmacro_locals:04x}"
                    pos = _skip_comma(text, pos)
                i = n
                continue
            token, end = _get_token(text, i)
            out.append(values.get(token, token))
            i = end
        else:
            if c == '"':
                inquote = not inquote
            out.append(c)
            i += 1
    return "".join(out)


def altmacro(p: "Parser", text: str, loc: SourceLocation) -> None:
    p.altmacro = True


def noaltmacro(p: "Parser", text: str, loc: SourceLocation) -> None:
    p.altmacro = False


def expand_macro(p: "Parser", m: Macro, text: str, loc: SourceLocation) -> None:
    from .parser import ExpansionSource
    alt = alt_evaluator(p, loc)
    values = macro_arguments(m, text, loc, alt)
    counter = p.macro_counter
    p.macro_counter += 1
    if alt is not None:
        values = dict(values)
        body = [(substitute_alt(p, t, values, counter, True), l) for t, l in m.body]
        p.push_source(ExpansionSource("macro", body, len(p.conds), loc, m.name))
        return
    body = [(substitute(t, values, counter), l) for t, l in m.body]
    p.push_source(ExpansionSource("macro", body, len(p.conds), loc, m.name))


# --------------------------------------------------------------------------
# .rept count / .irp param, values... / .irpc param, chars / .endr

_REPEAT_OPENERS = frozenset({"rept", "irp", "irpc"})


def rept(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    try:
        count = args.absolute()
        args.expect_end()
    except ToolchainError as exc:   # the body is still collected, as GNU as does
        p.report(exc, loc)
        count = 0
    if count < 0:
        p.diagnostics.error("negative count for REPT - ignored", loc)
        count = 0

    def finish(parser: "Parser", body: list[Statement]) -> None:
        from .parser import ExpansionSource

        def statements() -> Iterator[Statement]:
            for _ in range(count):
                yield from body
        parser.push_source(ExpansionSource("rept", statements(), len(parser.conds), loc))

    p.collector = BodyCollector("rept", loc, _REPEAT_OPENERS, "endr", finish)


def _irp_common(p: "Parser", text: str, loc: SourceLocation, by_char: bool) -> None:
    n = len(text)
    end = 0
    while end < n and text[end] in SYMBOL_CHARS:
        end += 1
    name = text[:end]
    kind = "irpc" if by_char else "irp"
    if not name:
        p.diagnostics.error("missing model parameter", loc)
        p.collector = BodyCollector(kind, loc, _REPEAT_OPENERS, "endr", lambda parser, body: None)
        return
    pos = _skip_comma(text, end)
    values: list[str] = []
    if by_char:
        rest = text[pos:]
        if rest.startswith('"'):
            rest = rest[1:rest.index('"', 1)] if '"' in rest[1:] else rest[1:]
        values = [c for c in rest if c not in _SPACE]
    else:
        while pos < n:
            value, pos = get_any_string(text, pos, alt_evaluator(p, loc))
            values.append(value)
            pos = _skip_comma(text, pos)
    if not values:
        values = [""]

    def finish(parser: "Parser", body: list[Statement]) -> None:
        from .parser import ExpansionSource
        counter = parser.macro_counter

        alt = getattr(parser, "altmacro", False)

        def statements() -> Iterator[Statement]:
            for value in values:
                bound = {name: value}
                for t, l in body:
                    yield (substitute_alt(parser, t, bound, counter, False) if alt
                           else substitute(t, bound, counter)), l
        parser.push_source(ExpansionSource(kind, statements(), len(parser.conds), loc))

    p.collector = BodyCollector(kind, loc, _REPEAT_OPENERS, "endr", finish)


def irp(p: "Parser", text: str, loc: SourceLocation) -> None:
    _irp_common(p, text, loc, False)


def irpc(p: "Parser", text: str, loc: SourceLocation) -> None:
    _irp_common(p, text, loc, True)


def endr(p: "Parser", text: str, loc: SourceLocation) -> None:
    p.warning(".endr encountered without preceding .rept, .irp, or .irpc", loc)


# --------------------------------------------------------------------------
# .include "file"

def find_include(p: "Parser", name: str, loc: SourceLocation) -> str:
    """Path of an included file: as written, then beside the includer, then -I dirs."""
    if os.path.isabs(name):
        return name
    candidates = [name]
    current = next((s.file for s in reversed(p.inputs) if s.kind == "file"), None)
    if current:
        candidates.append(os.path.join(os.path.dirname(current), name))
    candidates += [os.path.join(d, name) for d in p.include_dirs]
    for path in candidates:
        if os.path.isfile(path):
            return path
    return name


def include(p: "Parser", text: str, loc: SourceLocation) -> None:
    from .parser import FileSource
    args = ArgReader(p, text, loc)
    name = string_text(args) if args.peek() == '"' else args.word()
    args.expect_end()
    path = find_include(p, name, loc)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise ToolchainError(f"can't open {name} for reading: {exc.strerror}", loc) from None
    p.push_source(FileSource(data.decode("utf-8", "surrogateescape"), path, p.splitter))


def check_end_of_input(p: "Parser") -> None:
    """Report constructs left open when the input ends."""
    if p.collector is not None:
        c = p.collector
        if c.kind == "macro":
            message = "unexpected end of file in macro definition (missing '.endm')"
        elif c.kind == "rept":
            message = "'.rept' without '.endr'"
        else:
            message = f"unexpected end of file in '.{c.kind}' (missing '.endr')"
        p.diagnostics.error(message, c.location)
        p.collector = None
    if p.conds and not p.ended:
        p.diagnostics.error("end of file inside conditional", p.conds[-1].location)
        p.conds.clear()
        p.ignoring = False


DIRECTIVES: dict[str, Callable[["Parser", str, SourceLocation], None]] = {
    "macro": macro, "endm": endm, "exitm": exitm, "purgem": purgem,
    "rept": rept, "irp": irp, "irpc": irpc, "endr": endr,
    "altmacro": altmacro, "noaltmacro": noaltmacro,
    "include": include,
}
