// ERROR: 2:5: error: size of array 'a' is negative
int a[-1];
