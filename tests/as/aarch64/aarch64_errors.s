// AArch64 errors: each line must fail with GNU as's message after '// error:'
// (the text GNU as 2.40 prints, quoted instruction included).
// Runner: tests/as/test_aarch64_encoding.py.
add x0, x1                  // error: comma expected between operands at operand 3 -- `add x0,x1'
add x0, d1, x2              // error: operand 2 must be an integer or stack pointer register -- `add x0,d1,x2'
add x0, x1, w2              // error: missing extend operator at operand 3 -- `add x0,x1,w2'
add w0, x1, w2              // error: operand mismatch -- `add w0,x1,w2'
mov x0, w1                  // error: operand mismatch -- `mov x0,w1'
fadd d0, s1, d2             // error: operand mismatch -- `fadd d0,s1,d2'
foo x0                      // error: unknown mnemonic `foo' -- `foo x0'
and x0, x1, #3, lsl 2       // error: unexpected shift operator at operand 4 -- `and x0,x1,#3,lsl 2'
and w0, w1, #0              // error: immediate out of range at operand 3 -- `and w0,w1,#0'
ubfx x0, x1, #60, #10       // error: immediate value out of range 1 to 4 at operand 4 -- `ubfx x0,x1,#60,#10'
lsl x0, x1, #64             // error: immediate value out of range 0 to 63 at operand 3 -- `lsl x0,x1,#64'
svc #70000                  // error: immediate value out of range 0 to 65535 at operand 1 -- `svc #70000'
ldp x0, x1, [sp, #3]        // error: immediate value must be a multiple of 8 at operand 3 -- `ldp x0,x1,[sp,#3]'
ldp x0, x1, [sp, #1024]     // error: immediate offset out of range -512 to 504 at operand 3 -- `ldp x0,x1,[sp,#1024]'
cbz x0                      // error: comma expected between operands at operand 2 -- `cbz x0'
ret x0, x1                  // error: unexpected characters following instruction at operand 2 -- `ret x0,x1'
csel x0, x1, x2, foo        // error: invalid condition at operand 4 -- `csel x0,x1,x2,foo'
mrs x0, foo_el0             // error: unknown or missing system register name at operand 2 -- `mrs x0,foo_el0'
movk x0, #1, lsl 8          // error: shift amount must be a multiple of 16 at operand 3 -- `movk x0,#1,lsl 8'
ldr x0, [w1]                // error: 64-bit integer or SP register expected at operand 2 -- `ldr x0,[w1]'
tbz x0, #64, .              // error: immediate value out of range 0 to 63 at operand 2 -- `tbz x0,#64,.'
tbz w0, #32, .              // error: immediate value out of range 0 to 31 at operand 2 -- `tbz w0,#32,.'
add x0, x1, #1, lsl #3      // error: shift amount must be 0 or 12 at operand 4 -- `add x0,x1,#1,lsl#3'
lsl x0, x1                  // error: comma expected between operands at operand 3 -- `lsl x0,x1'
mov x0, #0x123456789        // error: immediate cannot be moved by a single instruction
fmov d0, #0.0               // error: invalid floating-point constant at operand 2 -- `fmov d0,#0.0'
ldr w0, [x1, x2, lsl #3]    // error: invalid shift amount at operand 2 -- `ldr w0,[x1,x2,lsl#3]'
mov wzr, #0xaaaaaaaa        // error: immediate cannot be moved by a single instruction
add x0, x1, #5000           // error: immediate out of range
ldr x0, [x1, #40000]        // error: immediate offset out of range
ldr x0, [x1, #-300]         // error: immediate offset out of range
mla v0.2d, v1.2d, v2.2d     // error: operand mismatch -- `mla v0.2d,v1.2d,v2.2d'
