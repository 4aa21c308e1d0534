/*
 * A local generator in place of igraph's default for one computation (see random.h).
 */
#include "random.h"

#include "error.h"

int pn_random__begin(pn_random_t *r, unsigned long seed)
{
    r->previous = *igraph_rng_default();
    if (igraph_rng_init(&r->local, &igraph_rngtype_pcg32) != IGRAPH_SUCCESS)
        return pn_error__nomem();
    igraph_rng_seed(&r->local, seed);
    igraph_rng_set_default(&r->local);
    return 0;
}

void pn_random__end(pn_random_t *r)
{
    igraph_rng_set_default(&r->previous);
    igraph_rng_destroy(&r->local);
}
