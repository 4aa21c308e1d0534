/*
 * partnet coverage: how well each country's regions are covered by agreements, reported
 * figures beside recorded ones, and the country x country matrix.
 */
#include "commands.h"

#include <math.h>
#include <partnet/coverage.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet coverage [--rollup] [--matrix] [OPTIONS]\n"
    "\n"
    "Per country: regions in the registry (the dataset's count of first-level units), units\n"
    "the dataset lists, units covered (party to at least one agreement), their share of the\n"
    "registry, units covered by an agreement abroad, nodes, nodes with an agreement and with\n"
    "one abroad, agreements with a party in the country (a domestic one once) and partner\n"
    "countries. First-level units are region nodes and cities of regional rank.\n"
    "Where the dataset reports coverage figures (regions_covered), the latest one for the\n"
    "country is shown beside what the dataset records as of the same date.\n"
    "\n"
    "  --rollup           an agreement of a district or city also covers the region it\n"
    "                     belongs to\n"
    "  --matrix           instead: the country x country table of agreements and distinct\n"
    "                     partner pairs (columns country_a,country_b,agreements,pairs)\n"
    "  --country CC       only the row(s) of country CC\n"
    "\n"
    "Examples:\n"
    "  partnet coverage --rollup\n"
    "  partnet coverage --rollup --as-of 2010\n"
    "  partnet coverage --matrix --format csv > matrix.csv\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_ROLLUP = OPT_COMMON_END, OPT_MATRIX };

typedef struct {
    int rollup, matrix;
    pn_view_options_t view;
} coverage_opts_t;

static int option(void *ctx, int opt, const char *arg)
{
    coverage_opts_t *c = ctx;
    int handled = cli_view_option(&c->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt == OPT_ROLLUP)
        c->rollup = 1;
    else if (opt == OPT_MATRIX)
        c->matrix = 1;
    else
        return -1;
    return 0;
}

static int matrix(cli_t *cli, const pn_view_t *view)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    pn_country_matrix_t *cells = NULL;
    if (pn_country_matrix_new(&cells, view) != 0) {
        cli_error("coverage", "%s", pn_error_last());
        return EXIT_FAILED;
    }
    table_t *t = table_new("matrix", NULL);
    table_column(t, "country_a", COL_TEXT, -1);
    table_column(t, "country_b", COL_TEXT, -1);
    table_column(t, "agreements", COL_INT, -1);
    table_column(t, "pairs", COL_INT, -1);
    for (size_t k = 0; k < cells->pair_count; k++) {
        const pn_country_pair_t *cell = &cells->pairs[k];
        table_text(t, pn_dataset_country_code(ds, cell->a));
        table_text(t, pn_dataset_country_code(ds, cell->b));
        table_int(t, (long long)cell->agreements);
        table_int(t, (long long)cell->pairs);
    }
    int rc = cli_print(cli, &t, 1);
    table_free(t);
    pn_country_matrix_free(cells);
    return rc;
}

/* The latest regions_covered figure reported for country c, or -1. */
static long latest_reported(const pn_dataset_t *ds, uint32_t c)
{
    long best = -1;
    for (size_t i = 0; i < pn_dataset_reported_count(ds); i++) {
        const pn_reported_t *r = pn_dataset_reported(ds, i);
        if (strcmp(r->metric, "regions_covered") != 0 || r->country_count != 1 ||
            r->countries[0] != c)
            continue;
        if (best < 0 || r->as_of > pn_dataset_reported(ds, (size_t)best)->as_of)
            best = (long)i;
    }
    return best;
}

static void reported_cells(table_t *t, const pn_dataset_t *ds, uint32_t c)
{
    long i = latest_reported(ds, c);
    if (i < 0) {
        table_null(t);
        table_null(t);
        return;
    }
    const pn_reported_t *r = pn_dataset_reported(ds, (size_t)i);
    char text[96], value[32], date[PN_DATE_TEXT_MAX];
    const char *q = r->qualifier;
    if (!r->has_value)
        snprintf(value, sizeof value, "%s", strcmp(q, "all") == 0 ? "all"
                                            : strcmp(q, "most") == 0 ? "most" : "almost all");
    else
        format_real(value, r->value);
    int n = snprintf(text, sizeof text, "%s%s", cli_qualifier_prefix(q), value);
    if (r->total >= 0)
        n += snprintf(text + n, sizeof text - (size_t)n, " of %d", r->total);
    if (r->as_of)
        snprintf(text + n, sizeof text - (size_t)n, " (%s)", pn_date_format(date, r->as_of));
    double recorded;
    table_text(t, text);
    if (pn_reported_count(&recorded, ds, (size_t)i) == 0)
        table_int(t, (long long)recorded);
    else
        table_null(t);
}

int cmd_coverage(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"rollup", no_argument, NULL, OPT_ROLLUP},
                                        {"matrix", no_argument, NULL, OPT_MATRIX},
                                        CLI_VIEW_OPTIONS, {NULL, 0, NULL, 0}};
    coverage_opts_t c = {0, 0, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &c, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&c.view, "coverage") != 0)
        return EXIT_USAGE;
    pn_dataset_t *ds = NULL;
    pn_view_t *view = NULL;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    if ((rc = cli_view(&view, ds, &c.view, "coverage")) != EXIT_OK) {
        pn_dataset_free(ds);
        return rc;
    }
    if (c.matrix) {
        rc = matrix(cli, view);
        pn_view_free(view);
        pn_dataset_free(ds);
        return rc;
    }
    pn_coverage_t *coverage = NULL;
    if (pn_coverage_new(&coverage, view, c.rollup) != 0) {
        cli_error("coverage", "%s", pn_error_last());
        pn_view_free(view);
        pn_dataset_free(ds);
        return EXIT_FAILED;
    }
    int any_reported = 0;
    for (size_t k = 0; k < coverage->country_count; k++)
        any_reported |= latest_reported(ds, coverage->countries[k].country) >= 0;
    table_t *t = table_new("coverage", NULL);
    table_column(t, "country", COL_TEXT, -1);
    table_column(t, "name", COL_TEXT, -1);
    table_column(t, "regions", COL_INT, -1);
    table_column(t, "units", COL_INT, -1);
    table_column(t, "covered", COL_INT, -1);
    table_column(t, "share", COL_REAL, 3);
    table_column(t, "covered_abroad", COL_INT, -1);
    table_column(t, "nodes", COL_INT, -1);
    table_column(t, "nodes_active", COL_INT, -1);
    table_column(t, "nodes_abroad", COL_INT, -1);
    table_column(t, "agreements", COL_INT, -1);
    table_column(t, "partner_countries", COL_INT, -1);
    if (any_reported) {
        table_column(t, "reported", COL_TEXT, -1);
        table_column(t, "recorded_then", COL_INT, -1);
    }
    for (size_t k = 0; k < coverage->country_count; k++) {
        const pn_coverage_row_t *r = &coverage->countries[k];
        if (c.view.country && r->country != pn_view_country(view))
            continue;
        table_text(t, pn_dataset_country_code(ds, r->country));
        table_text(t, pn_dataset_country(ds, r->country)->name);
        if (r->regions >= 0)
            table_int(t, r->regions);
        else
            table_null(t);
        table_int(t, (long long)r->units);
        table_int(t, (long long)r->covered);
        table_real(t, r->share);
        table_int(t, (long long)r->covered_abroad);
        table_int(t, (long long)r->nodes);
        table_int(t, (long long)r->nodes_active);
        table_int(t, (long long)r->nodes_abroad);
        table_int(t, (long long)r->agreements);
        table_int(t, (long long)r->partner_countries);
        if (any_reported)
            reported_cells(t, ds, r->country);
    }
    rc = cli_print(cli, &t, 1);
    table_free(t);
    pn_coverage_free(coverage);
    pn_view_free(view);
    pn_dataset_free(ds);
    return rc;
}
