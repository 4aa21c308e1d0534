/*
 * A generator of partnet's own for the igraph functions that draw random numbers (private to
 * the library): igraph reads its default generator, so for the length of one computation the
 * default becomes a local one seeded by the caller, and the caller's default comes back after.
 */
#ifndef PN_SRC_RANDOM_H
#define PN_SRC_RANDOM_H

#include <igraph.h>

typedef struct {
    igraph_rng_t local;
    igraph_rng_t previous; /* a copy of the default: igraph_rng_set_default() copies too */
} pn_random_t;

/** Make igraph's default generator a PCG32 seeded with @p seed (the same numbers for a seed
 *  whatever the caller set up). @return 0, or PN_ENOMEM (nothing changed) */
int pn_random__begin(pn_random_t *random, unsigned long seed);

/** Put the caller's default generator back, its state untouched, and free the local one. */
void pn_random__end(pn_random_t *random);

#endif
