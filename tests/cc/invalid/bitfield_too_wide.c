// ERROR: 2:16: error: width of 'a' exceeds its type
struct s { int a : 40; };
