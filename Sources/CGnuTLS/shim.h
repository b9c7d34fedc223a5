#ifndef INCLUSIO_CGNUTLS_SHIM_H
#define INCLUSIO_CGNUTLS_SHIM_H
/* GnuTLS 3.7: only the peer-certificate calls HTTPService makes on libmicrohttpd's sessions. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#endif
