# expect: 2: error: pseudo prefix without instruction
	{vex3}
