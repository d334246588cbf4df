// Relocation operators (aaelf64 5.7) on the instructions that take them.
adrp x0, :pg_hi21:foo
adrp x0, :pg_hi21_nc:foo
add x0, x0, :lo12:foo
add x0, x0, #:lo12:foo+16
ldrb w0, [x0, #:lo12:foo]
ldrh w0, [x0, #:lo12:foo]
ldr w0, [x0, #:lo12:foo]
ldr x0, [x0, #:lo12:foo]
ldr q0, [x0, #:lo12:foo]
ldr d0, [x0, :lo12:foo]
str s0, [x0, #:lo12:foo]
ldrsw x0, [x0, #:lo12:foo]
adrp x0, :got:foo
ldr x0, [x0, #:got_lo12:foo]
ldr w0, [x0, #:got_lo12:foo]
ldr x0, :got:foo
adrp x0, :tlsgd:foo
add x0, x0, :tlsgd_lo12:foo
adr x0, :tlsgd:foo
adrp x0, :tlsdesc:foo
ldr x1, [x0, #:tlsdesc_lo12:foo]
add x0, x0, #:tlsdesc_lo12:foo
ldr x1, :tlsdesc:foo
adr x0, :tlsdesc:foo
adrp x0, :gottprel:foo
ldr x0, [x0, #:gottprel_lo12:foo]
ldr x0, :gottprel:foo
movz x0, #:gottprel_g1:foo
movk x0, #:gottprel_g0_nc:foo
add x0, x0, #:tprel_hi12:foo
add x0, x0, #:tprel_lo12_nc:foo
add x0, x0, #:tprel_lo12:foo
ldr x0, [x0, #:tprel_lo12_nc:foo]
ldrb w0, [x0, #:tprel_lo12:foo]
movz x0, #:tprel_g2:foo
movk x0, #:tprel_g1_nc:foo
movz x0, #:tprel_g1:foo
movk x0, #:tprel_g0_nc:foo
movz x0, #:tprel_g0:foo
add x0, x0, #:dtprel_hi12:foo
add x0, x0, #:dtprel_lo12_nc:foo
ldr w0, [x0, #:dtprel_lo12:foo]
movz x0, #:dtprel_g1:foo
adrp x0, :tlsldm:foo
add x0, x0, #:tlsldm_lo12_nc:foo
movz x0, #:abs_g0_nc:foo
movz x0, #:abs_g1:foo
movk x0, #:abs_g2_nc:foo
movz x0, #:abs_g0_s:foo
movz x0, #:abs_g2_s:foo
movz x0, #:prel_g0:foo
movk x0, #:prel_g1_nc:foo
movz w0, #:abs_g0:foo
movk w0, #:abs_g1:foo
