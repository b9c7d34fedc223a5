#ifndef INCLUSIO_CCURL_SHIM_H
#define INCLUSIO_CCURL_SHIM_H
/* libcurl 7.88 (Debian 12, OpenSSL flavour). curl_easy_setopt and curl_easy_getinfo are
   variadic, which Swift cannot call: one wrapper per argument type. */
#include <curl/curl.h>

static inline CURLcode inclusio_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode inclusio_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode inclusio_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode inclusio_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode inclusio_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
/* For CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION, which share this type. */
static inline CURLcode inclusio_curl_setopt_writer(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode inclusio_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
/* CURL_GLOBAL_DEFAULT is a macro expression Swift does not import. */
static inline CURLcode inclusio_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }

#endif
