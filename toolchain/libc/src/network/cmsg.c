/* __cmsg_nxthdr -- CMSG_NXTHDR (sys/socket.h): the control message after
 * cmsg in mhdr's buffer, or a null pointer when it would not fit. */
#include <sys/socket.h>

struct cmsghdr *__cmsg_nxthdr(struct msghdr *mhdr, struct cmsghdr *cmsg)
{
	unsigned char *end = (unsigned char *)mhdr->msg_control + mhdr->msg_controllen;
	unsigned char *next;
	if (cmsg->cmsg_len < sizeof(struct cmsghdr))
		return 0;
	next = (unsigned char *)cmsg + CMSG_ALIGN(cmsg->cmsg_len);
	if ((size_t)(end - next) < sizeof(struct cmsghdr)
	    || (size_t)(end - next) < CMSG_ALIGN(((struct cmsghdr *)next)->cmsg_len))
		return 0;
	return (struct cmsghdr *)next;
}
