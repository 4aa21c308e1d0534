/*
 * The network year by year in tables (growth and report show it).
 */
#include "results.h"

#include "figures.h"

#include <stdio.h>


table_t *result_growth_table(const pn_growth_t *g, const pn_dataset_t *ds, int coverage,
                             const char *title)
{
    table_t *t = table_new("growth", title);
    static const column_spec_t columns[] = {
        {"year", COL_INT, -1},
        {"new_agreements", COL_INT, -1},
        {"agreements", COL_INT, -1},
        {"nodes_with_agreements", COL_INT, -1},
        {"pairs", COL_INT, -1},
        {"countries_with_agreements", COL_INT, -1},
        {"components", COL_INT, -1},
        {"largest", COL_INT, -1}};
    static const char *const reals[] = {"largest_share", "density", "transitivity",
                                        "mean_degree", "cross_border_share"};
    TABLE_COLUMNS(t, columns);
    for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++)
        table_column(t, reals[i], COL_REAL, figure_digits(reals[i]));
    char name[64];
    for (size_t c = 0; coverage && c < g->country_count; c++) {
        snprintf(name, sizeof name, "coverage_%s", pn_dataset_country_code(ds, c));
        table_column(t, name, pn_dataset_country(ds, c)->regions > 0 ? COL_REAL : COL_INT,
                     figure_digits("share"));
    }
    for (size_t k = 0; k < g->year_count; k++) {
        const pn_growth_year_t *r = &g->years[k];
        table_int(t, r->year);
        table_int(t, (long long)r->new_agreements);
        table_int(t, (long long)r->agreements);
        table_int(t, (long long)r->nodes);
        table_int(t, (long long)r->pairs);
        table_int(t, (long long)r->countries);
        table_int(t, (long long)r->components);
        table_int(t, (long long)r->largest);
        table_real(t, r->largest_share);
        table_real(t, r->density);
        table_real(t, r->transitivity);
        table_real(t, r->mean_degree);
        table_real(t, r->cross_border_share);
        for (size_t c = 0; coverage && c < g->country_count; c++) {
            size_t covered = g->covered[k * g->country_count + c];
            int regions = pn_dataset_country(ds, c)->regions;
            if (regions > 0)
                table_real(t, (double)covered / regions);
            else
                table_int(t, (long long)covered);
        }
    }
    return t;
}

table_t *result_growth_coverage_table(const pn_growth_t *g, const pn_dataset_t *ds)
{
    table_t *t = table_new("coverage", NULL);
    static const column_spec_t columns[] = {
        {"year", COL_INT, -1},
        {"country", COL_TEXT, -1},
        {"covered", COL_INT, -1},
        {"regions", COL_INT, -1}};
    TABLE_COLUMNS(t, columns);
    table_column(t, "share", COL_REAL, figure_digits("share"));
    for (size_t k = 0; k < g->year_count; k++) {
        for (size_t c = 0; c < g->country_count; c++) {
            const pn_country_t *country = pn_dataset_country(ds, c);
            size_t covered = g->covered[k * g->country_count + c];
            table_int(t, g->years[k].year);
            table_text(t, pn_dataset_country_code(ds, c));
            table_int(t, (long long)covered);
            if (country->regions >= 0) {
                table_int(t, country->regions);
                table_real(t, country->regions > 0 ? (double)covered / country->regions : 0.0);
            } else {
                table_null(t);
                table_null(t);
            }
        }
    }
    return t;
}
