#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>
#include <libxslt/xsltInternals.h>
#include <string.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include "CShims.h"

static __thread inclusio_error_sink current_sink;
static __thread void *current_context;

static void forward(void *unused, const char *message, ...) {
    (void)unused;
    if (current_sink == NULL) return;
    char buffer[2048];
    va_list arguments;
    va_start(arguments, message);
    vsnprintf(buffer, sizeof buffer, message, arguments);
    va_end(arguments);
    current_sink(current_context, buffer);
}

static pthread_once_t installed = PTHREAD_ONCE_INIT;
/* xsltGenericError is a process-wide variable (not per thread as libxml2's is): set it
   once, to a function that looks up the thread's sink. */
static void install(void) { xsltSetGenericErrorFunc(NULL, forward); }

void inclusio_errors_collect(void *context, inclusio_error_sink sink) {
    pthread_once(&installed, install);
    current_context = context;
    current_sink = sink;
    /* libxml2's generic error handler is per thread: XPath compile errors land here. */
    xmlSetGenericErrorFunc(NULL, sink == NULL ? NULL : forward);
}

static __thread const void *last_instruction;

/* Runtime messages: xsl:message prints only its text, so name the instruction running
   (ctxt->inst) first, as libxslt's own "runtime error: file F line N element E" does. */
static void forward_transform(void *context, const char *message, ...) {
    if (current_sink == NULL) return;
    char buffer[2048];
    va_list arguments;
    va_start(arguments, message);
    vsnprintf(buffer, sizeof buffer, message, arguments);
    va_end(arguments);
    xsltTransformContextPtr ctxt = (xsltTransformContextPtr)context;
    xmlNodePtr inst = ctxt == NULL ? NULL : ctxt->inst;
    if (strncmp(buffer, "runtime error", 13) == 0) {
        last_instruction = inst;
    } else if (inst != NULL && inst != last_instruction) {
        last_instruction = inst;
        char location[1200];
        const char *file = (inst->doc != NULL && inst->doc->URL != NULL) ? (const char *)inst->doc->URL : "-";
        snprintf(location, sizeof location, "runtime error: file %s line %ld element %s\n",
                 file, xmlGetLineNo(inst), inst->name != NULL ? (const char *)inst->name : "?");
        current_sink(current_context, location);
    }
    current_sink(current_context, buffer);
}

void inclusio_xslt_route_transform_errors(void *transformContext) {
    last_instruction = NULL;
    xsltSetTransformErrorFunc((xsltTransformContextPtr)transformContext, transformContext, forward_transform);
}
