#ifndef INCLUSIO_CPANGOCAIRO_SHIM_H
#define INCLUSIO_CPANGOCAIRO_SHIM_H
/* Pango for shaping and line breaking, Cairo for the PDF surface (which embeds and
   subsets fonts) and for reading PNG images. */
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>

#endif
