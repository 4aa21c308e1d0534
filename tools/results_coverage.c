/*
 * Coverage, the country matrix and reported figures in tables (coverage, compare and report
 * show them).
 */
#include "results.h"

#include "cli.h"
#include "figures.h"

#include <stdio.h>
#include <string.h>

/* How a reported figure's qualifier reads before its value: "about ", "more than ", ... */
static const char *qualifier_prefix(const char *q)
{
    static const char *const prefixes[][2] = {{"about", "about "},
                                              {"more_than", "more than "},
                                              {"at_least", "at least "},
                                              {"at_most", "at most "}};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strcmp(q, prefixes[i][0]) == 0)
            return prefixes[i][1];
    return "";
}

void result_reported_text(char *out, size_t cap, const pn_reported_t *r, int with_date)
{
    char value[PN_TEXT_REAL_MAX], date[PN_DATE_TEXT_MAX];
    const char *q = r->qualifier;
    if (r->has_value)
        pn_text_format_real(value, r->value);
    else
        snprintf(value, sizeof value, "%s", strcmp(q, "all") == 0    ? "all"
                                            : strcmp(q, "most") == 0 ? "most"
                                                                     : "almost all");
    int n = snprintf(out, cap, "%s%s", qualifier_prefix(q), value);
    if (r->total >= 0 && n >= 0 && (size_t)n < cap)
        n += snprintf(out + n, cap - (size_t)n, " of %d", r->total);
    if (with_date && r->as_of && n >= 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, " (%s)", pn_date_format(date, r->as_of));
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

/* The country's reported figure and the recorded one as of its date; empty without one. */
static void reported_cells(table_t *t, const pn_dataset_t *ds, uint32_t c)
{
    long i = latest_reported(ds, c);
    char text[96];
    double recorded;
    if (i < 0) {
        table_null(t);
        table_null(t);
        return;
    }
    result_reported_text(text, sizeof text, pn_dataset_reported(ds, (size_t)i), 1);
    table_text(t, text);
    if (pn_reported_count(&recorded, ds, (size_t)i) == 0)
        table_int(t, (long long)recorded);
    else
        table_null(t);
}

int result_coverage_defaults(pn_coverage_t *coverage, const pn_dataset_t *ds, const char *command,
                             int quiet)
{
    int given = pn_coverage_default_regions(coverage, ds, NULL);
    if (given < 0) {
        cli_error(command, "%s", pn_error_last());
        return given;
    }
    size_t units = 0;
    for (size_t k = 0; k < coverage->country_count; k++)
        units += coverage->countries[k].units;
    if (!quiet && coverage->country_count > 0 && units == 0)
        fprintf(stderr, "partnet %s: the dataset lists no first-level unit (no region node, "
                        "no city of regional rank, as in a list of city pairs): no region can be "
                          "covered, so covered and share are 0\n", command);
    if (!quiet && given > 0)
        fprintf(stderr, "partnet %s: %d countr%s without a count of regions in the dataset: regions is "
                          "the number of first-level subdivisions in ISO 3166-2 (Debian's "
                          "iso-codes), regions_source iso-3166-2\n", command, given,
                given == 1 ? "y" : "ies");
    return 0;
}

table_t *result_coverage_table(const pn_coverage_t *coverage, const pn_dataset_t *ds,
                               uint32_t only, const char *title)
{
    int any_reported = 0;
    for (size_t k = 0; k < coverage->country_count; k++)
        any_reported |= latest_reported(ds, coverage->countries[k].country) >= 0;
    table_t *t = table_new("coverage", title);
    static const column_spec_t columns[] = {
        {"country", COL_TEXT, -1},
        {"name", COL_TEXT, -1},
        {"regions", COL_INT, -1},
        {"regions_source", COL_TEXT, -1},
        {"units", COL_INT, -1},
        {"covered", COL_INT, -1}};
    static const column_spec_t counts[] = {
        {"covered_abroad", COL_INT, -1},
        {"nodes", COL_INT, -1},
        {"nodes_active", COL_INT, -1},
        {"nodes_abroad", COL_INT, -1},
        {"agreements", COL_INT, -1},
        {"partner_countries", COL_INT, -1}};
    TABLE_COLUMNS(t, columns);
    table_column(t, "share", COL_REAL, figure_digits("share"));
    TABLE_COLUMNS(t, counts);
    if (any_reported) {
        table_column(t, "reported", COL_TEXT, -1);
        table_column(t, "recorded_then", COL_INT, -1);
    }
    for (size_t k = 0; k < coverage->country_count; k++) {
        const pn_coverage_row_t *r = &coverage->countries[k];
        if (only != PN_NONE && r->country != only)
            continue;
        table_text(t, pn_dataset_country_code(ds, r->country));
        table_text(t, pn_dataset_country(ds, r->country)->name);
        if (r->regions >= 0)
            table_int(t, r->regions);
        else
            table_null(t);
        if (r->regions_source == PN_REGIONS_UNKNOWN)
            table_null(t);
        else
            table_text(t, r->regions_source == PN_REGIONS_DATASET ? "dataset" : "iso-3166-2");
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
    return t;
}

static int has_pair(const pn_country_matrix_t *m, const pn_country_pair_t *cell)
{
    for (size_t i = 0; m && i < m->pair_count; i++)
        if (m->pairs[i].a == cell->a && m->pairs[i].b == cell->b)
            return 1;
    return 0;
}

table_t *result_matrix_table(const char *name, const pn_country_matrix_t *matrix,
                             const pn_dataset_t *ds, const pn_country_matrix_t *except, long top)
{
    table_t *t = table_new(name, NULL);
    static const column_spec_t columns[] = {
        {"country_a", COL_TEXT, -1},
        {"country_b", COL_TEXT, -1},
        {"agreements", COL_INT, -1},
        {"pairs", COL_INT, -1}};
    TABLE_COLUMNS(t, columns);
    long shown = 0;
    for (size_t k = 0; k < matrix->pair_count && (top == 0 || shown < top); k++) {
        const pn_country_pair_t *cell = &matrix->pairs[k];
        if (has_pair(except, cell))
            continue;
        table_text(t, pn_dataset_country_code(ds, cell->a));
        table_text(t, pn_dataset_country_code(ds, cell->b));
        table_int(t, (long long)cell->agreements);
        table_int(t, (long long)cell->pairs);
        shown++;
    }
    return t;
}
