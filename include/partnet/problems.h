/*
 * A list of problems found in input: errors (the dataset cannot be used), warnings (it can,
 * but something looks wrong) and notes (weaker remarks that `partnet check` lists, such as an
 * agreement without a source). Each problem is one line that names the file, the line and
 * field, and what was expected: "cis.json:212: agreement \"a17\": date \"2018-13\": month 13
 * does not exist".
 */
#ifndef PARTNET_PROBLEMS_H
#define PARTNET_PROBLEMS_H

#include <partnet/common.h>
#include <stddef.h>

PN_BEGIN_DECLS

typedef enum {
    PN_SEVERITY_ERROR = 0,
    PN_SEVERITY_WARNING,
    PN_SEVERITY_NOTE
} pn_severity_t;

/**
 * A problem, and the parts its message names, each on its own for a script (`partnet check
 * --format csv|json`): read from the message, whose every loader writes it as
 * "FILE[:LINE[:COLUMN]]: [KIND \"ID\": ][field \"F\" | column N (F) | column F: ]what",
 * a quote or a backslash in ID after a backslash (read back without it).
 */
typedef struct {
    pn_severity_t severity;
    const char *message; /**< one line, no trailing newline */
    const char *file;    /**< the file named; NULL when none is */
    unsigned line;       /**< 1-based line in it (LF counted, as grep -n does); 0 when unknown */
    unsigned column;     /**< 1-based: JSON, the character in the line; CSV, the field in the
                          *   row; 0 when unknown */
    const char *field;   /**< the field or column named ("date", "lat, lon"); NULL when none */
    const char *entity;  /**< the node, agreement, country, document or reported figure named,
                          *   as KIND and ID ("node am-kapan"); NULL when none */
} pn_problem_t;

typedef struct pn_problems pn_problems_t;

/** @param[out] out an empty list @return 0 or PN_ENOMEM */
PN_EXTERN int pn_problems_new(pn_problems_t **out);
PN_EXTERN void pn_problems_free(pn_problems_t *problems);

/** Number of problems kept. At most PN_PROBLEMS_KEEP are kept; the rest are only counted. */
PN_EXTERN size_t pn_problems_count(const pn_problems_t *problems);
/** The i-th problem kept, owned by the list. */
PN_EXTERN const pn_problem_t *pn_problems_get(const pn_problems_t *problems, size_t i);
/** Number of problems of a severity found, kept or not. */
PN_EXTERN size_t pn_problems_total(const pn_problems_t *problems, pn_severity_t severity);

#define PN_PROBLEMS_KEEP 10000

PN_END_DECLS

#endif
