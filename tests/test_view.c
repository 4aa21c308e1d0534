/* Views: which agreements and nodes each filter keeps, worked by hand on the sample dataset of
 * test_common.h (by-a, by-b regions, by-c city, by national government in BY; am-d region in
 * AM; agreements 0 a-b 2000, 1 b-a 2005-06, 2 a-d 2010 ending 2012, 3 c-d undated,
 * 4 by-d 2004-06-23, 5 a-b 2010-03-15). */
#include "test_common.h"

PN_TEST_SUITE(view);

/* The view's agreements as a bit mask over the dataset's agreements. */
static unsigned agreements(const pn_view_t *view)
{
    unsigned mask = 0;
    for (size_t i = 0; i < pn_dataset_agreement_count(pn_view_dataset(view)); i++)
        mask |= (unsigned)pn_view_has_agreement(view, i) << i;
    return mask;
}

static int has(const pn_view_t *view, const char *id)
{
    uint32_t node;
    cr_assert_eq(pn_dataset_find_node(&node, pn_view_dataset(view), id), 0);
    return pn_view_has_node(view, node);
}

Test(view, the_whole_dataset_by_default)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_t *view = pn_test_view(ds, NULL);
    cr_expect_eq(agreements(view), 0x3F);
    cr_expect_eq(pn_view_agreement_count(view), 6);
    cr_expect_eq(pn_view_node_count(view), 5);
    cr_expect_eq(pn_view_country(view), PN_NONE);
    cr_expect_not(pn_view_has_agreement(view, 6), "past the end: not in the view");
    cr_expect_not(pn_view_has_node(view, 5));
    pn_view_free(view);
    pn_dataset_free(ds);
}

Test(view, a_snapshot_keeps_what_was_certainly_signed)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.as_of = 20050000;
    pn_view_t *view = pn_test_view(ds, &opts);
    cr_expect_eq(agreements(view), 0x13, "2000, 2005-06 (by the end of 2005) and 2004-06-23");
    cr_expect_eq(pn_view_node_count(view), 5, "isolated nodes stay");
    pn_view_free(view);
    opts.drop_isolated = 1;
    view = pn_test_view(ds, &opts);
    cr_expect_eq(pn_view_node_count(view), 4);
    cr_expect_not(has(view, "by-c"), "its only agreement is undated");
    pn_view_free(view);
    opts.as_of = 20050531;
    view = pn_test_view(ds, &opts);
    cr_expect_eq(agreements(view), 0x11, "2005-06 may have been signed after 31 May");
    pn_view_free(view);
    pn_dataset_free(ds);
}

Test(view, active_leaves_out_what_ended)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.as_of = 20120000;
    opts.active = 1;
    pn_view_t *view = pn_test_view(ds, &opts);
    cr_expect(pn_view_has_agreement(view, 2), "ends in 2012: in force in 2012");
    pn_view_free(view);
    opts.as_of = 20130101;
    view = pn_test_view(ds, &opts);
    cr_expect_eq(agreements(view), 0x33);
    pn_view_free(view);
    opts.as_of = PN_DATE_NONE;
    view = pn_test_view(ds, &opts);
    cr_expect_eq(agreements(view), 0x3F, "active without a date: no snapshot, all");
    pn_view_free(view);
    pn_dataset_free(ds);
}

Test(view, a_country_keeps_its_partnerships_and_its_own_nodes)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    char code[] = "AM";
    opts.country = code;
    pn_view_t *view = pn_test_view(ds, &opts);
    code[0] = 'X'; /* the view keeps its own copy */
    cr_expect_str_eq(pn_view_options(view)->country, "AM");
    cr_expect_eq(pn_view_country(view), 1);
    cr_expect_eq(agreements(view), 0x1C, "a-d, c-d, by-d");
    cr_expect_eq(pn_view_node_count(view), 4);
    cr_expect_not(has(view, "by-b"), "a node of another country without an AM partner");
    pn_view_free(view);
    pn_dataset_free(ds);
}

Test(view, levels_keep_agreements_between_their_nodes)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.levels = 1u << PN_LEVEL_REGION;
    pn_view_t *view = pn_test_view(ds, &opts);
    cr_expect_eq(agreements(view), 0x27);
    cr_expect_eq(pn_view_node_count(view), 3, "by-a, by-b, am-d");
    pn_view_free(view);
    opts.levels = 0;
    opts.exclude_country_level = 1;
    view = pn_test_view(ds, &opts);
    cr_expect_eq(agreements(view), 0x2F, "all but the national government's");
    cr_expect_not(has(view, "by"));
    cr_expect_eq(pn_view_node_count(view), 4);
    pn_view_free(view);
    pn_dataset_free(ds);
}

Test(view, refuses_an_unknown_country)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    pn_view_t *view = NULL;
    opts.country = "KZ";
    cr_expect_eq(pn_view_new(&view, ds, &opts), PN_ENOTFOUND);
    cr_expect_null(view, "nothing handed out on failure");
    cr_expect_str_eq(pn_error_last(), "sample: no country \"KZ\" in the dataset");
    pn_dataset_free(ds);
}

Test(view, refuses_options_of_another_version)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    pn_view_t *view = NULL;
    opts.version = 99;
    cr_expect_eq(pn_view_new(&view, ds, &opts), PN_EUSAGE);
    cr_expect_null(view);
    pn_dataset_free(ds);
}

Test(view, of_an_empty_dataset_is_empty)
{
    pn_dataset_t *ds;
    cr_assert_eq(pn_dataset_new(&ds, "empty"), 0);
    pn_view_t *view = pn_test_view(ds, NULL);
    cr_expect_eq(pn_view_agreement_count(view), 0);
    cr_expect_eq(pn_view_node_count(view), 0);
    pn_view_free(view);
    pn_dataset_free(ds);
}

/* A network for the newer views, worked by hand:
 *   BY: A (Alpha), B (Beta) regions, C (Gamma) city;  AM: D (Delta, alias Дельта) region,
 *   E (Epsilon) city, F (Phi) region;  RU: G (Omega) city.
 *   agreements: 0 A-D 2010 twinning   1 A-D 2012 programme   2 B-D 2011 twinning
 *               3 A-B 2014 other      4 D-G 2015 twinning    5 C-E 2013 twinning
 *               6 E-F undated cooperation_agreement
 * Simple graph: the triangle A-B-D with G hanging from D; the path C-E-F. */
static const char network[] =
    "{\"countries\": [{\"code\": \"BY\"}, {\"code\": \"AM\"}, {\"code\": \"RU\"}],\n"
    "\"nodes\": [\n"
    " {\"id\": \"A\", \"name\": \"Alpha\", \"country\": \"BY\", \"level\": \"region\"},\n"
    " {\"id\": \"B\", \"name\": \"Beta\", \"country\": \"BY\", \"level\": \"region\"},\n"
    " {\"id\": \"C\", \"name\": \"Gamma\", \"country\": \"BY\", \"level\": \"city\", \"parent\": \"A\"},\n"
    " {\"id\": \"D\", \"name\": \"Delta\", \"country\": \"AM\", \"level\": \"region\",\n"
    "  \"aliases\": [\"Дельта\"]},\n"
    " {\"id\": \"E\", \"name\": \"Epsilon\", \"country\": \"AM\", \"level\": \"city\", \"parent\": \"F\"},\n"
    " {\"id\": \"F\", \"name\": \"Phi\", \"country\": \"AM\", \"level\": \"region\"},\n"
    " {\"id\": \"G\", \"name\": \"Omega\", \"country\": \"RU\", \"level\": \"city\"}],\n"
    "\"agreements\": [\n"
    " {\"id\": \"0\", \"parties\": [\"A\", \"D\"], \"date\": \"2010\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"1\", \"parties\": [\"A\", \"D\"], \"date\": \"2012\", \"kind\": \"programme\"},\n"
    " {\"id\": \"2\", \"parties\": [\"B\", \"D\"], \"date\": \"2011\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"3\", \"parties\": [\"A\", \"B\"], \"date\": \"2014\", \"kind\": \"other\"},\n"
    " {\"id\": \"4\", \"parties\": [\"D\", \"G\"], \"date\": \"2015\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"5\", \"parties\": [\"C\", \"E\"], \"date\": \"2013\", \"kind\": \"twinning\"},\n"
    " {\"id\": \"6\", \"parties\": [\"E\", \"F\"], \"kind\": \"cooperation_agreement\"}]}\n";

static pn_test_load_t load_network(void)
{
    pn_test_load_t loaded = pn_test_load_text("network.json", network, NULL);
    cr_assert_eq(loaded.status, 0, "%s", pn_test_problems(&loaded));
    return loaded;
}

/* The view of @p opts: its agreements as a mask, its node count in *nodes. */
static unsigned network_view(const pn_dataset_t *ds, const pn_view_options_t *opts, size_t *nodes)
{
    pn_view_t *view = pn_test_view(ds, opts);
    unsigned mask = agreements(view);
    *nodes = pn_view_node_count(view);
    cr_expect_eq(pn_view_agreement_count(view), (size_t)__builtin_popcount(mask));
    pn_view_free(view);
    return mask;
}

Test(view, kinds_keep_agreements_of_those_kinds)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.kinds = 1u << PN_KIND_TWINNING;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x35);
    cr_expect_eq(nodes, 7, "nodes without a twinning stay, as with every agreement filter");
    opts.kinds |= 1u << PN_KIND_PROGRAMME;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x37);
    pn_test_load_free(&loaded);
}

Test(view, since_keeps_what_was_certainly_signed_from_then)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.since = 20120000;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x3A, "2012, 2014, 2015, 2013");
    opts.as_of = 20130000;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x22, "the window 2012 to 2013");
    opts.as_of = PN_DATE_NONE;
    opts.since = 20100600;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x3E,
                 "one dated 2010 may have been signed before June 2010");
    pn_test_load_free(&loaded);
}

Test(view, min_agreements_keeps_heavy_pairs_and_their_nodes)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.min_agreements = 2;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x03, "A-D, twice");
    cr_expect_eq(nodes, 2);
    opts.min_agreements = 3;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0);
    cr_expect_eq(nodes, 0);
    pn_test_load_free(&loaded);
}

Test(view, k_core_keeps_the_nodes_with_k_partners_within_it)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.k_core = 2;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x0F, "the triangle A-B-D");
    cr_expect_eq(nodes, 3);
    opts.k_core = 3;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0);
    cr_expect_eq(nodes, 0);
    opts.k_core = 2;
    opts.kinds = 1u << PN_KIND_TWINNING;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0, "the twinnings make no cycle");
    pn_test_load_free(&loaded);
}

Test(view, largest_component_keeps_one_component)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.largest_component = 1;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x1F);
    cr_expect_eq(nodes, 4, "A, B, D, G");
    opts.min_agreements = 2;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x03, "after the heavy pairs: A-D");
    opts.min_agreements = 0;
    opts.country = "AM";
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x17, "AM's network without A-B");
    pn_test_load_free(&loaded);
}

Test(view, largest_component_ties_go_to_the_first_node)
{
    pn_dataset_t *ds = pn_test_sample();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.as_of = 20050000;
    opts.largest_component = 1;
    cr_expect_eq(network_view(ds, &opts, &nodes), 0x03, "{a, b} and {by, d} tie: a comes first");
    cr_expect_eq(nodes, 2);
    pn_dataset_free(ds);
}

Test(view, ego_keeps_the_neighbourhood_and_the_agreements_within_it)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.ego = "Дельта";
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x1F, "D, A, B, G and A-B between them");
    cr_expect_eq(nodes, 4);
    opts.ego_radius = 0;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0);
    cr_expect_eq(nodes, 1, "the ego alone");
    opts.ego = "epsilon";
    opts.ego_radius = 1;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x60);
    opts.kinds = 1u << PN_KIND_TWINNING;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x20, "F is no partner in twinning");
    cr_expect_eq(nodes, 2);
    opts.kinds = 0;
    opts.ego = "A";
    opts.k_core = 2;
    cr_expect_eq(network_view(loaded.ds, &opts, &nodes), 0x0F, "within the 2-core");
    pn_view_t *view = pn_test_view(loaded.ds, &opts);
    cr_expect_str_eq(pn_dataset_node(loaded.ds, pn_view_ego(view))->id, "A");
    pn_view_free(view);
    pn_test_load_free(&loaded);
}

Test(view, ego_must_name_one_node_in_the_view)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    pn_view_t *view = NULL;
    opts.ego = "Zeta";
    cr_expect_eq(pn_view_new(&view, loaded.ds, &opts), PN_ENOTFOUND);
    cr_expect(strstr(pn_error_last(), "the ego node: no node is called \"Zeta\""), "%s",
              pn_error_last());
    opts.ego = "Epsilon";
    opts.k_core = 2;
    cr_expect_eq(pn_view_new(&view, loaded.ds, &opts), PN_EUSAGE);
    cr_expect(strstr(pn_error_last(), "the ego node E (Epsilon) is not in the view"), "%s",
              pn_error_last());
    cr_expect_null(view);
    pn_test_load_free(&loaded);
}

Test(view, records_what_each_option_kept)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    opts.kinds = 1u << PN_KIND_TWINNING;
    opts.largest_component = 1;
    pn_view_t *view = pn_test_view(loaded.ds, &opts);
    cr_assert_eq(pn_view_step_count(view), 3);
    const pn_view_step_t *s = pn_view_step(view, 0);
    cr_expect_str_eq(s->option, "dataset");
    cr_expect_eq(s->agreements, 7);
    cr_expect_eq(s->nodes, 7);
    s = pn_view_step(view, 1);
    cr_expect_str_eq(s->option, "kind");
    cr_expect_str_eq(s->value, "twinning");
    cr_expect_eq(s->agreements, 4);
    cr_expect_eq(s->nodes, 7);
    s = pn_view_step(view, 2);
    cr_expect_str_eq(s->option, "largest-component");
    cr_expect_str_eq(s->value, "");
    cr_expect_eq(s->agreements, 3);
    cr_expect_eq(s->nodes, 4);
    cr_expect_null(pn_view_step(view, 3));
    pn_view_free(view);
    pn_test_load_free(&loaded);
}

Test(view, a_view_within_a_view)
{
    pn_test_load_t loaded = load_network();
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    size_t nodes;
    opts.k_core = 2;
    pn_view_t *core = pn_test_view(loaded.ds, &opts);
    pn_view_options_t snapshot = PN_VIEW_OPTIONS_INIT;
    snapshot.as_of = 20120000;
    snapshot.within = core;
    cr_expect_eq(network_view(loaded.ds, &snapshot, &nodes), 0x07, "the core's agreements by 2012");
    cr_expect_eq(nodes, 3);
    pn_view_free(core);
    pn_test_load_free(&loaded);
}
