#ifndef TWILINT_CPCRE2_SHIM_H
#define TWILINT_CPCRE2_SHIM_H
// The 8-bit library: twilint matches UTF-8 bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
