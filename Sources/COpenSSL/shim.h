#ifndef INCLUSIO_COPENSSL_SHIM_H
#define INCLUSIO_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#endif
