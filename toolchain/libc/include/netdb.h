/* netdb.h -- host, service and protocol names; getaddrinfo. */
#ifndef _NETDB_H
#define _NETDB_H

#include <features.h>
#include <netinet/in.h>

#define __NEED_size_t
#define __NEED_socklen_t
#define __NEED_uintN_t
#include <bits/alltypes.h>

#define _PATH_HEQUIV "/etc/hosts.equiv"
#define _PATH_HOSTS "/etc/hosts"
#define _PATH_NETWORKS "/etc/networks"
#define _PATH_NSSWITCH_CONF "/etc/nsswitch.conf"
#define _PATH_PROTOCOLS "/etc/protocols"
#define _PATH_SERVICES "/etc/services"

/* The resolver's error, per thread. */
int *__h_errno_location(void) __pcc_const;
#define h_errno (*__h_errno_location())
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4
#if defined(__PCC_MISC)
#define NETDB_INTERNAL (-1)
#define NETDB_SUCCESS 0
#define NO_ADDRESS NO_DATA
void herror(const char *__str);
const char *hstrerror(int __err_num);
#endif

#define IPPORT_RESERVED 1024

struct hostent {
	char *h_name;
	char **h_aliases;
	int h_addrtype;
	int h_length;
	char **h_addr_list;
#if defined(__PCC_MISC)
#define h_addr h_addr_list[0]
#endif
};

struct netent {
	char *n_name;
	char **n_aliases;
	int n_addrtype;
	uint32_t n_net;
};

struct servent {
	char *s_name;
	char **s_aliases;
	int s_port;
	char *s_proto;
};

struct protoent {
	char *p_name;
	char **p_aliases;
	int p_proto;
};

struct addrinfo {
	int ai_flags;
	int ai_family;
	int ai_socktype;
	int ai_protocol;
	socklen_t ai_addrlen;
	struct sockaddr *ai_addr;
	char *ai_canonname;
	struct addrinfo *ai_next;
};

#define AI_PASSIVE 0x0001
#define AI_CANONNAME 0x0002
#define AI_NUMERICHOST 0x0004
#define AI_V4MAPPED 0x0008
#define AI_ALL 0x0010
#define AI_ADDRCONFIG 0x0020
#if defined(__PCC_GNU)
#define AI_IDN 0x0040
#define AI_CANONIDN 0x0080
#endif
#define AI_NUMERICSERV 0x0400

#define EAI_BADFLAGS (-1)
#define EAI_NONAME (-2)
#define EAI_AGAIN (-3)
#define EAI_FAIL (-4)
#define EAI_FAMILY (-6)
#define EAI_SOCKTYPE (-7)
#define EAI_SERVICE (-8)
#define EAI_MEMORY (-10)
#define EAI_SYSTEM (-11)
#define EAI_OVERFLOW (-12)
#if defined(__PCC_GNU)
#define EAI_NODATA (-5)
#define EAI_ADDRFAMILY (-9)
#define EAI_INPROGRESS (-100)
#define EAI_CANCELED (-101)
#define EAI_NOTCANCELED (-102)
#define EAI_ALLDONE (-103)
#define EAI_INTR (-104)
#define EAI_IDN_ENCODE (-105)
#endif

#if defined(__PCC_MISC)
#define NI_MAXHOST 1025
#define NI_MAXSERV 32
#endif
#define NI_NUMERICHOST 1
#define NI_NUMERICSERV 2
#define NI_NOFQDN 4
#define NI_NAMEREQD 8
#define NI_DGRAM 16
#if defined(__PCC_GNU)
#define NI_IDN 32
#endif

void sethostent(int __stay_open);
void endhostent(void);
struct hostent *gethostent(void);
void setnetent(int __stay_open);
void endnetent(void);
struct netent *getnetent(void);
struct netent *getnetbyaddr(uint32_t __net, int __type);
struct netent *getnetbyname(const char *__name);
void setservent(int __stay_open);
void endservent(void);
struct servent *getservent(void);
struct servent *getservbyname(const char *__name, const char *__proto);
struct servent *getservbyport(int __port, const char *__proto);
void setprotoent(int __stay_open);
void endprotoent(void);
struct protoent *getprotoent(void);
struct protoent *getprotobyname(const char *__name);
struct protoent *getprotobynumber(int __proto);

#if defined(__PCC_MISC)
struct hostent *gethostbyname(const char *__name);
struct hostent *gethostbyaddr(const void *__addr, socklen_t __len, int __type);
struct hostent *gethostbyname2(const char *__name, int __af);
int gethostent_r(struct hostent *__restrict __result_buf, char *__restrict __buf,
                 size_t __buflen, struct hostent **__restrict __result,
                 int *__restrict __h_errnop);
int gethostbyaddr_r(const void *__restrict __addr, socklen_t __len, int __type,
                    struct hostent *__restrict __result_buf, char *__restrict __buf,
                    size_t __buflen, struct hostent **__restrict __result,
                    int *__restrict __h_errnop);
int gethostbyname_r(const char *__restrict __name, struct hostent *__restrict __result_buf,
                    char *__restrict __buf, size_t __buflen,
                    struct hostent **__restrict __result, int *__restrict __h_errnop);
int gethostbyname2_r(const char *__restrict __name, int __af,
                     struct hostent *__restrict __result_buf, char *__restrict __buf,
                     size_t __buflen, struct hostent **__restrict __result,
                     int *__restrict __h_errnop);
int getservbyname_r(const char *__restrict __name, const char *__restrict __proto,
                    struct servent *__restrict __result_buf, char *__restrict __buf,
                    size_t __buflen, struct servent **__restrict __result);
int getservbyport_r(int __port, const char *__restrict __proto,
                    struct servent *__restrict __result_buf, char *__restrict __buf,
                    size_t __buflen, struct servent **__restrict __result);
int getprotobyname_r(const char *__restrict __name, struct protoent *__restrict __result_buf,
                     char *__restrict __buf, size_t __buflen,
                     struct protoent **__restrict __result);
int getprotobynumber_r(int __proto, struct protoent *__restrict __result_buf,
                       char *__restrict __buf, size_t __buflen,
                       struct protoent **__restrict __result);
#endif

int getaddrinfo(const char *__restrict __name, const char *__restrict __service,
                const struct addrinfo *__restrict __req, struct addrinfo **__restrict __pai);
void freeaddrinfo(struct addrinfo *__ai);
const char *gai_strerror(int __ecode);
int getnameinfo(const struct sockaddr *__restrict __sa, socklen_t __salen,
                char *__restrict __host, socklen_t __hostlen, char *__restrict __serv,
                socklen_t __servlen, int __flags);

#endif
