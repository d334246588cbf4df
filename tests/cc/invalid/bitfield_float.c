// ERROR: 2:18: error: bit-field 'f' has invalid type
struct s { float f : 3; };
