/*
 * Test driver for preload/sockethack.c (used by test/preload/preload.test.ts).
 *
 *   driver launch [options] SPEC... -- COMMAND...
 *     Creates the SPEC sockets (like systemd would), puts them at descriptors 3, 4, …, sets LISTEN_FDS,
 *     LISTEN_PID, LISTEN_FDNAMES and LD_PRELOAD, and execs itself as `driver run COMMAND...`, keeping its pid.
 *     SPEC: tcp4:HOST:PORT, tcp6:HOST:PORT, udp4:HOST:PORT, unix:PATH (stream), pipe (not a socket). PORT 0 picks one.
 *     A prefix nb: makes the socket non-blocking (systemd's own sockets are).
 *     Options: --lib PATH (LD_PRELOAD), --names A:B (LISTEN_FDNAMES; omitted when not given),
 *              --pid self|other|N (LISTEN_PID, default self), --fds N (LISTEN_FDS, default the number of SPECs),
 *              --env NAME=VALUE (more environment).
 *   driver run COMMAND...
 *     Runs each COMMAND (one argv item, words split on spaces) and prints `COMMAND => RESULT`.
 *     An argument @K stands for the result of command K (from 0).
 *
 * Helper sockets of the driver itself (clients for `accept`) are made with syscall(SYS_socket), so they never go
 * through the library and never count as calls.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static const char *self;

static int raw_socket(int d, int t, int p) { return (int)syscall(SYS_socket, d, t, p); }

static void die(const char *what)
{
	fprintf(stderr, "driver: %s: %s\n", what, strerror(errno));
	exit(99);
}

/* "ipv4:HOST:PORT", "ipv6:HOST:PORT", "unix:PATH" → sockaddr. */
static socklen_t parse_addr(const char *spec, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof *ss);
	const char *colon = strchr(spec, ':');
	if (!colon) return 0;
	const char *rest = colon + 1;
	if (strncmp(spec, "unix", 4) == 0) {
		struct sockaddr_un *un = (void *)ss;
		un->sun_family = AF_UNIX;
		strncpy(un->sun_path, rest, sizeof un->sun_path - 1);
		return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(un->sun_path) + 1);
	}
	const char *last = strrchr(rest, ':');
	if (!last) return 0;
	char host[128];
	if (rest[0] == '[') snprintf(host, sizeof host, "%.*s", (int)(last - rest - 2), rest + 1); /* [::1]:PORT */
	else snprintf(host, sizeof host, "%.*s", (int)(last - rest), rest);
	int port = atoi(last + 1);
	if (strncmp(spec, "ipv6", 4) == 0 || strncmp(spec, "tcp6", 4) == 0) {
		struct sockaddr_in6 *in6 = (void *)ss;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &in6->sin6_addr) != 1) return 0;
		return sizeof *in6;
	}
	struct sockaddr_in *in = (void *)ss;
	in->sin_family = AF_INET;
	in->sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, host, &in->sin_addr) != 1) return 0;
	return sizeof *in;
}

static int launch(int argc, char **argv)
{
	const char *lib = NULL, *names = NULL, *pid = "self";
	int fds = -1, i = 2;
	char *extra_env[16];
	int nextra = 0;
	for (; i < argc && strncmp(argv[i], "--", 2) == 0 && strcmp(argv[i], "--") != 0; i += 2) {
		if (i + 1 >= argc) { fprintf(stderr, "driver: %s needs a value\n", argv[i]); return 2; }
		if (!strcmp(argv[i], "--lib")) lib = argv[i + 1];
		else if (!strcmp(argv[i], "--names")) names = argv[i + 1];
		else if (!strcmp(argv[i], "--pid")) pid = argv[i + 1];
		else if (!strcmp(argv[i], "--fds")) fds = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--env") && nextra < 16) extra_env[nextra++] = argv[i + 1];
		else { fprintf(stderr, "driver: unknown option %s\n", argv[i]); return 2; }
	}
	int made[64], n = 0;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		const char *spec = argv[i];
		int nonblock = !strncmp(spec, "nb:", 3);
		if (nonblock) spec += 3;
		int fd;
		if (!strcmp(spec, "pipe")) {
			int p[2];
			if (pipe(p) < 0) die("pipe");
			fd = p[0];
		} else {
			struct sockaddr_storage ss;
			int stream = strncmp(spec, "udp", 3) != 0;
			char addr[200];
			if (!strncmp(spec, "unix:", 5)) snprintf(addr, sizeof addr, "%s", spec);
			else snprintf(addr, sizeof addr, "%s%s", spec[3] == '6' ? "ipv6" : "ipv4", spec + 4);
			socklen_t len = parse_addr(addr, &ss);
			if (!len) { fprintf(stderr, "driver: bad spec %s\n", spec); return 2; }
			if (ss.ss_family == AF_UNIX) unlink(((struct sockaddr_un *)&ss)->sun_path);
			fd = raw_socket(ss.ss_family, stream ? SOCK_STREAM : SOCK_DGRAM, 0);
			if (fd < 0) die("socket");
			int one = 1;
			if (ss.ss_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
			if (bind(fd, (struct sockaddr *)&ss, len) < 0) die("bind");
			if (stream && listen(fd, 16) < 0) die("listen");
			if (nonblock && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) die("F_SETFL");
		}
		/* Out of the way first, so that dup2() to 3+k never hits one of ours. */
		int high = fcntl(fd, F_DUPFD, 100 + n);
		if (high < 0) die("F_DUPFD");
		close(fd);
		made[n++] = high;
	}
	if (i >= argc) { fprintf(stderr, "driver: launch needs -- COMMAND...\n"); return 2; }
	for (int k = 0; k < n; k++) {
		if (dup2(made[k], 3 + k) < 0) die("dup2");
		close(made[k]);
	}
	char buf[32];
	snprintf(buf, sizeof buf, "%d", fds >= 0 ? fds : n);
	setenv("LISTEN_FDS", buf, 1);
	if (!strcmp(pid, "self")) snprintf(buf, sizeof buf, "%d", (int)getpid());
	else if (!strcmp(pid, "other")) snprintf(buf, sizeof buf, "%d", (int)getppid());
	else snprintf(buf, sizeof buf, "%s", pid);
	setenv("LISTEN_PID", buf, 1);
	if (names) setenv("LISTEN_FDNAMES", names, 1); else unsetenv("LISTEN_FDNAMES");
	for (int k = 0; k < nextra; k++) putenv(extra_env[k]);
	if (lib) setenv("LD_PRELOAD", lib, 1);
	int cmds = argc - i - 1;
	char **args = calloc((size_t)cmds + 3, sizeof *args);
	args[0] = (char *)self;
	args[1] = "run";
	for (int k = 0; k < cmds; k++) args[2 + k] = argv[i + 1 + k];
	execv("/proc/self/exe", args);
	die("execv");
	return 99;
}

/* ---------- run ---------- */

static long results[256];
static int nresults;

static long arg(const char *s)
{
	if (s[0] == '@') {
		int k = atoi(s + 1);
		return k < nresults ? results[k] : -999;
	}
	return strtol(s, NULL, 0);
}

static void say(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const char *cmd, const char *fmt, ...)
{
	char text[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	printf("%s => %s\n", cmd, text);
	fflush(stdout);
}

static void say_rc(const char *cmd, long rc, int err)
{
	if (rc < 0) say(cmd, "-1 %s", strerrorname_np(err) ? strerrorname_np(err) : "?");
	else say(cmd, "%ld", rc);
}

static void info(const char *cmd, int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0) { say(cmd, "open=0"); return; }
	int fdfl = fcntl(fd, F_GETFD);
	int family = -1, type = -1, listening = -1;
	socklen_t l = sizeof family;
	getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &family, &l);
	l = sizeof type; getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &l);
	l = sizeof listening; getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &l);
	struct stat st;
	fstat(fd, &st);
	say(cmd, "open=1 family=%d type=%d listening=%d nonblock=%d cloexec=%d ino=%lu", family, type, listening,
	    !!(fl & O_NONBLOCK), !!(fdfl & FD_CLOEXEC), (unsigned long)st.st_ino);
}

/* Connects a helper client to fd's address and accepts it on fd. */
static void accept_one(const char *cmd, int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0) { say_rc(cmd, -1, errno); return; }
	int c = raw_socket(ss.ss_family, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&ss, len) < 0) { say_rc(cmd, -1, errno); return; }
	int a = accept4(fd, NULL, NULL, SOCK_CLOEXEC);
	int err = errno;
	syscall(SYS_close, c);
	if (a >= 0) syscall(SYS_close, a);
	if (a < 0) say_rc(cmd, -1, err); else say(cmd, "accepted");
}

struct race { int d, t, p; pthread_barrier_t *barrier; int result; };

static void *racer(void *v)
{
	struct race *r = v;
	pthread_barrier_wait(r->barrier);
	r->result = socket(r->d, r->t, r->p);
	return NULL;
}

static volatile sig_atomic_t from_handler = -2;
static int sig_domain, sig_type, sig_proto;
static void handler(int sig) { (void)sig; from_handler = socket(sig_domain, sig_type, sig_proto); }

/* Fork, exec `driver run CMD` in the child, and return the child's RESULT. */
static void child(const char *cmd, const char *sub, int exec)
{
	int p[2];
	if (pipe(p) < 0) die("pipe");
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		if (exec) {
			char *args[] = { (char *)self, "run", (char *)sub, NULL };
			execve("/proc/self/exe", args, environ);
			_exit(98);
		}
		/* Without exec: the child runs the command with the state it inherited. */
		char *words[8] = { 0 };
		char copy[256];
		snprintf(copy, sizeof copy, "%s", sub);
		int n = 0;
		for (char *w = strtok(copy, " "); w && n < 8; w = strtok(NULL, " ")) words[n++] = w;
		if (n == 4 && !strcmp(words[0], "socket")) {
			int fd = socket((int)arg(words[1]), (int)arg(words[2]), (int)arg(words[3]));
			printf("%s => %d\n", sub, fd);
		} else {
			printf("%s => unsupported\n", sub);
		}
		fflush(stdout);
		_exit(0);
	}
	close(p[1]);
	char out[1024] = { 0 };
	size_t got = 0;
	ssize_t r;
	while ((r = read(p[0], out + got, sizeof out - 1 - got)) > 0) got += (size_t)r;
	close(p[0]);
	waitpid(pid, NULL, 0);
	char *nl = strchr(out, '\n');
	if (nl) *nl = 0;
	char *arrow = strstr(out, " => ");
	say(cmd, "%s", arrow ? arrow + 4 : out);
}

static int run(int argc, char **argv)
{
	for (int i = 2; i < argc; i++) {
		const char *cmd = argv[i];
		char copy[512];
		snprintf(copy, sizeof copy, "%s", cmd);
		char *w[8] = { 0 };
		int n = 0;
		for (char *t = strtok(copy, " "); t && n < 8; t = strtok(NULL, " ")) w[n++] = t;
		long rc = 0;
		errno = 0;
		if (n == 0) continue;
		if (!strcmp(w[0], "socket") && n == 4) {
			rc = socket((int)arg(w[1]), (int)arg(w[2]), (int)arg(w[3]));
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "bind") && n == 3) {
			struct sockaddr_storage ss;
			socklen_t len;
			if (!strncmp(w[2], "same:", 5)) {
				len = sizeof ss;
				if (getsockname((int)arg(w[2] + 5), (struct sockaddr *)&ss, &len) < 0) die("getsockname");
			} else {
				len = parse_addr(w[2], &ss);
			}
			rc = bind((int)arg(w[1]), (struct sockaddr *)&ss, len);
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "listen") && n == 3) {
			rc = listen((int)arg(w[1]), (int)arg(w[2]));
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "close") && n == 2) {
			rc = close((int)arg(w[1]));
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "close_range") && n == 3) {
			rc = close_range((unsigned)arg(w[1]), (unsigned)arg(w[2]), 0);
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "closefrom") && n == 2) {
			closefrom((int)arg(w[1]));
			say(cmd, "done");
		} else if (!strcmp(w[0], "unlink") && n == 2) {
			rc = unlink(w[1]);
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "unlinkat") && n == 2) {
			rc = unlinkat(AT_FDCWD, w[1], 0);
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "remove") && n == 2) {
			rc = remove(w[1]);
			say_rc(cmd, rc, errno);
		} else if (!strcmp(w[0], "exists") && n == 2) {
			struct stat st;
			rc = lstat(w[1], &st) == 0;
			say(cmd, "%ld", rc);
		} else if (!strcmp(w[0], "env") && n == 2) {
			const char *v = getenv(w[1]);
			say(cmd, "%s", v ? v : "(unset)");
		} else if (!strcmp(w[0], "info") && n == 2) {
			info(cmd, (int)arg(w[1]));
		} else if (!strcmp(w[0], "accept") && n == 2) {
			accept_one(cmd, (int)arg(w[1]));
		} else if (!strcmp(w[0], "threads") && n == 5) {
			int k = (int)arg(w[1]);
			if (k > 64) k = 64;
			pthread_t th[64];
			struct race r[64];
			pthread_barrier_t barrier;
			pthread_barrier_init(&barrier, NULL, (unsigned)k);
			for (int j = 0; j < k; j++) {
				r[j] = (struct race){ (int)arg(w[2]), (int)arg(w[3]), (int)arg(w[4]), &barrier, -1 };
				pthread_create(&th[j], NULL, racer, &r[j]);
			}
			char text[1024] = "";
			size_t used = 0;
			for (int j = 0; j < k; j++) pthread_join(th[j], NULL);
			/* Print the results sorted, so that the output does not depend on scheduling. */
			for (int a = 0; a < k; a++)
				for (int b = a + 1; b < k; b++)
					if (r[b].result < r[a].result) { int t = r[a].result; r[a].result = r[b].result; r[b].result = t; }
			for (int j = 0; j < k; j++) used += (size_t)snprintf(text + used, sizeof text - used, "%s%d", j ? "," : "", r[j].result);
			say(cmd, "%s", text);
		} else if (!strcmp(w[0], "signal") && n == 4) {
			sig_domain = (int)arg(w[1]); sig_type = (int)arg(w[2]); sig_proto = (int)arg(w[3]);
			signal(SIGUSR1, handler);
			raise(SIGUSR1);
			rc = from_handler;
			say(cmd, "%ld", rc);
		} else if (!strcmp(w[0], "fork") || !strcmp(w[0], "child")) {
			const char *sub = strchr(cmd, ' ');
			child(cmd, sub ? sub + 1 : "", !strcmp(w[0], "child"));
		} else {
			say(cmd, "unknown command");
		}
		if (nresults < 256) results[nresults++] = rc;
	}
	return 0;
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc >= 2 && !strcmp(argv[1], "launch")) return launch(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "run")) return run(argc, argv);
	fprintf(stderr, "usage: driver launch [options] SPEC... -- COMMAND... | driver run COMMAND...\n");
	return 2;
}
