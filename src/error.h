/* Setting the last error message (private to the library). */
#ifndef PN_SRC_ERROR_H
#define PN_SRC_ERROR_H

#include <partnet/error.h>

/** Set the thread's error message (one line) and return @p status, for `return pn_error__set(...)`. */
int pn_error__set(int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Set "out of memory" and return PN_ENOMEM. */
int pn_error__nomem(void);

/** Turn an igraph status into PN_EIGRAPH, keeping the message the handler stored. */
int pn_error__igraph(int igraph_status);

#endif
