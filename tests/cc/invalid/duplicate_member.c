// ERROR: 2:23: error: duplicate member 'a'
struct s { int a; int a; };
