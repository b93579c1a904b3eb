/* LD_PRELOAD shim for capturing what an unmodified legacy SDK example sends: every name the
 * program resolves becomes 127.0.0.1, and the port becomes $CAPTURE_PORT. The SDK connects
 * to <pk>.iot-as-mqtt.cn-shanghai.aliyuncs.com:443 (443 even without TLS) and has no
 * host/port option; this way it reaches a local listener without root, /etc/hosts or any
 * change to the SDK. Built by test_cli_diagnose.py: gcc -shared -fPIC capture_shim.c -ldl. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netdb.h>
#include <stdlib.h>

typedef int (*getaddrinfo_fn)(const char *, const char *, const struct addrinfo *,
                              struct addrinfo **);

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res)
{
    getaddrinfo_fn real = (getaddrinfo_fn)dlsym(RTLD_NEXT, "getaddrinfo");
    const char *port = getenv("CAPTURE_PORT");
    (void)node;
    if (real == NULL) {
        return EAI_FAIL;
    }
    return real("127.0.0.1", port != NULL ? port : service, hints, res);
}
