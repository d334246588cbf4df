// ERROR: 3:7: error: 's' defined as wrong kind of tag
struct s { int a; };
union s *p;
