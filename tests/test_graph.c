/* The graph of a view: simple graph with agreement counts as weights, snapshots by date,
 * node filters, and the igraph edge cases (empty, one node, isolated, multi-edges). */
#include "test_common.h"

PN_TEST_SUITE(graph);

static igraph_integer_t vertex(const pn_graph_t *g, const char *id)
{
    uint32_t node;
    cr_assert_eq(pn_dataset_find_node(&node, pn_graph_dataset(g), id), 0);
    return pn_graph_node_vertex(g, node);
}

static double weight(const pn_graph_t *g, const char *x, const char *y)
{
    igraph_integer_t e;
    igraph_get_eid(pn_graph_igraph(g), &e, vertex(g, x), vertex(g, y), IGRAPH_UNDIRECTED, 0);
    return e < 0 ? 0 : VECTOR(*pn_graph_weights(g))[e];
}

Test(graph, merges_agreements_of_a_pair_into_a_weighted_edge)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_graph_t *g;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0, "%s", pn_error_last());
    cr_expect_eq(pn_graph_vertex_count(g), 5, "isolated nodes are kept");
    cr_expect_eq(pn_graph_edge_count(g), 4);
    cr_expect_eq(pn_graph_agreement_count(g), 6);
    cr_expect_float_eq(weight(g, "by-a", "by-b"), 3, 0);
    cr_expect_float_eq(weight(g, "by-a", "am-d"), 1, 0);
    cr_expect_float_eq(weight(g, "by-c", "am-d"), 1, 0, "undated agreements count without a date filter");
    igraph_bool_t simple;
    igraph_is_simple(pn_graph_igraph(g), &simple);
    cr_expect(simple);
    cr_expect(!igraph_is_directed(pn_graph_igraph(g)));

    igraph_integer_t e;
    igraph_get_eid(pn_graph_igraph(g), &e, vertex(g, "by-b"), vertex(g, "by-a"), IGRAPH_UNDIRECTED, 1);
    const uint32_t *list;
    size_t count = pn_graph_edge_agreements(&list, g, e);
    cr_assert_eq(count, 3);
    cr_expect_eq(list[0], 0);
    cr_expect_eq(list[1], 1);
    cr_expect_eq(list[2], 5, "in dataset order");
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, snapshot_as_of_a_date)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    pn_graph_t *g;
    opts.as_of = 20050000; /* 2005: a-b 2000, b-a 2005-06, by-d 2004-06-23 */
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_agreement_count(g), 3);
    cr_expect_float_eq(weight(g, "by-a", "by-b"), 2, 0);
    cr_expect_eq(pn_graph_vertex_count(g), 5, "nodes without agreements yet are kept, isolated");
    pn_graph_free(g);

    opts.as_of = 20050531; /* before June 2005 ends: b-a (2005-06) not yet certain */
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_agreement_count(g), 2);
    pn_graph_free(g);

    opts.as_of = 20100315;
    opts.drop_isolated = 1;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_agreement_count(g), 4, "2010 (year only) is not certain by March 15");
    cr_expect_eq(pn_graph_vertex_count(g), 4, "by-c has only an undated agreement");
    cr_expect_eq(vertex(g, "by-c"), -1);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, active_snapshot_leaves_out_ended_agreements)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    pn_graph_t *g;
    opts.as_of = 20120000;
    opts.active = 1;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_float_eq(weight(g, "by-a", "am-d"), 1, 0, "ends 2012: still active in 2012");
    pn_graph_free(g);
    opts.as_of = 20130000;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_float_eq(weight(g, "by-a", "am-d"), 0, 0, "ended before 2013");
    cr_expect_eq(pn_graph_agreement_count(g), 4);
    pn_graph_free(g);
    opts.active = 0;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_float_eq(weight(g, "by-a", "am-d"), 1, 0, "without --active it stays");
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, filters_by_country_level_and_country_parties)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    pn_graph_t *g;
    opts.country = "AM";
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_agreement_count(g), 3, "the agreements with an Armenian party");
    cr_expect_eq(pn_graph_vertex_count(g), 4, "am-d and its partners by-a, by-c, by");
    cr_expect_eq(vertex(g, "by-b"), -1, "by-b has no Armenian partner");
    pn_graph_free(g);

    opts.country = NULL;
    opts.levels = 1u << PN_LEVEL_REGION;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_vertex_count(g), 3);
    cr_expect_eq(pn_graph_agreement_count(g), 4, "region-to-region agreements only");
    pn_graph_free(g);

    opts.levels = 0;
    opts.exclude_country_level = 1;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_vertex_count(g), 4);
    cr_expect_eq(pn_graph_agreement_count(g), 5);
    pn_graph_free(g);

    opts.country = "KZ";
    cr_expect_eq(pn_test_graph(&g, ds, &opts), PN_ENOTFOUND);
    cr_expect(strstr(pn_error_last(), "no country \"KZ\"") != NULL);
    pn_dataset_free(ds);
}

Test(graph, contracts_to_countries)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    pn_graph_t *g;
    opts.by_country = 1;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect(pn_graph_is_by_country(g));
    cr_expect_eq(pn_graph_vertex_count(g), 2, "BY and AM");
    cr_expect_eq(pn_graph_edge_count(g), 1);
    cr_expect_float_eq(VECTOR(*pn_graph_weights(g))[0], 3, 0, "a-d, c-d, by-d");
    igraph_integer_t by = pn_graph_country_vertex(g, 0), am = pn_graph_country_vertex(g, 1);
    cr_expect_eq(pn_graph_vertex_domestic(g, by), 3, "a-b three times");
    cr_expect_eq(pn_graph_vertex_domestic(g, am), 0);
    cr_expect_eq(pn_graph_vertex_country(g, by), 0);
    cr_expect_eq(pn_graph_vertex_node(g, by), PN_NONE, "a country is no node");
    cr_expect_eq(pn_graph_vertex_level(g, am), PN_LEVEL_COUNTRY);
    cr_expect_eq(pn_graph_node_vertex(g, 0), -1, "nodes have no vertex of their own");
    pn_graph_free(g);

    opts.as_of = 20050000;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_vertex_domestic(g, pn_graph_country_vertex(g, 0)), 2);
    cr_expect_float_eq(VECTOR(*pn_graph_weights(g))[0], 1, 0, "by-d 2004");
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, empty_dataset_gives_an_empty_graph)
{
    pn_dataset_t *ds;
    pn_graph_t *g;
    cr_assert_eq(pn_dataset_new(&ds, "empty"), 0);
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_expect_eq(pn_graph_vertex_count(g), 0);
    cr_expect_eq(pn_graph_edge_count(g), 0);
    pn_graph_free(g);

    uint32_t by;
    cr_assert_eq(pn_dataset_add_country(&by, ds, "BY", NULL, -1), 0);
    cr_assert_eq(pn_dataset_add_node(NULL, ds, "one", "One", by, PN_LEVEL_CITY), 0);
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_expect_eq(pn_graph_vertex_count(g), 1, "one node, no edge");
    cr_expect_eq(pn_graph_edge_count(g), 0);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, builder_refuses_self_agreements_and_unknown_nodes)
{
    pn_dataset_t *ds = pn_test_sample();
    cr_expect_eq(pn_dataset_add_agreement(NULL, ds, 0, 0, 0, 0, PN_KIND_OTHER), PN_EINVALID);
    cr_expect(strstr(pn_error_last(), "with itself") != NULL);
    cr_expect_eq(pn_dataset_add_agreement(NULL, ds, 0, 99, 0, 0, PN_KIND_OTHER), PN_EINVALID);
    cr_expect_eq(pn_dataset_add_node(NULL, ds, "by-a", "dup", 0, PN_LEVEL_CITY), PN_EINVALID);
    cr_expect_eq(pn_dataset_agreement_count(ds), 6, "nothing was added");
    pn_dataset_free(ds);
}

Test(graph, names_its_vertices_by_node_or_country)
{
    pn_dataset_t *ds = pn_test_sample();
    uint32_t nowhere;
    cr_assert_eq(pn_dataset_add_country(&nowhere, ds, "", "", -1), 0);
    cr_assert_eq(pn_dataset_add_node(NULL, ds, "x", "", nowhere, PN_LEVEL_CITY), 0);
    pn_graph_t *g;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_expect_str_eq(pn_graph_vertex_id(g, vertex(g, "am-d")), "am-d");
    cr_expect_str_eq(pn_graph_vertex_name(g, vertex(g, "am-d")), "D");
    cr_expect_str_eq(pn_graph_vertex_name(g, vertex(g, "x")), "x", "no name: the id");
    cr_expect_eq(pn_graph_vertex_node(g, vertex(g, "am-d")), 3);
    cr_expect_eq(pn_graph_vertex_country(g, vertex(g, "am-d")), 1);
    cr_expect_eq(pn_graph_vertex_level(g, vertex(g, "by-c")), PN_LEVEL_CITY);
    cr_expect_eq(pn_graph_vertex_domestic(g, vertex(g, "by-a")), 0, "a node has no domestic count");
    cr_expect_eq(pn_graph_country_vertex(g, 0), -1, "countries have no vertex of their own");
    pn_graph_free(g);
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.by_country = 1;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_str_eq(pn_graph_vertex_id(g, pn_graph_country_vertex(g, 1)), "AM");
    cr_expect_str_eq(pn_graph_vertex_name(g, pn_graph_country_vertex(g, 1)), "Armenia");
    cr_expect_eq(pn_graph_country_vertex(g, nowhere), -1, "a node without a country is in none");
    cr_expect_eq(igraph_vcount(pn_graph_igraph(g)), 2, "BY and AM");
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, sorts_vertices_by_value_then_id)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_graph_t *g;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    /* vertices in dataset order: by-a, by-b, by-c, am-d, by */
    const double value[] = {2, 5, 2, 2, 1};
    igraph_integer_t order[] = {0, 1, 2, 3, 4};
    cr_assert_eq(pn_graph_sort_vertices(order, 5, g, value), 0);
    const char *expected[] = {"by-b", "am-d", "by-a", "by-c", "by"};
    for (int i = 0; i < 5; i++)
        cr_expect_str_eq(pn_graph_vertex_id(g, order[i]), expected[i], "place %d", i);
    igraph_integer_t some[] = {4, 0};
    cr_assert_eq(pn_graph_sort_vertices(some, 2, g, value), 0);
    cr_expect_eq(some[0], 0, "a subset sorts too");
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, tallies_the_countries_of_vertices)
{
    pn_dataset_t *ds = pn_test_sample();
    uint32_t kz;
    cr_assert_eq(pn_dataset_add_country(&kz, ds, "KZ", "Kazakhstan", -1), 0);
    cr_assert_eq(pn_dataset_add_node(NULL, ds, "kz-a", "KA", kz, PN_LEVEL_REGION), 0);
    cr_assert_eq(pn_dataset_add_node(NULL, ds, "kz-b", "KB", kz, PN_LEVEL_REGION), 0);
    pn_graph_t *g;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    pn_country_tally_t tally[3];
    cr_assert_eq(pn_graph_tally_countries(tally, g, NULL, 0), 3);
    cr_expect_str_eq(tally[0].code, "BY");
    cr_expect_eq(tally[0].vertices, 4);
    cr_expect_str_eq(tally[1].code, "KZ", "two each: by code");
    cr_expect_str_eq(tally[2].code, "AM");
    cr_expect_eq(tally[2].vertices, 1);
    igraph_integer_t some[] = {vertex(g, "am-d"), vertex(g, "kz-a")};
    cr_assert_eq(pn_graph_tally_countries(tally, g, some, 2), 2);
    cr_expect_str_eq(tally[0].code, "AM", "one each: by code");
    igraph_integer_t same[] = {vertex(g, "kz-b"), vertex(g, "kz-a")};
    cr_assert_eq(pn_graph_tally_countries(tally, g, same, 2), 1);
    cr_expect_str_eq(tally[0].code, "KZ");
    cr_expect_eq(tally[0].vertices, 2);
    pn_graph_free(g);
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.by_country = 1;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_assert_eq(pn_graph_tally_countries(tally, g, NULL, 0), 3, "a country counts for itself");
    cr_expect_eq(tally[0].vertices, 1);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, subgraph_keeps_the_chosen_vertices_in_order_with_their_edges)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_graph_t *g, *sub;
    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    igraph_integer_t chosen[] = {vertex(g, "am-d"), vertex(g, "by-c"), vertex(g, "by-a"),
                                 vertex(g, "am-d")};
    cr_assert_eq(pn_graph_subgraph(&sub, g, chosen, 4), 0, "%s", pn_error_last());
    pn_graph_free(g); /* the subgraph stands on its own */
    cr_assert_eq(pn_graph_vertex_count(sub), 3, "a repeat counts once");
    cr_expect_str_eq(pn_graph_vertex_id(sub, 0), "by-a", "the order of the graph");
    cr_expect_str_eq(pn_graph_vertex_id(sub, 1), "by-c");
    cr_expect_str_eq(pn_graph_vertex_id(sub, 2), "am-d");
    cr_expect_eq(vertex(sub, "by-b"), -1);
    cr_expect_eq(pn_graph_edge_count(sub), 2, "a-d and c-d; a-b leaves with b");
    cr_expect_eq(pn_graph_agreement_count(sub), 2);
    cr_expect_float_eq(weight(sub, "by-a", "am-d"), 1, 0);
    cr_expect_float_eq(weight(sub, "by-c", "am-d"), 1, 0);
    igraph_integer_t e;
    igraph_get_eid(pn_graph_igraph(sub), &e, vertex(sub, "by-c"), vertex(sub, "am-d"),
                   IGRAPH_UNDIRECTED, 1);
    const uint32_t *list;
    cr_assert_eq(pn_graph_edge_agreements(&list, sub, e), 1);
    cr_expect_eq(list[0], 3, "the undated c-d agreement");
    cr_expect_eq(pn_graph_vertex_members(sub, 0), 1, "a node stands for itself");
    pn_graph_free(sub);

    cr_assert_eq(pn_test_graph(&g, ds, NULL), 0);
    cr_assert_eq(pn_graph_subgraph(&sub, g, NULL, 0), 0);
    cr_expect_eq(pn_graph_vertex_count(sub), 0, "an empty choice: the empty graph");
    cr_expect_eq(pn_graph_edge_count(sub), 0);
    pn_graph_free(sub);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

Test(graph, a_country_stands_for_its_nodes_in_the_view_in_a_subgraph_too)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.by_country = 1;
    pn_graph_t *g, *sub;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    uint32_t by, am;
    cr_assert_eq(pn_dataset_find_country(&by, ds, "BY"), 0);
    cr_assert_eq(pn_dataset_find_country(&am, ds, "AM"), 0);
    igraph_integer_t v_by = pn_graph_country_vertex(g, by), v_am = pn_graph_country_vertex(g, am);
    cr_expect_eq(pn_graph_vertex_members(g, v_by), 4, "a, b, c and the state");
    cr_expect_eq(pn_graph_vertex_members(g, v_am), 1);
    cr_assert_eq(pn_graph_subgraph(&sub, g, &v_by, 1), 0);
    cr_assert_eq(pn_graph_vertex_count(sub), 1);
    cr_expect_eq(pn_graph_edge_count(sub), 0);
    cr_expect_eq(pn_graph_vertex_members(sub, 0), 4);
    cr_expect_eq(pn_graph_vertex_domestic(sub, 0), 3, "the three a-b agreements");
    cr_expect_eq(pn_graph_country_vertex(sub, am), -1);
    pn_graph_free(sub);
    pn_graph_free(g);

    opts.as_of = 20050000; /* a-b 2000, the state with d 2004: c has none yet */
    opts.drop_isolated = 1;
    cr_assert_eq(pn_test_graph(&g, ds, &opts), 0);
    cr_expect_eq(pn_graph_vertex_members(g, pn_graph_country_vertex(g, by)), 3,
                 "only the nodes in the view");
    pn_graph_free(g);
    pn_dataset_free(ds);
}
