// Advanced SIMD forms compilers emit (Arm ARM C4.1.96).
add v0.16b, v1.16b, v2.16b
add v0.8b, v1.8b, v2.8b
add v0.4h, v1.4h, v2.4h
add v0.8h, v1.8h, v2.8h
add v0.2s, v1.2s, v2.2s
add v0.4s, v1.4s, v2.4s
add v0.2d, v1.2d, v2.2d
sub v0.4s, v1.4s, v2.4s
sub v31.2d, v30.2d, v29.2d
mul v0.4s, v1.4s, v2.4s
mul v0.8h, v1.8h, v2.8h
cmeq v0.4s, v1.4s, v2.4s
cmgt v0.8h, v1.8h, v2.8h
cmhi v0.16b, v1.16b, v2.16b
cmge v0.2d, v1.2d, v2.2d
cmhs v0.2s, v1.2s, v2.2s
cmtst v0.4s, v1.4s, v2.4s
smax v0.4s, v1.4s, v2.4s
umin v0.16b, v1.16b, v2.16b
addp v0.4s, v1.4s, v2.4s
and v0.16b, v1.16b, v2.16b
and v0.8b, v1.8b, v2.8b
orr v0.16b, v1.16b, v2.16b
eor v0.16b, v1.16b, v2.16b
bic v0.8b, v1.8b, v2.8b
orn v0.16b, v1.16b, v2.16b
bsl v0.16b, v1.16b, v2.16b
bit v0.8b, v1.8b, v2.8b
bif v0.16b, v1.16b, v2.16b
mov v0.16b, v1.16b
mov v0.8b, v1.8b
mov v0.s[1], w1
mov v0.d[0], x1
mov v0.b[15], w2
mov v0.h[3], w2
mov v0.s[2], v1.s[0]
mov v1.d[1], v2.d[0]
ins v0.s[1], w1
ins v0.h[1], v1.h[7]
mov w0, v1.s[1]
mov x0, v1.d[1]
umov w0, v1.b[3]
umov w0, v1.h[7]
umov w0, v1.s[0]
umov x0, v1.d[0]
smov w0, v1.b[1]
smov x0, v1.h[2]
smov x0, v1.s[3]
mov s0, v1.s[1]
mov d0, v1.d[1]
mov b0, v1.b[15]
dup d1, v0.d[1]
dup v0.4s, w1
dup v0.2d, x1
dup v0.16b, w1
dup v0.8h, v1.h[3]
dup v0.4s, v1.s[0]
dup v0.2d, v1.d[1]
movi v0.16b, #0
movi v0.8b, #255
movi v0.4s, #1
movi v0.4s, #0xff, lsl #8
movi v0.2s, #0x12, lsl #24
movi v0.8h, #3
movi v0.4h, #3, lsl #8
movi v0.4s, #0xab, msl #16
movi v0.2d, #0
movi v0.2d, #0xff00ff00ff00ff00
movi d0, #0
movi d1, #0xffffffffffffffff
mvni v0.4s, #1
mvni v0.8h, #2, lsl #8
fmov v0.4s, #1.0
fmov v0.2d, #-0.5
fmov v0.2s, #2.0
shl v0.4s, v1.4s, #3
shl v0.2d, v1.2d, #63
shl v0.16b, v1.16b, #0
ushr v0.4s, v1.4s, #1
ushr v0.2d, v1.2d, #64
sshr v0.8h, v1.8h, #16
ushr d1, d0, #32
shl d0, d1, #1
sshr d0, d1, #63
usra v0.4s, v1.4s, #2
ssra v0.2d, v1.2d, #1
cnt v0.8b, v1.8b
cnt v0.16b, v1.16b
addv b0, v1.16b
addv b0, v1.8b
addv h0, v1.8h
addv s0, v1.4s
uaddlv h0, v1.16b
uaddlv h0, v1.8b
uaddlv s0, v1.8h
saddlv d0, v1.4s
umaxv s0, v1.4s
sminv b0, v1.16b
saddw v0.8h, v1.8h, v2.8b
saddw2 v0.8h, v1.8h, v2.16b
uaddw v0.4s, v1.4s, v2.4h
uaddw2 v0.2d, v1.2d, v2.4s
ssubw v0.8h, v1.8h, v2.8b
usubw2 v0.4s, v1.4s, v2.8h
saddl v0.8h, v1.8b, v2.8b
uaddl2 v0.4s, v1.8h, v2.8h
smull v0.8h, v1.8b, v2.8b
umull2 v0.2d, v1.4s, v2.4s
ld1 {v0.16b}, [x0]
ld1 {v0.4s, v1.4s}, [x1]
ld1 {v0.2d, v1.2d, v2.2d}, [x1]
ld1 {v0.8b, v1.8b, v2.8b, v3.8b}, [sp]
ld1 {v0.16b}, [x0], #16
ld1 {v0.4s, v1.4s}, [x0], #32
ld1 {v0.8h}, [x0], x2
st1 {v0.16b}, [x0]
st1 {v0.2d, v1.2d}, [x1], #32
st1 {v0.4s-v3.4s}, [x1]
st1 {v31.16b, v0.16b}, [x1]
saddl2 v0.4s, v1.8h, v2.8h
smull2 v0.8h, v1.16b, v2.16b
ssubw2 v0.2d, v1.2d, v2.4s
uaddl v0.2d, v1.2s, v2.2s
usubw v0.8h, v1.8h, v2.8b
smaxv h0, v1.8h
uminv b0, v1.8b
smin v0.2s, v1.2s, v2.2s
umax v0.8h, v1.8h, v2.8h
uzp1 v0.4s, v1.4s, v2.4s
uzp2 v0.8h, v1.8h, v2.8h
zip1 v0.16b, v1.16b, v2.16b
zip2 v0.2d, v1.2d, v2.2d
trn1 v0.8b, v1.8b, v2.8b
trn2 v0.4h, v1.4h, v2.4h
sxtl v0.8h, v1.8b
sxtl2 v0.4s, v1.8h
uxtl v0.2d, v1.2s
uxtl2 v0.8h, v1.16b
sshll v0.4s, v1.4h, #3
ushll2 v0.2d, v1.4s, #31
cmlt v0.4s, v1.4s, #0
cmeq v0.16b, v1.16b, #0
cmge v0.2d, v1.2d, #0
cmgt v0.8h, v1.8h, #0
cmle v0.2s, v1.2s, #0
abs v0.4s, v1.4s
neg v0.2d, v1.2d
not v0.16b, v1.16b
mvn v0.8b, v1.8b
rev64 v0.4s, v1.4s
mla v0.4s, v1.4s, v2.4s
mls v0.8h, v1.8h, v2.8h
sshl v0.2d, v1.2d, v2.2d
ushl v0.4s, v1.4s, v2.4s
sabdl2 v1.8h, v2.16b, v3.16b
uabdl v1.4s, v2.4h, v3.4h
sabal v0.8h, v1.8b, v2.8b
uabal2 v0.2d, v1.4s, v2.4s
smlal v0.4s, v1.4h, v2.4h
umlal2 v0.8h, v1.16b, v2.16b
smlsl v0.2d, v1.2s, v2.2s
ssubl v0.8h, v1.8b, v2.8b
sadalp v0.4s, v1.8h
uadalp v0.2d, v1.4s
saddlp v0.8h, v1.16b
uaddlp v0.4h, v1.8b
xtn v0.8b, v1.8h
xtn2 v0.8h, v1.4s
shrn v0.8b, v1.8h, #3
shrn2 v0.4s, v1.2d, #32
rshrn v0.4h, v1.4s, #16
ld2 {v0.4s, v1.4s}, [x0]
st2 {v0.16b, v1.16b}, [x1], #32
ld3 {v0.8h, v1.8h, v2.8h}, [x2]
st4 {v0.2d, v1.2d, v2.2d, v3.2d}, [x3]
ld1r {v0.4s}, [x0]
ld1r {v1.16b}, [sp]
ld4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x0]
st3 {v4.4s, v5.4s, v6.4s}, [x1], x2
rshrn2 v0.16b, v1.8h, #1
sabal2 v0.4s, v1.8h, v2.8h
sabdl v0.2d, v1.2s, v2.2s
smlal2 v0.2d, v1.4s, v2.4s
smlsl2 v0.8h, v1.16b, v2.16b
sshll2 v0.8h, v1.16b, #7
ssubl2 v0.4s, v1.8h, v2.8h
uabal v0.8h, v1.8b, v2.8b
uabdl2 v0.8h, v1.16b, v2.16b
umlal v0.4s, v1.4h, v2.4h
umlsl v0.2d, v1.2s, v2.2s
umlsl2 v0.4s, v1.8h, v2.8h
ushll v0.8h, v1.8b, #0
usubl v0.4s, v1.4h, v2.4h
usubl2 v0.2d, v1.4s, v2.4s
movi v0.16b, #0xffffffffffffffaa
movi v7.16b, #-5
fadd v4.2s, v10.2s, v4.2s
fadd v0.4s, v1.4s, v2.4s
fsub v0.2d, v1.2d, v2.2d
fmul v0.2d, v2.2d, v3.2d
fdiv v0.4s, v1.4s, v2.4s
fmax v0.2s, v1.2s, v2.2s
fmin v0.2d, v1.2d, v2.2d
fmaxnm v0.4s, v1.4s, v2.4s
fminnm v0.2d, v1.2d, v2.2d
fmla v0.4s, v1.4s, v2.4s
fmls v0.2d, v1.2d, v2.2d
fcmeq v0.4s, v1.4s, v2.4s
fcmge v0.2d, v1.2d, v2.2d
fcmgt v0.2s, v1.2s, v2.2s
faddp v0.4s, v1.4s, v2.4s
fabd v0.2d, v1.2d, v2.2d
fabs v0.4s, v1.4s
fneg v0.2d, v1.2d
fsqrt v0.2s, v1.2s
scvtf v3.2d, v3.2d
ucvtf v0.4s, v1.4s
fcvtzs v0.2d, v1.2d
fcvtzu v0.2s, v1.2s
frintn v0.4s, v1.4s
frintm v0.2d, v1.2d
frintp v0.2s, v1.2s
frintz v0.4s, v1.4s
frinta v0.2d, v1.2d
frintx v0.4s, v1.4s
frinti v0.2d, v1.2d
add d0, d0, d16
sub d1, d2, d3
ld1 {v4.s}[3], [x5]
ld1 {v0.b}[15], [x0]
ld1 {v1.h}[5], [x1], #2
st1 {v2.d}[1], [sp]
st1 {v3.s}[0], [x2], x3
