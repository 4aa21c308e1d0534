/* What the node search shares with the merge of datasets (private to the library). */
#ifndef PN_SRC_SEARCH_H
#define PN_SRC_SEARCH_H

#include <partnet/search.h>

#include <stddef.h>

/** Edit distance (Levenshtein) between @p la bytes at @p a and @p lb at @p b, or limit + 1
 *  when it is larger than @p limit; only the band within the limit is computed. */
unsigned pn_search__edits(const char *a, size_t la, const char *b, size_t lb, unsigned limit);

#endif
