// ERROR: 2:16: error: zero width for bit-field 'a'
struct s { int a : 0; };
