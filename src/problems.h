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

/** The size of a buffer for pn_problems__entity(): an id of up to PN_PROBLEMS_ID_MAX bytes,
 *  each escaped, its kind and quotes. */
#define PN_PROBLEMS_ID_MAX 150
#define PN_PROBLEMS_ENTITY_MAX (2 * PN_PROBLEMS_ID_MAX + 32)

/**
 * KIND "ID" in @p buf (PN_PROBLEMS_ENTITY_MAX bytes), for the start of a message after its
 * location: a quote or a backslash in the id gets a backslash before it, so that the problem's
 * entity is read back whole whatever the id holds (partnet/problems.h); an id longer than
 * PN_PROBLEMS_ID_MAX bytes is cut at the start of a character there. @p kind is one of node,
 * agreement, country, document, reported. @return @p buf
 */
const char *pn_problems__entity(char *buf, const char *kind, const char *id, size_t len);

#endif
