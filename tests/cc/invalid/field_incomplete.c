// ERROR: 3:21: error: field 'x' has incomplete type
struct t;
struct s { struct t x; };
