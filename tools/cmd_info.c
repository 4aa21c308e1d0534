/*
 * partnet info: what a dataset holds, counted: nodes by level and by country, agreements by
 * kind, by decade and by date precision, the date range, and what lacks a source or a date.
 */
#include "commands.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>


static const char help[] =
    "Usage: partnet info [OPTIONS]\n"
    "\n"
    "What the dataset holds: its size and date range; nodes by level; agreements by kind,\n"
    "by decade and by the precision of their dates (day, month, year, none); and per\n"
    "country its nodes, the agreements its nodes are party to, and its number of\n"
    "first-level regions where the dataset gives one.\n"
    "\n"
    "With --format csv the tables come as one long table: table,key,column,value.\n"
    "\n"
    "Examples:\n"
    "  partnet info\n"
    "  partnet --data graphs/example.json info --format json\n"
    "  partnet --data ../shared/data/world-twin-cities/twin_cities_raw.csv info\n";

static table_t *key_value_table(const char *name, const char *title, const char *key,
                                const char *value)
{
    table_t *t = table_new(name, title);
    table_column(t, key, COL_TEXT, -1);
    table_column(t, value, COL_INT, -1);
    return t;
}

static void summary(table_t *t, const pn_dataset_t *ds)
{
    size_t n = pn_dataset_agreement_count(ds), undated = 0, unsourced = 0;
    pn_date_t first = PN_DATE_NONE, last = PN_DATE_NONE;
    const pn_date_t *dates = pn_dataset_dates(ds);
    for (size_t i = 0; i < n; i++) {
        pn_date_t d = dates[i];
        if (d == PN_DATE_NONE) {
            undated++;
        } else {
            if (first == PN_DATE_NONE || pn_date_first_day(d) < pn_date_first_day(first))
                first = d;
            if (last == PN_DATE_NONE || pn_date_last_day(d) > pn_date_last_day(last))
                last = d;
        }
        pn_agreement_t a;
        pn_dataset_agreement(&a, ds, i);
        unsourced += a.source.document == NULL;
    }
    char buf[PN_DATE_TEXT_MAX];
    table_text(t, "dataset");
    table_text(t, pn_dataset_name(ds));
    if (pn_dataset_title(ds)) {
        table_text(t, "title");
        table_text(t, pn_dataset_title(ds));
    }
    struct {
        const char *key;
        size_t value;
    } counts[] = {{"nodes", pn_dataset_node_count(ds)},
                  {"agreements", n},
                  {"countries", pn_dataset_country_count(ds)},
                  {"undated agreements", undated},
                  {"agreements without source", unsourced},
                  {"reported figures", pn_dataset_reported_count(ds)}};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        char value[32];
        snprintf(value, sizeof value, "%zu", counts[i].value);
        table_text(t, counts[i].key);
        table_text(t, value);
        if (i == 2) {
            table_text(t, "first date");
            table_text(t, first ? pn_date_format(buf, first) : NULL);
            table_text(t, "last date");
            table_text(t, last ? pn_date_format(buf, last) : NULL);
        }
    }
}

static table_t *levels_table(const pn_dataset_t *ds)
{
    size_t count[PN_LEVEL_COUNT] = {0};
    for (size_t i = 0; i < pn_dataset_node_count(ds); i++)
        count[pn_dataset_node(ds, i)->level]++;
    table_t *t = key_value_table("levels", "Nodes by level", "level", "nodes");
    for (int l = 0; l < PN_LEVEL_COUNT; l++) {
        table_text(t, pn_level_name((pn_level_t)l));
        table_int(t, (long long)count[l]);
    }
    return t;
}

static table_t *kinds_table(const pn_dataset_t *ds)
{
    size_t count[PN_KIND_COUNT] = {0};
    const uint8_t *kinds = pn_dataset_kinds(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++)
        count[kinds[i]]++;
    table_t *t = key_value_table("kinds", "Agreements by kind", "kind", "agreements");
    for (int k = 0; k < PN_KIND_COUNT; k++) {
        table_text(t, pn_kind_name((pn_kind_t)k));
        table_int(t, (long long)count[k]);
    }
    return t;
}

static table_t *decades_table(const pn_dataset_t *ds)
{
    enum { DECADES = (PN_DATE_MAX_YEAR - PN_DATE_MIN_YEAR) / 10 + 1 };
    size_t *count = xcalloc(DECADES, sizeof *count), undated = 0;
    const pn_date_t *dates = pn_dataset_dates(ds);
    table_t *t = key_value_table("decades", "Agreements by decade", "decade", "agreements");
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
        if (dates[i] == PN_DATE_NONE)
            undated++;
        else
            count[(pn_date_year(dates[i]) - PN_DATE_MIN_YEAR) / 10]++;
    }
    for (int d = 0; d < DECADES; d++) {
        if (!count[d])
            continue;
        char label[16];
        snprintf(label, sizeof label, "%ds", PN_DATE_MIN_YEAR + 10 * d);
        table_text(t, label);
        table_int(t, (long long)count[d]);
    }
    if (undated) {
        table_text(t, "undated");
        table_int(t, (long long)undated);
    }
    free(count);
    return t;
}

static table_t *precision_table(const pn_dataset_t *ds)
{
    static const char *const names[] = {"none", "year", "month", "day"};
    size_t count[4] = {0};
    const pn_date_t *dates = pn_dataset_dates(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++)
        count[pn_date_precision(dates[i])]++;
    table_t *t = key_value_table("precision", "Agreements by date precision", "precision",
                                 "agreements");
    for (int p = PN_PRECISION_DAY; p >= PN_PRECISION_NONE; p--) {
        table_text(t, names[p]);
        table_int(t, (long long)count[p]);
    }
    return t;
}

static table_t *countries_table(const pn_dataset_t *ds)
{
    size_t countries = pn_dataset_country_count(ds);
    size_t *nodes = xcalloc(countries, sizeof *nodes);
    size_t *agreements = xcalloc(countries, sizeof *agreements);
    table_t *t = table_new("countries", "Countries");
    static const column_spec_t columns[] = {
        {"code", COL_TEXT, -1},
        {"name", COL_TEXT, -1},
        {"nodes", COL_INT, -1},
        {"agreements", COL_INT, -1},
        {"regions", COL_INT, -1}};
    TABLE_COLUMNS(t, columns);
    for (size_t i = 0; i < pn_dataset_node_count(ds); i++)
        nodes[pn_dataset_node(ds, i)->country]++;
    const uint32_t *a = pn_dataset_party_a(ds), *b = pn_dataset_party_b(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
        uint32_t ca = pn_dataset_node(ds, a[i])->country, cb = pn_dataset_node(ds, b[i])->country;
        agreements[ca]++;
        if (cb != ca)
            agreements[cb]++;
    }
    for (size_t c = 0; c < countries; c++) {
        const pn_country_t *country = pn_dataset_country(ds, c);
        table_text(t, pn_dataset_country_code(ds, c));
        table_text(t, country->name);
        table_int(t, (long long)nodes[c]);
        table_int(t, (long long)agreements[c]);
        if (country->regions >= 0)
            table_int(t, country->regions);
        else
            table_null(t);
    }
    free(nodes);
    free(agreements);
    return t;
}

int cmd_info(cli_t *cli, int argc, char **argv)
{
    int rc = cli_parse(cli, argc, argv, NULL, NULL, NULL, help);
    if (rc != CLI_CONTINUE)
        return rc;
    pn_dataset_t *ds = NULL;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;

    table_t *about = table_new("summary", "Dataset");
    table_column(about, "key", COL_TEXT, -1);
    table_column(about, "value", COL_TEXT, -1);
    summary(about, ds);
    table_t *tables[] = {about, levels_table(ds), kinds_table(ds), decades_table(ds),
                         precision_table(ds), countries_table(ds)};
    size_t count = sizeof tables / sizeof tables[0];
    rc = cli_print(cli, tables, count);
    for (size_t i = 0; i < count; i++)
        table_free(tables[i]);
    pn_dataset_free(ds);
    return rc;
}
