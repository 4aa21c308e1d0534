/* Internals: the shortest-path measures of paths.c from a chosen set of sources (linked from
 * the internal library). */
#include "test_common.h"

#include "paths.h"

PN_TEST_SUITE(paths);

Test(paths, sampled_betweenness_is_igraphs_subset_betweenness_scaled)
{
    /* from sources S, the estimate is igraph_betweenness_subset(S, all) * N / |S| */
    igraph_t zachary;
    igraph_famous(&zachary, "Zachary");
    pn_csr_t csr;
    cr_assert_eq(pn_csr__from_igraph(&csr, &zachary), 0);
    const int32_t sources[] = {0, 5, 33, 12, 20};
    double estimate[34];
    pn_paths_out_t out = {estimate, NULL, NULL, NULL, NULL};
    cr_assert_eq(pn_paths__compute(&csr, sources, 5, &out, 2, NULL, NULL), 0);
    igraph_vector_int_t from;
    igraph_vector_t subset;
    igraph_vector_int_init(&from, 5);
    for (int i = 0; i < 5; i++)
        VECTOR(from)[i] = sources[i];
    igraph_vector_init(&subset, 0);
    cr_assert_eq(igraph_betweenness_subset(&zachary, &subset, igraph_vss_all(), 0,
                                           igraph_vss_vector(&from), igraph_vss_all(), NULL), 0);
    for (int v = 0; v < 34; v++)
        cr_expect_float_eq(estimate[v], VECTOR(subset)[v] * 34 / 5, 1e-9, "vertex %d", v);
    igraph_vector_destroy(&subset);
    igraph_vector_int_destroy(&from);
    pn_csr__destroy(&csr);
    igraph_destroy(&zachary);
}
