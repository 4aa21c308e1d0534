/* Centrality, global figures, communities and coverage on a small network worked by hand.
 *
 *   BY: A (region), B (region), G (city in B), C (city in A), minsk (city of regional rank)
 *   AM: D (region), F (region), E (city in F)
 *
 *   agreements: A-D 2010, A-D 2012, B-D 2011, A-B 2014, D-G 2015, C-E 2013, minsk-E (undated)
 *
 * Simple graph: triangle A-B-D with G hanging from D; the path C-E-minsk; F alone.
 * Degrees A2 B2 D3 G1 C1 E2 minsk1 F0 (sum 12, 6 edges, 8 nodes).
 */
#include "test_common.h"

#include "paths.h"

#include <math.h>


static const char network[] =
    "{\"countries\": [{\"code\": \"BY\", \"regions\": 7}, {\"code\": \"AM\", \"regions\": 11}],\n"
    "\"nodes\": [\n"
    " {\"id\": \"A\", \"name\": \"A\", \"country\": \"BY\", \"level\": \"region\"},\n"
    " {\"id\": \"B\", \"name\": \"B\", \"country\": \"BY\", \"level\": \"region\"},\n"
    " {\"id\": \"C\", \"name\": \"C\", \"country\": \"BY\", \"level\": \"city\", \"parent\": \"A\"},\n"
    " {\"id\": \"G\", \"name\": \"G\", \"country\": \"BY\", \"level\": \"city\", \"parent\": \"B\"},\n"
    " {\"id\": \"minsk\", \"name\": \"Minsk\", \"country\": \"BY\", \"level\": \"city\", \"first_level\": true},\n"
    " {\"id\": \"D\", \"name\": \"D\", \"country\": \"AM\", \"level\": \"region\"},\n"
    " {\"id\": \"E\", \"name\": \"E\", \"country\": \"AM\", \"level\": \"city\", \"parent\": \"F\"},\n"
    " {\"id\": \"F\", \"name\": \"F\", \"country\": \"AM\", \"level\": \"region\"}],\n"
    "\"agreements\": [\n"
    " {\"id\": \"1\", \"parties\": [\"A\", \"D\"], \"date\": \"2010\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"2\", \"parties\": [\"A\", \"D\"], \"date\": \"2012\", \"kind\": \"programme\"},\n"
    " {\"id\": \"3\", \"parties\": [\"B\", \"D\"], \"date\": \"2011\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"4\", \"parties\": [\"A\", \"B\"], \"date\": \"2014\", \"kind\": \"other\"},\n"
    " {\"id\": \"5\", \"parties\": [\"D\", \"G\"], \"date\": \"2015\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"6\", \"parties\": [\"C\", \"E\"], \"date\": \"2013\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"7\", \"parties\": [\"minsk\", \"E\"], \"kind\": \"twinning\"}],\n"
    "\"reported\": [\n"
    " {\"id\": \"r1\", \"metric\": \"agreements\", \"countries\": [\"BY\", \"AM\"], \"value\": 50, \"as_of\": \"2012\"},\n"
    " {\"id\": \"r2\", \"metric\": \"regions_covered\", \"countries\": [\"AM\", \"BY\"], \"value\": 9, \"as_of\": \"2013\"},\n"
    " {\"id\": \"r3\", \"metric\": \"partners\", \"party\": \"D\", \"value\": 4},\n"
    " {\"id\": \"r4\", \"metric\": \"agreements\", \"countries\": [\"BY\", \"AM\"], \"kind\": \"twinning\", \"value\": 9},\n"
    " {\"id\": \"r5\", \"metric\": \"agreements\", \"countries\": [\"BY\", \"AM\"], \"value\": 4, \"since\": \"2011\", \"as_of\": \"2013\"}]}\n";

static pn_test_load_t loaded;
static pn_graph_t *graph;

static void setup(void)
{
    pn_test_setup();
    loaded = pn_test_load_text("network.json", network, NULL);
    cr_assert_eq(loaded.status, 0, "%s", pn_test_problems(&loaded));
    cr_assert_eq(pn_test_graph(&graph, loaded.ds, NULL), 0, "%s", pn_error_last());
}

static void teardown(void)
{
    pn_graph_free(graph);
    pn_test_load_free(&loaded);
    pn_test_teardown();
}

TestSuite(metrics, .init = setup, .fini = teardown);

static double at(const igraph_vector_t *v, const char *id)
{
    uint32_t node;
    cr_assert_eq(pn_dataset_find_node(&node, loaded.ds, id), 0);
    return VECTOR(*v)[pn_graph_node_vertex(graph, node)];
}

static void expect_measure(pn_measure_t m, const char *const ids[], const double values[],
                           size_t count)
{
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    cr_assert_eq(pn_centrality_compute(&v, graph, m, NULL), 0, "%s", pn_error_last());
    cr_assert_eq(igraph_vector_size(&v), 8);
    for (size_t i = 0; i < count; i++)
        cr_expect_float_eq(at(&v, ids[i]), values[i], 1e-12, "%s of %s: %.17g, expected %.17g",
                           pn_measure_name(m), ids[i], at(&v, ids[i]), values[i]);
    igraph_vector_destroy(&v);
}

static const char *const all_ids[] = {"A", "B", "C", "G", "minsk", "D", "E", "F"};

Test(metrics, degree_counts_distinct_partners)
{
    const double d[] = {2, 2, 1, 1, 1, 3, 2, 0};
    expect_measure(PN_MEASURE_DEGREE, all_ids, d, 8);
}

Test(metrics, agreements_count_every_agreement)
{
    const double s[] = {3, 2, 1, 1, 1, 4, 2, 0};
    expect_measure(PN_MEASURE_AGREEMENTS, all_ids, s, 8);
}

Test(metrics, betweenness_is_raw_with_each_pair_once)
{
    /* G reaches A and B only through D; C reaches minsk only through E */
    const double b[] = {0, 0, 0, 0, 0, 2, 1, 0};
    expect_measure(PN_MEASURE_BETWEENNESS, all_ids, b, 8);
}

Test(metrics, closeness_follows_wasserman_faust_on_a_disconnected_graph)
{
    /* ((r-1)/(N-1)) * ((r-1)/sum of distances), N = 8 */
    const double c[] = {9.0 / 28, 9.0 / 28, 4.0 / 21, 9.0 / 35, 4.0 / 21, 3.0 / 7, 2.0 / 7, 0};
    expect_measure(PN_MEASURE_CLOSENESS, all_ids, c, 8);
}

Test(metrics, harmonic_is_divided_by_n_minus_one)
{
    const double h[] = {5.0 / 14, 5.0 / 14, 3.0 / 14, 2.0 / 7, 3.0 / 14, 3.0 / 7, 2.0 / 7, 0};
    expect_measure(PN_MEASURE_HARMONIC, all_ids, h, 8);
}

Test(metrics, coreness_finds_the_triangle)
{
    const double k[] = {2, 2, 1, 1, 1, 2, 1, 0};
    expect_measure(PN_MEASURE_CORENESS, all_ids, k, 8);
}

Test(metrics, pagerank_sums_to_one_and_eigenvector_peaks_at_one)
{
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    cr_assert_eq(pn_centrality_compute(&v, graph, PN_MEASURE_PAGERANK, NULL), 0);
    cr_expect_float_eq(igraph_vector_sum(&v), 1.0, 1e-12);
    cr_expect_gt(at(&v, "D"), at(&v, "A"), "D has the most agreements");
    cr_assert_eq(pn_centrality_compute(&v, graph, PN_MEASURE_EIGENVECTOR, NULL), 0);
    cr_expect_float_eq(igraph_vector_max(&v), 1.0, 1e-12);
    cr_expect_float_eq(at(&v, "D"), 1.0, 1e-12, "D leads the component with the triangle");
    cr_expect_eq(at(&v, "E"), 0.0, "outside the leading component: 0");
    cr_expect_eq(at(&v, "F"), 0.0);
    igraph_vector_destroy(&v);
}

Test(metrics, many_measures_at_once_equal_one_at_a_time)
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
    cr_assert_eq(pn_centrality_compute_many(outs, graph, (1u << PN_MEASURE_COUNT) - 1, &opts), 0);
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        cr_assert_eq(pn_centrality_compute(&one, graph, (pn_measure_t)m, NULL), 0);
        for (igraph_integer_t v = 0; v < 8; v++)
            cr_expect_eq(VECTOR(one)[v], VECTOR(all[m])[v], "%s", pn_measure_name((pn_measure_t)m));
        igraph_vector_destroy(&all[m]);
    }
    igraph_vector_destroy(&one);
}

Test(metrics, sampled_betweenness_from_every_source_is_exact)
{
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    pn_centrality_options_t opts = PN_CENTRALITY_OPTIONS_INIT;
    opts.sample = 8;
    cr_assert_eq(pn_centrality_compute(&v, graph, PN_MEASURE_BETWEENNESS, &opts), 0);
    cr_expect_float_eq(at(&v, "D"), 2.0, 1e-12);
    /* with fewer sources, an estimate scaled by N/K: from sources {G, C, ...} it differs, but
     * the same seed gives the same numbers */
    igraph_vector_t w;
    igraph_vector_init(&w, 0);
    opts.sample = 3;
    opts.seed = 7;
    cr_assert_eq(pn_centrality_compute(&v, graph, PN_MEASURE_BETWEENNESS, &opts), 0);
    cr_assert_eq(pn_centrality_compute(&w, graph, PN_MEASURE_BETWEENNESS, &opts), 0);
    cr_expect(igraph_vector_all_e(&v, &w), "same seed, same estimate");
    igraph_vector_destroy(&v);
    igraph_vector_destroy(&w);
}

Test(metrics, stats_of_the_network)
{
    pn_stats_t s;
    cr_assert_eq(pn_stats_compute(&s, graph, NULL), 0, "%s", pn_error_last());
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

Test(metrics, stats_of_an_empty_graph_and_a_single_node)
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
        cr_assert_eq(pn_centrality_compute(&v, g, (pn_measure_t)m, NULL), 0, "%s", pn_measure_name((pn_measure_t)m));
        cr_expect_eq(igraph_vector_size(&v), 1);
    }
    igraph_vector_destroy(&v);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(metrics, gini_of_equal_and_concentrated_values)
{
    const double equal[] = {3, 3, 3, 3}, one[] = {0, 0, 0, 8};
    double gini;
    cr_assert_eq(pn_stats_gini(&gini, equal, 4), 0);
    cr_expect_float_eq(gini, 0.0, 1e-15);
    cr_assert_eq(pn_stats_gini(&gini, one, 4), 0);
    cr_expect_float_eq(gini, 0.75, 1e-15, "(n - 1) / n when one holds everything");
}

Test(metrics, communities_are_canonical_and_repeat_with_a_seed)
{
    for (int m = 0; m < PN_COMMUNITY_COUNT; m++) {
        igraph_vector_int_t a, b;
        igraph_integer_t count;
        double q;
        igraph_vector_int_init(&a, 0);
        igraph_vector_int_init(&b, 0);
        cr_assert_eq(pn_communities_find(&a, &count, &q, graph, (pn_community_method_t)m, 5), 0,
                     "%s: %s", pn_community_method_name((pn_community_method_t)m), pn_error_last());
        cr_assert_eq(pn_communities_find(&b, NULL, NULL, graph, (pn_community_method_t)m, 5), 0);
        cr_expect(igraph_vector_int_all_e(&a, &b), "%s: same seed, same partition",
                  pn_community_method_name((pn_community_method_t)m));
        /* the three components are never merged; F is alone */
        cr_expect_geq(count, 3);
        uint32_t f, a_node, d;
        pn_dataset_find_node(&f, loaded.ds, "F");
        pn_dataset_find_node(&a_node, loaded.ds, "A");
        pn_dataset_find_node(&d, loaded.ds, "D");
        cr_expect_eq(VECTOR(a)[pn_graph_node_vertex(graph, a_node)], 0, "largest community first");
        cr_expect_eq(VECTOR(a)[pn_graph_node_vertex(graph, d)], 0, "the triangle stays together");
        cr_expect_eq(VECTOR(a)[pn_graph_node_vertex(graph, f)], count - 1, "the isolated node last");
        cr_expect_gt(q, 0.0);
        igraph_vector_int_destroy(&a);
        igraph_vector_int_destroy(&b);
    }
}

Test(metrics, a_stable_partition_has_nmi_one)
{
    double mean, lowest, q;
    cr_assert_eq(pn_communities_measure_stability(&mean, &lowest, &q, graph, PN_COMMUNITY_LOUVAIN, 1, 5), 0);
    cr_expect_float_eq(mean, 1.0, 1e-12, "three clear groups: every seed finds them");
    cr_expect_float_eq(lowest, 1.0, 1e-12);
    cr_expect_eq(pn_communities_measure_stability(&mean, NULL, NULL, graph, PN_COMMUNITY_LOUVAIN, 1, 1),
                 PN_EUSAGE);
}

static const pn_coverage_row_t *row(const pn_coverage_t *coverage, const char *code)
{
    for (size_t i = 0; i < coverage->country_count; i++)
        if (strcmp(pn_dataset_country(loaded.ds, coverage->countries[i].country)->code, code) == 0)
            return &coverage->countries[i];
    cr_assert_fail("no row for %s", code);
    return NULL;
}

Test(metrics, coverage_counts_first_level_units)
{
    pn_coverage_t *rows;
    pn_view_t *whole = pn_test_view(loaded.ds, NULL);
    cr_assert_eq(pn_coverage_new(&rows, whole, 0), 0);
    cr_assert_eq(rows->country_count, 2);
    cr_expect_str_eq(pn_dataset_country(loaded.ds, rows->countries[0].country)->code, "AM",
                     "code order");
    const pn_coverage_row_t *by = row(rows, "BY"), *am = row(rows, "AM");
    cr_expect_eq(by->units, 3, "A, B and the city of regional rank");
    cr_expect_eq(by->covered, 3);
    cr_expect_eq(by->covered_abroad, 3);
    cr_expect_float_eq(by->share, 3.0 / 7, 1e-15, "over the registry's 7, not the 3 listed");
    cr_expect_eq(by->nodes, 5);
    cr_expect_eq(by->nodes_active, 5);
    cr_expect_eq(by->nodes_abroad, 5);
    cr_expect_eq(by->agreements, 7);
    cr_expect_eq(by->partner_countries, 1);
    cr_expect_eq(am->units, 2);
    cr_expect_eq(am->covered, 1, "F only through its city E: not without rollup");
    cr_expect_eq(am->nodes_active, 2);
    cr_expect_eq(am->agreements, 6);
    pn_coverage_free(rows);

    cr_assert_eq(pn_coverage_new(&rows, whole, 1), 0);
    am = row(rows, "AM");
    cr_expect_eq(am->covered, 2, "with rollup E's agreements cover F");
    cr_expect_float_eq(am->share, 2.0 / 11, 1e-15);
    pn_coverage_free(rows);
    pn_view_free(whole);
}

Test(metrics, coverage_follows_the_snapshot)
{
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    pn_coverage_t *rows;
    view.as_of = 20110000;
    pn_view_t *snapshot = pn_test_view(loaded.ds, &view);
    cr_assert_eq(pn_coverage_new(&rows, snapshot, 1), 0);
    pn_view_free(snapshot);
    cr_expect_eq(row(rows, "BY")->covered, 2, "A (2010) and B (2011)");
    cr_expect_eq(row(rows, "AM")->covered, 1);
    cr_expect_eq(row(rows, "BY")->agreements, 2);
    pn_coverage_free(rows);
}

Test(metrics, country_matrix_counts_agreements_and_pairs)
{
    pn_country_matrix_t *matrix;
    pn_view_t *whole = pn_test_view(loaded.ds, NULL);
    cr_assert_eq(pn_country_matrix_new(&matrix, whole), 0);
    pn_view_free(whole);
    cr_assert_eq(matrix->pair_count, 2);
    const pn_country_pair_t *cells = matrix->pairs;
    cr_expect_str_eq(pn_dataset_country(loaded.ds, cells[0].a)->code, "AM");
    cr_expect_str_eq(pn_dataset_country(loaded.ds, cells[0].b)->code, "BY");
    cr_expect_eq(cells[0].agreements, 6);
    cr_expect_eq(cells[0].pairs, 5, "A-D twice is one pair");
    cr_expect_str_eq(pn_dataset_country(loaded.ds, cells[1].a)->code, "BY");
    cr_expect_eq(cells[1].b, cells[1].a, "domestic agreements");
    cr_expect_eq(cells[1].agreements, 1);
    pn_country_matrix_free(matrix);
}

Test(metrics, reported_figures_get_their_recorded_counterpart)
{
    double recorded;
    cr_assert_eq(pn_reported_count(&recorded, loaded.ds, 0), 0);
    cr_expect_eq(recorded, 3, "BY-AM agreements as of 2012: A-D 2010, A-D 2012, B-D 2011");
    cr_assert_eq(pn_reported_count(&recorded, loaded.ds, 1), 0);
    cr_expect_eq(recorded, 2, "AM units with a BY partner by 2013: D, and F through E");
    cr_assert_eq(pn_reported_count(&recorded, loaded.ds, 2), 0);
    cr_expect_eq(recorded, 3, "D's partners: A, B, G");
    cr_assert_eq(pn_reported_count(&recorded, loaded.ds, 3), 0);
    cr_expect_eq(recorded, 5, "twinning agreements between BY and AM, undated included");
    cr_assert_eq(pn_reported_count(&recorded, loaded.ds, 4), 0);
    cr_expect_eq(recorded, 3, "signed 2011 to 2013: B-D 2011, A-D 2012, C-E 2013");
}

Test(metrics, sampled_betweenness_is_igraphs_subset_betweenness_scaled)
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
