// Scalar floating point (Arm ARM C4.1.96).
fmov s0, s1
fmov d0, d1
fmov h0, h1
fmov s0, w1
fmov w0, s1
fmov d0, x1
fmov x0, d1
fmov h0, w1
fmov w0, h1
fmov x0, h1
fmov d0, xzr
fmov v0.d[1], x1
fmov x1, v0.d[1]
fmov s0, #1.0
fmov d0, #-2.5
fmov d0, #0.125
fmov s0, #31.0
fmov d0, #1.9375
fmov h0, #-1.0
fmov d0, #2
fmov s0, #1e1
fadd s0, s1, s2
fadd d0, d1, d2
fadd h0, h1, h2
fsub d0, d1, d2
fmul s0, s1, s2
fdiv d0, d1, d2
fmax s0, s1, s2
fmin d0, d1, d2
fmaxnm d0, d1, d2
fminnm s0, s1, s2
fnmul d0, d1, d2
fabs d0, d1
fabs s0, s1
fneg s0, s1
fneg d0, d1
fsqrt d0, d1
fsqrt s0, s1
frintn d0, d1
frintp s0, s1
frintm d0, d1
frintz s0, s1
frinta d0, d1
frintx s0, s1
frinti d0, d1
fmadd d0, d1, d2, d3
fmsub s0, s1, s2, s3
fnmadd d0, d1, d2, d3
fnmsub s0, s1, s2, s3
fcvt d0, s1
fcvt s0, d1
fcvt h0, s1
fcvt s0, h1
fcvt d0, h1
fcvt h0, d1
fcmp s0, s1
fcmp d0, d1
fcmp d0, #0.0
fcmp s0, #0
fcmpe d0, d1
fcmpe s0, #0.0
fccmp d0, d1, #0, ne
fccmpe s0, s1, #15, eq
fcsel d0, d1, d2, gt
fcsel s0, s1, s2, lo
scvtf d0, w1
scvtf d0, x1
scvtf s0, w1
scvtf s0, x1
ucvtf d0, w1
ucvtf s0, x1
scvtf h0, w1
scvtf d0, x1, #3
ucvtf s0, w1, #32
fcvtzs w0, d1
fcvtzs x0, d1
fcvtzs w0, s1
fcvtzs x0, s1
fcvtzu w0, d1
fcvtzu x0, s1
fcvtzs w0, d1, #1
fcvtzu x0, d1, #64
fcvtns w0, d1
fcvtnu x0, s1
fcvtas x0, d1
fcvtau w0, s1
fcvtps x0, d1
fcvtpu w0, d1
fcvtms x0, d1
fcvtmu w0, s1
fcvtzs s0, s1
fcvtzs d0, d1
fcvtzu s0, s1
scvtf s0, s1
scvtf d0, d1
ucvtf d0, d1
