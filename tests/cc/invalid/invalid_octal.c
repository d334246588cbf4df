// ERROR: 2:9: error: invalid digit "9" in octal constant
int x = 089;
