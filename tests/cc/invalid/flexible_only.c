// ERROR: 2:16: error: flexible array member in a struct with no named members
struct s { int a[]; };
