/* Adding to a problem list (private to the library). */
#ifndef PN_SRC_PROBLEMS_H
#define PN_SRC_PROBLEMS_H

#include <partnet/problems.h>

/** Add a problem (nothing when @p problems is NULL). @return 0 or PN_ENOMEM */
int pn_problems__add(pn_problems_t *problems, pn_severity_t severity, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
