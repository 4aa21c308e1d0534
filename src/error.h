/* Setting the last error message inside the library (private), beside the public
 * pn_error_set(). The draw library includes it too: it may use pn_error__nomem(), which goes
 * through pn_error_set(), but not pn_error__igraph(), which stays inside libpartnet. */
#ifndef PN_SRC_ERROR_H
#define PN_SRC_ERROR_H

#include <partnet/error.h>

/** Set "out of memory" and return PN_ENOMEM. */
static inline int pn_error__nomem(void)
{
    return pn_error_set(PN_ENOMEM, "out of memory");
}

/** Refuse options of another version than the one the library was built with: a program
 *  compiled against other headers would read its fields wrongly. Returns PN_EUSAGE. */
#define PN_CHECK_OPTIONS(opts, current, type)                                                      \
    do {                                                                                           \
        if ((opts)->version != (current))                                                          \
            return pn_error_set(PN_EUSAGE, "%s version %u, but this partnet knows version %u",    \
                                (type), (opts)->version, (unsigned)(current));                     \
    } while (0)

/** Turn an igraph status into PN_EIGRAPH, keeping the message the handler stored. */
int pn_error__igraph(int igraph_status);

#endif
