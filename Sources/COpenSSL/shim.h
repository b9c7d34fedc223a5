#ifndef INCLUSIO_COPENSSL_SHIM_H
#define INCLUSIO_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#include <openssl/sha.h>

/* Function-like macros do not import into Swift; these wrap the few we use. */

static inline STACK_OF(X509) *inclusio_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int inclusio_sk_X509_push(STACK_OF(X509) *sk, X509 *x) { return sk_X509_push(sk, x); }
static inline int inclusio_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline X509 *inclusio_sk_X509_value(const STACK_OF(X509) *sk, int i) { return sk_X509_value(sk, i); }
/* Frees the stack only; the certificates stay owned by whoever pushed them. */
static inline void inclusio_sk_X509_free(STACK_OF(X509) *sk) { sk_X509_free(sk); }
/* Frees the stack and every certificate in it. */
static inline void inclusio_sk_X509_pop_free(STACK_OF(X509) *sk) { sk_X509_pop_free(sk, X509_free); }

static inline int inclusio_sk_CMS_SignerInfo_num(STACK_OF(CMS_SignerInfo) *sk) { return sk_CMS_SignerInfo_num(sk); }
static inline CMS_SignerInfo *inclusio_sk_CMS_SignerInfo_value(STACK_OF(CMS_SignerInfo) *sk, int i) {
    return sk_CMS_SignerInfo_value(sk, i);
}

static inline int inclusio_sk_CMS_RecipientInfo_num(STACK_OF(CMS_RecipientInfo) *sk) { return sk_CMS_RecipientInfo_num(sk); }
static inline CMS_RecipientInfo *inclusio_sk_CMS_RecipientInfo_value(STACK_OF(CMS_RecipientInfo) *sk, int i) {
    return sk_CMS_RecipientInfo_value(sk, i);
}

static inline long inclusio_BIO_get_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }
static inline void *inclusio_OPENSSL_memdup(const void *p, size_t n) { return OPENSSL_memdup(p, n); }
static inline void inclusio_OPENSSL_free(void *p) { OPENSSL_free(p); }
static inline void inclusio_X509V3_set_ctx_nodb(X509V3_CTX *ctx) { X509V3_set_ctx_nodb(ctx); }

/* One SHA-1 compression of a 64-byte block, for PBKDF2's rounds (WinZipAES): OpenSSL 3.0 marks the
   low-level SHA-1 API deprecated but keeps it, and only it can resume from a hashed HMAC pad. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static inline int inclusio_SHA1_Init(SHA_CTX *c) { return SHA1_Init(c); }
static inline int inclusio_SHA1_Update(SHA_CTX *c, const void *data, size_t len) { return SHA1_Update(c, data, len); }
static inline int inclusio_SHA1_Final(unsigned char *md, SHA_CTX *c) { return SHA1_Final(md, c); }
static inline void inclusio_SHA1_Transform(SHA_CTX *c, const unsigned char *data) { SHA1_Transform(c, data); }
#pragma GCC diagnostic pop
#endif
