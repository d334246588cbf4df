"""The GNU-syntax parser and directives, checked on a recording fake streamer.

Expected behaviour is GNU as 2.40's (x86-64 ELF) unless a comment says why
pas differs.
"""

import math
import struct

import pytest


def insns(result):
    return [c[1:] for c in result.calls if c[0] == "insn"]


# -- statements, comments, separators ---------------------------------------

def test_common_gcc_shapes(fake):
    r = fake("\t.text\nmain:\n\tpushq\t%rbp\n\tmovq\t%rsp, %rbp\n\tret\n")
    assert r.calls == [
        ("section", ".text", None, None, None, None, None, 0),
        ("label", "main"),
        ("insn", (), "pushq", "%rbp"),
        ("insn", (), "movq", "%rsp, %rbp"),
        ("insn", (), "ret", ""),
    ]
    assert not r.messages


def test_comments_and_separators(fake):
    r = fake("nop # a comment; not a statement\n"
             "nop ; ret # two statements\n"
             "/ a line comment\n"
             "   / indented line comment too\n"
             "# full-line comment\n"
             "movl $1, /* inline */ %eax\n"
             "/* a block\n comment over\n lines */ hlt\n"
             "int3 /* open\n ; still comment */ leave\n")
    assert insns(r) == [((), "nop", ""), ((), "nop", ""), ((), "ret", ""),
                        ((), "movl", "$1,   %eax"), ((), "hlt", ""), ((), "int3", ""),
                        ((), "leave", "")]
    assert not r.errors


def test_hash_and_semicolon_inside_strings_and_chars(fake):
    r = fake('.ascii "a#b;c" # real comment\n.byte \'#, \';\n')
    assert r.data() == b"a#b;c#;"
    assert not r.messages


def test_crlf_lines(fake):
    r = fake("nop\r\nret\r\n")
    assert insns(r) == [((), "nop", ""), ((), "ret", "")]


def test_mnemonic_case_folded(fake):
    r = fake("MOVL %eax, %EBX\n")
    assert insns(r) == [((), "movl", "%eax, %EBX")]


def test_directives_case_insensitive(fake):
    r = fake(".TEXT\n.Byte 1\n")
    assert r.calls[0][1] == ".text"
    assert r.data() == b"\x01"


def test_cpp_line_markers(fake):
    r = fake('# 41 "foo.S"\n\n.bogus\n')
    assert r.errors == ["foo.S:42:1: error: unknown pseudo-op: '.bogus'"]


# -- labels, assignments -----------------------------------------------------

def test_labels(fake):
    r = fake('a: b: nop\n"quoted name": .L1:\n.Lfoo$x:\nspaced : nop\n')
    assert [c for c in r.calls if c[0] == "label"] == [
        ("label", "a"), ("label", "b"), ("label", "quoted name"), ("label", ".L1"),
        ("label", ".Lfoo$x"), ("label", "spaced")]


def test_numeric_labels(fake):
    r = fake("1: jmp 1b\n jmp 1f\n1: nop\n")
    assert r.calls[0] == ("label", "1\x021")
    assert r.calls[3] == ("label", "1\x022")


def test_assignments(fake):
    r = fake("x = 3\ny=x+1\nz == 5\n.set w, 2*3\n.equ v, 7\n")
    assert r.calls == [("set", "x", "3"), ("set", "y", "x+1"), ("equiv", "z", "5"),
                       ("set", "w", "2*3"), ("set", "v", "7")]


def test_equiv_redefinition(fake):
    r = fake("x = 1\n.equiv x, 2\n")
    assert r.errors == ["t.s:2:1: error: symbol 'x' is already defined"]


def test_dot_assignment_is_org(fake):
    r = fake(". = 0x10\n")
    assert r.calls == [("org", "16", 0)]


# -- prefixes ----------------------------------------------------------------

def test_prefixes(fake):
    r = fake("rep movsb\nlock; addl $1, (%rax)\nrepz\ncmpsb\nrex.w\n"
             "data16 addr32 lea (%eax), %ax\n{vex3} vpaddd %xmm0, %xmm1, %xmm2\n")
    assert insns(r) == [
        (("rep",), "movsb", ""), ((), "lock", ""), ((), "addl", "$1, (%rax)"),
        ((), "repz", ""), ((), "cmpsb", ""), ((), "rex.w", ""),
        (("data16", "addr32"), "lea", "(%eax), %ax"),
        (("{vex3}",), "vpaddd", "%xmm0, %xmm1, %xmm2")]


def test_prefix_alone_is_an_instruction_of_its_own(fake):
    # GNU as emits "rex.w" on its own line as one byte, not merged into the next insn
    r = fake("rex.w\naddr32 lea (%eax), %eax\n")
    assert insns(r) == [((), "rex.w", ""), (("addr32",), "lea", "(%eax), %eax")]


def test_pseudo_prefix_needs_instruction(fake):
    assert fake("{vex3}\n").errors == ["t.s:1:1: error: pseudo prefix without instruction"]


def test_prefix_before_label_is_emitted_alone(fake):
    r = fake("lock\nfoo: incl (%rax)\n")
    assert r.calls == [("insn", (), "lock", ""), ("label", "foo"), ("insn", (), "incl", "(%rax)")]


# -- strings and escapes -------------------------------------------------------

def test_string_escapes(fake):
    r = fake(r'.ascii "\n\t\\\"\101\1234\x41\x4142\b\f\r\v\e\a\z"' + "\n")
    # GNU as: \e and \a are not escapes (the letter itself); \x takes all hex digits.
    assert r.data() == b'\n\t\\"AS4AB\x08\x0c\x0d\x0beaz'


def test_ascii_asciz_string(fake):
    r = fake('.ascii "ab", "c"\n.asciz "x" "y"\n.string "z"\n.ascii\n')
    assert r.data() == b"abcx\0y\0z\0"


def test_utf8_string_bytes(fake):
    r = fake('.ascii "é"\n')
    assert r.data() == "é".encode()


def test_char_constants(fake):
    r = fake(".byte 'a, '\\n, 'b', '\\\\, '\\a\n")
    assert r.data() == b"a\nb\\a"


def test_unterminated_string(fake):
    r = fake('.ascii "abc\n')
    assert r.errors == ["t.s:1:1: error: unterminated string"]


# -- data ------------------------------------------------------------------------

def test_data_sizes(fake):
    r = fake(".byte 1\n.short 2\n.hword 3\n.word 4\n.value 5\n.long 6\n.int 7\n"
             ".quad 8\n.2byte 9\n.4byte 10\n.8byte 11\n.octa 12\n")
    assert r.data() == (b"\x01" + b"\x02\0" + b"\x03\0" + b"\x04\0" + b"\x05\0"
                        + (6).to_bytes(4, "little") + (7).to_bytes(4, "little")
                        + (8).to_bytes(8, "little") + b"\x09\0" + (10).to_bytes(4, "little")
                        + (11).to_bytes(8, "little") + (12).to_bytes(16, "little"))


def test_negative_values_and_truncation(fake):
    r = fake(".byte -1, -129, 255, 300, -256\n.short 70000\n.quad -1\n")
    assert r.data() == (b"\xff\x7f\xff\x2c\x00" + (70000 & 0xffff).to_bytes(2, "little")
                        + b"\xff" * 8)
    # the same warnings as GNU as, which does not warn for -129
    assert [w.split("warning: ")[1] for w in r.warnings] == [
        "value 0x12c truncated to 0x2c", "value 0xffffffffffffff00 truncated to 0x0",
        "value 0x11170 truncated to 0x1170"]


def test_symbolic_values(fake):
    r = fake(".long foo, 1, bar+4\n.quad .L2-.L1\n.long sym@GOTPCREL\n")
    assert r.calls == [("value", "foo", 4), ("bytes", b"\x01\0\0\0"), ("value", "bar+4", 4),
                       ("value", ".L2-.L1", 8), ("value", "sym@GOTPCREL", 4)]


def test_missing_data_item_warns(fake):
    r = fake(".byte 1,\n")
    assert r.data() == b"\x01\x00"
    assert len(r.warnings) == 1


def test_floats(fake):
    r = fake(".float 1.5, -2, 0f2.5, 1e10, inf, -inf, nan, -nan\n.single 0.5\n"
             ".double -0.0, 0d1.25, .5, 1., 1e-300, nan\n")
    expected = b"".join(struct.pack("<f", v) for v in (1.5, -2, 2.5, 1e10, math.inf, -math.inf))
    expected += bytes.fromhex("ffffff7f") + bytes.fromhex("ffffffff") + struct.pack("<f", 0.5)
    expected += b"".join(struct.pack("<d", v) for v in (-0.0, 1.25, 0.5, 1.0, 1e-300))
    expected += bytes.fromhex("ffffffffffffff7f")
    assert r.data() == expected
    assert not r.messages


def test_bad_float(fake):
    r = fake(".double abc\n")
    assert r.errors == ["t.s:1:1: error: bad floating-point constant 'abc'"]


def test_leb128(fake):
    r = fake(".uleb128 0, 127, 128, 624485\n.sleb128 -1, 63, 64, -128, -123456\n")
    assert r.data() == bytes([0, 0x7f, 0x80, 0x01, 0xe5, 0x8e, 0x26,
                              0x7f, 0x3f, 0xc0, 0x00, 0x80, 0x7f, 0xc0, 0xbb, 0x78])


def test_symbolic_leb128_goes_to_streamer(fake):
    r = fake(".uleb128 1, .L2-.L1, 2\n.sleb128 .LVU3\n")
    assert r.calls == [("bytes", b"\x01"), ("leb128", ".L2-.L1", False), ("bytes", b"\x02"),
                       ("leb128", ".LVU3", True)]


def test_fill_skip_zero(fake):
    r = fake(".skip 3\n.space 2, 0x41\n.zero 4\n.fill 2, 4, 0x12345678\n.fill 3\n"
             ".fill 1, 9, 1\n")
    assert r.calls == [("fill", "3", 1, 0), ("fill", "2", 1, 0x41), ("fill", "4", 1, 0),
                       ("fill", "2", 4, 0x12345678), ("fill", "3", 1, 0), ("fill", "1", 8, 1)]
    assert r.warnings == ["t.s:6:1: warning: .fill size clamped to 8"]


# -- alignment -------------------------------------------------------------------

def test_alignment(fake):
    r = fake(".align 16\n.balign 8, 0x90\n.p2align 4,,10\n.p2align 3, 0\n.align 4,,3\n"
             ".balignw 4, 0\n.p2alignl 2, 0x90909090\n")
    assert r.calls == [("align", 16, None, None), ("align", 8, 0x90, None),
                       ("align", 16, None, 10), ("align", 8, 0, None), ("align", 4, None, 3),
                       ("align", 4, 0, None, 2), ("align", 4, 0x90909090, None, 4)]


def test_align_not_power_of_two(fake):
    r = fake(".align 3\n")
    assert r.errors == ["t.s:1:1: error: alignment not a power of 2"]


def test_org(fake):
    r = fake(".org 0x20, 0xff\n")
    assert r.calls == [("org", "32", 0xff)]


# -- sections ----------------------------------------------------------------------

@pytest.mark.parametrize("line, call", [
    (".text", ("section", ".text", None, None, None, None, None, 0)),
    (".data 1", ("section", ".data", None, None, None, None, None, 1)),
    (".bss", ("section", ".bss", None, None, None, None, None, 0)),
    (".section .rodata", ("section", ".rodata", None, None, None, None, None, 0)),
    ('.section .foo,"aw"', ("section", ".foo", "aw", None, None, None, None, 0)),
    ('.section .foo , "aw" , @nobits', ("section", ".foo", "aw", "nobits", None, None, None, 0)),
    ('.section .bar,"a",%progbits', ("section", ".bar", "a", "progbits", None, None, None, 0)),
    ('.section .rodata.str1.1,"aMS",@progbits,1',
     ("section", ".rodata.str1.1", "aMS", "progbits", 1, None, None, 0)),
    ('.section .text.f,"axG",@progbits,f,comdat',
     ("section", ".text.f", "axG", "progbits", None, "f", "comdat", 0)),
    ('.section .rodata.cst8,"aMG",@progbits,8,grp,comdat',
     ("section", ".rodata.cst8", "aMG", "progbits", 8, "grp", "comdat", 0)),
    ('.section .note.GNU-stack,"",@progbits',
     ("section", ".note.GNU-stack", "", "progbits", None, None, None, 0)),
    ('.section ".name with space","a"', ("section", ".name with space", "a", None, None, None, None, 0)),
    ('.section .init_array,"aw",@init_array',
     ("section", ".init_array", "aw", "init_array", None, None, None, 0)),
    ('.section .note.x,"a",@note', ("section", ".note.x", "a", "note", None, None, None, 0)),
    ('.pushsection .qq,"ax",@progbits', ("push_section", ".qq", "ax", "progbits", None, None, None, 0)),
    ('.pushsection .qq, 2', ("push_section", ".qq", None, None, None, None, None, 2)),
    (".popsection", ("pop_section",)),
    (".previous", ("previous_section",)),
])
def test_sections(fake, line, call):
    r = fake(line + "\n")
    assert r.calls == [call]
    assert not r.messages


@pytest.mark.parametrize("line, message", [
    ('.section .foo,"a",@bogus', "unrecognized section type 'bogus'"),
    ('.section .x,"q"', "bad .section directive: want a,l,w,x,M,S,G,T in string"),
    (".section", "missing name"),
])
def test_section_errors(fake, line, message):
    r = fake(line + "\n")
    assert r.errors == [f"t.s:1:1: error: {message}"]


def test_section_missing_flag_arguments_warn(fake):
    # GNU as warns and drops the flag
    r = fake('.section .x,"aM",@progbits\n.section .y,"aG"\n')
    assert r.calls == [("section", ".x", "a", "progbits", None, None, None, 0),
                       ("section", ".y", "a", None, None, None, None, 0)]
    assert [w.split("warning: ")[1] for w in r.warnings] == [
        "entity size for SHF_MERGE not specified", "group name for SHF_GROUP not specified"]


# -- symbols -----------------------------------------------------------------------

def test_symbol_directives(fake):
    r = fake(".globl a, b\n.global c\n.local d\n.weak e\n.hidden f\n.protected g\n"
             ".internal h\n.extern z\n")
    assert r.calls == [("binding", "a", "global"), ("binding", "b", "global"),
                       ("binding", "c", "global"), ("binding", "d", "local"),
                       ("binding", "e", "weak"), ("visibility", "f", "hidden"),
                       ("visibility", "g", "protected"), ("visibility", "h", "internal")]


@pytest.mark.parametrize("spelling, kind", [
    ("@function", "function"), ("%function", "function"), ('"function"', "function"),
    ("STT_FUNC", "function"), ("function", "function"), ("@object", "object"),
    ("@gnu_indirect_function", "gnu_indirect_function"), ("@tls_object", "tls_object"),
    ("@common", "common"), ("@notype", "notype"), ("STT_OBJECT", "object"),
    ("@gnu_unique_object", "gnu_unique_object"),
])
def test_type(fake, spelling, kind):
    r = fake(f".type f, {spelling}\n")
    assert r.calls == [("type", "f", kind)]


def test_type_errors(fake):
    r = fake(".type f, @bogus\n")
    assert r.errors == ['t.s:1:1: error: unrecognized symbol type "bogus"']


def test_size(fake):
    r = fake(".size main, .-main\n.size x, 4\n")
    assert r.calls == [("label", ".Ltmp1"), ("size", "main", ".Ltmp1-main"), ("size", "x", "4")]


def test_comm_lcomm(fake):
    r = fake(".comm c1,1\n.comm c3,3\n.comm c100,100\n.comm c8,8,4\n"
             ".lcomm l1,1\n.lcomm l3,3\n.lcomm l5,5\n.lcomm l100,100\n")
    # alignment 0 = not written: the streamer applies GNU as's defaults, which
    # differ for global and local symbols
    assert r.calls == [("common", "c1", 1, 0, False), ("common", "c3", 3, 0, False),
                       ("common", "c100", 100, 0, False), ("common", "c8", 8, 4, False),
                       ("common", "l1", 1, 0, True), ("common", "l3", 3, 0, True),
                       ("common", "l5", 5, 0, True), ("common", "l100", 100, 0, True)]


def test_lcomm_has_no_alignment_argument_on_x86(fake):
    r = fake(".lcomm l8,8,16\n")
    assert r.errors == ["t.s:1:1: error: junk at end of line, first unrecognized character is ','"]


# -- modes, debug info, messages ---------------------------------------------------

def test_code_modes(fake):
    r = fake(".code16\n.code32\n.code16gcc\n.code64\n")
    codes = [c for c in r.streamer.calls if c[0] == "code"]
    assert codes == [("code", 64, False), ("code", 16, False), ("code", 32, False),
                     ("code", 16, True), ("code", 64, False)]
    assert r.parser.state.code_bits == 64


def test_syntax_switch(fake):
    r = fake(".intel_syntax noprefix\n")
    assert r.parser.state.intel and not r.parser.state.intel_prefix
    r = fake(".intel_syntax\n")   # GNU as: prefix is the default
    assert r.parser.state.intel and r.parser.state.intel_prefix
    r = fake(".intel_syntax noprefix\n.att_syntax\n")
    assert not r.parser.state.intel


def test_debug_directives(fake):
    r = fake('.file "x.c"\n.file 1 "dir" "x.c"\n.loc 1 5 3 prologue_end\n'
             '.cfi_startproc\n.cfi_def_cfa_offset 16\n.cfi_endproc\n.ident "GCC"\n'
             ".addrsig\n.addrsig_sym foo\n.loc_mark_labels 1\n"
             '.file 0 "/d" "x.c" md5 0x0123456789abcdef0123456789abcdef\n'
             ".loc 1 7 is_stmt 0 discriminator 2 view .LVU3\n.loc 1 8 view -0\n")
    assert r.calls == [("file", "x.c"), ("dwarf_file", 1),
                       ("loc", 1, 5, None), ("cfi", ".cfi_startproc", ""),
                       ("cfi", ".cfi_def_cfa_offset", "16"), ("cfi", ".cfi_endproc", ""),
                       ("ident", "GCC"), ("loc_mark_labels", True), ("dwarf_file", 0),
                       ("loc", 1, 7, ".LVU3"), ("loc", 1, 8, "-0")]


def test_loc_errors(fake):
    assert fake(".loc 1 2 view 1\n").errors == [
        "t.s:1:1: error: numeric view can only be asserted to zero"]
    assert fake(".loc 1 2 is_stmt 2\n").errors == ["t.s:1:1: error: is_stmt value not 0 or 1"]
    assert fake(".loc 1 2 foo\n").errors == ["t.s:1:1: error: unknown .loc sub-directive `foo'"]


def test_arch(fake):
    assert not fake(".arch i386\n.arch generic64\n.arch .sse4.2\n.arch i686, nojumps\n").messages
    assert fake(".arch foo\n").errors == ["t.s:1:1: error: no such architecture: 'foo'"]


def test_messages(fake, capsys):
    r = fake('.err\n.error "boo"\n.warning "w"\n.print "p"\n')
    assert r.errors == ["t.s:1:1: error: .err encountered", "t.s:2:1: error: boo"]
    assert r.warnings == ["t.s:3:1: warning: w"]
    assert capsys.readouterr().out == "p\n"


def test_end_stops_assembly(fake):
    r = fake("nop\n.end\n.bogus\n")
    assert insns(r) == [((), "nop", "")]
    assert not r.errors


def test_nops(fake):
    r = fake(".nops 3\n")
    assert r.data() == b"\x90\x90\x90"


def test_symver_and_weakref(fake):
    r = fake(".symver foo, foo@VERS_1\n.symver bar, bar@@V2, hidden\n.weakref a, b\n")
    assert r.calls == [("symver", "foo", "foo@VERS_1", None),
                       ("symver", "bar", "bar@@V2", "hidden"), ("weakref", "a", "b")]


def test_defsym(fake):
    r = fake(".if X == 3\n.byte 1\n.endif\n", defsyms=["X=3"])
    assert r.data() == b"\x01"


# -- errors ------------------------------------------------------------------------

@pytest.mark.parametrize("line, message", [
    (".foo", "unknown pseudo-op: '.foo'"),
    ("@@@", "junk at end of line, first unrecognized character is '@'"),
    ("123abc", "junk at end of line, first unrecognized character is '1'"),
    (".byte bar 3", "junk at end of line, first unrecognized character is '3'"),
    (".comm", "expected symbol name"),
    (".text junk", "bad or irreducible absolute expression"),
    (".globl", "expected symbol name"),
    (".set x 3", "expected comma after 'x'"),
    (".byte (1", "missing ')'"),
    ('"quoted"', "statement '\"quoted\"' is incomplete"),
])
def test_statement_errors(fake, line, message):
    r = fake(line + "\n")
    assert r.errors == [f"t.s:1:1: error: {message}"]


def test_errors_continue_with_next_line(fake):
    r = fake(".bogus\nnop\n.bogus2\n")
    assert len(r.errors) == 2
    assert insns(r) == [((), "nop", "")]


def test_columns(fake):
    r = fake("nop;   .bogus\n")
    assert r.errors == ["t.s:1:8: error: unknown pseudo-op: '.bogus'"]
