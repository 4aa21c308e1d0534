/* Shortest paths, worked by hand on small graphs: the square a-b-c-d (two shortest paths from
 * a to c), three ways through s-m1/m2/m3-t, a node apart, and the agreements behind a step. */
#include "test_common.h"

PN_TEST_SUITE(path);

/* A dataset of nodes named by one letter or id each and agreements between them. */
static pn_dataset_t *network(const char *const *ids, size_t n, const char *const pairs[][2],
                             size_t m)
{
    pn_dataset_t *ds;
    uint32_t country, a, b;
    cr_assert_eq(pn_dataset_new(&ds, "paths"), 0);
    cr_assert_eq(pn_dataset_add_country(&country, ds, "BY", "Belarus", 7), 0);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(pn_dataset_add_node(NULL, ds, ids[i], ids[i], country, PN_LEVEL_CITY), 0);
    for (size_t i = 0; i < m; i++) {
        cr_assert_eq(pn_dataset_find_node(&a, ds, pairs[i][0]), 0);
        cr_assert_eq(pn_dataset_find_node(&b, ds, pairs[i][1]), 0);
        cr_assert_eq(pn_dataset_add_agreement(NULL, ds, a, b, 20000000 + (pn_date_t)i * 10000,
                                              PN_DATE_NONE, PN_KIND_TWINNING), 0);
    }
    return ds;
}

static igraph_integer_t vertex(const pn_graph_t *g, const char *id)
{
    uint32_t node;
    cr_assert_eq(pn_dataset_find_node(&node, pn_graph_dataset(g), id), 0);
    return pn_graph_node_vertex(g, node);
}

static const char *path_ids(const pn_graph_t *g, const pn_path_t *p)
{
    static char buf[128];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < p->length; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? "-" : "",
                                 pn_graph_vertex_id(g, p->vertices[i]));
    return buf;
}

Test(path, the_square_has_two_shortest_paths_and_takes_the_smaller_id)
{
    const char *ids[] = {"d", "c", "b", "a"};
    const char *const pairs[][2] = {{"a", "d"}, {"d", "c"}, {"a", "b"}, {"b", "c"}};
    pn_dataset_t *ds = network(ids, 4, pairs, 4);
    pn_graph_t *g;
    pn_path_t *p;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_assert_eq(pn_path_new(&p, g, vertex(g, "a"), vertex(g, "c")), 0);
    cr_expect_eq(p->distance, 2);
    cr_expect_eq(p->count, 2);
    cr_expect_eq(p->length, 3);
    cr_expect_str_eq(path_ids(g, p), "a-b-c", "b before d");
    const uint32_t *behind;
    size_t count = pn_graph_edge_agreements(&behind, g, p->edges[0]);
    cr_expect_eq(count, 1);
    cr_expect_eq(behind[0], 2, "a-b is agreement 2");
    count = pn_graph_edge_agreements(&behind, g, p->edges[1]);
    cr_expect_eq(behind[0], 3, "b-c is agreement 3");
    pn_path_free(p);
    cr_assert_eq(pn_path_new(&p, g, vertex(g, "c"), vertex(g, "a")), 0);
    cr_expect_str_eq(path_ids(g, p), "c-b-a");
    pn_path_free(p);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(path, counts_every_shortest_path)
{
    /* s to t: three ways of length 2, and from s to u (behind t) the same three; a longer
     * way s-x-y-t does not count */
    const char *ids[] = {"s", "m1", "m2", "m3", "t", "u", "x", "y"};
    const char *const pairs[][2] = {{"s", "m1"}, {"s", "m2"}, {"s", "m3"}, {"m1", "t"}, {"m2", "t"},
                              {"m3", "t"}, {"t", "u"}, {"s", "x"}, {"x", "y"}, {"y", "t"},
                              {"m1", "t"}};
    pn_dataset_t *ds = network(ids, 8, pairs, 11);
    pn_graph_t *g;
    pn_path_t *p;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_assert_eq(pn_path_new(&p, g, vertex(g, "s"), vertex(g, "t")), 0);
    cr_expect_eq(p->distance, 2);
    cr_expect_eq(p->count, 3, "two agreements between m1 and t are one step");
    cr_expect_str_eq(path_ids(g, p), "s-m1-t");
    const uint32_t *behind;
    cr_expect_eq(pn_graph_edge_agreements(&behind, g, p->edges[1]), 2);
    pn_path_free(p);
    cr_assert_eq(pn_path_new(&p, g, vertex(g, "s"), vertex(g, "u")), 0);
    cr_expect_eq(p->distance, 3);
    cr_expect_eq(p->count, 3);
    pn_path_free(p);
    cr_assert_eq(pn_path_new(&p, g, vertex(g, "x"), vertex(g, "m2")), 0);
    cr_expect_eq(p->distance, 2);
    cr_expect_eq(p->count, 1);
    cr_expect_str_eq(path_ids(g, p), "x-s-m2");
    pn_path_free(p);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(path, none_between_components_and_none_steps_to_itself)
{
    const char *ids[] = {"a", "b", "c", "lone"};
    const char *const pairs[][2] = {{"a", "b"}};
    pn_dataset_t *ds = network(ids, 4, pairs, 1);
    pn_graph_t *g;
    pn_path_t *p;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_assert_eq(pn_path_new(&p, g, vertex(g, "a"), vertex(g, "lone")), 0);
    cr_expect_eq(p->distance, -1);
    cr_expect_eq(p->count, 0);
    cr_expect_eq(p->length, 0);
    cr_expect_null(p->vertices);
    pn_path_free(p);
    cr_assert_eq(pn_path_new(&p, g, vertex(g, "a"), vertex(g, "a")), 0);
    cr_expect_eq(p->distance, 0);
    cr_expect_eq(p->count, 1);
    cr_expect_eq(p->length, 1);
    cr_expect_str_eq(path_ids(g, p), "a");
    pn_path_free(p);
    p = NULL;
    cr_expect_eq(pn_path_new(&p, g, 0, 4), PN_EUSAGE);
    cr_expect_null(p);
    pn_path_free(NULL);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
