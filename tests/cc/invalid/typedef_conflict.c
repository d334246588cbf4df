// ERROR: 3:14: error: conflicting types for 'T'; have 'long int'
typedef int T;
typedef long T;
