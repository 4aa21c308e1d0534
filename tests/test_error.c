/* Status codes and messages: the last error is kept per call, and igraph's errors come back as
 * PN_EIGRAPH with igraph's own message instead of aborting the process. */
#include "test_common.h"

#include "error.h"

PN_TEST_SUITE(error);

Test(error, igraph_errors_come_back_with_igraph_message)
{
    /* igraph's default handler aborts: with partnet's, the call returns */
    igraph_vector_int_t edges;
    cr_assert_eq(igraph_vector_int_init(&edges, 3), IGRAPH_SUCCESS);
    igraph_t graph;
    igraph_error_t rc = igraph_create(&graph, &edges, 0, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    cr_assert_eq(rc, IGRAPH_EINVEVECTOR);
    cr_expect_eq(pn_error__igraph(rc), PN_EIGRAPH);
    cr_expect_str_eq(pn_error_last(), "igraph: Invalid (odd) edges vector. (Invalid edge vector)");
}

Test(error, igraph_errors_raised_inside_partnet_come_back_as_statuses)
{
    pn_dataset_t *ds;
    uint32_t by, a, b;
    cr_assert_eq(pn_dataset_new(&ds, "tiny"), 0);
    cr_assert_eq(pn_dataset_add_country(&by, ds, "BY", "Belarus", 7), 0);
    cr_assert_eq(pn_dataset_add_node(&a, ds, "a", "A", by, PN_LEVEL_CITY), 0);
    cr_assert_eq(pn_dataset_add_node(&b, ds, "b", "B", by, PN_LEVEL_CITY), 0);
    cr_assert_eq(pn_dataset_add_agreement(NULL, ds, a, b, 20040000, PN_DATE_NONE, PN_KIND_TWINNING), 0);
    pn_graph_t *g;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    igraph_vector_int_t membership;
    cr_assert_eq(igraph_vector_int_init(&membership, 0), IGRAPH_SUCCESS);
    /* a method partnet does not have is refused by igraph's error machinery, which frees
     * what the failing function had registered */
    cr_expect_eq(pn_communities_find(&membership, NULL, NULL, g, PN_COMMUNITY_COUNT, 1), PN_EIGRAPH);
    cr_expect_str_eq(pn_error_last(), "igraph: unknown community method (Invalid value)");
    igraph_vector_int_destroy(&membership);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(error, keeps_one_line_and_clears)
{
    pn_error_set(PN_EPARSE, "first line\nsecond line");
    cr_expect_str_eq(pn_error_last(), "first line second line");
    pn_error_clear();
    cr_expect_str_eq(pn_error_last(), "");
}
