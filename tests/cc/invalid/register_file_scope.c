// ERROR: 2:14: error: register name not specified for 'r'
register int r;
