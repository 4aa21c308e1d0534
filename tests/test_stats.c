/* Global figures of a graph view (stats.c) on the hand-worked network of test_common.h and
 * on the igraph edge cases. */
#include "test_common.h"

#include <math.h>

PN_TEST_HAND_SUITE(stats);

Test(stats, stats_of_the_network)
{
    pn_stats_t s;
    cr_assert_eq(pn_stats_compute(&s, pn_test_hand_graph, NULL), 0, "%s", pn_error_last());
    cr_expect_eq(s.nodes, 8);
    cr_expect_eq(s.edges, 6);
    cr_expect_eq(s.agreements, 7);
    cr_expect_eq(s.isolated, 1);
    cr_expect_eq(s.countries, 2);
    cr_expect_float_eq(s.cross_border_share, 6.0 / 7, 1e-12);
    cr_expect_float_eq(s.density, 12.0 / 56, 1e-12);
    cr_expect_float_eq(s.mean_degree, 1.5, 1e-12);
    cr_expect_eq(s.components, 3);
    cr_expect_eq(s.largest_component, 4);
    cr_expect_float_eq(s.transitivity, 0.5, 1e-12, "3 x 1 triangle / 6 connected triples");
    cr_expect_float_eq(s.average_clustering, 7.0 / 24, 1e-12, "(1 + 1 + 1/3) / 8");
    cr_expect_float_eq(s.degree_assortativity, -1.0 / 3, 1e-12);
    cr_expect_float_eq(s.country_assortativity, -5.0 / 7, 1e-12);
    cr_expect_eq(s.max_coreness, 2);
    cr_expect_eq(s.max_core_size, 3);
    cr_expect_float_eq(s.mean_distance_lcc, 4.0 / 3, 1e-12);
    cr_expect_eq(s.diameter_lcc, 2);
    cr_expect_float_eq(s.gini_degree, 30.0 / 96, 1e-12);
}

Test(stats, stats_of_an_empty_graph_and_a_single_node)
{
    pn_dataset_t *ds;
    pn_graph_t *g;
    pn_stats_t s;
    cr_assert_eq(pn_dataset_new(&ds, "empty"), 0);
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_assert_eq(pn_stats_compute(&s, g, NULL), 0, "%s", pn_error_last());
    cr_expect_eq(s.nodes, 0);
    cr_expect_eq(s.components, 0);
    cr_expect_eq(s.density, 0);
    cr_expect(isnan(s.degree_assortativity));
    cr_expect(isnan(s.cross_border_share));
    pn_graph_free(g);
    uint32_t by;
    pn_dataset_add_country(&by, ds, "BY", NULL, -1);
    pn_dataset_add_node(NULL, ds, "one", "One", by, PN_LEVEL_CITY);
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_assert_eq(pn_stats_compute(&s, g, NULL), 0);
    cr_expect_eq(s.nodes, 1);
    cr_expect_eq(s.components, 1);
    cr_expect_eq(s.largest_component, 1);
    cr_expect_eq(s.mean_distance_lcc, 0);
    cr_expect_eq(s.gini_degree, 0);
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        cr_assert_eq(pn_centrality_compute(&v, g, (pn_measure_t)m, NULL), 0, "%s",
                     pn_measure_name((pn_measure_t)m));
        cr_expect_eq(igraph_vector_size(&v), 1);
    }
    igraph_vector_destroy(&v);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(stats, gini_of_equal_and_concentrated_values)
{
    const double equal[] = {3, 3, 3, 3}, one[] = {0, 0, 0, 8};
    double gini;
    cr_assert_eq(pn_stats_gini(&gini, equal, 4), 0);
    cr_expect_float_eq(gini, 0.0, 1e-15);
    cr_assert_eq(pn_stats_gini(&gini, one, 4), 0);
    cr_expect_float_eq(gini, 0.75, 1e-15, "(n - 1) / n when one holds everything");
}

Test(stats, do_not_depend_on_the_thread_count)
{
    pn_stats_t one, three;
    pn_stats_options_t opts = PN_STATS_OPTIONS_INIT;
    opts.threads = 1;
    cr_assert_eq(pn_stats_compute(&one, pn_test_hand_graph, &opts), 0);
    opts.threads = 3;
    cr_assert_eq(pn_stats_compute(&three, pn_test_hand_graph, &opts), 0);
    cr_expect_eq(one.mean_distance_lcc, three.mean_distance_lcc);
    cr_expect_eq(one.diameter_lcc, three.diameter_lcc);
    opts.version = 0;
    cr_expect_eq(pn_stats_compute(&one, pn_test_hand_graph, &opts), PN_EUSAGE);
}
