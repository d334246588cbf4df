# expect: 2: error: can't open missing-file.inc for reading: No such file or directory
	.include "missing-file.inc"
