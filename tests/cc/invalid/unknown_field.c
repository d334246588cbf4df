// ERROR: 3:17: error: 'struct s' has no member named 'b'
struct s { int a; };
struct s v = { .b = 1 };
