// ERROR: 2:6: error: expected ';' before 'int'
int x
int y;
