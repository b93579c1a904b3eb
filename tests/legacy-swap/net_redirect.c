/* LD_PRELOAD helper of the legacy swap-in test (scripts/legacy-swap-test.sh): lets the
 * iotkit-embedded examples, unmodified, talk to the loopback simulators and draw repeatable
 * randoms, so that the unmodified and the swapped SDK can be compared byte for byte.
 *
 *   getaddrinfo()        every host name resolves to 127.0.0.1, and a numeric service listed
 *                        in KIT_PORT_MAP ("443=18443,5682=15682") is replaced by its mapping;
 *   fopen("/dev/urandom") opens KIT_RANDOM_FILE instead (HAL_Random reads 4 bytes of it);
 *   select()             a timeout longer than KIT_SELECT_CAP_MS is shortened to it, so the
 *                        examples' multi-second polling loops run at test speed.
 * Unset variables leave the call alone. Test tooling only: never part of a product build. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

static const char *mapped_port(const char *service, char *buf, size_t cap)
{
    const char *map = getenv("KIT_PORT_MAP");
    size_t n;
    if (service == NULL || map == NULL) {
        return service;
    }
    n = strlen(service);
    while (*map != '\0') {
        const char *eq = strchr(map, '=');
        const char *end = strchr(map, ',');
        if (end == NULL) {
            end = map + strlen(map);
        }
        if (eq != NULL && eq < end && (size_t)(eq - map) == n && strncmp(map, service, n) == 0 &&
            (size_t)(end - eq - 1) < cap) {
            memcpy(buf, eq + 1, (size_t)(end - eq - 1));
            buf[end - eq - 1] = '\0';
            return buf;
        }
        map = *end == ',' ? end + 1 : end;
    }
    return service;
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res)
{
    static int (*real)(const char *, const char *, const struct addrinfo *, struct addrinfo **);
    char port[16];
    if (real == NULL) {
        real = (int (*)(const char *, const char *, const struct addrinfo *, struct addrinfo **))dlsym(RTLD_NEXT,
                                                                                                    "getaddrinfo");
    }
    if (getenv("KIT_PORT_MAP") != NULL && node != NULL) {
        node = "127.0.0.1";
    }
    return real(node, mapped_port(service, port, sizeof port), hints, res);
}

FILE *fopen(const char *path, const char *mode)
{
    static FILE *(*real)(const char *, const char *);
    const char *alt = getenv("KIT_RANDOM_FILE");
    if (real == NULL) {
        real = (FILE * (*)(const char *, const char *)) dlsym(RTLD_NEXT, "fopen");
    }
    if (alt != NULL && path != NULL && strcmp(path, "/dev/urandom") == 0) {
        path = alt;
    }
    return real(path, mode);
}

int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *timeout)
{
    static int (*real)(int, fd_set *, fd_set *, fd_set *, struct timeval *);
    const char *cap = getenv("KIT_SELECT_CAP_MS");
    if (real == NULL) {
        real = (int (*)(int, fd_set *, fd_set *, fd_set *, struct timeval *))dlsym(RTLD_NEXT, "select");
    }
    if (cap != NULL && timeout != NULL) {
        long ms = atol(cap);
        if (timeout->tv_sec * 1000L + timeout->tv_usec / 1000 > ms) {
            timeout->tv_sec = ms / 1000;
            timeout->tv_usec = (ms % 1000) * 1000;
        }
    }
    return real(nfds, r, w, e, timeout);
}
