// Wrappers for the variadic libmicrohttpd functions, which Swift does not import.
#include <microhttpd.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

/// MHD_OPTION_UNESCAPE_CALLBACK that leaves text as sent, so the handler gets
/// the path undecoded (as ServiceRequest.path promises); MHDServer decodes the
/// query arguments itself (MHD has already turned their '+' into ' ').
static inline size_t lcd_keep_escaped(void *cls, struct MHD_Connection *connection, char *text)
{
    (void) cls;
    (void) connection;
    return strlen(text);
}

/// MHD_start_daemon with every option MHDServer sets. The daemon listens on
/// nothing (MHDServer's Listener accepts and calls MHD_add_connection), so there
/// is no address and the port argument is 0; `cls` is passed to all four
/// callbacks. A thread count below 2 runs one internal polling thread instead of
/// a pool (MHD ignores 0 and 1, with a warning).
static inline struct MHD_Daemon *
lcd_start_daemon(unsigned int flags,
                 unsigned int threads, unsigned int timeout_seconds,
                 unsigned int connection_limit, unsigned int per_ip_limit,
                 size_t memory_limit,
                 MHD_AccessHandlerCallback handler,
                 MHD_RequestCompletedCallback completed,
                 MHD_NotifyConnectionCallback notify,
                 MHD_LogCallback logger, void *cls)
{
    // The logger comes first so that MHD's warnings about later options reach it.
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, cls,
        MHD_OPTION_EXTERNAL_LOGGER, logger, cls,
        MHD_OPTION_UNESCAPE_CALLBACK, lcd_keep_escaped, NULL,
        MHD_OPTION_THREAD_POOL_SIZE, threads < 2 ? 0u : threads,
        MHD_OPTION_CONNECTION_TIMEOUT, timeout_seconds,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_limit,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
        MHD_OPTION_NOTIFY_COMPLETED, completed, cls,
        MHD_OPTION_NOTIFY_CONNECTION, notify, cls,
        MHD_OPTION_END);
}

/// The request's headers and query arguments in one pass, in the order received
/// (Swift cannot pass the two kinds as one mask: MHD_ValueKind is a closed enum).
static inline int lcd_get_headers_and_arguments(struct MHD_Connection *connection,
                                                MHD_KeyValueIteratorN iterator, void *cls)
{
    return MHD_get_connection_values_n(connection,
        (enum MHD_ValueKind) (MHD_HEADER_KIND | MHD_GET_ARGUMENT_KIND), iterator, cls);
}

/// Connections the daemon holds open right now.
static inline unsigned int lcd_daemon_connections(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    return info ? info->num_connections : 0;
}

/// The socket of a connection, -1 if unknown.
static inline int lcd_connection_fd(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info ? info->connect_fd : -1;
}

/// The pointer stored in the connection's socket context (set on NOTIFY_STARTED), or NULL.
static inline void *lcd_connection_context(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

/// Bytes received on a socket that nobody has read yet (FIONREAD), 0 if unknown.
static inline int lcd_unread_bytes(int fd)
{
    int count = 0;
    return ioctl(fd, FIONREAD, &count) == 0 ? count : 0;
}
