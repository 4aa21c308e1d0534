/* Centrality on the hand-worked network of test_common.h: each measure's convention, several
 * at once, and betweenness from a sample of sources. */
#include "test_common.h"

#include <math.h>

PN_TEST_HAND_SUITE(centrality);

static double at(const igraph_vector_t *v, const char *id)
{
    return VECTOR(*v)[pn_test_hand_vertex(id)];
}

static void expect_measure(pn_measure_t m, const char *const ids[], const double values[],
                           size_t count)
{
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    cr_assert_eq(pn_centrality_compute(&v, pn_test_hand_graph, m, NULL), 0, "%s", pn_error_last());
    cr_assert_eq(igraph_vector_size(&v), 8);
    for (size_t i = 0; i < count; i++)
        cr_expect_float_eq(at(&v, ids[i]), values[i], 1e-12, "%s of %s: %.17g, expected %.17g",
                           pn_measure_name(m), ids[i], at(&v, ids[i]), values[i]);
    igraph_vector_destroy(&v);
}

static const char *const all_ids[] = {"A", "B", "C", "G", "minsk", "D", "E", "F"};

Test(centrality, degree_counts_distinct_partners)
{
    const double d[] = {2, 2, 1, 1, 1, 3, 2, 0};
    expect_measure(PN_MEASURE_DEGREE, all_ids, d, 8);
}

Test(centrality, agreements_count_every_agreement)
{
    const double s[] = {3, 2, 1, 1, 1, 4, 2, 0};
    expect_measure(PN_MEASURE_AGREEMENTS, all_ids, s, 8);
}

Test(centrality, betweenness_is_raw_with_each_pair_once)
{
    /* G reaches A and B only through D; C reaches minsk only through E */
    const double b[] = {0, 0, 0, 0, 0, 2, 1, 0};
    expect_measure(PN_MEASURE_BETWEENNESS, all_ids, b, 8);
}

Test(centrality, closeness_follows_wasserman_faust_on_a_disconnected_graph)
{
    /* ((r-1)/(N-1)) * ((r-1)/sum of distances), N = 8 */
    const double c[] = {9.0 / 28, 9.0 / 28, 4.0 / 21, 9.0 / 35, 4.0 / 21, 3.0 / 7, 2.0 / 7, 0};
    expect_measure(PN_MEASURE_CLOSENESS, all_ids, c, 8);
}

Test(centrality, harmonic_is_divided_by_n_minus_one)
{
    const double h[] = {5.0 / 14, 5.0 / 14, 3.0 / 14, 2.0 / 7, 3.0 / 14, 3.0 / 7, 2.0 / 7, 0};
    expect_measure(PN_MEASURE_HARMONIC, all_ids, h, 8);
}

Test(centrality, coreness_finds_the_triangle)
{
    const double k[] = {2, 2, 1, 1, 1, 2, 1, 0};
    expect_measure(PN_MEASURE_CORENESS, all_ids, k, 8);
}

Test(centrality, pagerank_sums_to_one_and_eigenvector_peaks_at_one)
{
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    cr_assert_eq(pn_centrality_compute(&v, pn_test_hand_graph, PN_MEASURE_PAGERANK, NULL), 0);
    cr_expect_float_eq(igraph_vector_sum(&v), 1.0, 1e-12);
    cr_expect_gt(at(&v, "D"), at(&v, "A"), "D has the most agreements");
    cr_assert_eq(pn_centrality_compute(&v, pn_test_hand_graph, PN_MEASURE_EIGENVECTOR, NULL), 0);
    cr_expect_float_eq(igraph_vector_max(&v), 1.0, 1e-12);
    cr_expect_float_eq(at(&v, "D"), 1.0, 1e-12, "D leads the component with the triangle");
    cr_expect_eq(at(&v, "E"), 0.0, "outside the leading component: 0");
    cr_expect_eq(at(&v, "F"), 0.0);
    igraph_vector_destroy(&v);
}

Test(centrality, many_measures_at_once_equal_one_at_a_time)
{
    igraph_vector_t all[PN_MEASURE_COUNT], one;
    igraph_vector_t *outs[PN_MEASURE_COUNT];
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        igraph_vector_init(&all[m], 0);
        outs[m] = &all[m];
    }
    igraph_vector_init(&one, 0);
    pn_centrality_options_t opts = PN_CENTRALITY_OPTIONS_INIT;
    opts.threads = 3;
    cr_assert_eq(pn_centrality_compute_many(outs, pn_test_hand_graph,
                                            (1u << PN_MEASURE_COUNT) - 1, &opts), 0);
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        cr_assert_eq(pn_centrality_compute(&one, pn_test_hand_graph, (pn_measure_t)m, NULL), 0);
        for (igraph_integer_t v = 0; v < 8; v++)
            cr_expect_eq(VECTOR(one)[v], VECTOR(all[m])[v], "%s", pn_measure_name((pn_measure_t)m));
        igraph_vector_destroy(&all[m]);
    }
    igraph_vector_destroy(&one);
}

Test(centrality, sampled_betweenness_from_every_source_is_exact)
{
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    pn_centrality_options_t opts = PN_CENTRALITY_OPTIONS_INIT;
    opts.sample = 8;
    cr_assert_eq(pn_centrality_compute(&v, pn_test_hand_graph, PN_MEASURE_BETWEENNESS, &opts), 0);
    cr_expect_float_eq(at(&v, "D"), 2.0, 1e-12);
    /* with fewer sources, an estimate scaled by N/K: from sources {G, C, ...} it differs, but
     * the same seed gives the same numbers */
    igraph_vector_t w;
    igraph_vector_init(&w, 0);
    opts.sample = 3;
    opts.seed = 7;
    cr_assert_eq(pn_centrality_compute(&v, pn_test_hand_graph, PN_MEASURE_BETWEENNESS, &opts), 0);
    cr_assert_eq(pn_centrality_compute(&w, pn_test_hand_graph, PN_MEASURE_BETWEENNESS, &opts), 0);
    cr_expect(igraph_vector_all_e(&v, &w), "same seed, same estimate");
    igraph_vector_destroy(&v);
    igraph_vector_destroy(&w);
}

/* How many sets of three sources S make @p got igraph_betweenness_subset(S, all) x 8 / 3 on the
 * hand network; the last one found goes to *which, one bit per vertex. */
static int sources_matching(const igraph_vector_t *got, unsigned *which)
{
    const igraph_t *g = pn_graph_igraph(pn_test_hand_graph);
    igraph_vector_int_t from;
    igraph_vector_t subset;
    int matches = 0;
    igraph_vector_int_init(&from, 3);
    igraph_vector_init(&subset, 0);
    for (int a = 0; a < 8; a++)
        for (int b = a + 1; b < 8; b++)
            for (int c = b + 1; c < 8; c++) {
                VECTOR(from)[0] = a;
                VECTOR(from)[1] = b;
                VECTOR(from)[2] = c;
                cr_assert_eq(igraph_betweenness_subset(g, &subset, igraph_vss_all(), 0,
                                                       igraph_vss_vector(&from),
                                                       igraph_vss_all(), NULL), 0);
                int same = 1;
                for (int v = 0; v < 8; v++)
                    same &= fabs(VECTOR(*got)[v] - VECTOR(subset)[v] * 8 / 3) < 1e-9;
                if (same) {
                    matches++;
                    *which = 1u << a | 1u << b | 1u << c;
                }
            }
    igraph_vector_destroy(&subset);
    igraph_vector_int_destroy(&from);
    return matches;
}

Test(centrality, sampled_betweenness_is_the_scaled_betweenness_of_the_sources_drawn)
{
    /* three sources of eight: the estimate is igraph_betweenness_subset from the three drawn,
     * scaled by 8 / 3, whatever the seed; seeds draw different sources, and an estimate is not
     * the exact value (D 2, E 1, the others 0) */
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    pn_centrality_options_t opts = PN_CENTRALITY_OPTIONS_INIT;
    opts.sample = 3;
    unsigned drawn[8] = {0};
    int inexact = 0;
    for (unsigned long seed = 1; seed <= 8; seed++) {
        opts.seed = seed;
        cr_assert_eq(pn_centrality_compute(&v, pn_test_hand_graph, PN_MEASURE_BETWEENNESS, &opts),
                     0, "%s", pn_error_last());
        cr_expect_geq(sources_matching(&v, &drawn[seed - 1]), 1,
                      "seed %lu: the estimate of no three sources", seed);
        inexact |= fabs(at(&v, "D") - 2.0) > 1e-9 || fabs(at(&v, "E") - 1.0) > 1e-9;
    }
    int different = 0;
    for (int k = 1; k < 8; k++)
        different |= drawn[k] != drawn[0];
    cr_expect(different, "eight seeds drew the same three sources");
    cr_expect(inexact, "no seed gave an estimate: the exact path ran");
    igraph_vector_destroy(&v);
}

Test(centrality, refuses_options_of_another_version)
{
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    pn_centrality_options_t opts = PN_CENTRALITY_OPTIONS_INIT;
    opts.version = PN_CENTRALITY_OPTIONS_VERSION + 1;
    cr_expect_eq(pn_centrality_compute(&v, pn_test_hand_graph, PN_MEASURE_DEGREE, &opts),
                 PN_EUSAGE);
    cr_expect(strstr(pn_error_last(), "pn_centrality_options_t version") != NULL, "%s",
              pn_error_last());
    igraph_vector_destroy(&v);
}
