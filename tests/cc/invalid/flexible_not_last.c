// ERROR: 2:23: error: flexible array member not at end of struct
struct s { int n; int a[]; int b; };
