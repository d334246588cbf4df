// ERROR: 3:8: error: conflicting types for 'k'; have 'double'
int k;
double k;
