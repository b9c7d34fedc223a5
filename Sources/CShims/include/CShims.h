#ifndef INCLUSIO_CSHIMS_H
#define INCLUSIO_CSHIMS_H
/* What Swift cannot write itself: libxslt's and libxml2's generic error callbacks are
   variadic (printf-style). These forward each formatted message to a per-thread sink. */

/// Receives one formatted message fragment; `context` is what was passed to inclusio_errors_collect.
typedef void (*inclusio_error_sink)(void *context, const char *message);

/// Routes libxslt's and libxml2's generic errors raised on the calling thread to `sink`
/// (NULL stops collecting). libxslt's handler is process-wide and installed once here;
/// the sink itself is thread-local, so concurrent transforms collect separately.
void inclusio_errors_collect(void *context, inclusio_error_sink sink);

/// Sends a transformation context's errors to the calling thread's sink.
void inclusio_xslt_route_transform_errors(void *transformContext);

#endif
