# expect: 2: error: junk at end of line, first unrecognized character is '@'
	@foo
