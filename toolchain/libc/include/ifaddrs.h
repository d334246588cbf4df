/* ifaddrs.h -- the list of network interfaces and their addresses. */
#ifndef _IFADDRS_H
#define _IFADDRS_H

#include <features.h>
#include <sys/socket.h>

struct ifaddrs {
	struct ifaddrs *ifa_next;
	char *ifa_name;
	unsigned int ifa_flags;         /* IFF_* of net/if.h */
	struct sockaddr *ifa_addr;
	struct sockaddr *ifa_netmask;
	union {
		struct sockaddr *ifu_broadaddr;
		struct sockaddr *ifu_dstaddr;
	} ifa_ifu;
	void *ifa_data;
};
#define ifa_broadaddr ifa_ifu.ifu_broadaddr
#define ifa_dstaddr ifa_ifu.ifu_dstaddr

int getifaddrs(struct ifaddrs **__ifap);
void freeifaddrs(struct ifaddrs *__ifa);

#endif
