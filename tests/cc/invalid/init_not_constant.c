// ERROR: 3:9: error: initializer element is not constant
int n = 1;
int m = n;
