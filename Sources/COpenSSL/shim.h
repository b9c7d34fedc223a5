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

/*
 * The access-log verifier hashes two short messages per line (a ~500-byte line, its leaf and
 * its HMAC seal). Through EVP each one pays a provider dispatch and a context reset that cost
 * about as much as the hashing; the low-level SHA256_* functions (deprecated in OpenSSL 3.0 but
 * present, and using the same SHA-NI/AVX block functions) do not. HMAC is RFC 2104 over
 * precomputed inner and outer states.
 */
#include <string.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
/* SHA-256(prefix || a || b) into out; b may be NULL. */
static inline void inclusio_sha256_prefixed(unsigned char prefix, const void *a, size_t a_length, const void *b, size_t b_length,
                                            unsigned char *out) {
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, &prefix, 1);
    SHA256_Update(&context, a, a_length);
    if (b != NULL) SHA256_Update(&context, b, b_length);
    SHA256_Final(out, &context);
}
/* HMAC-SHA-256 states after the key's inner and outer padded blocks. */
typedef struct { SHA256_CTX inner; SHA256_CTX outer; } inclusio_hmac_sha256_key;
static inline void inclusio_hmac_sha256_prepare(inclusio_hmac_sha256_key *key, const unsigned char *secret, size_t length) {
    unsigned char block[64] = {0}, pad[64];
    if (length > 64) { SHA256(secret, length, block); } else { memcpy(block, secret, length); }
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
    SHA256_Init(&key->inner);
    SHA256_Update(&key->inner, pad, 64);
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
    SHA256_Init(&key->outer);
    SHA256_Update(&key->outer, pad, 64);
    OPENSSL_cleanse(block, 64);
    OPENSSL_cleanse(pad, 64);
}
/* Whether code (32 bytes) is the HMAC of a || b under key, compared in constant time. */
static inline int inclusio_hmac_sha256_verify(const inclusio_hmac_sha256_key *key, const void *a, size_t a_length, const void *b,
                                              size_t b_length, const unsigned char *code) {
    SHA256_CTX context = key->inner;
    unsigned char digest[32];
    SHA256_Update(&context, a, a_length);
    SHA256_Update(&context, b, b_length);
    SHA256_Final(digest, &context);
    context = key->outer;
    SHA256_Update(&context, digest, 32);
    SHA256_Final(digest, &context);
    return CRYPTO_memcmp(digest, code, 32) == 0;
}
#pragma clang diagnostic pop

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
