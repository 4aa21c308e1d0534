/* Internals: the shortest-path measures of paths.c from a chosen set of sources (linked from
 * the internal library). */
#include "test_common.h"

#include "paths.h"

#include <math.h>

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

/* |got - expected| within 1e-12 of expected (0 only as 0, give or take rounding at 1e-300) */
static void expect_near(double got, double expected, const char *measure, igraph_integer_t v)
{
    double tolerance = 1e-12 * fabs(expected);
    cr_expect(fabs(got - expected) <= (tolerance > 1e-300 ? tolerance : 1e-300),
              "%s of vertex %" IGRAPH_PRId ": %.17g, igraph says %.17g", measure, v, got,
              expected);
}

/* The five per-vertex outputs, allocated for @p n vertices, all asked for. */
static pn_paths_out_t outputs_alloc(igraph_integer_t n)
{
    size_t k = (size_t)(n ? n : 1);
    pn_paths_out_t out = {malloc(k * sizeof(double)), malloc(k * sizeof(double)),
                          malloc(k * sizeof(double)), malloc(k * sizeof(double)),
                          malloc(k * sizeof(int32_t))};
    cr_assert(out.betweenness && out.closeness && out.harmonic && out.distance_sum &&
              out.eccentricity);
    return out;
}

static void outputs_free(pn_paths_out_t *out)
{
    free(out->betweenness);
    free(out->closeness);
    free(out->harmonic);
    free(out->distance_sum);
    free(out->eccentricity);
}

/*
 * Every exact measure of paths.c beside igraph's own on the same graph: betweenness, closeness
 * (NetworkX's form from igraph's normalised one and the reachable count), harmonic closeness,
 * the sum of distances and the eccentricity (from igraph's distance matrix).
 */
static void expect_igraphs_measures(const igraph_t *graph)
{
    igraph_integer_t n = igraph_vcount(graph);
    pn_csr_t csr;
    cr_assert_eq(pn_csr__from_igraph(&csr, graph), 0);
    size_t k = (size_t)(n ? n : 1);
    pn_paths_out_t out = outputs_alloc(n);
    double *betweenness = out.betweenness, *closeness = out.closeness, *harmonic = out.harmonic;
    double *sums = out.distance_sum;
    int32_t *eccentricity = out.eccentricity;
    cr_assert_eq(pn_paths__compute(&csr, NULL, n, &out, 2, NULL, NULL), 0);
    /* the same bytes on one thread, and from the searches that count no paths */
    double *again = malloc(k * sizeof(double)), *again_closeness = malloc(k * sizeof(double));
    double *again_harmonic = malloc(k * sizeof(double)), *again_sums = malloc(k * sizeof(double));
    int32_t *again_eccentricity = malloc(k * sizeof(int32_t));
    pn_paths_out_t one_thread = {again, NULL, NULL, NULL, NULL};
    cr_assert_eq(pn_paths__compute(&csr, NULL, n, &one_thread, 1, NULL, NULL), 0);
    pn_paths_out_t distances = {NULL, again_closeness, again_harmonic, again_sums,
                                again_eccentricity};
    cr_assert_eq(pn_paths__compute(&csr, NULL, n, &distances, 2, NULL, NULL), 0);
    cr_expect_arr_eq(again, betweenness, (size_t)n * sizeof(double));
    cr_expect_arr_eq(again_closeness, closeness, (size_t)n * sizeof(double));
    cr_expect_arr_eq(again_harmonic, harmonic, (size_t)n * sizeof(double));
    cr_expect_arr_eq(again_sums, sums, (size_t)n * sizeof(double));
    cr_expect_arr_eq(again_eccentricity, eccentricity, (size_t)n * sizeof(int32_t));
    free(again);
    free(again_closeness);
    free(again_harmonic);
    free(again_sums);
    free(again_eccentricity);

    igraph_vector_t b, c, h;
    igraph_vector_int_t reached;
    igraph_matrix_t d;
    igraph_vector_init(&b, 0);
    igraph_vector_init(&c, 0);
    igraph_vector_init(&h, 0);
    igraph_vector_int_init(&reached, 0);
    igraph_matrix_init(&d, 0, 0);
    cr_assert_eq(igraph_betweenness(graph, &b, igraph_vss_all(), 0, NULL), 0);
    cr_assert_eq(igraph_closeness(graph, &c, &reached, NULL, igraph_vss_all(), IGRAPH_ALL, NULL, 1),
                 0);
    cr_assert_eq(igraph_harmonic_centrality(graph, &h, igraph_vss_all(), IGRAPH_ALL, NULL, 1), 0);
    cr_assert_eq(igraph_distances(graph, &d, igraph_vss_all(), igraph_vss_all(), IGRAPH_ALL), 0);
    for (igraph_integer_t v = 0; v < n; v++) {
        double r = (double)VECTOR(reached)[v], sum = 0, farthest = 0;
        for (igraph_integer_t t = 0; t < n; t++) {
            if (isfinite(MATRIX(d, v, t))) {
                sum += MATRIX(d, v, t);
                farthest = fmax(farthest, MATRIX(d, v, t));
            }
        }
        expect_near(betweenness[v], VECTOR(b)[v], "betweenness", v);
        expect_near(closeness[v], r > 0 ? r / (double)(n - 1) * VECTOR(c)[v] : 0, "closeness", v);
        expect_near(harmonic[v], VECTOR(h)[v], "harmonic", v);
        cr_expect_eq(sums[v], sum, "distance sum of vertex %" IGRAPH_PRId, v);
        cr_expect_eq(eccentricity[v], (int32_t)farthest, "eccentricity of vertex %" IGRAPH_PRId, v);
    }
    igraph_matrix_destroy(&d);
    igraph_vector_int_destroy(&reached);
    igraph_vector_destroy(&h);
    igraph_vector_destroy(&c);
    igraph_vector_destroy(&b);
    outputs_free(&out);
    pn_csr__destroy(&csr);
}

/* @p count new vertices, each joined to a random vertex among those from @p first on: random
 * trees hanging from that range (and from each other) */
static void hang_trees(igraph_t *graph, igraph_integer_t first, igraph_integer_t count)
{
    for (igraph_integer_t i = 0; i < count; i++) {
        igraph_integer_t n = igraph_vcount(graph);
        igraph_integer_t to = RNG_INTEGER(first, n - 1);
        igraph_add_vertices(graph, 1, NULL);
        igraph_add_edge(graph, n, to);
    }
}

Test(paths, folded_measures_are_igraphs_on_random_trees_hanging_from_a_core)
{
    igraph_rng_seed(igraph_rng_default(), 16);
    for (int round = 0; round < 12; round++) {
        igraph_t graph;
        igraph_integer_t core = RNG_INTEGER(3, 40);
        igraph_erdos_renyi_game_gnm(&graph, core, RNG_INTEGER(core, 3 * core), 0, 0);
        hang_trees(&graph, 0, RNG_INTEGER(0, 120));
        if (round % 3 == 0) { /* a second component, a tree alone, isolated vertices */
            igraph_integer_t first = igraph_vcount(&graph);
            igraph_add_vertices(&graph, 1, NULL);
            hang_trees(&graph, first, RNG_INTEGER(1, 30));
        }
        if (round % 2 == 0)
            igraph_add_vertices(&graph, RNG_INTEGER(1, 4), NULL);
        expect_igraphs_measures(&graph);
        igraph_destroy(&graph);
    }
}

Test(paths, measures_are_igraphs_on_random_graphs_sparse_and_dense)
{
    /* dense graphs, where most of a search's edges lead back to vertices already reached, and
     * sparse ones with long paths; some with parallel edges, a second component, a tree */
    igraph_rng_seed(igraph_rng_default(), 61);
    for (int round = 0; round < 16; round++) {
        igraph_t graph;
        igraph_integer_t n = RNG_INTEGER(20, 160);
        igraph_integer_t m = round % 2 ? RNG_INTEGER(n, 2 * n) : RNG_INTEGER(n * n / 8, n * n / 3);
        igraph_erdos_renyi_game_gnm(&graph, n, m, 0, 0);
        if (round % 4 == 1) {
            igraph_integer_t first = igraph_vcount(&graph);
            igraph_t second, both;
            igraph_erdos_renyi_game_gnm(&second, 40, 300, 0, 0);
            igraph_disjoint_union(&both, &graph, &second);
            igraph_destroy(&second);
            igraph_destroy(&graph);
            graph = both;
            hang_trees(&graph, first, 20);
        }
        if (round % 4 == 2)
            hang_trees(&graph, 0, RNG_INTEGER(1, 80));
        for (int parallel = 0; round % 3 == 0 && parallel < 10; parallel++) {
            igraph_integer_t e = RNG_INTEGER(0, igraph_ecount(&graph) - 1);
            igraph_add_edge(&graph, IGRAPH_FROM(&graph, e), IGRAPH_TO(&graph, e));
        }
        expect_igraphs_measures(&graph);
        igraph_destroy(&graph);
    }
}

Test(paths, folded_measures_are_igraphs_on_stars_paths_and_trees)
{
    igraph_t graph;
    igraph_star(&graph, 40, IGRAPH_STAR_UNDIRECTED, 0);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
    igraph_ring(&graph, 30, 0, 0, 0); /* a path */
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
    igraph_ring(&graph, 2, 0, 0, 0);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
    igraph_kary_tree(&graph, 60, 3, IGRAPH_TREE_UNDIRECTED);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
    igraph_rng_seed(igraph_rng_default(), 7);
    igraph_empty(&graph, 1, 0);
    hang_trees(&graph, 0, 200);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
}

Test(paths, folded_measures_are_igraphs_on_empty_isolated_and_disconnected_graphs)
{
    igraph_t graph;
    igraph_empty(&graph, 0, 0);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
    igraph_empty(&graph, 1, 0);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
    igraph_empty(&graph, 5, 0);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
    /* a cycle with a tail, a path, an edge, an isolated vertex */
    igraph_small(&graph, 11, 0, 0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, -1);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
}

Test(paths, folded_measures_are_igraphs_with_parallel_edges_and_self_loops)
{
    igraph_t graph;
    /* a triangle; 3 hangs from 0 by two parallel edges, 4 from 1 with a loop, 5 from 4 */
    igraph_small(&graph, 6, 0, 0, 1, 1, 2, 2, 0, 0, 3, 3, 0, 1, 4, 4, 4, 4, 5, -1);
    expect_igraphs_measures(&graph);
    igraph_destroy(&graph);
}

Test(paths, distances_from_chosen_sources_leave_the_others_at_zero)
{
    igraph_t graph;
    igraph_small(&graph, 7, 0, 0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 5, 6, -1);
    pn_csr_t csr;
    cr_assert_eq(pn_csr__from_igraph(&csr, &graph), 0);
    const int32_t sources[] = {4, 1};
    double sums[7];
    int32_t eccentricity[7];
    pn_paths_out_t out = {NULL, NULL, NULL, sums, eccentricity};
    cr_assert_eq(pn_paths__compute(&csr, sources, 2, &out, 2, NULL, NULL), 0);
    /* by hand: from 4, 3 at 1, 2 at 2, 0 and 1 at 3; from 1, 0 and 2 at 1, 3 at 2, 4 at 3 */
    const double expected_sums[] = {0, 7, 0, 0, 9, 0, 0};
    const int32_t expected_eccentricity[] = {0, 3, 0, 0, 3, 0, 0};
    for (int v = 0; v < 7; v++) {
        cr_expect_eq(sums[v], expected_sums[v], "vertex %d", v);
        cr_expect_eq(eccentricity[v], expected_eccentricity[v], "vertex %d", v);
    }
    pn_csr__destroy(&csr);
    igraph_destroy(&graph);
}

/* A cycle of @p size new vertices with @p chords random chords: a core of exactly @p size. */
static void add_cycle(igraph_t *graph, igraph_integer_t size, int chords)
{
    igraph_integer_t first = igraph_vcount(graph);
    igraph_add_vertices(graph, size, NULL);
    for (igraph_integer_t i = 0; i < size; i++)
        igraph_add_edge(graph, first + i, first + (i + 1) % size);
    for (int c = 0; c < chords; c++)
        igraph_add_edge(graph, first + RNG_INTEGER(0, size - 1), first + RNG_INTEGER(0, size - 1));
}

Test(paths, distances_are_igraphs_when_the_core_fills_batches_exactly_or_one_over)
{
    /* the searches without betweenness go 256 core vertices at a time, in 4 words of 64
     * bits: cores of one batch less one, exactly one, one more, two batches and one more (a
     * partial last batch); a word less one, one, one more, two words and one more; the
     * hanging trees several levels deep */
    const igraph_integer_t cores[] = {63, 64, 65, 129, 255, 256, 257, 513};
    igraph_rng_seed(igraph_rng_default(), 129);
    for (size_t i = 0; i < sizeof cores / sizeof *cores; i++) {
        igraph_t graph;
        igraph_empty(&graph, 0, 0);
        add_cycle(&graph, cores[i], (int)(cores[i] / 8));
        hang_trees(&graph, 0, 150);
        expect_igraphs_measures(&graph);
        igraph_destroy(&graph);
    }
}

Test(paths, distances_are_igraphs_when_batches_span_several_components)
{
    /* components of every kind in one batch and across batch boundaries: cycles with trees,
     * a tree alone, edges, isolated vertices, in an order that puts component boundaries
     * inside batches */
    igraph_rng_seed(igraph_rng_default(), 65);
    for (int round = 0; round < 4; round++) {
        igraph_t graph;
        igraph_empty(&graph, RNG_INTEGER(0, 3), 0);
        for (int part = 0; part < 12; part++) {
            igraph_integer_t first = igraph_vcount(&graph);
            switch (RNG_INTEGER(0, 3)) {
            case 0:
                add_cycle(&graph, RNG_INTEGER(3, 150), 3);
                hang_trees(&graph, first, RNG_INTEGER(0, 60));
                break;
            case 1: /* a tree alone */
                igraph_add_vertices(&graph, 1, NULL);
                hang_trees(&graph, first, RNG_INTEGER(1, 40));
                break;
            case 2:
                igraph_add_vertices(&graph, 2, NULL);
                igraph_add_edge(&graph, first, first + 1);
                break;
            default:
                igraph_add_vertices(&graph, RNG_INTEGER(1, 70), NULL);
            }
        }
        expect_igraphs_measures(&graph);
        igraph_destroy(&graph);
    }
}

/* The distance sum, harmonic sum (not divided) and eccentricity of a vertex at distance
 * @p depth down a path of @p length vertices hanging from vertex 0 of a triangle 0, 1, 2. */
static void hanging_path_sums(igraph_integer_t length, igraph_integer_t depth, double *sum,
                              double *inverse, int32_t *farthest)
{
    /* the other vertices of the path and 0 at |depth - k|; 1 and 2 at depth + 1 */
    *sum = 2.0 * (double)(depth + 1);
    *inverse = 2.0 / (double)(depth + 1);
    for (igraph_integer_t k = 0; k <= length; k++) {
        if (k == depth)
            continue;
        double d = (double)(k > depth ? k - depth : depth - k);
        *sum += d;
        *inverse += 1.0 / d;
    }
    *farthest = (int32_t)(depth + 1 > length - depth ? depth + 1 : length - depth);
}

Test(paths, distances_with_a_path_too_long_for_batches_are_its_closed_forms)
{
    /* a triangle 0, 1, 2 and a path of 8,200 vertices hanging from 0: a blob more levels deep
     * than the batches keep counts for (8192), so its sources are searched one by one: the
     * values must be the same */
    const igraph_integer_t length = 8200, n = length + 3;
    igraph_t graph;
    igraph_small(&graph, 3, 0, 0, 1, 1, 2, 2, 0, -1);
    igraph_add_vertices(&graph, length, NULL);
    igraph_add_edge(&graph, 0, 3);
    for (igraph_integer_t k = 1; k < length; k++)
        igraph_add_edge(&graph, 2 + k, 3 + k);
    pn_csr_t csr;
    cr_assert_eq(pn_csr__from_igraph(&csr, &graph), 0);
    pn_paths_out_t all = outputs_alloc(n), out = all;
    out.betweenness = NULL;
    cr_assert_eq(pn_paths__compute(&csr, NULL, n, &out, 2, NULL, NULL), 0);
    /* vertex 0 as the path's top; vertex 1 one step farther from the path, as near to 0, 2 */
    double sum, inverse;
    int32_t farthest;
    hanging_path_sums(length, 0, &sum, &inverse, &farthest);
    cr_expect_eq(out.distance_sum[0], sum);
    cr_expect_eq(out.eccentricity[0], (int32_t)length);
    double one = 2 + (sum - 2) + (double)length;
    cr_expect_eq(out.distance_sum[1], one);
    cr_expect_eq(out.eccentricity[1], (int32_t)length + 1);
    expect_near(out.closeness[1], (double)(n - 1) / one, "closeness", 1);
    const igraph_integer_t depths[] = {1, 2, 3, length / 2, length - 1, length};
    for (size_t i = 0; i < sizeof depths / sizeof *depths; i++) {
        igraph_integer_t v = 2 + depths[i];
        hanging_path_sums(length, depths[i], &sum, &inverse, &farthest);
        cr_expect_eq(out.distance_sum[v], sum, "distance sum of vertex %" IGRAPH_PRId, v);
        cr_expect_eq(out.eccentricity[v], farthest, "eccentricity of vertex %" IGRAPH_PRId, v);
        expect_near(out.closeness[v], (double)(n - 1) / sum, "closeness", v);
        expect_near(out.harmonic[v], inverse / (double)(n - 1), "harmonic", v);
    }
    outputs_free(&all);
    pn_csr__destroy(&csr);
    igraph_destroy(&graph);
}

Test(paths, a_star_of_200000_leaves_on_a_triangle_has_its_closed_forms)
{
    /* the triangle 0, 1, 2 with L leaves on 0. A leaf: 0 at 1, 1, 2 and the other leaves at
     * 2. Vertex 1: 0 and 2 at 1, the leaves at 2. Vertex 0: everything at 1, and every pair
     * of leaves and every leaf with 1 or 2 goes through it. (A search of the blob from each
     * leaf would take L^2 steps: minutes.) */
    const igraph_integer_t leaves = 200000, n = leaves + 3;
    const double l = (double)leaves, others = (double)(n - 1);
    igraph_t graph;
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 2 * (leaves + 3));
    const int triangle[] = {0, 1, 1, 2, 2, 0};
    for (int i = 0; i < 6; i++)
        VECTOR(edges)[i] = triangle[i];
    for (igraph_integer_t i = 0; i < leaves; i++) {
        VECTOR(edges)[6 + 2 * i] = 0;
        VECTOR(edges)[7 + 2 * i] = 3 + i;
    }
    igraph_create(&graph, &edges, n, 0);
    igraph_vector_int_destroy(&edges);
    pn_csr_t csr;
    cr_assert_eq(pn_csr__from_igraph(&csr, &graph), 0);
    pn_paths_out_t all = outputs_alloc(n);
    double *betweenness = all.betweenness, *closeness = all.closeness, *harmonic = all.harmonic;
    double *sums = all.distance_sum;
    int32_t *eccentricity = all.eccentricity;
    for (int with_betweenness = 0; with_betweenness < 2; with_betweenness++) {
        pn_paths_out_t out = {with_betweenness ? betweenness : NULL, closeness, harmonic, sums,
                              eccentricity};
        cr_assert_eq(pn_paths__compute(&csr, NULL, n, &out, 2, NULL, NULL), 0);
        expect_near(closeness[0], 1.0, "closeness", 0);
        expect_near(harmonic[0], 1.0, "harmonic", 0);
        cr_expect_eq(sums[0], others);
        cr_expect_eq(eccentricity[0], 1);
        for (igraph_integer_t v = 1; v < 3; v++) {
            expect_near(closeness[v], others / (2 * l + 2), "closeness", v);
            expect_near(harmonic[v], (2 + l / 2) / others, "harmonic", v);
            cr_expect_eq(sums[v], 2 * l + 2);
            cr_expect_eq(eccentricity[v], 2);
        }
        for (igraph_integer_t v = 3; v < n; v += 1009) {
            expect_near(closeness[v], others / (2 * l + 3), "closeness", v);
            expect_near(harmonic[v], (2 + (l - 1) / 2) / others, "harmonic", v);
            cr_expect_eq(sums[v], 2 * l + 3, "distance sum of vertex %" IGRAPH_PRId, v);
            cr_expect_eq(eccentricity[v], 2, "eccentricity of vertex %" IGRAPH_PRId, v);
        }
        expect_near(closeness[n - 1], others / (2 * l + 3), "closeness", n - 1);
        if (with_betweenness) {
            expect_near(betweenness[0], l * (l - 1) / 2 + 2 * l, "betweenness", 0);
            cr_expect_eq(betweenness[1], 0.0);
            cr_expect_eq(betweenness[n - 1], 0.0);
        }
    }
    outputs_free(&all);
    pn_csr__destroy(&csr);
    igraph_destroy(&graph);
}
