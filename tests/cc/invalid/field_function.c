// ERROR: 2:16: error: field 'f' declared as a function
struct s { int f(void); };
