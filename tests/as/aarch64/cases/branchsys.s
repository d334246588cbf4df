// Branches, exception generation and system instructions (Arm ARM C4.1.93).
b foo
b foo+8
bl foo
bl .+4
b .
b .-4
b .+134217724
b .-134217728
b.eq foo
b.ne .+8
beq .
bne .-8
bcs .+4
bhs .+4
bcc .+4
blo .+4
bmi .+4
bpl .+4
bvs .+4
bvc .+4
bhi .+4
bls .+4
bge .+4
blt .+4
bgt .+4
ble .+4
b.al .+4
b.nv .+4
b.le .+1048572
b.gt .-1048576
cbz x0, foo
cbz w1, .+8
cbnz x2, .-4
cbnz w3, foo
tbz x0, #63, foo
tbz w0, #0, .+8
tbnz x1, #32, .-8
tbnz w2, #31, .+32764
br x0
br x30
blr x1
blr x16
ret
ret x1
ret x30
svc #0
svc #0xffff
hvc #1
smc #2
brk #0x3e8
hlt #0
nop
yield
wfe
wfi
sev
sevl
hint #0
hint #34
hint #127
dmb ish
dmb ishld
dmb ishst
dmb sy
dmb oshld
dmb nsh
dmb ld
dmb st
dmb #0
dsb sy
dsb ish
dsb #12
isb
isb sy
isb #5
mrs x0, tpidr_el0
mrs x1, fpcr
mrs x2, fpsr
mrs x3, nzcv
mrs x4, cntvct_el0
mrs x5, cntfrq_el0
mrs x6, midr_el1
mrs x7, currentel
mrs x8, ctr_el0
mrs x9, dczid_el0
mrs x0, s3_3_c13_c0_2
mrs x0, s2_0_c0_c0_0
msr tpidr_el0, x0
msr fpcr, x1
msr fpsr, xzr
msr nzcv, x2
msr vbar_el1, x0
msr s3_0_c15_c2_0, x1
msr daifset, #2
msr daifclr, #15
msr spsel, #1
dc zva, x0
dc civac, x1
dc cvau, x2
dc cvac, x3
dc ivac, x4
ic ivau, x0
ic iallu
ic ialluis
tlbi vmalle1
tlbi vae1, x0
bti
bti c
bti j
bti jc
esb
csdb
paciasp
autiasp
pacibsp
autibsp
autia1716
autib1716
xpaclri
eret
drps
clrex
clrex #3
sys #0, c7, c5, #0
sys #3, c7, c11, #1, x2
msr sp_el0, x0
mrs x1, elr_el1
msr spsr_el1, x2
msr sctlr_el1, x3
mrs x4, esr_el1
msr ttbr0_el1, x5
msr mair_el1, x6
msr tcr_el1, x7
mrs x0, mpidr_el1
msr cntv_ctl_el0, x0
mrs x0, id_aa64mmfr0_el1
msr hcr_el2, x0
msr scr_el3, x0
