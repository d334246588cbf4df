// ERROR: 3:5: error: variably modified 'a' at file scope
int n;
int a[n];
