#ifndef INCLUSIO_CLIBXML2_SHIM_H
#define INCLUSIO_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its UErrorCode clashes with Foundation's on a
   clean build. Nothing here needs ICU, so hide it before any other libxml include. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void inclusio_xmlFree(void *p) { xmlFree(p); }

#endif
