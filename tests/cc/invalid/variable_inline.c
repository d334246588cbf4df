// ERROR: 2:12: warning: variable 'x' declared 'inline'
inline int x;
