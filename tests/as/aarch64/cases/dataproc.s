// Integer data processing (Arm ARM C4.1.92, C4.1.95) and their aliases.
add x0, x1, #0
add w3, w4, #4095
add x5, sp, #16
add sp, sp, #0x10
add x0, x1, #1, lsl #12
add x0, x1, #4096
add x0, x1, #0xfff000
add x0, x1, #-8
adds x2, x3, #1
sub sp, sp, #32
subs w0, w1, #7
sub x0, x1, #-1
add x0, x1, x2
add w0, w1, w2, lsl #3
add x0, x1, x2, asr #63
sub x0, x1, x2, lsr #1
adds w0, w1, w2
subs x9, x10, x11, lsl #2
add x0, x1, w2, uxtw
add x0, x1, w2, sxtw #2
add x0, sp, x1
add sp, sp, x1
add x0, sp, x1, lsl #3
add w0, wsp, w1
sub x0, x1, w2, sxtb
sub sp, sp, x9
add x0, x1, x2, sxtx #1
adds x0, sp, x1
cmp x0, #5
cmp w0, #4095
cmp x1, x2
cmp w1, w2, lsl #4
cmp x0, w1, sxtw
cmp sp, #0
cmn x0, #1
cmn w0, w1
cmp x0, #-3
neg x0, x1
neg w0, w1, lsl #2
negs x0, x1
and x0, x1, #0xff
and w0, w1, #0xff00ff00
and x0, x1, #0x5555555555555555
orr w0, wzr, #1
orr x0, x1, #0xfffffffffffffffe
eor x0, x1, #0x8000000000000000
ands x0, x1, #7
and sp, x0, #0xfffffffffffffff0
tst x0, #1
tst w0, #0x80000000
and x0, x1, x2
and w0, w1, w2, ror #3
orr x0, x1, x2, lsl #1
eor w0, w1, w2, asr #31
ands x0, x1, x2
bic x0, x1, x2
bics w0, w1, w2
orn x0, x1, x2
eon w0, w1, w2, lsr #5
tst x1, x2
tst w1, w2, lsl #3
mvn x0, x1
mvn w0, w1, ror #2
mov x0, x1
mov w0, w1
mov x0, sp
mov sp, x1
mov wsp, w0
mov x0, #0
mov x0, #1
mov w0, #-1
mov x0, #-1
mov x0, #0x10000
mov x0, #0x123400000000
mov x0, #0xffffffffffff1234
mov w0, #0xffff1234
mov x0, #0xff
mov x0, #0x5555555555555555
mov w0, #0x7fffffff
mov x0, #0xffff0000ffff0000
mov sp, #0x10
movz x0, #1, lsl #16
movz w0, #0xffff
movn x0, #5, lsl #48
movk x0, #0x1234, lsl #32
movk w1, #7
movz x0, #:abs_g0:foo
movk x0, #:abs_g1_nc:foo
movz x0, #:abs_g2:foo
movk x0, #:abs_g3:foo
movz x0, #:abs_g1_s:foo
sbfm x0, x1, #1, #2
bfm w0, w1, #3, #4
ubfm x0, x1, #63, #62
lsl x0, x1, #3
lsl w0, w1, #31
lsr x0, x1, #63
lsr w0, w1, #1
asr x0, x1, #5
asr w0, w1, #0
ror x0, x1, #7
ror w0, w1, #31
lsl x0, x1, x2
lsr w0, w1, w2
asr x0, x1, x2
ror w0, w1, w2
sxtb w0, w1
sxtb x0, w1
sxth w0, w1
sxth x0, w1
sxtw x0, w1
uxtb w0, w1
uxth w0, w1
uxtw x0, w1
ubfx x0, x1, #4, #8
ubfx w0, w1, #31, #1
sbfx x0, x1, #0, #64
bfxil w0, w1, #3, #5
bfi x0, x1, #8, #16
bfi w0, w1, #0, #32
ubfiz x0, x1, #2, #30
sbfiz w0, w1, #3, #5
bfc x0, #4, #4
extr x0, x1, x2, #7
extr w0, w1, w2, #31
csel x0, x1, x2, eq
csel w0, w1, w2, hs
csinc x0, x1, x2, lo
csinv w0, w1, w2, al
csneg x0, x1, x2, nv
cset w0, ne
cset x0, gt
csetm x0, le
cinc w0, w1, mi
cinv x0, x1, pl
cneg x0, x1, vs
ccmp x0, x1, #4, ne
ccmp w0, #31, #0, eq
ccmn x0, #1, #15, lt
ccmn w1, w2, #2, cc
madd x0, x1, x2, x3
madd w0, w1, w2, wzr
msub x0, x1, x2, x3
mul x0, x1, x2
mul w0, w1, w2
mneg x0, x1, x2
smaddl x0, w1, w2, x3
smsubl x0, w1, w2, x3
umaddl x0, w1, w2, x3
umsubl x0, w1, w2, x3
smull x0, w1, w2
umull x0, w1, w2
smnegl x0, w1, w2
umnegl x0, w1, w2
smulh x0, x1, x2
umulh x0, x1, x2
sdiv x0, x1, x2
udiv w0, w1, w2
lslv x0, x1, x2
lsrv w0, w1, w2
asrv x0, x1, x2
rorv w0, w1, w2
clz x0, x1
clz w0, w1
cls x0, x1
rbit w0, w1
rev x0, x1
rev w0, w1
rev16 x0, x1
rev16 w0, w1
rev32 x0, x1
rev64 x0, x1
adr x0, foo
adr x1, foo+4
adrp x0, foo
adrp x2, foo+0x1000
adr x0, .+8
adr x0, .-1048576
mov x29, sp
mov x0, xzr
mov fp, sp
mov lr, x0
add ip0, ip1, #1
adc x0, x1, x2
adc w0, w1, w2
adcs x0, x1, xzr
sbc w0, w1, w2
sbcs x0, x1, x2
ngc x0, x1
ngcs w0, w1
crc32b w0, w1, w2
crc32h w0, w1, w2
crc32w w0, w1, w2
crc32x w0, w1, x2
crc32cb w0, w1, w2
crc32ch w0, w1, w2
crc32cw w0, w1, w2
crc32cx w0, w1, x2
