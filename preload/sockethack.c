/*
 * libsockethack: hands systemd's sockets to an unmodified daemon's own socket() calls.
 *
 * Build:   cc -std=gnu11 -O2 -fPIC -shared -fvisibility=hidden -Wall -Wextra -o libsockethack.so sockethack.c -ldl
 * Install: make -C preload install   (puts it at /usr/local/lib/sockethack/libsockethack.so)
 * Use:     a .socket unit per listening socket with FileDescriptorName=socket(DOMAIN,TYPE,PROTOCOL)=N and, in the
 *          service, Sockets=<those units> and Environment=LD_PRELOAD=/usr/local/lib/sockethack/libsockethack.so.
 *          `systemd-units sockets-from-strace` writes both from an strace log of the daemon.
 *
 * What it does
 *
 * Start-up. The library reads LISTEN_PID, LISTEN_FDS and LISTEN_FDNAMES the way sd_listen_fds_with_names() does,
 *   once, before main() (and at the latest on the first call of a wrapped function). It does nothing at all unless
 *   LISTEN_PID is its own pid and at least one name has the hint shape socket(D,T,P)=N (decimal numbers, no
 *   spaces). A process that was not socket-activated, or that was activated without hints (a daemon that speaks
 *   sd_listen_fds() itself), behaves exactly as without the library. The passed descriptors are 3 … 3+LISTEN_FDS-1
 *   and the names, split on ':', belong to them in that order. Like sd_listen_fds(), it marks the passed
 *   descriptors close-on-exec until they are handed out.
 *   Each hinted descriptor is checked with getsockopt(): its family must be D, its type (without the flag bits) must
 *   be T & 0xf, and, when P is not 0, its protocol must be P. A descriptor that fails the check is never handed out,
 *   and one line on stderr says why. So does a hint used twice (the first one wins) and a name that looks like a
 *   hint but is malformed.
 *   Then it unsets LISTEN_PID, LISTEN_FDS and LISTEN_FDNAMES so that the daemon's children do not take them.
 *   SOCKETHACK_KEEP_ENV=1 keeps them. SOCKETHACK_DEBUG=1 logs every hand-over to stderr.
 *
 * socket(D, T, P). Calls are counted per exact triple, flag bits of T included. The hint socket(D,T,P)=N names the
 *   N-th call with that triple, counting from 0: the first call is N=0. That call returns the passed descriptor
 *   itself, not a copy, so the daemon's listening sockets stay at 3 … 3+LISTEN_FDS-1. The flags the call asked for
 *   are applied: O_NONBLOCK is set exactly when T has SOCK_NONBLOCK and FD_CLOEXEC exactly when T has SOCK_CLOEXEC,
 *   as a fresh socket would have them. Every other call goes to the real socket(); the passed descriptors stay
 *   open, so new descriptors come after them.
 *   Note that the library sees calls of the socket() function, while strace sees system calls. Sockets that the C
 *   library opens internally (name service, syslog, DNS) are in an strace log but never reach this function. Only
 *   triples that the daemon itself also uses could shift the count; the hint names are checked at bind() time
 *   (below), so such a shift shows up as a clear line on stderr.
 *
 * bind(fd, addr). On a descriptor that was handed out it succeeds without binding: the socket is bound already, and
 *   a second bind() would fail. If addr differs from the socket's own address the difference is logged, once per
 *   descriptor. On any other socket, a bind() to the address of a passed socket is logged (with the call that the
 *   hint named) and goes ahead; it will fail with EADDRINUSE, since systemd holds the address. This is what a wrong
 *   hint looks like.
 *
 * listen(fd). On a handed-out descriptor that already listens it returns 0 without calling listen(), so the
 *   Backlog= of the socket unit stays in force. A passed socket that does not listen yet is passed on to listen().
 *
 * close(fd), close_range(), closefrom(). A passed descriptor is never closed. Closing it would lose systemd's
 *   socket for good: nothing in the process can re-create it (the address is held by systemd, and under
 *   systemd-socket-activate by nobody else), connections already waiting in its queue would be reset, and the
 *   number would be reused by the next open(), so a later hand-over could not keep the descriptors tidy.
 *   So close() of a handed-out descriptor "parks" it: it returns 0, sets FD_CLOEXEC (the daemon believes it is
 *   gone, so exec'd children must not get it) and the kernel keeps queuing connections on it. When the daemon has
 *   closed every handed-out descriptor of a triple, the count of that triple starts again from 0. A daemon that
 *   closes its listeners on reload and repeats its start-up calls therefore gets the same descriptors again on the
 *   second round, by the same hints. (A daemon that reopens only one of several same-triple sockets keeps counting
 *   and gets a fresh socket, whose bind() then fails and is logged as above.)
 *   close() of a passed descriptor that was never handed out (daemons that close every descriptor above 2 at
 *   start-up) also returns 0 and keeps it. close() of a parked descriptor fails with EBADF, as a second close() would.
 *   close_range() and closefrom() close everything in the range except the passed descriptors. Descriptors whose
 *   hint failed the check are not protected. dup2()/dup3() onto a passed descriptor replaces it, as it would
 *   without the library; no daemon we know does that to its listening sockets.
 *
 * unlink(path), unlinkat(dirfd, path, 0), remove(path). If path names the file of a passed AF_UNIX socket (same
 *   device and inode as the file that was bound when the library started), the call returns 0 and the file stays.
 *   slapd, for one, removes its socket file before binding and again on exit; without this the socket that systemd
 *   owns would lose its name and no client could connect.
 *
 * fork() needs nothing: a child keeps the descriptors and the library's state, so a daemon that forks into the
 *   background before opening its sockets (Type=forking) gets them in the child. exec() starts over: LISTEN_* are
 *   gone (unless SOCKETHACK_KEEP_ENV=1), and parked descriptors are closed.
 *
 * Threads and signals. The state is a fixed table filled once at start-up; the wrappers use only atomic
 *   operations on it and system calls that are async-signal-safe (getsockopt, getsockname, fcntl, fstatat, write),
 *   never malloc() or locks. Two threads that race for the same triple get different call numbers, so at most one
 *   of them gets the passed descriptor.
 *
 * Not done: exit on idle. A design that fits this library: with SOCKETHACK_IDLE_EXIT=SECONDS and NOTIFY_SOCKET set,
 *   wrap accept()/accept4() to count open connections (and close() to count them down), and start a timer thread
 *   on the first hand-over. When the count has been 0 for SECONDS, send "FDSTORE=1\nFDNAME=<hint>" with the passed
 *   descriptors in SCM_RIGHTS over NOTIFY_SOCKET (the unit needs FileDescriptorStoreMax=), then "STOPPING=1", and
 *   exit(0). systemd keeps the sockets, the .socket units keep listening, and the next connection starts the service
 *   again with the same LISTEN_FDNAMES. It needs a real systemd to test the store, and wrapping accept() changes
 *   the daemon's hot path, so it is left out until it can be tested end to end.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PUBLIC __attribute__((visibility("default")))
#define FIRST_FD 3
#define MAX_FDS 128
#define TYPE_MASK 0xf
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

enum { WAITING = 0, HELD = 1, PARKED = 2 };

struct slot {
	int hinted;                     /* the name is a valid hint */
	int usable;                     /* hinted and the descriptor passed the check */
	int domain, type, protocol;     /* the hint's triple */
	unsigned long index;            /* the hint's N */
	int triple;                     /* index into triples[] */
	char name[80];
	struct sockaddr_storage addr;   /* the socket's own address at start-up */
	socklen_t addrlen;
	int has_file;                   /* AF_UNIX socket with a file: its device and inode */
	dev_t dev;
	ino_t ino;
	_Atomic int state;
	_Atomic int bind_logged;
};

struct triple {
	int domain, type, protocol;
	_Atomic unsigned long calls;    /* socket() calls with this triple in the current round */
	_Atomic int held;               /* handed-out descriptors of this triple not closed by the daemon */
};

static struct slot slots[MAX_FDS];
static struct triple triples[MAX_FDS];
static int nslots;                  /* LISTEN_FDS, capped */
static int ntriples;
static int active;                  /* at least one usable hint: the library is in charge */
static int debug;
static _Atomic int init_state;      /* 0 not started, 1 running, 2 done */

static int (*real_socket)(int, int, int);
static int (*real_bind)(int, const struct sockaddr *, socklen_t);
static int (*real_listen)(int, int);
static int (*real_close)(int);
static int (*real_close_range)(unsigned int, unsigned int, int);
static void (*real_closefrom)(int);
static int (*real_unlink)(const char *);
static int (*real_unlinkat)(int, const char *, int);
static int (*real_remove)(const char *);

/* ---------- logging without stdio or malloc ---------- */

struct buf { char s[512]; size_t n; };

static void put(struct buf *b, const char *s)
{
	while (*s && b->n < sizeof b->s - 1) b->s[b->n++] = *s++;
}

static void putn(struct buf *b, long v)
{
	char t[24];
	int i = 0;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	do t[i++] = (char)('0' + u % 10); while ((u /= 10) && i < 23);
	if (v < 0) put(b, "-");
	while (i) { char c[2] = { t[--i], 0 }; put(b, c); }
}

static void put_addr(struct buf *b, const struct sockaddr *sa, socklen_t len)
{
	char text[INET6_ADDRSTRLEN];
	if (len >= sizeof(struct sockaddr_in) && sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)sa;
		put(b, inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) ? text : "?");
		put(b, ":"); putn(b, ntohs(in->sin_port));
	} else if (len >= sizeof(struct sockaddr_in6) && sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)sa;
		put(b, "["); put(b, inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text) ? text : "?");
		put(b, "]:"); putn(b, ntohs(in6->sin6_port));
	} else if (sa->sa_family == AF_UNIX) {
		const struct sockaddr_un *un = (const void *)sa;
		size_t max = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
		if (max > sizeof un->sun_path) max = sizeof un->sun_path;
		if (max == 0) { put(b, "(unnamed unix socket)"); return; }
		size_t i = 0;
		if (un->sun_path[0] == 0) { put(b, "@"); i = 1; }
		for (; i < max && (un->sun_path[i] || un->sun_path[0] == 0); i++) {
			char c[2] = { un->sun_path[i] ? un->sun_path[i] : '@', 0 };
			put(b, c);
		}
	} else {
		put(b, "(family "); putn(b, sa->sa_family); put(b, ")");
	}
}

static void emit(struct buf *b)
{
	int saved = errno;
	b->s[b->n++] = '\n'; /* put() leaves room for it */
	const char *p = b->s;
	size_t left = b->n;
	while (left) {
		ssize_t w = write(2, p, left);
		if (w < 0 && errno == EINTR) continue;
		if (w <= 0) break;
		p += w; left -= (size_t)w;
	}
	errno = saved;
}

static void start(struct buf *b)
{
	b->n = 0;
	put(b, "sockethack[");
	putn(b, getpid());
	put(b, "]: ");
}

/* ---------- start-up ---------- */

static void *next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

static void resolve(void)
{
	real_socket = next("socket");
	real_bind = next("bind");
	real_listen = next("listen");
	real_close = next("close");
	real_close_range = next("close_range");
	real_closefrom = next("closefrom");
	real_unlink = next("unlink");
	real_unlinkat = next("unlinkat");
	real_remove = next("remove");
}

/* A decimal number, the whole string; -1 when it is not one. */
static long number(const char *s, size_t len)
{
	if (len == 0 || len > 9) return -1;
	long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* socket(D,T,P)=N. 1 when it is a hint, 0 when it is not hint-shaped at all, -1 when it starts like one but is bad. */
static int parse_hint(const char *s, size_t len, long out[4])
{
	static const char after[4] = { ',', ',', ')', 0 };
	if (len < 7 || memcmp(s, "socket(", 7) != 0) return 0;
	size_t i = 7;
	for (int k = 0; k < 4; k++) {
		size_t j = i;
		while (j < len && s[j] >= '0' && s[j] <= '9') j++;
		out[k] = number(s + i, j - i);
		if (out[k] < 0) return -1;
		if (k == 3) return j == len ? 1 : -1;
		if (j >= len || s[j] != after[k]) return -1;
		i = j + 1;
		if (k == 2) {
			if (i >= len || s[i] != '=') return -1;
			i++;
		}
	}
	return -1;
}

static void check_slot(int i)
{
	struct slot *s = &slots[i];
	int fd = FIRST_FD + i;
	int domain = -1, type = -1, protocol = -1;
	socklen_t l = sizeof domain;
	struct buf b;
	if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &l) < 0) {
		start(&b); put(&b, "passed descriptor "); putn(&b, fd); put(&b, " ("); put(&b, s->name);
		put(&b, ") is not a socket; it is not handed out"); emit(&b);
		return;
	}
	l = sizeof type; getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &l);
	l = sizeof protocol; getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &l);
	if (domain != s->domain || type != (s->type & TYPE_MASK) || (s->protocol != 0 && protocol != s->protocol)) {
		start(&b); put(&b, "passed descriptor "); putn(&b, fd); put(&b, " is socket(");
		putn(&b, domain); put(&b, ","); putn(&b, type); put(&b, ","); putn(&b, protocol);
		put(&b, "), which does not fit its hint "); put(&b, s->name);
		put(&b, " (family, type without flags, and a non-zero protocol must match); it is not handed out");
		emit(&b);
		return;
	}
	s->addrlen = sizeof s->addr;
	if (getsockname(fd, (struct sockaddr *)&s->addr, &s->addrlen) < 0) s->addrlen = 0;
	if (domain == AF_UNIX && s->addrlen > offsetof(struct sockaddr_un, sun_path)) {
		const struct sockaddr_un *un = (const void *)&s->addr;
		if (un->sun_path[0] != 0) {
			char path[sizeof un->sun_path + 1];
			size_t n = s->addrlen - offsetof(struct sockaddr_un, sun_path);
			if (n > sizeof un->sun_path) n = sizeof un->sun_path;
			memcpy(path, un->sun_path, n);
			path[n] = 0;
			struct stat st;
			if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
				s->has_file = 1; s->dev = st.st_dev; s->ino = st.st_ino;
			}
		}
	}
	s->usable = 1;
}

static void init(void)
{
	resolve();
	const char *e = getenv("LISTEN_PID");
	if (!e || number(e, strlen(e)) != (long)getpid()) return;
	e = getenv("LISTEN_FDS");
	long n = e ? number(e, strlen(e)) : -1;
	if (n <= 0) return;
	const char *names = getenv("LISTEN_FDNAMES");
	if (!names) return;
	debug = getenv("SOCKETHACK_DEBUG") && strcmp(getenv("SOCKETHACK_DEBUG"), "1") == 0;
	struct buf b;
	if (n > MAX_FDS) {
		start(&b); put(&b, "LISTEN_FDS="); putn(&b, n); put(&b, ": only the first "); putn(&b, MAX_FDS);
		put(&b, " descriptors are looked at"); emit(&b);
		n = MAX_FDS;
	}
	nslots = (int)n;
	int hints = 0;
	const char *p = names;
	for (int i = 0; i < nslots && p; i++) {
		const char *end = strchr(p, ':');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		struct slot *s = &slots[i];
		size_t keep = len < sizeof s->name - 1 ? len : sizeof s->name - 1;
		memcpy(s->name, p, keep);
		s->name[keep] = 0;
		long h[4];
		int r = parse_hint(p, len, h);
		if (r < 0) {
			start(&b); put(&b, "name of passed descriptor "); putn(&b, FIRST_FD + i); put(&b, " ("); put(&b, s->name);
			put(&b, ") is not a valid hint: write socket(DOMAIN,TYPE,PROTOCOL)=N with decimal numbers"); emit(&b);
		} else if (r > 0) {
			s->hinted = 1;
			s->domain = (int)h[0]; s->type = (int)h[1]; s->protocol = (int)h[2]; s->index = (unsigned long)h[3];
			hints++;
		}
		p = end ? end + 1 : NULL;
	}
	if (!hints) return; /* activated, but not for us: leave everything as it is */
	for (int i = 0; i < nslots; i++) {
		struct slot *s = &slots[i];
		if (!s->hinted) continue;
		int dup = -1;
		for (int j = 0; j < i; j++)
			if (slots[j].hinted && slots[j].domain == s->domain && slots[j].type == s->type &&
			    slots[j].protocol == s->protocol && slots[j].index == s->index) dup = j;
		if (dup >= 0) {
			start(&b); put(&b, "hint "); put(&b, s->name); put(&b, " of passed descriptor "); putn(&b, FIRST_FD + i);
			put(&b, " is also the hint of descriptor "); putn(&b, FIRST_FD + dup); put(&b, "; only that one is handed out");
			emit(&b);
			continue;
		}
		check_slot(i);
		if (!s->usable) continue;
		int t;
		for (t = 0; t < ntriples; t++)
			if (triples[t].domain == s->domain && triples[t].type == s->type && triples[t].protocol == s->protocol) break;
		if (t == ntriples) {
			triples[t].domain = s->domain; triples[t].type = s->type; triples[t].protocol = s->protocol;
			ntriples++;
		}
		s->triple = t;
		/* Like sd_listen_fds(): not inherited over exec until the daemon asks for it. */
		fcntl(FIRST_FD + i, F_SETFD, FD_CLOEXEC);
		active = 1;
	}
	const char *keep = getenv("SOCKETHACK_KEEP_ENV");
	if (!(keep && strcmp(keep, "1") == 0)) {
		unsetenv("LISTEN_PID");
		unsetenv("LISTEN_FDS");
		unsetenv("LISTEN_FDNAMES");
	}
}

static void ensure_init(void)
{
	int st = atomic_load_explicit(&init_state, memory_order_acquire);
	if (st == 2) return;
	int expected = 0;
	if (atomic_compare_exchange_strong(&init_state, &expected, 1)) {
		init();
		atomic_store_explicit(&init_state, 2, memory_order_release);
		return;
	}
	while (atomic_load_explicit(&init_state, memory_order_acquire) != 2) sched_yield();
}

__attribute__((constructor)) static void sockethack_init(void)
{
	ensure_init();
}

/* The slot of a passed, usable descriptor, or NULL. */
static struct slot *slot_of(int fd)
{
	if (!active || fd < FIRST_FD || fd >= FIRST_FD + nslots) return NULL;
	struct slot *s = &slots[fd - FIRST_FD];
	return s->usable ? s : NULL;
}

static int same_address(const struct sockaddr *a, socklen_t alen, const struct sockaddr *b, socklen_t blen)
{
	if (a->sa_family != b->sa_family) return 0;
	if (a->sa_family == AF_INET && alen >= sizeof(struct sockaddr_in) && blen >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *x = (const void *)a, *y = (const void *)b;
		return x->sin_port == y->sin_port && x->sin_addr.s_addr == y->sin_addr.s_addr;
	}
	if (a->sa_family == AF_INET6 && alen >= sizeof(struct sockaddr_in6) && blen >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *x = (const void *)a, *y = (const void *)b;
		return x->sin6_port == y->sin6_port && memcmp(&x->sin6_addr, &y->sin6_addr, sizeof x->sin6_addr) == 0;
	}
	if (a->sa_family == AF_UNIX) {
		const struct sockaddr_un *x = (const void *)a, *y = (const void *)b;
		size_t off = offsetof(struct sockaddr_un, sun_path);
		size_t xl = alen > off ? alen - off : 0, yl = blen > off ? blen - off : 0;
		if (xl > sizeof x->sun_path) xl = sizeof x->sun_path;
		if (yl > sizeof y->sun_path) yl = sizeof y->sun_path;
		/* Path names may or may not count their terminating NUL. */
		if (xl && x->sun_path[0]) xl = strnlen(x->sun_path, xl);
		if (yl && y->sun_path[0]) yl = strnlen(y->sun_path, yl);
		return xl == yl && memcmp(x->sun_path, y->sun_path, xl) == 0;
	}
	return 0;
}

/* ---------- the wrapped functions ---------- */

PUBLIC int socket(int domain, int type, int protocol)
{
	ensure_init();
	if (!real_socket) { errno = ENOSYS; return -1; }
	if (!active) return real_socket(domain, type, protocol);
	int t;
	for (t = 0; t < ntriples; t++)
		if (triples[t].domain == domain && triples[t].type == type && triples[t].protocol == protocol) break;
	if (t == ntriples) return real_socket(domain, type, protocol);
	unsigned long call = atomic_fetch_add(&triples[t].calls, 1);
	for (int i = 0; i < nslots; i++) {
		struct slot *s = &slots[i];
		if (!s->usable || s->triple != t || s->index != call) continue;
		int expected = atomic_load(&s->state);
		if (expected == HELD || !atomic_compare_exchange_strong(&s->state, &expected, HELD)) break;
		atomic_fetch_add(&triples[t].held, 1);
		int fd = FIRST_FD + i;
		int fl = fcntl(fd, F_GETFL);
		if (fl >= 0) fcntl(fd, F_SETFL, (type & SOCK_NONBLOCK) ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK));
		fcntl(fd, F_SETFD, (type & SOCK_CLOEXEC) ? FD_CLOEXEC : 0);
		if (debug) {
			struct buf b;
			start(&b); put(&b, "socket("); putn(&b, domain); put(&b, ","); putn(&b, type); put(&b, ",");
			putn(&b, protocol); put(&b, ") call "); putn(&b, (long)call); put(&b, " gets passed descriptor ");
			putn(&b, fd); put(&b, " ("); put_addr(&b, (struct sockaddr *)&s->addr, s->addrlen); put(&b, ")");
			emit(&b);
		}
		return fd;
	}
	return real_socket(domain, type, protocol);
}

PUBLIC int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	ensure_init();
	if (!real_bind) { errno = ENOSYS; return -1; }
	struct slot *s = slot_of(fd);
	if (s && atomic_load(&s->state) == HELD) {
		struct sockaddr_storage own;
		socklen_t ownlen = sizeof own;
		if (addr && getsockname(fd, (struct sockaddr *)&own, &ownlen) == 0 &&
		    !same_address(addr, len, (struct sockaddr *)&own, ownlen) && atomic_exchange(&s->bind_logged, 1) == 0) {
			struct buf b;
			start(&b); put(&b, "bind() of passed descriptor "); putn(&b, fd); put(&b, " to ");
			put_addr(&b, addr, len); put(&b, " skipped; it stays on ");
			put_addr(&b, (struct sockaddr *)&own, ownlen); put(&b, " as systemd bound it");
			emit(&b);
		}
		return 0;
	}
	if (active && addr && !s) {
		for (int i = 0; i < nslots; i++) {
			struct slot *o = &slots[i];
			if (!o->usable || o->addrlen == 0 || !same_address(addr, len, (struct sockaddr *)&o->addr, o->addrlen)) continue;
			if (atomic_exchange(&o->bind_logged, 1) == 0) {
				struct buf b;
				start(&b); put(&b, "descriptor "); putn(&b, fd); put(&b, " binds ");
				put_addr(&b, addr, len); put(&b, ", the address of passed descriptor "); putn(&b, FIRST_FD + i);
				put(&b, ", but its socket() call is not the one the hint "); put(&b, o->name);
				put(&b, " names; the bind will fail because systemd holds the address. Check the hint");
				emit(&b);
			}
			break;
		}
	}
	return real_bind(fd, addr, len);
}

PUBLIC int listen(int fd, int backlog)
{
	ensure_init();
	if (!real_listen) { errno = ENOSYS; return -1; }
	struct slot *s = slot_of(fd);
	if (s && atomic_load(&s->state) == HELD) {
		int on = 0;
		socklen_t l = sizeof on;
		if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &l) == 0 && on) return 0;
	}
	return real_listen(fd, backlog);
}

PUBLIC int close(int fd)
{
	ensure_init();
	if (!real_close) { errno = ENOSYS; return -1; }
	struct slot *s = slot_of(fd);
	if (!s) return real_close(fd);
	int st = atomic_load(&s->state);
	if (st == PARKED) { errno = EBADF; return -1; }
	if (st == WAITING) return 0;
	if (!atomic_compare_exchange_strong(&s->state, &st, PARKED)) { errno = EBADF; return -1; }
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	/* Last one of its triple closed: the next round of socket() calls counts from 0 again. */
	if (atomic_fetch_sub(&triples[s->triple].held, 1) == 1) atomic_store(&triples[s->triple].calls, 0);
	if (debug) {
		struct buf b;
		start(&b); put(&b, "close() of passed descriptor "); putn(&b, fd); put(&b, " keeps it open for the next round");
		emit(&b);
	}
	return 0;
}

/* Closes [first, last] except passed descriptors: in at most nslots+1 pieces. */
PUBLIC int close_range(unsigned int first, unsigned int last, int flags)
{
	ensure_init();
	if (!real_close_range) { errno = ENOSYS; return -1; }
	if (!active || first > last) return real_close_range(first, last, flags);
	unsigned int from = first;
	for (int i = 0; i < nslots; i++) {
		unsigned int fd = (unsigned int)(FIRST_FD + i);
		if (!slots[i].usable || fd < from || fd > last) continue;
		if (fd > from && real_close_range(from, fd - 1, flags) < 0) return -1;
		/* Closing it counts as close(): a held descriptor is parked. */
		if (!(flags & CLOSE_RANGE_CLOEXEC) && atomic_load(&slots[i].state) == HELD) close((int)fd);
		from = fd + 1;
	}
	if (from > last) return 0;
	return real_close_range(from, last, flags);
}

PUBLIC void closefrom(int lowfd)
{
	ensure_init();
	if (lowfd < 0) lowfd = 0;
	if (!active) { if (real_closefrom) real_closefrom(lowfd); return; }
	close_range((unsigned int)lowfd, ~0U, 0);
}

/* The passed AF_UNIX socket whose file is at (dirfd, path), or 0. */
static int protected_file(int dirfd, const char *path)
{
	if (!active || !path) return 0;
	int any = 0;
	for (int i = 0; i < nslots; i++) any |= slots[i].usable && slots[i].has_file;
	if (!any) return 0;
	struct stat st;
	if (fstatat(dirfd, path, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISSOCK(st.st_mode)) return 0;
	for (int i = 0; i < nslots; i++) {
		struct slot *s = &slots[i];
		if (s->usable && s->has_file && s->dev == st.st_dev && s->ino == st.st_ino) {
			if (debug) {
				struct buf b;
				start(&b); put(&b, "kept "); put(&b, path); put(&b, ", the file of passed descriptor ");
				putn(&b, FIRST_FD + i); emit(&b);
			}
			return 1;
		}
	}
	return 0;
}

PUBLIC int unlink(const char *path)
{
	ensure_init();
	if (!real_unlink) { errno = ENOSYS; return -1; }
	if (protected_file(AT_FDCWD, path)) return 0;
	return real_unlink(path);
}

PUBLIC int unlinkat(int dirfd, const char *path, int flags)
{
	ensure_init();
	if (!real_unlinkat) { errno = ENOSYS; return -1; }
	if (!(flags & AT_REMOVEDIR) && protected_file(dirfd, path)) return 0;
	return real_unlinkat(dirfd, path, flags);
}

PUBLIC int remove(const char *path)
{
	ensure_init();
	if (!real_remove) { errno = ENOSYS; return -1; }
	if (protected_file(AT_FDCWD, path)) return 0;
	return real_remove(path);
}
