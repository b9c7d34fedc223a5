#ifndef INCLUSIO_CMICROHTTPD_SHIM_H
#define INCLUSIO_CMICROHTTPD_SHIM_H
/* libmicrohttpd 0.9.75 (Debian 12). Its entry points below are variadic, which Swift
   cannot call: each wrapper passes a fixed argument list. */
#include <stdint.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* Starts a daemon whose options are in `options` (terminated by MHD_OPTION_END), except
   the callbacks, function pointers that MHD_OptionItem would carry in an intptr_t.
   `completed` and `notify` share `watch_context`: the request and connection events.
   The logger comes first: "Should be specified as the first option, otherwise some
   messages may be printed by standard MHD logger during daemon startup." */
static inline struct MHD_Daemon *inclusio_MHD_start_daemon(unsigned int flags, MHD_AccessHandlerCallback handler,
                                                           void *handler_context, MHD_RequestCompletedCallback completed,
                                                           MHD_LogCallback logger, void *logger_context,
                                                           MHD_NotifyConnectionCallback notify, void *watch_context,
                                                           struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_context,
                            MHD_OPTION_EXTERNAL_LOGGER, logger, logger_context,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, watch_context,
                            MHD_OPTION_NOTIFY_CONNECTION, notify, watch_context,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* The port the daemon listens on (the one the kernel chose when asked for port 0), or 0. */
static inline uint16_t inclusio_MHD_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/* The connection's socket, or -1. */
static inline int inclusio_MHD_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

/* The connection's gnutls_session_t, or NULL when it is not TLS. */
static inline void *inclusio_MHD_tls_session(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_GNUTLS_SESSION);
    return info == NULL ? NULL : info->tls_session;
}

#endif
