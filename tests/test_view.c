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
