/* First-level units (private to the library): regions and cities of regional rank, which
 * coverage counts, and the unit a node's agreements cover. */
#ifndef PN_SRC_UNITS_H
#define PN_SRC_UNITS_H

#include "dataset.h"

/** Is the node a first-level unit (a region, or a city or district of regional rank)? */
static inline int pn_unit__is(const pn_node_t *n)
{
    return n->level == PN_LEVEL_REGION || n->first_level;
}

/** The unit an agreement of @p node covers: the node itself when it is one; with @p rollup, the
 *  first unit up its parents; PN_NONE otherwise. */
static inline uint32_t pn_unit__of(const pn_dataset_t *ds, uint32_t node, int rollup)
{
    for (size_t steps = 0; node != PN_NONE && steps <= ds->node_count; steps++) {
        const pn_node_t *n = &ds->nodes[node];
        if (pn_unit__is(n))
            return node;
        if (!rollup)
            return PN_NONE;
        node = n->parent;
    }
    return PN_NONE;
}

#endif
