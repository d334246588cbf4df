# Data directives of other assemblers' dialects gas accepts: .dc.*/.ds.*,
# .string16/.string32, and .tfloat (x87 extended, gas's rounding).
	.data
	.dc.b 1, 2, 0x1ff
	.dc.w 0x1234, -1
	.dc.l 0x12345678, sym
	.dc.a sym
	.dc 7
	.ds.b 3
	.ds.w 2, 0x1234
	.ds.l 2, 7
	.ds 2
	.ds.b 2, 0x55
	.ds.s 1, 9
	.ds.d 2, -2
	.ds.x 1, 3
	.ds.p 1
	.string16 "ab", "c"
	.string32 "xy\377"
	.string "q"
	.tfloat 1.5, -0.1, 3.14159265358979323846264338327950288, 1e4000, 0, 1e-4940, 1.0e308
	.tfloat inf, -inf, nan, 0f1.25, 18446744073709551617, -0
	.dc.x 2.5
	.byte 0xaa
	.bss
	.ds.l 4
	.ds.b 3
