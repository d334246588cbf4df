// ERROR: 2:16: error: negative width in bit-field 'a'
struct s { int a : -1; };
