"""GNU linker script parser: ``parse_script(text, filename) -> Script``.

A lexer and a recursive-descent parser for the script language of GNU ld
(binutils 2.40 manual, chapter "Linker Scripts"; grammar from ld's
``ldgram.y``).  Each parser method is named after the grammar rule it reads,
with the rule in a comment above it.  The tree it builds is defined in
``scriptast``; expressions are given values by ``scriptexpr``.

Every mistake raises ToolchainError at ``file:line:column``, worded like
bison's messages in GNU ld (``syntax error, unexpected ';', expecting
expression``, ``syntax error, unexpected end of file``) plus ld's own
(``unknown function 'FOO'``, ``EOF in comment``).  ``INCLUDE`` is recorded,
not followed: the linker reads the named file and parses it separately.

Where this parser differs from GNU ld:
* a keyword in a name position (``ENTRY(SECTIONS)``) is taken as a name;
  GNU ld reserves keywords except inside quotes;
* a character no token can begin is an error (GNU ld warns and skips it);
* a lone ``,`` between section wildcards is accepted as a separator (GNU ld's
  lexer makes it part of a wildcard), and so is a comma after the last
  MEMORY region;
* ``VERSION { ... }`` is kept as unparsed text.

The lexer (``scriptlex``) reads words by GNU ld's lexical states; see there.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolchain.common.diagnostics import SourceLocation, ToolchainError
from toolchain.ld.scriptast import (
    AscizCommand, AssertCommand, Assignment, Command, ConstructorsCommand, DataCommand,
    EntryCommand, Expr, ExternCommand, FillCommand, ForceCommonAllocation,
    ForceGroupAllocation, GroupCommand, IncludeCommand, InhibitCommonAllocation,
    InputCommand, InputFile, InputSectionDescription, InsertCommand, LdFeatureCommand,
    MemoryCommand, MemoryRegion, NoCrossRefs, Number, OutputArchCommand, OutputCommand,
    OutputFormatCommand, OutputSection, OutputSectionCommand, OutputSectionKeyword,
    OverlayCommand, OverlaySection, PhdrsCommand, PhdrSpec, RegionAliasCommand, Script,
    SearchDirCommand, SectionPattern, SectionsCommand, SectionsStatement, StartupCommand,
    SymbolRef, TargetCommand, VersionCommand)
from toolchain.ld.scriptexprgrammar import (
    ASSIGNMENT_OPS, SECTION_TYPES, E, I, S, W, ExpressionGrammar, is_token)
from toolchain.ld.scriptlex import Lexer, Mode, Token, is_keyword

_DATA_SIZES = {"BYTE": 1, "SHORT": 2, "LONG": 4, "QUAD": 8, "SQUAD": 8}
_SORT_KEYS = {"SORT": "name", "SORT_BY_NAME": "name", "SORT_BY_ALIGNMENT": "alignment",
              "SORT_NONE": "none", "SORT_BY_INIT_PRIORITY": "init_priority"}
_PROVIDES = {"PROVIDE": (True, False), "PROVIDE_HIDDEN": (True, True), "HIDDEN": (False, True)}
_PHDR_TYPES = {"PT_NULL": 0, "PT_LOAD": 1, "PT_DYNAMIC": 2, "PT_INTERP": 3, "PT_NOTE": 4,
               "PT_SHLIB": 5, "PT_PHDR": 6, "PT_TLS": 7, "PT_GNU_EH_FRAME": 0x6474E550,
               "PT_GNU_STACK": 0x6474E551, "PT_GNU_RELRO": 0x6474E552,
               "PT_GNU_PROPERTY": 0x6474E553}
_MEMORY_ATTRIBUTES = set("rRwWxXaAiIlL!")
_STRING_OPERAND = ("s", "n")


def parse_script(text: str, filename: str) -> Script:
    """Parse a whole linker script; raise ToolchainError at the first mistake."""
    parser = _Parser(text, filename)
    return parser.run(parser.script_file)


def parse_expression(text: str, filename: str) -> Expr:
    """Parse one expression (as ``--defsym`` and tests need)."""
    parser = _Parser(text, filename)
    return parser.run(parser.whole_expression)


def parse_assignment(text: str, filename: str) -> Assignment:
    """Parse ``symbol = expression``, the argument of ``--defsym``."""
    parser = _Parser(text, filename)
    return parser.run(parser.defsym)


@dataclass(frozen=True)
class _Wildcard:
    """A wildcard with its EXCLUDE_FILE list and REVERSE flag, before it
    becomes a file pattern or a SectionPattern."""

    name: str
    exclude: list[str]
    reverse: bool = False


class _Parser(ExpressionGrammar):
    """Recursive descent over GNU ld's grammar (ldgram.y); one method per rule."""

    def __init__(self, text: str, filename: str):
        self.lexer = Lexer(text, filename)
        self.filename = filename
        self.pos = 0

    def run(self, rule):
        try:
            return rule()
        except RecursionError:
            raise self.lexer.error("expression nested too deeply", self.pos) from None

    # ---- token helpers -----------------------------------------------------

    def peek(self, mode: Mode, ahead: int = 0) -> Token:
        token = self.lexer.token_at(self.pos, mode)
        for _ in range(ahead):
            token = self.lexer.token_at(token.end, mode)
        return token

    def take(self, mode: Mode) -> Token:
        token = self.peek(mode)
        self.pos = token.end
        return token

    def at(self, mode: Mode, word: str, ahead: int = 0) -> bool:
        """Is the next token the operator or keyword ``word``?"""
        return is_token(self.peek(mode, ahead), word)

    def accept(self, mode: Mode, word: str) -> Token | None:
        if self.at(mode, word):
            return self.take(mode)
        return None

    def expect(self, mode: Mode, word: str) -> Token:
        token = self.peek(mode)
        if not is_token(token, word):
            raise self.syntax_error(token, f"'{word}'")
        return self.take(mode)

    def name(self, mode: Mode, what: str = "name") -> str:
        token = self.peek(mode)
        if token.kind != "name":
            raise self.syntax_error(token, what)
        return self.take(mode).text

    def loc(self, token: Token) -> SourceLocation:
        return self.lexer.location(token.start)

    def syntax_error(self, token: Token, expecting: str | None = None) -> ToolchainError:
        if token.kind == "eof":
            message = "syntax error, unexpected end of file"
        else:
            spelling = self.lexer.text[token.start:token.end]
            if len(spelling) > 40:
                spelling = spelling[:37] + "..."
            message = f"syntax error, unexpected '{spelling}'"
        if expecting:
            message += f", expecting {expecting}"
        return ToolchainError(message, self.loc(token))

    # ---- top level ---------------------------------------------------------

    # script_file: ifile_p1*
    def script_file(self) -> Script:
        commands: list[Command] = []
        while self.peek(S).kind != "eof":
            command = self.ifile_p1()
            if command is not None:
                commands.append(command)
        return Script(commands, self.filename)

    # ifile_p1: memory | sections | phdrs | statement_anywhere | ';'
    #         | TARGET(NAME) | SEARCH_DIR(NAME) | OUTPUT(NAME) | OUTPUT_FORMAT(NAME[,NAME,NAME])
    #         | OUTPUT_ARCH(NAME) | INPUT(input_list) | GROUP(input_list) | INCLUDE NAME
    #         | NOCROSSREFS(names) | EXTERN(names) | INSERT (AFTER|BEFORE) NAME | ...
    def ifile_p1(self) -> Command | None:
        token = self.peek(S)
        if is_token(token, ";"):
            self.take(S)
            return None
        word = token.text if token.kind == "name" and not token.quoted else ""
        loc = self.loc(token)
        if word in ("TARGET", "SEARCH_DIR", "OUTPUT", "OUTPUT_ARCH", "STARTUP", "LD_FEATURE"):
            self.take(S)
            self.expect(S, "(")
            name = self.name(S)
            self.expect(S, ")")
            record = {"TARGET": TargetCommand, "SEARCH_DIR": SearchDirCommand,
                      "OUTPUT": OutputCommand, "OUTPUT_ARCH": OutputArchCommand,
                      "STARTUP": StartupCommand, "LD_FEATURE": LdFeatureCommand}[word]
            return record(name, location=loc)
        if word == "OUTPUT_FORMAT":
            self.take(S)
            self.expect(S, "(")
            names = [self.name(S)]
            if self.accept(S, ","):
                names.append(self.name(S))
                self.expect(S, ",")
                names.append(self.name(S))
            self.expect(S, ")")
            return OutputFormatCommand(names, location=loc)
        if word in ("INPUT", "GROUP"):
            self.take(S)
            self.expect(S, "(")
            files = self.input_list(as_needed=False)
            self.expect(I, ")")
            record = InputCommand if word == "INPUT" else GroupCommand
            return record(files, location=loc)
        simple = {"FORCE_COMMON_ALLOCATION": ForceCommonAllocation,
                  "INHIBIT_COMMON_ALLOCATION": InhibitCommonAllocation,
                  "FORCE_GROUP_ALLOCATION": ForceGroupAllocation}
        if word in simple:
            self.take(S)
            return simple[word](location=loc)
        if word == "MEMORY":
            return self.memory()
        if word == "SECTIONS":
            return self.sections()
        if word == "PHDRS":
            return self.phdrs()
        if word == "INCLUDE":
            self.take(S)
            return IncludeCommand(self.name(S, "file name"), location=loc)
        if word in ("NOCROSSREFS", "NOCROSSREFS_TO"):
            self.take(S)
            self.expect(S, "(")
            names = []
            while not self.at(S, ")"):
                names.append(self.name(S, "section name or ')'"))
                self.accept(S, ",")
            self.take(S)
            return NoCrossRefs(names, to=word == "NOCROSSREFS_TO", location=loc)
        if word == "EXTERN":
            self.take(S)
            self.expect(S, "(")
            symbols = [self.name(E, "symbol name")]
            while not self.at(E, ")"):
                self.accept(E, ",")
                symbols.append(self.name(E, "symbol name or ')'"))
            self.take(E)
            return ExternCommand(symbols, location=loc)
        if word == "INSERT":
            self.take(S)
            where = self.peek(S)
            if not (is_token(where, "AFTER") or is_token(where, "BEFORE")):
                raise self.syntax_error(where, "AFTER or BEFORE")
            self.take(S)
            return InsertCommand(where.text == "AFTER", self.name(S, "section name"), location=loc)
        if word == "REGION_ALIAS":
            self.take(S)
            self.expect(S, "(")
            alias = self.name(S, "region name")
            self.expect(S, ",")
            region = self.name(S, "region name")
            self.expect(S, ")")
            return RegionAliasCommand(alias, region, location=loc)
        if word == "VERSION":
            return self.version()
        statement = self.statement_anywhere()
        if statement is None:
            if word and self.at(S, "(", 1):
                raise ToolchainError(f"unknown command '{word}'", loc)
            raise self.syntax_error(token)
        return statement

    # statement_anywhere: ENTRY '(' NAME ')' | assignment separator
    #                   | ASSERT '(' exp ',' NAME ')'
    def statement_anywhere(self) -> EntryCommand | Assignment | AssertCommand | None:
        token = self.peek(S)
        if is_token(token, "ENTRY"):
            self.take(S)
            self.expect(S, "(")
            symbol = self.name(S, "symbol name")
            self.expect(S, ")")
            return EntryCommand(symbol, location=self.loc(token))
        if is_token(token, "ASSERT"):
            return self.assert_command(separator=False)
        if self.at_assignment(S):
            assignment = self.assignment(S)
            self.separator()
            return assignment
        return None

    # input_list: (NAME | LNAME | AS_NEEDED '(' input_list ')') (','? ...)*
    def input_list(self, as_needed: bool) -> list[InputFile]:
        files: list[InputFile] = []
        while True:
            token = self.peek(I)
            if is_token(token, "AS_NEEDED") and self.at(I, "(", 1):
                self.take(I)
                self.take(I)
                files += self.input_list(as_needed=True)
                self.expect(I, ")")
            elif token.kind in ("name", "lname") and not is_keyword(token, I):
                self.take(I)
                files.append(InputFile(token.text, as_needed, token.kind == "lname"))
            else:
                raise self.syntax_error(token, "file name")
            if files and is_token(self.peek(I), ","):
                self.take(I)
            elif is_token(self.peek(I), ")"):
                return files

    # version: VERSION '{' version-script text '}'  (kept as text)
    def version(self) -> VersionCommand:
        start = self.take(S)
        brace = self.expect(S, "{")
        text, depth, pos = self.lexer.text, 1, brace.end
        while depth:
            if pos >= len(text):
                raise self.syntax_error(Token("eof", "", pos, pos), "'}'")
            if text.startswith("/*", pos) or text[pos] in "#\"":
                closer = {"/": "*/", "#": "\n", '"': '"'}[text[pos]]
                end = text.find(closer, pos + 1 + (text[pos] == "/"))
                pos = len(text) if end < 0 else end + len(closer)
                continue
            depth += {"{": 1, "}": -1}.get(text[pos], 0)
            pos += 1
        self.pos = pos
        return VersionCommand(text[brace.end:pos - 1].strip(), location=self.loc(start))

    # ---- assignments and ASSERT -------------------------------------------

    def at_assignment(self, mode: Mode) -> bool:
        token = self.peek(mode)
        if token.kind != "name":
            return False
        if not token.quoted and token.text in _PROVIDES:
            return self.at(mode, "(", 1)
        if is_keyword(token, mode):
            return False
        following = self.peek(mode, 1)
        return following.kind == "punct" and following.text in ASSIGNMENT_OPS

    # assignment: NAME assign_op exp
    #           | (PROVIDE | PROVIDE_HIDDEN | HIDDEN) '(' NAME '=' exp ')'
    def assignment(self, mode: Mode) -> Assignment:
        token = self.take(mode)
        loc = self.loc(token)
        if not token.quoted and token.text in _PROVIDES:
            provide, hidden = _PROVIDES[token.text]
            self.expect(mode, "(")
            symbol = self.name(mode, "symbol name")
            self.expect(mode, "=")
            expr = self.expression()
            self.expect(E, ")")
            return Assignment(symbol, "=", expr, provide, hidden, location=loc)
        operator = self.take(mode).text
        return Assignment(token.text, operator, self.expression(), location=loc)

    # separator: ';' | ','
    def separator(self) -> None:
        token = self.peek(E)
        if not (is_token(token, ";") or is_token(token, ",")):
            raise self.syntax_error(token, "';'")
        self.take(E)

    # ASSERT '(' exp ',' NAME ')' [separator]
    def assert_command(self, separator: bool) -> AssertCommand:
        token = self.take(E)
        self.expect(E, "(")
        expr = self.expression()
        self.expect(E, ",")
        message = self.name(E, "message")
        self.expect(E, ")")
        if separator:
            self.separator()
        return AssertCommand(expr, message, location=self.loc(token))

    # ---- SECTIONS -------------------------------------------------------------

    # sections: SECTIONS '{' (section | statement_anywhere)* '}'
    def sections(self) -> SectionsCommand:
        start = self.take(S)
        self.expect(S, "{")
        statements: list[SectionsStatement] = []
        while not self.at(S, "}"):
            token = self.peek(S)
            if is_token(token, "OVERLAY"):
                statements.append(self.overlay())
            elif is_token(token, "INCLUDE"):
                self.take(S)
                statements.append(IncludeCommand(self.name(S, "file name"), location=self.loc(token)))
            else:
                statement = self.statement_anywhere()
                if statement is None:
                    if token.kind != "name" or is_keyword(token, S):
                        raise self.syntax_error(token, "output section, assignment or '}'")
                    statement = self.output_section()
                statements.append(statement)
        self.take(S)
        return SectionsCommand(statements, location=self.loc(start))

    # section: NAME [exp] [atype] ':' [AT(exp)] [ALIGN(exp)] [ALIGN_WITH_INPUT]
    #          [SUBALIGN(exp)] [ONLY_IF_RO|ONLY_IF_RW|SPECIAL]
    #          '{' statement* '}' ['>' NAME] [AT '>' NAME] (':' NAME)* ['=' exp] [',']
    def output_section(self) -> OutputSection:
        token = self.take(S)
        address = None
        section_type: tuple[str | None, Expr | None] = (None, None)
        if not self.at(E, ":"):
            if not self.at_section_type():
                address = self.expression()
            if self.at(E, "("):
                section_type = self.section_type()
        self.expect(E, ":")
        load_address = self.paren_expression_after("AT")
        align = self.paren_expression_after("ALIGN")
        align_with_input = self.accept(E, "ALIGN_WITH_INPUT") is not None
        subalign = self.paren_expression_after("SUBALIGN")
        constraint = None
        for word in ("ONLY_IF_RO", "ONLY_IF_RW", "SPECIAL"):
            if self.accept(E, word):
                constraint = word
                break
        commands = self.section_body()
        region, load_region, phdrs, fill = self.section_tail()
        return OutputSection(token.text, address, section_type[0], load_address, align,
                             subalign, constraint, commands, region, load_region, phdrs,
                             fill, section_type[1], align_with_input, location=self.loc(token))

    def at_section_type(self) -> bool:
        """After a section name: does ``(`` open a type, ``(NOLOAD)`` or ``()``?"""
        if not self.at(E, "("):
            return False
        token = self.peek(E, 1)
        return is_token(token, ")") or (token.kind == "name" and not token.quoted
                                    and token.text in SECTION_TYPES)

    # atype: '(' [NOLOAD | DSECT | COPY | INFO | OVERLAY | READONLY
    #             | READONLY '(' TYPE '=' exp ')' | TYPE '=' exp] ')'
    def section_type(self) -> tuple[str | None, Expr | None]:
        self.expect(E, "(")
        if self.accept(E, ")"):
            return None, None
        token = self.peek(E)
        if token.kind != "name" or token.quoted or token.text not in SECTION_TYPES:
            raise self.syntax_error(token, "section type")
        self.take(E)
        value = None
        if token.text == "TYPE" or (token.text == "READONLY" and self.accept(E, "(")):
            if token.text == "READONLY":
                self.expect(E, "TYPE")
            self.expect(E, "=")
            value = self.expression()
            if token.text == "READONLY":
                self.expect(E, ")")
        self.expect(E, ")")
        return token.text, value

    def paren_expression_after(self, keyword: str) -> Expr | None:
        """``keyword '(' exp ')'`` if the keyword is next, else None."""
        if not self.accept(E, keyword):
            return None
        self.expect(E, "(")
        expr = self.expression()
        self.expect(E, ")")
        return expr

    # '{' statement* '}'
    def section_body(self) -> list[OutputSectionCommand]:
        self.expect(E, "{")
        commands: list[OutputSectionCommand] = []
        while not self.at(W, "}"):
            command = self.section_statement()
            if command is not None:
                commands.append(command)
        self.take(W)
        return commands

    # ['>' NAME] [AT '>' NAME] (':' NAME)* ['=' exp] [',']
    def section_tail(self, regions: bool = True):
        region = load_region = fill = None
        if regions and self.accept(S, ">"):
            region = self.name(S, "memory region")
        if regions and self.at(S, "AT") and self.at(S, ">", 1):
            self.take(S)
            self.take(S)
            load_region = self.name(S, "memory region")
        phdrs = []
        while self.accept(S, ":"):
            phdrs.append(self.name(S, "program header name"))
        if self.accept(S, "="):
            fill = self.expression()
            self.accept(E, ",")
        else:
            self.accept(S, ",")
        return region, load_region, phdrs, fill

    # overlay: OVERLAY [exp] ':' [NOCROSSREFS] [AT(exp)] [SUBALIGN(exp)]
    #          '{' (NAME '{' statement* '}' (':' NAME)* ['=' exp] [','])* '}' tail
    def overlay(self) -> OverlayCommand:
        start = self.take(S)
        address = None if self.at(E, ":") else self.expression()
        self.expect(E, ":")
        nocrossrefs = self.accept(E, "NOCROSSREFS") is not None
        load_address = self.paren_expression_after("AT")
        subalign = self.paren_expression_after("SUBALIGN")
        self.expect(E, "{")
        sections = []
        while not self.at(S, "}"):
            token = self.peek(S)
            if token.kind != "name":
                raise self.syntax_error(token, "section name or '}'")
            self.take(S)
            commands = self.section_body()
            _, _, phdrs, fill = self.section_tail(regions=False)
            sections.append(OverlaySection(token.text, commands, phdrs, fill,
                                           location=self.loc(token)))
        self.take(S)
        region, load_region, phdrs, fill = self.section_tail()
        return OverlayCommand(address, nocrossrefs, load_address, subalign, sections,
                              region, load_region, phdrs, fill, location=self.loc(start))

    # ---- inside an output section -----------------------------------------

    # statement: ';' | assignment separator | CREATE_OBJECT_SYMBOLS | CONSTRUCTORS
    #          | SORT(CONSTRUCTORS) | input_section_spec | length '(' exp ')'
    #          | ASCIZ NAME | FILL '(' exp ')' | LINKER_VERSION
    #          | ASSERT '(' exp ',' NAME ')' separator | INCLUDE NAME
    def section_statement(self) -> OutputSectionCommand | None:
        token = self.peek(W)
        loc = self.loc(token)
        word = token.text if token.kind == "name" and not token.quoted else ""
        if is_token(token, ";"):
            self.take(W)
            return None
        if word in ("CREATE_OBJECT_SYMBOLS", "LINKER_VERSION"):
            self.take(W)
            return OutputSectionKeyword(word, location=loc)
        if word == "CONSTRUCTORS":
            self.take(W)
            return ConstructorsCommand(location=loc)
        if (word in ("SORT", "SORT_BY_NAME") and self.at(W, "(", 1)
                and self.at(W, "CONSTRUCTORS", 2)):
            self.take(W)
            self.take(W)
            self.take(W)
            self.expect(W, ")")
            return ConstructorsCommand(sorted=True, location=loc)
        if word in _DATA_SIZES:
            self.take(W)
            self.expect(W, "(")
            expr = self.expression()
            self.expect(E, ")")
            return DataCommand(_DATA_SIZES[word], expr, word == "SQUAD", location=loc)
        if word == "FILL":
            self.take(W)
            self.expect(W, "(")
            expr = self.expression()
            self.expect(E, ")")
            return FillCommand(expr, location=loc)
        if word == "ASCIZ":
            self.take(W)
            return AscizCommand(self.name(W, "string"), location=loc)
        if word == "ASSERT":
            return self.assert_command(separator=True)
        if word == "INCLUDE":
            self.take(W)
            return IncludeCommand(self.name(W, "file name"), location=loc)
        if self.at_assignment(W):
            assignment = self.assignment(W)
            self.separator()
            return assignment
        return self.input_section_spec()

    # input_section_spec: input_section_spec_no_keep | KEEP '(' input_section_spec_no_keep ')'
    def input_section_spec(self) -> InputSectionDescription:
        token = self.peek(W)
        keep = is_token(token, "KEEP") and self.at(W, "(", 1)
        if keep:
            self.take(W)
            self.take(W)
        flags = []
        if self.at(W, "INPUT_SECTION_FLAGS"):
            self.take(W)
            self.expect(W, "(")
            flags.append(self.name(W, "section flag"))
            while self.accept(W, "&"):
                flags.append(self.name(W, "section flag"))
            self.expect(W, ")")
        first = self.peek(W)
        loc = self.loc(first)
        if is_token(first, "["):
            self.take(W)
            sections = self.section_name_list("]")
            description = InputSectionDescription("*", sections=sections, keep=keep,
                                                  section_flags=flags, location=loc)
        else:
            sort_files, files = self.filename_spec()
            sections = []
            if self.accept(W, "("):
                sections = self.section_name_list(")")
            elif sort_files is not None or files.exclude or files.reverse:
                raise self.syntax_error(self.peek(W), "'('")
            description = InputSectionDescription(
                files.name, files.exclude, sections, keep, sort_files, flags,
                files.reverse, location=loc)
        if keep:
            self.expect(W, ")")
        return description

    # filename_spec: wildcard_maybe_reverse | SORT_BY_NAME '(' wildcard_maybe_reverse ')'
    #              | SORT_NONE '(' wildcard_maybe_reverse ')'
    #              | REVERSE '(' SORT_BY_NAME '(' wildcard_maybe_exclude ')' ')'
    def filename_spec(self) -> tuple[str | None, _Wildcard]:
        token = self.peek(W)
        if is_token(token, "REVERSE") and self.at(W, "(", 1) and _sort_word(self.peek(W, 2)) == "name":
            self.take(W)
            self.take(W)
            self.take(W)
            self.expect(W, "(")
            wildcard = self.wildcard_maybe_exclude()
            self.expect(W, ")")
            self.expect(W, ")")
            return "name", _Wildcard(wildcard.name, wildcard.exclude, True)
        key = _sort_word(token)
        if key in ("name", "none"):
            self.take(W)
            self.expect(W, "(")
            wildcard = self.wildcard_maybe_reverse()
            self.expect(W, ")")
            return key, wildcard
        wildcard = self.wildcard_maybe_reverse()
        return ("name" if wildcard.reverse else None), wildcard

    # section_name_list: section_name_spec (opt_comma section_name_spec)*
    def section_name_list(self, closer: str) -> list[SectionPattern]:
        patterns = [self.section_name_spec()]
        while not self.accept(W, closer):
            if self.at(W, ","):    # a lone comma: opt_comma
                self.take(W)
            patterns.append(self.section_name_spec())
        return patterns

    # section_name_spec: wildcard_maybe_reverse | SORT_xxx '(' section_name_spec ')' ...
    #   (SORT_BY_NAME and SORT_BY_ALIGNMENT nest once; REVERSE wraps a sort)
    def section_name_spec(self) -> SectionPattern:
        keys: list[str] = []
        reverse = False
        closers = 0
        while True:
            token = self.peek(W)
            key = _sort_word(token)
            if key is None and is_token(token, "REVERSE") and self.at(W, "(", 1) and not keys:
                reverse = True
            elif key is None or not self.at(W, "(", 1):
                break
            elif keys and (keys[-1] not in ("name", "alignment")
                           or key not in ("name", "alignment") or len(keys) > 1):
                raise self.syntax_error(token, "section name")
            else:
                keys.append(key)
            self.take(W)
            self.take(W)
            closers += 1
        wildcard = self.wildcard_maybe_reverse()
        for _ in range(closers):
            self.expect(W, ")")
        if wildcard.reverse:
            reverse = True
        if reverse and not keys:
            keys = ["name"]
        if len(keys) == 2 and keys[0] == keys[1]:
            keys.pop()
        return SectionPattern(wildcard.name, wildcard.exclude, tuple(keys), reverse)

    # wildcard_maybe_reverse: wildcard_maybe_exclude | REVERSE '(' wildcard_maybe_exclude ')'
    def wildcard_maybe_reverse(self) -> _Wildcard:
        if self.at(W, "REVERSE") and self.at(W, "(", 1):
            self.take(W)
            self.take(W)
            wildcard = self.wildcard_maybe_exclude()
            self.expect(W, ")")
            return _Wildcard(wildcard.name, wildcard.exclude, True)
        return self.wildcard_maybe_exclude()

    # wildcard_maybe_exclude: NAME | EXCLUDE_FILE '(' NAME+ ')' NAME
    def wildcard_maybe_exclude(self) -> _Wildcard:
        exclude = []
        if self.at(W, "EXCLUDE_FILE") and self.at(W, "(", 1):
            self.take(W)
            self.take(W)
            exclude.append(self.wildcard_name())
            while not self.accept(W, ")"):
                exclude.append(self.wildcard_name())
        return _Wildcard(self.wildcard_name(), exclude)

    def wildcard_name(self) -> str:
        token = self.peek(W)
        if token.kind != "name" or is_keyword(token, W):
            raise self.syntax_error(token, "file or section name")
        return self.take(W).text

    # ---- MEMORY and PHDRS ---------------------------------------------------

    # memory: MEMORY '{' (memory_spec [','])* '}'
    # memory_spec: NAME ['(' attributes ')'] ':' (ORIGIN|org|o) '=' exp [',']
    #              (LENGTH|len|l) '=' exp  |  INCLUDE NAME
    def memory(self) -> MemoryCommand:
        start = self.take(S)
        self.expect(S, "{")
        regions, includes = [], []
        while not self.at(S, "}"):
            token = self.peek(S)
            if is_token(token, "INCLUDE"):
                self.take(S)
                includes.append(self.name(S, "file name"))
                continue
            if token.kind != "name":
                raise self.syntax_error(token, "memory region or '}'")
            self.take(S)
            attributes = ""
            if self.accept(S, "("):
                while True:             # at least one attribute
                    negate = "!" if self.accept(S, "!") else ""
                    attribute = self.peek(S)
                    attributes += negate + self.name(S, "memory attribute")
                    for char in attribute.text:
                        if char not in _MEMORY_ATTRIBUTES:
                            raise ToolchainError(f"invalid character '{char}' in memory attributes",
                                                 self.loc(attribute))
                    if self.accept(S, ")"):
                        break
            self.expect(S, ":")
            origin = self.memory_value(("ORIGIN", "org", "o"))
            self.accept(E, ",")
            length = self.memory_value(("LENGTH", "len", "l"))
            regions.append(MemoryRegion(token.text, attributes, origin, length,
                                        location=self.loc(token)))
            self.accept(E, ",")
        self.take(S)
        return MemoryCommand(regions, includes, location=self.loc(start))

    def memory_value(self, words: tuple[str, ...]) -> Expr:
        token = self.peek(S)
        if not any(is_token(token, word) for word in words):
            raise self.syntax_error(token, words[0])
        self.take(S)
        self.expect(S, "=")
        return self.expression()

    # phdrs: PHDRS '{' (NAME exp (NAME ['(' exp ')'] | AT '(' exp ')')* ';')* '}'
    def phdrs(self) -> PhdrsCommand:
        start = self.take(S)
        self.expect(S, "{")
        headers = []
        while not self.at(S, "}"):
            token = self.peek(S)
            name = self.name(S, "program header name or '}'")
            type_expr = self.expression()
            if isinstance(type_expr, SymbolRef):
                if type_expr.name not in _PHDR_TYPES:
                    raise ToolchainError(f"unknown phdr type '{type_expr.name}' "
                                         "(try integer literal)", type_expr.location)
                type_expr = Number(_PHDR_TYPES[type_expr.name], type_expr.location)
            fields: dict[str, object] = {}
            while not self.accept(E, ";"):
                qualifier = self.peek(E)
                if is_token(qualifier, "AT"):
                    self.take(E)
                    fields["at"] = self.paren_expression_after_open()
                    continue
                word = self.name(E, "';'")
                value = self.paren_expression_after_open() if self.at(E, "(") else None
                if word in ("FILEHDR", "PHDRS") and value is None:
                    fields[word.lower()] = True
                elif word == "FLAGS" and value is not None:
                    fields["flags"] = value
                else:
                    raise ToolchainError(f"PHDRS syntax error at '{word}'", self.loc(qualifier))
            headers.append(PhdrSpec(name, type_expr, location=self.loc(token), **fields))
        self.take(S)
        return PhdrsCommand(headers, location=self.loc(start))

    def paren_expression_after_open(self) -> Expr:
        self.expect(E, "(")
        expr = self.expression()
        self.expect(E, ")")
        return expr



def _sort_word(token: Token) -> str | None:
    if token.kind == "name" and not token.quoted:
        return _SORT_KEYS.get(token.text)
    return None
