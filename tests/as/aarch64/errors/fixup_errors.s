// Errors GNU as finds only when it resolves a fixup; each line with '// error:'
// must be reported with that message (tests/as/test_aarch64_streamer.py).
	.text
	b.eq 1f                  // error: conditional branch out of range
	tbz x0, #1, 1f           // error: conditional branch out of range
	adr x0, 1f               // error: pc-relative address offset out of range
	ldr x0, 1f               // error: pc-relative load offset out of range
	cbz x1, 1f               // error: conditional branch out of range
	b 1f
	.skip 2000000
1:	b.eq 2f                  // error: conditional branch target not word aligned
	.byte 1
2:	nop
	bl 2b                    // error: branch target not word aligned
