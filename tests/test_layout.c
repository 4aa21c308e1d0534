/* Layouts: the map projections (by hand, and Equal Earth's equal areas), where nodes without
 * coordinates go, nodes on one point spread apart, and the force layout's packing, seeds and
 * determinism.
 *
 *   map network:  a (53.9 N 27.6 E), b (52.4 N 31.0 E), d (40.2 N 44.5 E) and g (at a's
 *   point) located; c (no coordinates) partner of a and b; e and f (no coordinates) partners of
 *   each other only.
 */
#include "test_common.h"

#include <math.h>

#define DEG (M_PI / 180)

static const char map_network[] =
    "{\"nodes\": [\n"
    " {\"id\": \"a\", \"name\": \"A\", \"country\": \"BY\", \"level\": \"region\", \"lat\": 53.9,"
    "  \"lon\": 27.6},\n"
    " {\"id\": \"b\", \"name\": \"B\", \"country\": \"BY\", \"level\": \"region\", \"lat\": 52.4,"
    "  \"lon\": 31.0},\n"
    " {\"id\": \"c\", \"name\": \"C\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"d\", \"name\": \"D\", \"country\": \"AM\", \"level\": \"city\", \"lat\": 40.2,"
    "  \"lon\": 44.5},\n"
    " {\"id\": \"e\", \"name\": \"E\", \"country\": \"AM\", \"level\": \"city\"},\n"
    " {\"id\": \"f\", \"name\": \"F\", \"country\": \"AM\", \"level\": \"city\"},\n"
    " {\"id\": \"g\", \"name\": \"G\", \"country\": \"BY\", \"level\": \"district\", \"lat\": 53.9,"
    "  \"lon\": 27.6}],\n"
    "\"agreements\": [\n"
    " {\"id\": \"1\", \"parties\": [\"a\", \"d\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"2\", \"parties\": [\"b\", \"d\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"3\", \"parties\": [\"a\", \"c\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"4\", \"parties\": [\"b\", \"c\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"5\", \"parties\": [\"e\", \"f\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"6\", \"parties\": [\"g\", \"a\"], \"kind\": \"twinning\"}]}\n";

/* A triangle with a tail (x1..x4), and two pairs (y1-y2, z1-z2): three components. */
static const char force_network[] =
    "{\"nodes\": [\n"
    " {\"id\": \"y1\", \"name\": \"y1\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"x1\", \"name\": \"x1\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"x2\", \"name\": \"x2\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"y2\", \"name\": \"y2\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"x3\", \"name\": \"x3\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"x4\", \"name\": \"x4\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"z1\", \"name\": \"z1\", \"country\": \"BY\", \"level\": \"city\"},\n"
    " {\"id\": \"z2\", \"name\": \"z2\", \"country\": \"BY\", \"level\": \"city\"}],\n"
    "\"agreements\": [\n"
    " {\"id\": \"7\", \"parties\": [\"x1\", \"x2\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"8\", \"parties\": [\"x2\", \"x3\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"9\", \"parties\": [\"x3\", \"x1\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"10\", \"parties\": [\"x3\", \"x4\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"11\", \"parties\": [\"y1\", \"y2\"], \"kind\": \"twinning\"},\n"
    " {\"id\": \"12\", \"parties\": [\"z1\", \"z2\"], \"kind\": \"twinning\"}]}\n";

PN_TEST_SUITE(layout);

static igraph_integer_t vertex(const pn_graph_t *g, const char *id)
{
    uint32_t node;
    cr_assert_eq(pn_dataset_find_node(&node, pn_graph_dataset(g), id), 0);
    return pn_graph_node_vertex(g, node);
}

static double distance(const igraph_matrix_t *pos, igraph_integer_t u, igraph_integer_t v)
{
    return hypot(MATRIX(*pos, u, 0) - MATRIX(*pos, v, 0), MATRIX(*pos, u, 1) - MATRIX(*pos, v, 1));
}

Test(layout, projects_regional_nodes_equirectangularly_at_their_median_latitude)
{
    pn_test_load_t loaded;
    pn_graph_t *g;
    pn_test_network(&loaded, &g, "map.json", map_network);
    igraph_matrix_t pos;
    igraph_vector_int_t placement;
    pn_map_info_t info;
    igraph_matrix_init(&pos, 0, 0);
    igraph_vector_int_init(&placement, 0);
    cr_assert_eq(pn_layout_map(&pos, &placement, &info, g), 0, "%s", pn_error_last());
    cr_assert_eq(igraph_matrix_nrow(&pos), 7);
    cr_assert_eq(info.projection, PN_PROJECTION_EQUIRECTANGULAR);
    cr_assert_float_eq(info.central_meridian, (27.6 + 44.5) / 2, 1e-12);
    /* located latitudes 40.2, 52.4, 53.9, 53.9: the median is between the middle two */
    cr_assert_float_eq(info.standard_parallel, (52.4 + 53.9) / 2, 1e-12);
    cr_assert_eq(info.located, 4);
    cr_assert_eq(info.among_partners, 1);
    cr_assert_eq(info.apart, 2);
    double k = cos(53.15 * DEG);
    igraph_integer_t a = vertex(g, "a"), b = vertex(g, "b"), d = vertex(g, "d");
    cr_assert_float_eq(MATRIX(pos, a, 0), (27.6 - 36.05) * DEG * k, 1e-12);
    cr_assert_float_eq(MATRIX(pos, a, 1), 53.9 * DEG, 1e-12);
    cr_assert_float_eq(MATRIX(pos, d, 0), (44.5 - 36.05) * DEG * k, 1e-12);
    cr_assert_float_eq(MATRIX(pos, d, 1), 40.2 * DEG, 1e-12);
    for (igraph_integer_t v = 0; v < 7; v++)
        cr_assert_eq(VECTOR(placement)[v], v == vertex(g, "c") ? PN_PLACED_AMONG_PARTNERS
                                           : v == vertex(g, "e") || v == vertex(g, "f")
                                               ? PN_PLACED_APART
                                               : PN_PLACED_AT_COORDINATES);
    /* c between its two partners */
    igraph_integer_t c = vertex(g, "c");
    cr_assert_float_eq(MATRIX(pos, c, 0), (MATRIX(pos, a, 0) + MATRIX(pos, b, 0)) / 2, 1e-12);
    cr_assert_float_eq(MATRIX(pos, c, 1), (MATRIX(pos, a, 1) + MATRIX(pos, b, 1)) / 2, 1e-12);
    /* g was on a's point: moved 2e-4 away, a stays */
    igraph_integer_t gv = vertex(g, "g");
    cr_assert_float_eq(distance(&pos, gv, a), 2e-4, 1e-12);
    /* e and f under the map, apart from each other */
    igraph_integer_t e = vertex(g, "e"), f = vertex(g, "f");
    cr_assert_lt(MATRIX(pos, e, 1), MATRIX(pos, d, 1));
    cr_assert_lt(MATRIX(pos, f, 1), MATRIX(pos, d, 1));
    cr_assert(MATRIX(pos, e, 0) != MATRIX(pos, f, 0) || MATRIX(pos, e, 1) != MATRIX(pos, f, 1));
    igraph_vector_int_destroy(&placement);
    igraph_matrix_destroy(&pos);
    pn_test_network_free(&loaded, g);
}

Test(layout, equal_earth_keeps_areas)
{
    /* An equal-area map of the unit sphere: the Jacobian's determinant is cos(latitude)
     * everywhere (finite differences), the equator and the central meridian map to the axes. */
    pn_map_info_t info = {PN_PROJECTION_EQUAL_EARTH, 0, 0, 0, 0, 0};
    const double h = 1e-6;
    for (double lat = -80; lat <= 80; lat += 20) {
        for (double lon = -170; lon <= 170; lon += 34) {
            double x0, y0, xl, yl, xp, yp;
            pn_layout_project(&x0, &y0, &info, lat, lon);
            pn_layout_project(&xl, &yl, &info, lat, lon + h / DEG);
            pn_layout_project(&xp, &yp, &info, lat + h / DEG, lon);
            double det = ((xl - x0) * (yp - y0) - (xp - x0) * (yl - y0)) / (h * h);
            cr_assert_float_eq(det, cos(lat * DEG), 1e-4, "at %g, %g: %g", lat, lon, det);
        }
    }
    double x, y;
    pn_layout_project(&x, &y, &info, 0, 0);
    cr_assert_float_eq(x, 0, 1e-15);
    cr_assert_float_eq(y, 0, 1e-15);
    pn_layout_project(&x, &y, &info, 0, 90);
    cr_assert_float_eq(y, 0, 1e-15);
    cr_assert_gt(x, 0);
    pn_layout_project(&x, &y, &info, 45, 0);
    cr_assert_float_eq(x, 0, 1e-15);
    cr_assert_gt(y, 0);
}

Test(layout, the_whole_world_is_drawn_in_equal_earth)
{
    pn_test_load_t loaded;
    pn_graph_t *g;
    pn_test_network(&loaded, &g, "world.json",
                    "{\"nodes\": [\n"
                    " {\"id\": \"h\", \"name\": \"Honolulu\", \"country\": \"US\","
                    "  \"level\": \"city\", \"lat\": 21.3, \"lon\": -157.9},\n"
                    " {\"id\": \"w\", \"name\": \"Wellington\", \"country\": \"NZ\","
                    "  \"level\": \"city\", \"lat\": -41.3, \"lon\": 174.8}],\n"
                    "\"agreements\": [{\"id\": \"13\", \"parties\": [\"h\", \"w\"],"
                    " \"kind\": \"twinning\"}]}\n");
    igraph_matrix_t pos;
    pn_map_info_t info;
    igraph_matrix_init(&pos, 0, 0);
    cr_assert_eq(pn_layout_map(&pos, NULL, &info, g), 0);
    cr_assert_eq(info.projection, PN_PROJECTION_EQUAL_EARTH);
    cr_assert_eq(info.central_meridian, 0);
    /* west on the left, south below */
    cr_assert_lt(MATRIX(pos, vertex(g, "h"), 0), MATRIX(pos, vertex(g, "w"), 0));
    cr_assert_gt(MATRIX(pos, vertex(g, "h"), 1), MATRIX(pos, vertex(g, "w"), 1));
    igraph_matrix_destroy(&pos);
    pn_test_network_free(&loaded, g);
}

Test(layout, force_packs_the_largest_component_on_top)
{
    pn_test_load_t loaded;
    pn_graph_t *g;
    pn_test_network(&loaded, &g, "force.json", force_network);
    igraph_matrix_t pos;
    igraph_matrix_init(&pos, 0, 0);
    cr_assert_eq(pn_layout_force(&pos, g, 1), 0, "%s", pn_error_last());
    cr_assert_eq(igraph_matrix_nrow(&pos), 8);
    cr_assert_eq(igraph_matrix_ncol(&pos), 2);
    const char *largest[] = {"x1", "x2", "x3", "x4"}, *others[] = {"y1", "y2", "z1", "z2"};
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++)
            cr_assert_gt(MATRIX(pos, vertex(g, largest[i]), 1),
                         MATRIX(pos, vertex(g, others[j]), 1) + 1, "%s above %s",
                         largest[i], others[j]);
    }
    /* each pair one edge length long; the triangle's edges at least one on average */
    cr_assert_float_eq(distance(&pos, vertex(g, "y1"), vertex(g, "y2")), 1, 1e-12);
    cr_assert_float_eq(distance(&pos, vertex(g, "z1"), vertex(g, "z2")), 1, 1e-12);
    double triangle = distance(&pos, vertex(g, "x1"), vertex(g, "x2")) +
                      distance(&pos, vertex(g, "x2"), vertex(g, "x3")) +
                      distance(&pos, vertex(g, "x3"), vertex(g, "x1")) +
                      distance(&pos, vertex(g, "x3"), vertex(g, "x4"));
    cr_assert_geq(triangle / 4, 1 - 1e-9);
    /* the two pairs do not overlap: a margin of 1.5 between them */
    cr_assert_gt(distance(&pos, vertex(g, "y2"), vertex(g, "z1")), 1.4);
    igraph_matrix_destroy(&pos);
    pn_test_network_free(&loaded, g);
}

Test(layout, force_is_deterministic_and_leaves_igraphs_generator_alone)
{
    pn_test_load_t loaded;
    pn_graph_t *g;
    pn_test_network(&loaded, &g, "force.json", force_network);
    igraph_matrix_t first, again, other;
    igraph_matrix_init(&first, 0, 0);
    igraph_matrix_init(&again, 0, 0);
    igraph_matrix_init(&other, 0, 0);
    igraph_rng_seed(igraph_rng_default(), 42);
    igraph_real_t before = igraph_rng_get_unif01(igraph_rng_default());
    igraph_rng_seed(igraph_rng_default(), 42);
    cr_assert_eq(pn_layout_force(&first, g, 1), 0);
    cr_assert_eq(igraph_rng_get_unif01(igraph_rng_default()), before,
                 "igraph's default generator is not drawn from");
    cr_assert_eq(pn_layout_force(&again, g, 1), 0);
    cr_assert_eq(pn_layout_force(&other, g, 2), 0);
    cr_assert(igraph_matrix_all_e(&first, &again), "the same seed gives the same positions");
    cr_assert_not(igraph_matrix_all_e(&first, &other), "another seed, another layout");
    igraph_matrix_destroy(&first);
    igraph_matrix_destroy(&again);
    igraph_matrix_destroy(&other);
    pn_test_network_free(&loaded, g);
}

Test(layout, empty_and_single_node_networks)
{
    pn_test_load_t loaded;
    pn_graph_t *g;
    pn_test_network(&loaded, &g, "one.json",
                    "{\"nodes\": [{\"id\": \"a\", \"name\": \"A\", \"country\": \"BY\","
                    " \"level\": \"city\"}], \"agreements\": []}\n");
    igraph_matrix_t pos;
    pn_map_info_t info;
    igraph_matrix_init(&pos, 3, 3);
    cr_assert_eq(pn_layout_force(&pos, g, 1), 0);
    cr_assert_eq(igraph_matrix_nrow(&pos), 1);
    cr_assert(isfinite(MATRIX(pos, 0, 0)) && isfinite(MATRIX(pos, 0, 1)));
    cr_assert_eq(pn_layout_map(&pos, NULL, &info, g), 0);
    cr_assert_eq(info.located, 0);
    cr_assert_eq(info.apart, 1);
    pn_graph_t *none;
    pn_view_t *view;
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.drop_isolated = 1;
    cr_assert_eq(pn_view_new(&view, loaded.ds, &opts), 0);
    cr_assert_eq(pn_graph_new(&none, view), 0);
    pn_view_free(view);
    cr_assert_eq(pn_layout_force(&pos, none, 1), 0);
    cr_assert_eq(igraph_matrix_nrow(&pos), 0);
    cr_assert_eq(pn_layout_map(&pos, NULL, &info, none), 0);
    cr_assert_eq(igraph_matrix_nrow(&pos), 0);
    pn_graph_free(none);
    igraph_matrix_destroy(&pos);
    pn_test_network_free(&loaded, g);
}
