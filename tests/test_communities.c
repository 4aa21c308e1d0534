/* Communities on the hand-worked network of test_common.h: canonical numbering, seeds that
 * repeat, stability. */
#include "test_common.h"

PN_TEST_HAND_SUITE(communities);

Test(communities, communities_are_canonical_and_repeat_with_a_seed)
{
    for (int m = 0; m < PN_COMMUNITY_COUNT; m++) {
        igraph_vector_int_t a, b;
        igraph_integer_t count;
        double q;
        igraph_vector_int_init(&a, 0);
        igraph_vector_int_init(&b, 0);
        const pn_graph_t *g = pn_test_hand_graph;
        cr_assert_eq(pn_communities_find(&a, &count, &q, g, (pn_community_method_t)m, 5), 0,
                     "%s: %s", pn_community_method_name((pn_community_method_t)m), pn_error_last());
        cr_assert_eq(pn_communities_find(&b, NULL, NULL, g, (pn_community_method_t)m, 5), 0);
        cr_expect(igraph_vector_int_all_e(&a, &b), "%s: same seed, same partition",
                  pn_community_method_name((pn_community_method_t)m));
        /* the three components are never merged; F is alone */
        cr_expect_geq(count, 3);
        uint32_t f, a_node, d;
        pn_dataset_find_node(&f, pn_test_hand.ds, "F");
        pn_dataset_find_node(&a_node, pn_test_hand.ds, "A");
        pn_dataset_find_node(&d, pn_test_hand.ds, "D");
        cr_expect_eq(VECTOR(a)[pn_graph_node_vertex(g, a_node)], 0, "largest community first");
        cr_expect_eq(VECTOR(a)[pn_graph_node_vertex(g, d)], 0, "the triangle stays together");
        cr_expect_eq(VECTOR(a)[pn_graph_node_vertex(g, f)], count - 1, "the isolated node last");
        cr_expect_gt(q, 0.0);
        igraph_vector_int_destroy(&a);
        igraph_vector_int_destroy(&b);
    }
}

Test(communities, a_stable_partition_has_nmi_one)
{
    double mean, lowest, q;
    cr_assert_eq(pn_communities_measure_stability(&mean, &lowest, &q, pn_test_hand_graph,
                                                  PN_COMMUNITY_LOUVAIN, 1, 5), 0);
    cr_expect_float_eq(mean, 1.0, 1e-12, "three clear groups: every seed finds them");
    cr_expect_float_eq(lowest, 1.0, 1e-12);
    cr_expect_eq(pn_communities_measure_stability(&mean, NULL, NULL, pn_test_hand_graph,
                                                  PN_COMMUNITY_LOUVAIN, 1, 1),
                 PN_EUSAGE);
}

Test(communities, leave_igraphs_default_generator_as_it_was)
{
    /* the caller's generator gives the same numbers whether partnet drew its own meanwhile */
    igraph_rng_seed(igraph_rng_default(), 42);
    igraph_integer_t expected = RNG_INTEGER(0, 1000000);
    igraph_rng_seed(igraph_rng_default(), 42);
    igraph_vector_int_t membership;
    igraph_vector_int_init(&membership, 0);
    cr_assert_eq(pn_communities_find(&membership, NULL, NULL, pn_test_hand_graph,
                                     PN_COMMUNITY_LOUVAIN, 7), 0);
    cr_expect_eq(RNG_INTEGER(0, 1000000), expected);
    igraph_vector_int_destroy(&membership);
}
