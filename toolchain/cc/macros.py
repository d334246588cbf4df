"""Macro replacement (C11 6.10.3): definitions, argument collection,
``#`` and ``##``, and rescanning.

Recursion is stopped with Dave Prosser's *hide sets* (the algorithm behind
the C89 rationale's examples, also used by chibicc): every token carries
the set of macro names it must not be expanded for.  Expanding an
object-like macro ``M`` gives each replacement token the name token's hide
set plus ``M``; expanding a function-like invocation gives them the
intersection of the name's and the closing parenthesis's hide sets plus
``M``.  A name in its own token's hide set is "painted blue" for good.

The expander reads tokens from a stack (``pending``, last element next)
holding the results of earlier expansions, and, when that is empty, from the
source through :meth:`MacroExpander.read_source`, which the preprocessor
implements (it handles directives and the file stack).  Macro arguments are
expanded on their own (6.10.3.1) by running the same loop over a private
stack marked *isolated*: reading past its end gives END_OF_FILE instead of
more source.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.diagnostics import SourceLocation
from .diagnostics import CDiagnostics
from .lexer import is_single_token
from .tokens import MacroExpansion, Token, TokenKind

IDENTIFIER = TokenKind.IDENTIFIER
PUNCTUATOR = TokenKind.PUNCTUATOR

# Stands for an empty argument next to ## (6.10.3.3p2); removed after pasting.
PLACEMARKER = Token(TokenKind.OTHER, "", SourceLocation("<placemarker>"))


@dataclass(frozen=True, slots=True)
class Macro:
    """One ``#define``d macro (or a built-in one, handled by the preprocessor)."""

    name: str
    body: tuple[Token, ...] = ()
    params: tuple[str, ...] | None = None       # None: object-like
    variadic: bool = False                      # the last parameter takes the rest
    location: SourceLocation | None = None
    builtin: bool = False
    slots: tuple[int, ...] = ()                 # per body token: parameter index or -1
    simple: bool = True                         # no #, ## or __VA_OPT__ in the body

    @property
    def function_like(self) -> bool:
        return self.params is not None

    def same_definition(self, other: Macro) -> bool:
        """6.10.3p2: identical parameters, replacement lists and white-space separation."""
        if self.params != other.params or self.variadic != other.variadic:
            return False
        if len(self.body) != len(other.body):
            return False
        return all(a.text == b.text and (a.leading_space == b.leading_space or i == 0)
                   for i, (a, b) in enumerate(zip(self.body, other.body)))

    def definition_text(self) -> str:
        """``NAME(params) body`` as ``-dM`` prints it."""
        head = self.name
        if self.params is not None:
            params = list(self.params)
            if self.variadic:
                params[-1] = "..." if params[-1] == "__VA_ARGS__" else params[-1] + "..."
            head += "(" + ",".join(params) + ")"
        return f"{head} {spell(list(self.body))}"     # gcc keeps the space when empty


def make_macro(name: str, body: list[Token], params: list[str] | None, variadic: bool,
               location: SourceLocation | None) -> Macro:
    """Build a Macro, precomputing which body tokens are parameters."""
    if params is None:
        pastes = any(t.kind is PUNCTUATOR and t.text in ("##", "%:%:") for t in body)
        return Macro(name, tuple(body), None, False, location, False, (-1,) * len(body),
                     not pastes)
    index = {p: i for i, p in enumerate(params)}
    slots = tuple(index.get(t.text, -1) if t.kind is IDENTIFIER else -1 for t in body)
    simple = not any(t.kind is PUNCTUATOR and t.text in ("#", "##", "%:", "%:%:")
                     or t.text == "__VA_OPT__" for t in body)
    return Macro(name, tuple(body), tuple(params), variadic, location, False, slots, simple)


def spell(tokens: list[Token]) -> str:
    """Tokens as text, one space where the source had white space."""
    parts = []
    for i, t in enumerate(tokens):
        if i and (t.leading_space or t.at_line_start):
            parts.append(" ")
        parts.append(t.text)
    return "".join(parts)


def stringize(tokens: list[Token]) -> str:
    """The ``#`` operator (6.10.3.2): spell the argument as a string literal."""
    parts = ['"']
    for i, t in enumerate(tokens):
        if t is PLACEMARKER:
            continue
        if i and (t.leading_space or t.at_line_start) and len(parts) > 1:
            parts.append(" ")
        if t.kind is TokenKind.STRING_LITERAL or t.kind is TokenKind.CHARACTER_CONSTANT:
            parts.append(t.text.replace("\\", "\\\\").replace('"', '\\"'))
        else:
            parts.append(t.text)
    text = "".join(parts)
    trailing = len(text) - len(text.rstrip("\\"))
    if trailing % 2:                # gcc: "invalid string literal, ignoring final '\\'"
        text = text[:-1]
    return text + '"'



class MacroExpander:
    """The rescanning loop; the preprocessor subclasses it and supplies the source."""

    def __init__(self, diagnostics: CDiagnostics) -> None:
        self.diagnostics = diagnostics
        self.macros: dict[str, Macro] = {}
        self.pending: list[Token] = []          # a stack: the next token is pending[-1]
        self.isolated = 0                       # >0 while expanding an argument on its own
        self.collecting = 0                     # >0 while reading a macro's arguments
        self.va_omitted = False                 # the last call left out its variable arguments
        self.gnu_mode = True                    # -std=gnu*: GNU's ', ## __VA_ARGS__' rule
        self.eof_token = Token(TokenKind.END_OF_FILE, "", SourceLocation("<eof>"))

    # -- supplied by the preprocessor ------------------------------------
    def read_source(self) -> Token:
        """The next token of the source (directives handled), END_OF_FILE at the end."""
        raise NotImplementedError

    def source_has_lparen(self) -> bool:
        """Whether the source's next token is '(' (consumed if so); never crosses a file end."""
        raise NotImplementedError

    def expand_builtin(self, macro: Macro, name: Token) -> list[Token] | None:
        """The replacement of a built-in macro such as __LINE__ (None: leave the name)."""
        raise NotImplementedError

    # -- the loop ---------------------------------------------------------
    def next_token(self) -> Token:
        """The next fully macro-replaced token."""
        pending = self.pending
        macros = self.macros
        while True:
            if pending:
                tok = pending.pop()
            elif self.isolated:
                return self.eof_token
            else:
                tok = self.read_source()
            if tok.kind is IDENTIFIER:
                macro = macros.get(tok.text)
                if macro is not None and tok.text not in tok.hideset:
                    if self.expand(macro, tok):
                        continue
            return tok

    def next_raw(self) -> Token:
        """The next token without macro replacement."""
        if self.pending:
            return self.pending.pop()
        if self.isolated:
            return self.eof_token
        return self.read_source()

    def expand_list(self, tokens: list[Token]) -> list[Token]:
        """Fully macro-replace ``tokens`` on their own (an argument, a directive line)."""
        saved = self.pending
        self.pending = tokens[::-1]
        self.isolated += 1
        try:
            result = []
            while True:
                tok = self.next_token()
                if tok.kind is TokenKind.END_OF_FILE:
                    return result
                result.append(tok)
        finally:
            self.pending = saved
            self.isolated -= 1

    def _has_lparen(self) -> bool:
        if self.pending:
            if self.pending[-1].text == "(" and self.pending[-1].kind is PUNCTUATOR:
                self.pending.pop()
                return True
            return False
        if self.isolated:
            return False
        return self.source_has_lparen()

    def expand(self, macro: Macro, name: Token) -> bool:
        """Replace the invocation starting at ``name``; False if it is not one."""
        if macro.builtin:
            replacement = self.expand_builtin(macro, name)
            if replacement is None:
                return False
            self.pending.extend(reversed(replacement))
            return True
        if macro.params is None:
            hideset = name.hideset | {macro.name}
            body = list(macro.body) if macro.simple else self._substitute(macro, [], name)
            self._push_body(macro, body, name, hideset)
            return True
        if not self._has_lparen():
            return False
        collected = self._collect_arguments(macro, name)
        if collected is None:                    # an error was reported: gcc keeps the name only
            self.pending.append(Token(name.kind, name.text, name.location, name.leading_space,
                                      name.at_line_start, name.expansion,
                                      name.hideset | {macro.name}))
            return True
        args, rparen = collected
        hideset = (name.hideset & rparen.hideset) | {macro.name}
        if macro.simple:
            body = self._substitute_simple(macro, args, name)
        else:
            body = self._substitute(macro, args, name)
        self._push_body(macro, body, name, hideset)
        return True

    def _push_body(self, macro: Macro, body: list[Token], name: Token,
                   hideset: frozenset[str]) -> None:
        if not body:
            return
        expansion = MacroExpansion(macro.name, name.location, name.expansion)
        out = []
        append = out.append
        first = True
        for t in body:
            if t is PLACEMARKER:
                continue
            if first:
                space, start = name.leading_space, name.at_line_start
                first = False
            else:
                space, start = t.leading_space or t.at_line_start, False
            append(Token(t.kind, t.text, t.location, space, start, t.expansion or expansion,
                         t.hideset | hideset if t.hideset else hideset))
        out.reverse()
        self.pending.extend(out)

    def _collect_arguments(self, macro: Macro, name: Token
                           ) -> tuple[list[list[Token]], Token] | None:
        """Read the arguments after '(' up to the matching ')' (6.10.3p10-12)."""
        params = macro.params
        assert params is not None
        nparams = len(params)
        self.va_omitted = False
        args: list[list[Token]] = []
        current: list[Token] = []
        depth = 0
        self.collecting += 1
        try:
            while True:
                tok = self.next_raw()
                kind = tok.kind
                if kind is TokenKind.END_OF_FILE:
                    self.diagnostics.error(
                        f"unterminated argument list invoking macro \"{macro.name}\"", name)
                    if self.isolated:
                        self.pending.append(tok)
                    return None
                if kind is PUNCTUATOR:
                    text = tok.text
                    if text == "(":
                        depth += 1
                    elif text == ")":
                        if depth == 0:
                            args.append(current)
                            rparen = tok
                            break
                        depth -= 1
                    elif text == "," and depth == 0 and not (
                            macro.variadic and len(args) == nparams - 1):
                        args.append(current)
                        current = []
                        continue
                current.append(tok)
        finally:
            self.collecting -= 1
        if nparams == 0 and len(args) == 1 and not args[0]:
            return [], rparen
        if len(args) < nparams:
            if macro.variadic and len(args) == nparams - 1:
                args.append([])
                self.va_omitted = True
            else:
                self.diagnostics.error(
                    f"macro \"{macro.name}\" requires {nparams} arguments, "
                    f"but only {len(args)} given", rparen)
                self._note_definition(macro)
                return None
        elif len(args) > nparams:
            self.diagnostics.error(
                f"macro \"{macro.name}\" passed {len(args)} arguments, "
                f"but takes just {nparams}", rparen)
            self._note_definition(macro)
            return None
        return args, rparen

    def _note_definition(self, macro: Macro) -> None:
        if macro.location is not None and macro.location.line:
            where = SourceLocation(macro.location.file, macro.location.line)
            self.diagnostics.note(f"macro \"{macro.name}\" defined here", where)

    def _substitute_simple(self, macro: Macro, args: list[list[Token]],
                           name: Token) -> list[Token]:
        out: list[Token] = []
        expanded: dict[int, list[Token]] = {}
        for t, slot in zip(macro.body, macro.slots):
            if slot < 0:
                out.append(t)
                continue
            arg = expanded.get(slot)
            if arg is None:
                arg = expanded[slot] = self.expand_list(args[slot])
            if arg:
                arg = _placed_argument(arg, macro, name, t)
                out.append(_with_space(arg[0], t.leading_space))
                out.extend(arg[1:])
        return out

    def _substitute(self, macro: Macro, args: list[list[Token]], name: Token) -> list[Token]:
        """Replace parameters, apply # and ## and __VA_OPT__ (6.10.3.1-6.10.3.3)."""
        body = macro.body
        slots = macro.slots
        out: list[Token] = []
        expanded: dict[int, list[Token]] = {}
        va_slot = len(args) - 1 if macro.variadic else -1
        va_omitted = self.va_omitted
        n = len(body)
        i = 0

        def arg_expanded(slot: int) -> list[Token]:
            value = expanded.get(slot)
            if value is None:
                value = expanded[slot] = self.expand_list(args[slot])
            return value

        def va_present() -> bool:
            return va_slot >= 0 and bool(arg_expanded(va_slot))

        paste_next = False
        while i < n:
            t = body[i]
            slot = slots[i]
            nxt = body[i + 1] if i + 1 < n else None
            pastes_right = nxt is not None and nxt.kind is PUNCTUATOR and nxt.text in ("##", "%:%:")
            if t.kind is IDENTIFIER and t.text == "__VA_OPT__" and macro.variadic \
                    and nxt is not None and nxt.text == "(":
                depth = 0
                j = i + 1
                while j < n:
                    if body[j].text == "(":
                        depth += 1
                    elif body[j].text == ")":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                if va_present():
                    inner = self._substitute(
                        Macro(macro.name, body[i + 2:j], macro.params, macro.variadic,
                              macro.location, False, slots[i + 2:j], False), args, name)
                    if inner:
                        inner[0] = _with_space(inner[0], t.leading_space)
                    if paste_next and out and inner:
                        out[-1:] = self._paste(out[-1], inner[0]) + inner[1:]
                    else:
                        out.extend(inner)
                elif j + 1 < n and body[j + 1].text in ("##", "%:%:") or paste_next:
                    out.append(PLACEMARKER)
                paste_next = False
                i = j + 1
                continue
            if t.kind is PUNCTUATOR and t.text in ("#", "%:") and nxt is not None \
                    and i + 1 < n and slots[i + 1] >= 0:
                text = stringize(args[slots[i + 1]])
                piece = [Token(TokenKind.STRING_LITERAL, text, t.location, t.leading_space)]
                i += 2
                if paste_next and out:
                    out[-1:] = self._paste(out[-1], piece[0])
                else:
                    out.extend(piece)
                paste_next = i < n and body[i].text in ("##", "%:%:") and body[i].kind is PUNCTUATOR
                if paste_next:
                    i += 1
                continue
            if t.kind is PUNCTUATOR and t.text in ("##", "%:%:"):
                paste_next = True
                i += 1
                continue
            if slot >= 0:
                if paste_next or pastes_right:
                    piece = args[slot] or [PLACEMARKER]
                    # GNU: ', ## __VA_ARGS__' drops the comma when the variable arguments are empty
                    if paste_next and slot == va_slot and out and out[-1].text == "," \
                            and i >= 2 and body[i - 1].text == "##":
                        if va_omitted or (len(args) == 1 and not args[0] and self.gnu_mode):
                            out.pop()
                        else:
                            out.extend(args[slot])
                        paste_next = False
                        i += 1
                        if pastes_right:
                            paste_next = True
                            i += 1
                        continue
                else:
                    piece = arg_expanded(slot)
                if piece:
                    piece = _placed_argument(piece, macro, name, t)
                    piece = [_with_space(piece[0], t.leading_space)] + piece[1:]
            else:
                piece = [t]
            if paste_next and out and piece:
                out[-1:] = self._paste(out[-1], piece[0]) + piece[1:]
            else:
                out.extend(piece)
            paste_next = False
            i += 1
            if pastes_right:
                paste_next = True
                i += 1
        return [t for t in out if t is not PLACEMARKER]

    def _paste(self, lhs: Token, rhs: Token) -> list[Token]:
        """The ## operator on two tokens (6.10.3.3p3)."""
        if lhs is PLACEMARKER:
            return [rhs]
        if rhs is PLACEMARKER:
            return [lhs]
        text = lhs.text + rhs.text
        kind = is_single_token(text)
        if kind is None:
            self.diagnostics.error(
                f"pasting \"{lhs.text}\" and \"{rhs.text}\" does not give a valid "
                f"preprocessing token", lhs)
            return [lhs, _with_space(rhs, False)]
        return [Token(kind, text, lhs.location, lhs.leading_space, False, lhs.expansion,
                      lhs.hideset)]


def _placed_argument(tokens: list[Token], macro: Macro, name: Token,
                     parameter: Token) -> list[Token]:
    """An argument's tokens put where ``parameter`` is in the body of ``macro``
    (invoked at ``name``).  Each gets an expansion record saying where the
    parameter is (gcc's "in definition of macro" note), whose parent is the
    expansion the token came from -- or, for a token spelled in a file, the
    one ``name`` came from, so that -E and __LINE__ find the invocation's line.
    """
    records: dict[int, MacroExpansion] = {}
    out = []
    for tok in tokens:
        if tok is not PLACEMARKER:
            parent = tok.expansion or name.expansion
            record = records.get(id(parent))
            if record is None:
                record = records[id(parent)] = MacroExpansion(
                    macro.name, name.location, parent, parameter.location)
            tok = Token(tok.kind, tok.text, tok.location, tok.leading_space,
                        tok.at_line_start, record, tok.hideset)
        out.append(tok)
    return out


def _with_space(tok: Token, space: bool) -> Token:
    if tok is PLACEMARKER or (tok.leading_space == space and not tok.at_line_start):
        return tok
    return Token(tok.kind, tok.text, tok.location, space, False, tok.expansion, tok.hideset)
