// ERROR: 4:9: error: incompatible types when initializing type 'int' using type 'struct s'
struct s { int a; };
struct s v;
int i = v;
