/*
 * bench/baseline.c: the floor of the stack lifecycled is built on.
 *
 * A libmicrohttpd server doing only what every JSON POST endpoint must do:
 * take the whole request body off the connection, then answer 200 with a JSON
 * document. The document is fixed, and as long as the service's answer to the
 * benchmark's actions: the background result of a launched iOS 11 app session
 * (793 bytes, measured with curl on the service; the relaunch result is 667). Run with
 * the same daemon flags as the service (internal polling thread pool, epoll),
 * the gap between the two under the same wrk load is the cost of the Swift
 * layers: routing, JSON in and out, the simulation, the session store.
 *
 * usage: baseline PORT [THREADS [BUSY]]   (PORT 0: any free port; THREADS: worker threads,
 *                                          default: the cores; BUSY: see below, default 0)
 *
 * BUSY N adds a loop of N iterations to every answer, about 6 instructions each
 * (callgrind: 2,900 iterations add 17,450 instructions a request). bench/sensitivity.sh
 * uses it to learn how many instructions a request a given ratio allows: a baseline
 * that runs the service's instructions in a plain loop lands where the service does.
 * Prints "listening on http://127.0.0.1:PORT" once ready; stops on SIGINT or SIGTERM.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* 793 bytes, the service's answer to {"type":"background"} (bench/actions.lua). */
static const char answer[] =
    "{\"action\":{\"type\":\"background\"},\"callbacks\":["
    "{\"seq\":19,\"receiver\":\"appDelegate\",\"method\":\"applicationWillResignActive(_:)\",\"appState\":\"active\"},"
    "{\"seq\":20,\"receiver\":\"appDelegate\",\"method\":\"applicationDidEnterBackground(_:)\",\"appState\":\"background\"},"
    "{\"seq\":21,\"receiver\":\"appDelegate\",\"method\":\"application(_:supportedInterfaceOrientationsFor:)\",\"appState\":\"background\"}],"
    "\"state\":{\"app\":\"background\",\"clock\":0,\"restorationArchive\":false,\"locked\":false,\"interruption\":null,"
    "\"protectedDataAvailable\":true,\"backgroundTasks\":[],\"backgroundTimeRemaining\":null,\"suspendsAt\":5,\"userForceQuit\":false,\"lastTermination\":null,"
    "\"userInterfaceStyle\":\"light\",\"windows\":[{\"orientation\":\"portrait\",\"stack\":[{\"name\":\"root\",\"appearance\":\"appeared\"}],\"presented\":[]}],\"prewarm\":null,\"registeredBackgroundTasks\":[]}}";

/* Iterations of busy work an answer (BUSY, default 0). */
static unsigned long busy;

/* One request's body, kept whole as a real endpoint would before parsing it. */
struct body {
    size_t used;
    char bytes[4096];
};

static enum MHD_Result on_request(void *cls, struct MHD_Connection *connection, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **request_state) {
    (void)cls; (void)url; (void)method; (void)version;
    struct body *body = *request_state;
    if (body == NULL) { /* first call: headers are in, the body is not */
        body = malloc(sizeof *body);
        if (body == NULL) return MHD_NO;
        body->used = 0;
        *request_state = body;
        return MHD_YES;
    }
    if (*upload_size > 0) { /* a piece of the body */
        size_t room = sizeof body->bytes - body->used;
        size_t take = *upload_size < room ? *upload_size : room;
        memcpy(body->bytes + body->used, upload, take);
        body->used += take;
        *upload_size = 0;
        return MHD_YES;
    }
    /* the body is complete: answer */
    if (busy > 0) {
        static __thread volatile unsigned long sink;
        for (unsigned long i = 0; i < busy; i++) sink += i;
    }
    struct MHD_Response *response =
        MHD_create_response_from_buffer(sizeof answer - 1, (void *)answer, MHD_RESPMEM_PERSISTENT);
    if (response == NULL) return MHD_NO;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
    enum MHD_Result queued = MHD_queue_response(connection, MHD_HTTP_OK, response);
    MHD_destroy_response(response);
    return queued;
}

static void on_completed(void *cls, struct MHD_Connection *connection, void **request_state,
                         enum MHD_RequestTerminationCode code) {
    (void)cls; (void)connection; (void)code;
    free(*request_state);
    *request_state = NULL;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: %s PORT [THREADS [BUSY]]\n", argv[0]);
        return 2;
    }
    long port = strtol(argv[1], NULL, 10);
    long threads = argc >= 3 ? strtol(argv[2], NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
    long iterations = argc == 4 ? strtol(argv[3], NULL, 10) : 0;
    if (port < 0 || port > 65535 || threads < 1 || threads > 64 || iterations < 0 || iterations > 100000000) {
        fprintf(stderr, "baseline: bad PORT, THREADS or BUSY\n");
        return 2;
    }
    busy = (unsigned long)iterations;
    /* Block the stop signals before MHD starts its threads, so only sigwait sees them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);

    /* Loopback only: the benchmark never needs more. */
    struct sockaddr_in loopback = {0};
    loopback.sin_family = AF_INET;
    loopback.sin_port = htons((uint16_t)port);
    loopback.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)port,
        NULL, NULL, on_request, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&loopback,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
        MHD_OPTION_END);
    if (daemon == NULL) {
        fprintf(stderr, "baseline: cannot listen on port %ld\n", port);
        return 1;
    }
    const union MHD_DaemonInfo *bound = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening on http://127.0.0.1:%u\n", bound != NULL ? (unsigned)bound->port : (unsigned)port);
    fflush(stdout);
    int signal_number;
    sigwait(&stop, &signal_number);
    MHD_stop_daemon(daemon);
    return 0;
}
