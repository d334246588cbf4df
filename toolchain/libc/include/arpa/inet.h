/* arpa/inet.h -- Internet address conversion. */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <features.h>
#include <netinet/in.h>

#define __NEED_socklen_t
#include <bits/alltypes.h>

in_addr_t inet_addr(const char *__cp);
in_addr_t inet_lnaof(struct in_addr __in);
struct in_addr inet_makeaddr(in_addr_t __net, in_addr_t __host);
in_addr_t inet_netof(struct in_addr __in);
in_addr_t inet_network(const char *__cp);
char *inet_ntoa(struct in_addr __in);
int inet_pton(int __af, const char *__restrict __cp, void *__restrict __buf);
const char *inet_ntop(int __af, const void *__restrict __cp, char *__restrict __buf,
                      socklen_t __len);

#if defined(__PCC_MISC)
int inet_aton(const char *__cp, struct in_addr *__inp);
char *inet_neta(in_addr_t __net, char *__buf, size_t __len);
char *inet_net_ntop(int __af, const void *__cp, int __bits, char *__buf, size_t __len);
int inet_net_pton(int __af, const char *__cp, void *__buf, size_t __len);
unsigned int inet_nsap_addr(const char *__cp, unsigned char *__buf, int __len);
char *inet_nsap_ntoa(int __len, const unsigned char *__cp, char *__buf);
#endif

#endif
