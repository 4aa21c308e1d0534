/*
 * partnet info: what a dataset holds, counted: nodes by level and by country, agreements by
 * kind, by decade and by date precision, the date range, and what lacks a source or a date;
 * of the whole dataset or of a view, and then what each view option kept.
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
    "With view options, the same of the view, and first the table 'view': each option that\n"
    "narrowed it, in the order they apply, with the agreements and nodes left after it.\n"
    "\n"
    "With --format csv the tables come as one long table: table,key,column,value.\n"
    "\n"
    "Examples:\n"
    "  partnet info\n"
    "  partnet --data graphs/example.json info --format json\n"
    "  partnet --data ../shared/data/world-twin-cities/twin_cities_raw.csv info\n"
    "  partnet info --kind twinning --since 2000 --largest-component\n"
    "\n" CLI_VIEW_HELP;

static table_t *key_value_table(const char *name, const char *title, const char *key,
                                const char *value)
{
    table_t *t = table_new(name, title);
    table_column(t, key, COL_TEXT, -1);
    table_column(t, value, COL_INT, -1);
    return t;
}

/* Countries with a node in the view. */
static size_t view_countries(const pn_view_t *view)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    size_t count = 0, countries = pn_dataset_country_count(ds);
    unsigned char *seen = calloc(countries + 1, 1);
    if (!seen)
        return 0;
    for (uint32_t i = 0; i < pn_dataset_node_count(ds); i++) {
        uint32_t c = pn_dataset_node(ds, i)->country;
        /* nodes that name no country are in none */
        if (pn_view_has_node(view, i) && !seen[c] && pn_dataset_country(ds, c)->code[0]) {
            seen[c] = 1;
            count++;
        }
    }
    free(seen);
    return count;
}

/* Countries in the dataset's registry (the no-country of nodes that name none is none). */
static size_t registry_countries(const pn_dataset_t *ds)
{
    size_t count = 0;
    for (size_t c = 0; c < pn_dataset_country_count(ds); c++)
        count += pn_dataset_country(ds, c)->code[0] != '\0';
    return count;
}

static void summary(table_t *t, const pn_view_t *view, int narrowed)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    size_t n = pn_dataset_agreement_count(ds), undated = 0, unsourced = 0;
    pn_date_t first = PN_DATE_NONE, last = PN_DATE_NONE;
    const pn_date_t *dates = pn_dataset_dates(ds);
    for (size_t i = 0; i < n; i++) {
        if (!pn_view_has_agreement(view, i))
            continue;
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
    } counts[] = {{"nodes", pn_view_node_count(view)},
                  {"agreements", pn_view_agreement_count(view)},
                  {narrowed ? "countries with nodes" : "countries in the registry",
                   narrowed ? view_countries(view) : registry_countries(ds)},
                  {"undated agreements", undated},
                  {"agreements without source", unsourced},
                  {"reported figures", pn_dataset_reported_count(ds)}};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        table_text(t, counts[i].key);
        table_int(t, (long long)counts[i].value);
        if (i == 2) {
            table_text(t, "first date");
            table_text(t, first ? pn_date_format(buf, first) : NULL);
            table_text(t, "last date");
            table_text(t, last ? pn_date_format(buf, last) : NULL);
        }
    }
}

static table_t *levels_table(const pn_view_t *view)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    size_t count[PN_LEVEL_COUNT] = {0};
    for (uint32_t i = 0; i < pn_dataset_node_count(ds); i++)
        if (pn_view_has_node(view, i))
            count[pn_dataset_node(ds, i)->level]++;
    table_t *t = key_value_table("levels", "Nodes by level", "level", "nodes");
    for (int l = 0; l < PN_LEVEL_COUNT; l++) {
        table_text(t, pn_level_name((pn_level_t)l));
        table_int(t, (long long)count[l]);
    }
    return t;
}

static table_t *kinds_table(const pn_view_t *view)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    size_t count[PN_KIND_COUNT] = {0};
    const uint8_t *kinds = pn_dataset_kinds(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++)
        if (pn_view_has_agreement(view, i))
            count[kinds[i]]++;
    table_t *t = key_value_table("kinds", "Agreements by kind", "kind", "agreements");
    for (int k = 0; k < PN_KIND_COUNT; k++) {
        table_text(t, pn_kind_name((pn_kind_t)k));
        table_int(t, (long long)count[k]);
    }
    return t;
}

static table_t *decades_table(const pn_view_t *view)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    enum { DECADES = (PN_DATE_MAX_YEAR - PN_DATE_MIN_YEAR) / 10 + 1 };
    size_t *count = xcalloc(DECADES, sizeof *count), undated = 0;
    const pn_date_t *dates = pn_dataset_dates(ds);
    table_t *t = key_value_table("decades", "Agreements by decade", "decade", "agreements");
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
        if (!pn_view_has_agreement(view, i))
            continue;
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

static table_t *precision_table(const pn_view_t *view)
{
    static const char *const names[] = {"none", "year", "month", "day"};
    const pn_dataset_t *ds = pn_view_dataset(view);
    size_t count[4] = {0};
    const pn_date_t *dates = pn_dataset_dates(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++)
        if (pn_view_has_agreement(view, i))
            count[pn_date_precision(dates[i])]++;
    table_t *t = key_value_table("precision", "Agreements by date precision", "precision",
                                 "agreements");
    for (int p = PN_PRECISION_DAY; p >= PN_PRECISION_NONE; p--) {
        table_text(t, names[p]);
        table_int(t, (long long)count[p]);
    }
    return t;
}

static table_t *countries_table(const pn_view_t *view, int narrowed)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
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
    for (uint32_t i = 0; i < pn_dataset_node_count(ds); i++)
        if (pn_view_has_node(view, i))
            nodes[pn_dataset_node(ds, i)->country]++;
    const uint32_t *a = pn_dataset_party_a(ds), *b = pn_dataset_party_b(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
        if (!pn_view_has_agreement(view, i))
            continue;
        uint32_t ca = pn_dataset_node(ds, a[i])->country, cb = pn_dataset_node(ds, b[i])->country;
        agreements[ca]++;
        if (cb != ca)
            agreements[cb]++;
    }
    for (size_t c = 0; c < countries; c++) {
        const pn_country_t *country = pn_dataset_country(ds, c);
        if (narrowed && !nodes[c])
            continue;
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

/* What each step of the view kept. */
static table_t *view_table(const pn_view_t *view)
{
    table_t *t = table_new("view", "View");
    table_column(t, "step", COL_TEXT, -1);
    table_column(t, "agreements", COL_INT, -1);
    table_column(t, "nodes", COL_INT, -1);
    for (size_t i = 0; i < pn_view_step_count(view); i++) {
        const pn_view_step_t *s = pn_view_step(view, i);
        char step[160];
        if (i == 0)
            snprintf(step, sizeof step, "%s", s->option);
        else
            snprintf(step, sizeof step, "--%s%s%s", s->option, s->value[0] ? " " : "", s->value);
        table_text(t, step);
        table_int(t, (long long)s->agreements);
        table_int(t, (long long)s->nodes);
    }
    return t;
}

static int option(void *ctx, int opt, const char *arg)
{
    int handled = cli_view_option(ctx, opt, arg);
    return handled > 0 ? 0 : -1;
}

int cmd_info(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {CLI_VIEW_OPTIONS, {NULL, 0, NULL, 0}};
    pn_view_options_t opts = PN_VIEW_OPTIONS_INIT;
    int rc = cli_parse(cli, argc, argv, own, option, &opts, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&opts, "info") != 0)
        return EXIT_USAGE;
    pn_dataset_t *ds = NULL;
    pn_view_t *view = NULL;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    if ((rc = cli_view(&view, ds, &opts, "info")) != EXIT_OK) {
        pn_dataset_free(ds);
        return rc;
    }
    int narrowed = pn_view_step_count(view) > 1;
    table_t *about = table_new("summary", narrowed ? "View of the dataset" : "Dataset");
    table_column(about, "key", COL_TEXT, -1);
    table_column(about, "value", COL_TEXT, -1);
    table_summary(about);
    summary(about, view, narrowed);
    table_t *tables[] = {NULL, about, levels_table(view), kinds_table(view), decades_table(view),
                         precision_table(view), countries_table(view, narrowed)};
    size_t count = sizeof tables / sizeof tables[0];
    if (narrowed)
        tables[0] = view_table(view);
    rc = cli_print(cli, tables + !narrowed, count - !narrowed);
    for (size_t i = 0; i < count; i++)
        table_free(tables[i]);
    pn_view_free(view);
    pn_dataset_free(ds);
    return rc;
}
