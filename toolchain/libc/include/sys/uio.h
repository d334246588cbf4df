/* sys/uio.h -- vectored I/O. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <features.h>

#define __NEED_size_t
#define __NEED_ssize_t
#define __NEED_off_t
#define __NEED_pid_t
#define __NEED_struct_iovec
#include <bits/alltypes.h>

#define UIO_MAXIOV 1024

ssize_t readv(int __fd, const struct iovec *__iov, int __iovcnt);
ssize_t writev(int __fd, const struct iovec *__iov, int __iovcnt);
ssize_t preadv(int __fd, const struct iovec *__iov, int __iovcnt, off_t __offset);
ssize_t pwritev(int __fd, const struct iovec *__iov, int __iovcnt, off_t __offset);
ssize_t process_vm_readv(pid_t __pid, const struct iovec *__lvec, unsigned long __liovcnt,
                         const struct iovec *__rvec, unsigned long __riovcnt,
                         unsigned long __flags);
ssize_t process_vm_writev(pid_t __pid, const struct iovec *__lvec, unsigned long __liovcnt,
                          const struct iovec *__rvec, unsigned long __riovcnt,
                          unsigned long __flags);

#endif
