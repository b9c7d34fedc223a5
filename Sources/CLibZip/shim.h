#ifndef INCLUSIO_CLIBZIP_SHIM_H
#define INCLUSIO_CLIBZIP_SHIM_H
#include <zip.h>
#endif
