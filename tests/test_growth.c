/* The year-by-year sweep equals snapshots recomputed from scratch, year by year, on the bundled
 * dataset and on random dated networks with same-day agreements, repeated pairs, dates at every
 * precision, undated agreements and end dates. */
#include "test_common.h"

#include "dataset.h"

#include <math.h>

PN_TEST_SUITE(growth);

static void expect_close(double got, double expected, const char *what, int year)
{
    if (isnan(expected)) {
        cr_expect(isnan(got), "%d %s: %g, expected nan", year, what, got);
        return;
    }
    cr_expect(fabs(got - expected) <= 1e-12 * fabs(expected) + 1e-12,
              "%d %s: sweep %.17g, snapshot %.17g", year, what, got, expected);
}

/* Compare every row of the sweep with a snapshot built for its year. */
static void compare(const pn_dataset_t *ds, const pn_growth_options_t *o)
{
    pn_growth_t *g;
    cr_assert_eq(pn_growth_new(&g, ds, o), 0, "%s", pn_error_last());
    cr_assert_gt(g->year_count, 0);
    pn_view_t *every_year = pn_test_view(ds, &o->view);
    for (size_t k = 0; k < g->year_count; k++) {
        const pn_growth_year_t *row = &g->years[k];
        int year = row->year;
        pn_view_options_t view = o->view;
        view.as_of = year * 10000;
        view.drop_isolated = 1;
        pn_graph_t *snap;
        pn_stats_t s;
        cr_assert_eq(pn_test_graph(&snap, ds, &view), 0, "%s", pn_error_last());
        cr_assert_eq(pn_stats_compute(&s, snap, NULL), 0, "%s", pn_error_last());
        cr_expect_eq(row->agreements, s.agreements, "%d agreements: %zu vs %zu", year,
                     row->agreements, s.agreements);
        cr_expect_eq(row->nodes, (size_t)s.nodes, "%d nodes: %zu vs %ld", year, row->nodes,
                     (long)s.nodes);
        cr_expect_eq(row->pairs, (size_t)s.edges, "%d pairs", year);
        cr_expect_eq(row->countries, (size_t)s.countries, "%d countries", year);
        cr_expect_eq(row->components, (size_t)s.components, "%d components: %zu vs %ld", year,
                     row->components, (long)s.components);
        cr_expect_eq(row->largest, (size_t)s.largest_component, "%d largest", year);
        expect_close(row->density, s.density, "density", year);
        expect_close(row->mean_degree, s.mean_degree, "mean degree", year);
        expect_close(row->transitivity, s.transitivity, "transitivity", year);
        expect_close(row->cross_border_share, s.cross_border_share, "cross-border share", year);
        expect_close(row->largest_share,
                     s.nodes ? (double)s.largest_component / (double)s.nodes : 0.0,
                     "largest share", year);

        /* new agreements: those of the view signed in the period the row closes, after the
         * previous row's year (the first row: in the step years up to it) */
        size_t fresh = 0;
        int step = o->step > 1 ? o->step : 1;
        int after = k ? g->years[k - 1].year : year - step;
        if (k + 1 < g->year_count)
            cr_expect_eq(year, g->years[0].year + (int)k * step, "rows step by %d", step);
        else if (o->to)
            cr_expect_eq(year, o->to, "the last row is the last year");
        const pn_date_t *dates = pn_dataset_dates(ds);
        for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
            int y = pn_date_year(dates[i]);
            fresh += pn_view_has_agreement(every_year, i) && dates[i] != PN_DATE_NONE &&
                     y <= year && y > after;
        }
        cr_expect_eq(row->new_agreements, fresh, "%d new agreements: %zu vs %zu", year,
                     row->new_agreements, fresh);

        if (o->coverage) {
            pn_coverage_t *coverage;
            view.drop_isolated = 0;
            pn_view_t *snapshot = pn_test_view(ds, &view);
            cr_assert_eq(pn_coverage_new(&coverage, snapshot, o->rollup), 0);
            pn_view_free(snapshot);
            const pn_coverage_row_t *rows = coverage->countries;
            size_t count = coverage->country_count;
            for (size_t r = 0; r < count; r++)
                cr_expect_eq(g->covered[k * g->country_count + rows[r].country], rows[r].covered,
                             "%d coverage of %s: %zu vs %zu", year,
                             pn_dataset_country(ds, rows[r].country)->code,
                             g->covered[k * g->country_count + rows[r].country], rows[r].covered);
            pn_coverage_free(coverage);
        }
        pn_graph_free(snap);
    }
    pn_view_free(every_year);
    pn_growth_free(g);
}

static uint64_t state;

static uint64_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

/* A random dated network: countries with regions, districts and cities under them. */
static pn_dataset_t *random_network(uint64_t seed, size_t nodes, size_t agreements)
{
    pn_dataset_t *ds;
    state = seed * 2654435761u + 1;
    cr_assert_eq(pn_dataset_new(&ds, "random"), 0);
    const char *codes[] = {"BY", "RU", "AM", "KZ"};
    uint32_t country[4];
    for (int c = 0; c < 4; c++)
        cr_assert_eq(pn_dataset_add_country(&country[c], ds, codes[c], NULL, 5 + c), 0);
    for (size_t i = 0; i < nodes; i++) {
        char id[32];
        snprintf(id, sizeof id, "n%zu", i);
        uint32_t c = country[next() % 4];
        pn_level_t level = i < 8 ? PN_LEVEL_REGION : (pn_level_t)(1 + next() % 3);
        uint32_t node;
        cr_assert_eq(pn_dataset_add_node(&node, ds, id, id, c, level), 0);
        if (level != PN_LEVEL_REGION) {
            /* a parent region of the same country, when there is one */
            for (uint32_t r = 0; r < 8; r++)
                if (ds->nodes[r].country == c && next() % 2) {
                    ds->nodes[node].parent = r;
                    break;
                }
        }
        if (level == PN_LEVEL_CITY && ds->nodes[node].parent == PN_NONE && next() % 3 == 0)
            ds->nodes[node].first_level = 1;
        if (i == nodes - 1)
            ds->nodes[node].level = PN_LEVEL_COUNTRY; /* one national government */
    }
    for (size_t k = 0; k < agreements; k++) {
        uint32_t a = (uint32_t)(next() % nodes), b = (uint32_t)(next() % nodes);
        if (a == b)
            continue;
        if (k > 0 && next() % 8 == 0) { /* a repeated pair, perhaps the same day */
            a = ds->a[ds->agreement_count - 1];
            b = ds->b[ds->agreement_count - 1];
        }
        int year = 1990 + (int)(next() % 25);
        pn_date_t date = PN_DATE_NONE, end = PN_DATE_NONE;
        switch (next() % 5) {
        case 0: pn_date_make(&date, year, 0, 0); break;
        case 1: pn_date_make(&date, year, 1 + (int)(next() % 12), 0); break;
        case 4: if (next() % 3 == 0) break; /* undated */ /* fall through */
        default: pn_date_make(&date, year, 1 + (int)(next() % 12), 1 + (int)(next() % 28)); break;
        }
        if (date && next() % 4 == 0)
            pn_date_make(&end, year + (int)(next() % 6), 0, 0);
        cr_assert_eq(pn_dataset_add_agreement(NULL, ds, a, b, date, end, (pn_kind_t)(next() % PN_KIND_COUNT)), 0);
    }
    return ds;
}

Test(growth, sweep_equals_snapshots_on_random_networks)
{
    for (uint64_t seed = 1; seed <= 6; seed++) {
        pn_dataset_t *ds = random_network(seed, 40 + 20 * seed, 150 + 60 * seed);
        pn_growth_options_t o = PN_GROWTH_OPTIONS_INIT;
        o.coverage = 1;
        compare(ds, &o);
        o.view.active = 1;
        compare(ds, &o);
        o.rollup = 1;
        o.step = 3;
        o.from = 1988;
        o.to = 2013; /* 1988 + 3k misses it: the last row is shorter */
        compare(ds, &o);
        o.to = 0;
        o.view.active = 0;
        o.view.levels = (1u << PN_LEVEL_REGION) | (1u << PN_LEVEL_CITY);
        o.view.country = "RU";
        compare(ds, &o);
        o.view.levels = 0;
        o.view.country = NULL;
        o.view.exclude_country_level = 1;
        o.view.active = 1;
        o.step = 1;
        o.from = 0;
        compare(ds, &o);
        pn_dataset_free(ds);
    }
}

Test(growth, sweep_equals_snapshots_on_the_bundled_dataset)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/graphs/cis.json", getenv("PARTNET_SOURCE_ROOT"));
    pn_test_load_t r = pn_test_load(path, NULL);
    cr_assert_eq(r.status, 0, "%s", pn_error_last());
    pn_growth_options_t o = PN_GROWTH_OPTIONS_INIT;
    o.coverage = 1;
    o.rollup = 1;
    compare(r.ds, &o);
    o.view.active = 1;
    compare(r.ds, &o);
    pn_growth_t *g;
    cr_assert_eq(pn_growth_new(&g, r.ds, NULL), 0);
    cr_expect_eq(g->years[0].year, 1997, "the first dated agreement");
    cr_expect_eq(g->years[g->year_count - 1].year, 2021);
    cr_expect_eq(g->undated, 11);
    cr_expect_eq(g->years[g->year_count - 1].agreements, 83, "all dated agreements by 2021");
    pn_growth_free(g);
    pn_test_load_free(&r);
}

Test(growth, worked_by_hand)
{
    /* A-B 2000, B-C 2001-05, A-C 2001 (closes the triangle), C-D 2003 ending 2004 */
    pn_dataset_t *ds;
    uint32_t by, n[4];
    cr_assert_eq(pn_dataset_new(&ds, "hand"), 0);
    pn_dataset_add_country(&by, ds, "BY", NULL, 7);
    const char *ids[] = {"A", "B", "C", "D"};
    for (int i = 0; i < 4; i++)
        pn_dataset_add_node(&n[i], ds, ids[i], ids[i], by, PN_LEVEL_REGION);
    pn_dataset_add_agreement(NULL, ds, n[0], n[1], 20000000, 0, PN_KIND_TWINNING);
    pn_dataset_add_agreement(NULL, ds, n[1], n[2], 20010500, 0, PN_KIND_TWINNING);
    pn_dataset_add_agreement(NULL, ds, n[0], n[2], 20010000, 0, PN_KIND_TWINNING);
    pn_dataset_add_agreement(NULL, ds, n[2], n[3], 20030000, 20040000, PN_KIND_PROGRAMME);
    pn_growth_options_t o = PN_GROWTH_OPTIONS_INIT;
    o.view.active = 1;
    o.to = 2006;
    pn_growth_t *g;
    cr_assert_eq(pn_growth_new(&g, ds, &o), 0);
    cr_assert_eq(g->year_count, 7, "2000..2006");
    cr_expect_eq(g->years[0].nodes, 2);
    cr_expect_eq(g->years[0].transitivity, 0);
    cr_expect_eq(g->years[1].new_agreements, 2);
    cr_expect_float_eq(g->years[1].transitivity, 1.0, 1e-15, "a triangle");
    cr_expect_eq(g->years[2].agreements, 3);
    cr_expect_eq(g->years[3].nodes, 4, "2003: D joins");
    cr_expect_float_eq(g->years[3].transitivity, 3.0 / 5, 1e-15, "3 x 1 / (1 + 1 + 3)");
    cr_expect_eq(g->years[4].nodes, 4, "the programme runs to the end of 2004");
    cr_expect_eq(g->years[5].nodes, 3, "2005: ended");
    cr_expect_eq(g->years[5].agreements, 3);
    cr_expect_eq(g->years[6].new_agreements, 0);
    cr_expect_float_eq(g->years[5].density, 1.0, 1e-15);
    pn_growth_free(g);
    pn_dataset_free(ds);
}

Test(growth, last_row_is_the_last_year_whatever_the_step)
{
    /* A-B 2000, B-C 2001-05, A-C 2001, C-D 2003 ending 2004, as worked_by_hand */
    pn_dataset_t *ds;
    uint32_t by, n[4];
    cr_assert_eq(pn_dataset_new(&ds, "hand"), 0);
    pn_dataset_add_country(&by, ds, "BY", NULL, 7);
    const char *ids[] = {"A", "B", "C", "D"};
    for (int i = 0; i < 4; i++)
        pn_dataset_add_node(&n[i], ds, ids[i], ids[i], by, PN_LEVEL_REGION);
    pn_dataset_add_agreement(NULL, ds, n[0], n[1], 20000000, 0, PN_KIND_TWINNING);
    pn_dataset_add_agreement(NULL, ds, n[1], n[2], 20010500, 0, PN_KIND_TWINNING);
    pn_dataset_add_agreement(NULL, ds, n[0], n[2], 20010000, 0, PN_KIND_TWINNING);
    pn_dataset_add_agreement(NULL, ds, n[2], n[3], 20030000, 20040000, PN_KIND_PROGRAMME);
    pn_growth_options_t o = PN_GROWTH_OPTIONS_INIT;
    o.step = 3;
    pn_growth_t *g;
    cr_assert_eq(pn_growth_new(&g, ds, &o), 0);
    cr_assert_eq(g->year_count, 2, "2000, 2003: the data's last year");
    cr_expect_eq(g->years[1].year, 2003);
    cr_expect_eq(g->years[1].agreements, 4);
    pn_growth_free(g);
    o.view.active = 1;
    o.to = 2004;
    cr_assert_eq(pn_growth_new(&g, ds, &o), 0);
    cr_assert_eq(g->year_count, 3, "2000, 2003, 2004");
    int years[] = {2000, 2003, 2004};
    size_t fresh[] = {1, 3, 0}, nodes[] = {2, 4, 4};
    for (int y = 0; y < 3; y++) {
        cr_expect_eq(g->years[y].year, years[y]);
        cr_expect_eq(g->years[y].new_agreements, fresh[y], "row %d", years[y]);
        cr_expect_eq(g->years[y].nodes, nodes[y], "row %d: the programme runs through 2004",
                     years[y]);
    }
    pn_growth_free(g);
    o.step = 2;
    o.to = 2005;
    cr_assert_eq(pn_growth_new(&g, ds, &o), 0);
    cr_assert_eq(g->year_count, 4, "2000, 2002, 2004, 2005");
    cr_expect_eq(g->years[2].nodes, 4);
    cr_expect_eq(g->years[3].year, 2005);
    cr_expect_eq(g->years[3].nodes, 3, "ended in 2004");
    pn_growth_free(g);
    pn_dataset_free(ds);
}

Test(growth, rejects_bad_ranges_and_handles_no_dates)
{
    pn_dataset_t *ds;
    cr_assert_eq(pn_dataset_new(&ds, "empty"), 0);
    pn_growth_t *g;
    cr_assert_eq(pn_growth_new(&g, ds, NULL), 0);
    cr_expect_eq(g->year_count, 0, "no dated agreement, no row");
    pn_growth_free(g);
    pn_growth_options_t o = PN_GROWTH_OPTIONS_INIT;
    o.from = 2010;
    o.to = 2000;
    cr_expect_eq(pn_growth_new(&g, ds, &o), PN_EUSAGE);
    o.to = 2012;
    cr_assert_eq(pn_growth_new(&g, ds, &o), 0, "explicit years without agreements: empty rows");
    cr_expect_eq(g->year_count, 3);
    cr_expect_eq(g->years[2].nodes, 0);
    cr_expect(isnan(g->years[2].cross_border_share));
    pn_growth_free(g);
    o.view.country = "QQ";
    cr_expect_eq(pn_growth_new(&g, ds, &o), PN_ENOTFOUND);
    pn_dataset_free(ds);
}

Test(growth, rows_do_not_depend_on_the_thread_count)
{
    pn_dataset_t *ds = random_network(11, 300, 2000);
    pn_growth_options_t o = PN_GROWTH_OPTIONS_INIT;
    pn_growth_t *one, *three;
    o.threads = 1;
    cr_assert_eq(pn_growth_new(&one, ds, &o), 0, "%s", pn_error_last());
    o.threads = 3;
    cr_assert_eq(pn_growth_new(&three, ds, &o), 0, "%s", pn_error_last());
    cr_assert_eq(one->year_count, three->year_count);
    for (size_t k = 0; k < one->year_count; k++)
        cr_expect_eq(one->years[k].transitivity, three->years[k].transitivity, "%d",
                     one->years[k].year);
    pn_growth_free(one);
    pn_growth_free(three);
    o.view.as_of = 20100000;
    cr_expect_eq(pn_growth_new(&one, ds, &o), PN_EUSAGE, "every year is a snapshot");
    pn_dataset_free(ds);
}
