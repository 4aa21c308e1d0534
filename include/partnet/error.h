/*
 * Status codes and the last error message. Every fallible partnet function returns 0 on
 * success or one of the negative codes below; the message that explains it is kept per
 * thread and read with pn_error_last().
 */
#ifndef PARTNET_ERROR_H
#define PARTNET_ERROR_H

#include <partnet/common.h>

PN_BEGIN_DECLS

typedef enum {
    PN_OK = 0,
    PN_ERROR = -1,     /**< generic failure */
    PN_ENOMEM = -2,    /**< out of memory */
    PN_EIO = -3,       /**< a file could not be read or written */
    PN_EPARSE = -4,    /**< malformed input (JSON, CSV, date) */
    PN_EINVALID = -5,  /**< well-formed input that breaks the dataset's rules */
    PN_ENOTFOUND = -6, /**< a named thing (node, country, column, file) does not exist */
    PN_EIGRAPH = -7,   /**< igraph reported an error; its message is kept */
    PN_EUSAGE = -8     /**< an option or argument has no meaning here */
} pn_status_t;

/**
 * The message of the last error set on this thread: one line, no trailing newline.
 * @return a string owned by the library, valid until the next partnet call on this thread;
 *         "" when no error was set.
 */
PN_EXTERN const char *pn_error_last(void);

/** Forget the last error message. */
PN_EXTERN void pn_error_clear(void);

/**
 * Set this thread's error message, one line (line breaks become spaces), for libraries built on
 * partnet (libpartnet-draw sets its errors so) and for callbacks that stop a computation.
 * @return @p status, for `return pn_error_set(PN_EIO, "%s: ...", path);`
 */
PN_EXTERN int pn_error_set(int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/**
 * Make igraph errors come back as statuses instead of aborting the process.
 *
 * Installs an igraph error handler that copies igraph's message into partnet's error buffer
 * (so pn_error_last() explains a PN_EIGRAPH) and frees igraph's temporary allocations, and a
 * warning handler that keeps warnings quiet. Call once, before any other partnet function,
 * from a program's main() and from test fixtures. igraph's handlers are process-wide.
 */
PN_EXTERN void pn_igraph_handlers_install(void);

PN_END_DECLS

#endif
