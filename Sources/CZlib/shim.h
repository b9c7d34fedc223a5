#ifndef INCLUSIO_CZLIB_SHIM_H
#define INCLUSIO_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 and inflateInit2 are function-like macros (they pass the version and struct size). */
static inline int inclusio_deflateInit2(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
static inline int inclusio_inflateInit2(z_streamp strm) { return inflateInit2(strm, -MAX_WBITS); }
#endif
