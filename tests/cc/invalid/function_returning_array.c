// ERROR: 3:3: error: 'g' declared as function returning an array
typedef int A[3];
A g(void);
