/* sys/file.h -- BSD flock. */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <fcntl.h>

int flock(int __fd, int __operation);

#endif
