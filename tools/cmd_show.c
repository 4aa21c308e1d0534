/*
 * partnet show: everything about one node: who it is, every agreement it is party to with its
 * source, its partners by country, and where it stands in each measure, in the whole network
 * and within its country.
 */
#include "commands.h"
#include "records.h"
#include "results.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet show NODE... [--measures M[,M]] [OPTIONS]\n"
    "\n"
    "Everything about one node, found by id, name or alias (several words are one name;\n"
    "case, diacritics and script do not matter: Mogilev, Mahilyow and Могилёв find the same\n"
    "city; an ambiguous or unknown name gets suggestions): its country, level, parent and\n"
    "aliases; every agreement it is party to in the view, oldest first, with date, kind,\n"
    "partner and source (document, line, quote); its partners by country; its value and\n"
    "rank in each measure, in the view's network and among the nodes of its country; its\n"
    "first and latest agreement.\n"
    "\n"
    "  --measures M[,M]   the measures to rank it by (default all: degree, agreements,\n"
    "                     betweenness, closeness, harmonic, eigenvector, pagerank,\n"
    "                     coreness); on large networks the path-based three take longest\n"
    "\n"
    "A rank is 1 + the number of nodes with a larger value (ties share a rank; values equal\n"
    "to nine significant digits are ties), out of `of` nodes of the network (`country_of`\n"
    "of its country).\n"
    "\n"
    "Output: the tables node (key, value), agreements, partners (by country) and measures;\n"
    "with --format csv as one long table table,key,column,value. JSON: one object {node,\n"
    "in_view, agreements, partners, measures, first_agreement, latest_agreement}.\n"
    "\n"
    "Examples:\n"
    "  partnet show by-minsk\n"
    "  partnet show Могилёв --format json\n"
    "  partnet show Kapan --as-of 2010 --measures degree,betweenness\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_MEASURES = OPT_COMMON_END };

typedef struct {
    pn_view_options_t view;
    unsigned measures;
} show_args_t;

static int option(void *ctx, int opt, const char *arg)
{
    show_args_t *s = ctx;
    int handled = cli_view_option(&s->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt != OPT_MEASURES)
        return -1;
    s->measures = 0;
    char name[64];
    for (const char *p = arg;; p++) {
        size_t n = strcspn(p, ",");
        pn_measure_t m;
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        if (cli_measure("show", "--measures", name, &m) != 0)
            return -1;
        s->measures |= 1u << m;
        p += n;
        if (!*p)
            return 0;
    }
}

/* Where the node stands in one measure. */
typedef struct {
    double value;
    long rank, of, country_rank, country_of;
} standing_t;

static standing_t standing(const pn_graph_t *g, const double *value, igraph_integer_t v)
{
    const pn_dataset_t *ds = pn_graph_dataset(g);
    uint32_t country = pn_dataset_node(ds, pn_graph_vertex_node(g, v))->country;
    standing_t s = {value[v], 1, 0, 1, 0};
    for (igraph_integer_t u = 0; u < pn_graph_vertex_count(g); u++) {
        int same = pn_dataset_node(ds, pn_graph_vertex_node(g, u))->country == country;
        int higher = result_above(value[u], value[v]);
        s.of++;
        s.rank += higher;
        s.country_of += same;
        s.country_rank += same && higher;
    }
    return s;
}

typedef struct {
    uint32_t country;
    const char *code; /* for ties */
    long partners, agreements;
} partner_country_t;

typedef struct {
    const pn_dataset_t *ds;
    uint32_t node;
    int in_view;
    size_t *agreements; /* the node's agreements in the view, oldest first */
    size_t count;
    partner_country_t *partners; /* by country, most partners first */
    size_t partner_countries;
    long partner_total;
    unsigned measures;
    standing_t standing[PN_MEASURE_COUNT];
    size_t first, latest; /* dated agreements, or SIZE_MAX */
} profile_t;

static int by_partners(const void *x, const void *y)
{
    const partner_country_t *a = x, *b = y;
    if (a->partners != b->partners)
        return a->partners > b->partners ? -1 : 1;
    if (a->agreements != b->agreements)
        return a->agreements > b->agreements ? -1 : 1;
    return strcmp(a->code, b->code);
}

/* The node's agreements, partners by country, first and latest agreement. */
static void collect(profile_t *p, const pn_view_t *view)
{
    const pn_dataset_t *ds = p->ds;
    size_t n = pn_dataset_agreement_count(ds), countries = pn_dataset_country_count(ds);
    const uint32_t *a = pn_dataset_party_a(ds), *b = pn_dataset_party_b(ds);
    const pn_date_t *dates = pn_dataset_dates(ds);
    unsigned char *seen = xcalloc(pn_dataset_node_count(ds), 1);
    long *partners = xcalloc(countries, sizeof *partners);
    long *agreements = xcalloc(countries, sizeof *agreements);
    p->agreements = xmalloc(n * sizeof *p->agreements);
    p->partners = xmalloc(countries * sizeof *p->partners);
    for (size_t i = 0; i < n; i++) {
        if (!pn_view_has_agreement(view, i) || (a[i] != p->node && b[i] != p->node))
            continue;
        uint32_t partner = a[i] == p->node ? b[i] : a[i];
        uint32_t country = pn_dataset_node(ds, partner)->country;
        p->agreements[p->count++] = i;
        agreements[country]++;
        if (!seen[partner]) {
            seen[partner] = 1;
            partners[country]++;
            p->partner_total++;
        }
    }
    for (size_t c = 0; c < countries; c++)
        if (agreements[c])
            p->partners[p->partner_countries++] = (partner_country_t){
                (uint32_t)c, pn_dataset_country_code(ds, c), partners[c], agreements[c]};
    qsort(p->partners, p->partner_countries, sizeof *p->partners, by_partners);
    record_sort_by_date(p->agreements, p->count, ds);
    for (size_t i = 0; i < p->count; i++)
        if (dates[p->agreements[i]] != PN_DATE_NONE) {
            if (p->first == SIZE_MAX)
                p->first = p->agreements[i];
            p->latest = p->agreements[i];
        }
    free(seen);
    free(partners);
    free(agreements);
}

/* The node's value and rank in each measure asked for. @return 0, or a pn status */
static int measure(profile_t *p, const pn_graph_t *g)
{
    igraph_integer_t v = pn_graph_node_vertex(g, p->node);
    if (v < 0)
        return 0;
    igraph_vector_t values[PN_MEASURE_COUNT];
    igraph_vector_t *outs[PN_MEASURE_COUNT] = {NULL};
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        igraph_vector_init(&values[m], 0);
        if (p->measures & (1u << m))
            outs[m] = &values[m];
    }
    pn_centrality_options_t copts = PN_CENTRALITY_OPTIONS_INIT;
    if (cli_stderr_is_terminal())
        copts.progress = cli_progress;
    int status = pn_centrality_compute_many(outs, g, p->measures, &copts);
    for (int m = 0; m < PN_MEASURE_COUNT && status == 0; m++)
        if (p->measures & (1u << m))
            p->standing[m] = standing(g, VECTOR(values[m]), v);
    for (int m = 0; m < PN_MEASURE_COUNT; m++)
        igraph_vector_destroy(&values[m]);
    return status;
}

static void kv(table_t *t, const char *key, const char *value)
{
    table_text(t, key);
    table_text(t, value);
}

static void kv_long(table_t *t, const char *key, long value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", value);
    kv(t, key, buf);
}

static void kv_agreement(table_t *t, const char *key, const profile_t *p, size_t i)
{
    char buf[512], date[PN_DATE_TEXT_MAX];
    if (i == SIZE_MAX) {
        kv(t, key, NULL);
        return;
    }
    pn_agreement_t a;
    pn_dataset_agreement(&a, p->ds, i);
    uint32_t partner = a.a == p->node ? a.b : a.a;
    snprintf(buf, sizeof buf, "%s %s with %s", pn_date_format(date, a.date), pn_kind_name(a.kind),
             pn_dataset_node(p->ds, partner)->id);
    pn_text_mend_utf8(buf);
    kv(t, key, buf);
}

static table_t *node_table(const profile_t *p)
{
    const pn_dataset_t *ds = p->ds;
    const pn_node_t *n = pn_dataset_node(ds, p->node);
    const pn_country_t *c = pn_dataset_country(ds, n->country);
    table_t *t = table_new("node", "Node");
    table_column(t, "key", COL_TEXT, -1);
    table_column(t, "value", COL_TEXT, -1);
    kv(t, "id", n->id);
    kv(t, "name", n->name);
    kv(t, "country", record_country(ds, p->node));
    kv(t, "country_name", c->name);
    kv(t, "level", pn_level_name(n->level));
    kv(t, "parent", n->parent == PN_NONE ? NULL : pn_dataset_node(ds, n->parent)->id);
    /* every alias whole, however long: the JSON and CSV outputs are data */
    size_t size = 1;
    for (size_t i = 0; i < n->alias_count; i++)
        size += strlen(n->aliases[i]) + 2;
    char *aliases = xmalloc(size), *end = aliases;
    *end = '\0';
    for (size_t i = 0; i < n->alias_count; i++)
        end += sprintf(end, "%s%s", i ? "; " : "", n->aliases[i]);
    kv(t, "aliases", n->alias_count ? aliases : NULL);
    free(aliases);
    kv(t, "in_view", p->in_view ? "yes" : "no");
    kv_long(t, "agreements", (long)p->count);
    kv_long(t, "partners", p->partner_total);
    kv_agreement(t, "first_agreement", p, p->first);
    kv_agreement(t, "latest_agreement", p, p->latest);
    return t;
}

static table_t *agreements_table(const profile_t *p, format_t format)
{
    table_t *t = table_new("agreements", "Agreements");
    table_column(t, "n", COL_INT, -1);
    record_agreement_columns(t, format, RECORD_PARTNER);
    for (size_t i = 0; i < p->count; i++) {
        table_int(t, (long long)i + 1);
        record_agreement_cells(t, format, p->ds, p->agreements[i], p->node, RECORD_PARTNER);
    }
    return t;
}

static table_t *partners_table(const profile_t *p)
{
    table_t *t = table_new("partners", "Partners by country");
    table_column(t, "country", COL_TEXT, -1);
    table_column(t, "name", COL_TEXT, -1);
    table_column(t, "partners", COL_INT, -1);
    table_column(t, "agreements", COL_INT, -1);
    for (size_t i = 0; i < p->partner_countries; i++) {
        const pn_country_t *c = pn_dataset_country(p->ds, p->partners[i].country);
        table_text(t, pn_dataset_country_code(p->ds, p->partners[i].country));
        table_text(t, c->name);
        table_int(t, p->partners[i].partners);
        table_int(t, p->partners[i].agreements);
    }
    return t;
}

static table_t *measures_table(const profile_t *p)
{
    table_t *t = table_new("measures", "Measures");
    table_column(t, "measure", COL_TEXT, -1);
    table_column(t, "value", COL_REAL, -6);
    table_column(t, "rank", COL_INT, -1);
    table_column(t, "of", COL_INT, -1);
    table_column(t, "country_rank", COL_INT, -1);
    table_column(t, "country_of", COL_INT, -1);
    for (int m = 0; m < PN_MEASURE_COUNT && p->in_view; m++) {
        if (!(p->measures & (1u << m)))
            continue;
        const standing_t *s = &p->standing[m];
        table_text(t, pn_measure_name((pn_measure_t)m));
        result_value_cell(t, (pn_measure_t)m, s->value);
        table_int(t, s->rank);
        table_int(t, s->of);
        table_int(t, s->country_rank);
        table_int(t, s->country_of);
    }
    return t;
}

static cJSON *profile_json(const profile_t *p)
{
    const pn_dataset_t *ds = p->ds;
    const pn_node_t *n = pn_dataset_node(ds, p->node);
    cJSON *o = cJSON_CreateObject(), *node = record_node_json(ds, p->node);
    cJSON_AddItemToObject(node, "country_name",
                          cJSON_CreateString(pn_dataset_country(ds, n->country)->name));
    cJSON_AddItemToObject(node, "level", cJSON_CreateString(pn_level_name(n->level)));
    cJSON_AddItemToObject(node, "first_level", cJSON_CreateBool(n->first_level));
    cJSON_AddItemToObject(node, "parent", n->parent == PN_NONE ? cJSON_CreateNull()
                                                               : record_node_json(ds, n->parent));
    cJSON *aliases = cJSON_CreateArray();
    for (size_t i = 0; i < n->alias_count; i++)
        cJSON_AddItemToArray(aliases, cJSON_CreateString(n->aliases[i]));
    cJSON_AddItemToObject(node, "aliases", aliases);
    cJSON_AddItemToObject(node, "lat", isnan(n->lat) ? cJSON_CreateNull() : cJSON_CreateNumber(n->lat));
    cJSON_AddItemToObject(node, "lon", isnan(n->lon) ? cJSON_CreateNull() : cJSON_CreateNumber(n->lon));
    cJSON_AddItemToObject(o, "node", node);
    cJSON_AddItemToObject(o, "in_view", cJSON_CreateBool(p->in_view));
    cJSON *agreements = cJSON_CreateArray();
    for (size_t i = 0; i < p->count; i++)
        cJSON_AddItemToArray(agreements, record_agreement_json(ds, p->agreements[i]));
    cJSON_AddItemToObject(o, "agreements", agreements);
    cJSON *partners = cJSON_CreateArray();
    for (size_t i = 0; i < p->partner_countries; i++) {
        const pn_country_t *c = pn_dataset_country(ds, p->partners[i].country);
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToObject(row, "country", c->code[0] ? cJSON_CreateString(c->code)
                                                         : cJSON_CreateNull());
        cJSON_AddItemToObject(row, "name", cJSON_CreateString(c->name));
        cJSON_AddItemToObject(row, "partners", cJSON_CreateNumber((double)p->partners[i].partners));
        cJSON_AddItemToObject(row, "agreements", cJSON_CreateNumber((double)p->partners[i].agreements));
        cJSON_AddItemToArray(partners, row);
    }
    cJSON_AddItemToObject(o, "partners", partners);
    cJSON *measures = p->in_view ? cJSON_CreateObject() : cJSON_CreateNull();
    for (int m = 0; m < PN_MEASURE_COUNT && p->in_view; m++) {
        if (!(p->measures & (1u << m)))
            continue;
        const standing_t *s = &p->standing[m];
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToObject(row, "value", cJSON_CreateNumber(s->value));
        cJSON_AddItemToObject(row, "rank", cJSON_CreateNumber((double)s->rank));
        cJSON_AddItemToObject(row, "of", cJSON_CreateNumber((double)s->of));
        cJSON_AddItemToObject(row, "country_rank", cJSON_CreateNumber((double)s->country_rank));
        cJSON_AddItemToObject(row, "country_of", cJSON_CreateNumber((double)s->country_of));
        cJSON_AddItemToObject(measures, pn_measure_name((pn_measure_t)m), row);
    }
    cJSON_AddItemToObject(o, "measures", measures);
    cJSON_AddItemToObject(o, "first_agreement", p->first == SIZE_MAX ? cJSON_CreateNull()
                                                    : record_agreement_json(ds, p->first));
    cJSON_AddItemToObject(o, "latest_agreement", p->latest == SIZE_MAX ? cJSON_CreateNull()
                                                     : record_agreement_json(ds, p->latest));
    return o;
}

int cmd_show(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"measures", required_argument, NULL, OPT_MEASURES},
                                        CLI_VIEW_OPTIONS,
                                        {NULL, 0, NULL, 0}};
    show_args_t args = {PN_VIEW_OPTIONS_INIT, (1u << PN_MEASURE_COUNT) - 1};
    int rc = cli_parse_operands(cli, argc, argv, own, option, &args, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (argc == optind) {
        cli_error("show", "expected the NODE to show (an id, a name or an alias)");
        return cli_usage_error("show");
    }
    if (cli_view_check(&args.view, "show") != 0)
        return EXIT_USAGE;
    char *text = record_join(argc, argv, optind);
    pn_dataset_t *ds = NULL;
    pn_search_t *search = NULL;
    pn_view_t *view = NULL;
    pn_graph_t *g = NULL;
    profile_t p;
    memset(&p, 0, sizeof p);
    p.first = p.latest = SIZE_MAX;
    p.measures = args.measures;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK) {
        free(text);
        return rc;
    }
    p.ds = ds;
    int status = pn_search_new(&search, ds);
    if (status != 0) {
        rc = cli_failure("show", status);
        goto done;
    }
    if ((rc = record_resolve(&p.node, search, text, "show")) != EXIT_OK ||
        (rc = cli_view(&view, ds, &args.view, "show")) != EXIT_OK)
        goto done;
    p.in_view = pn_view_has_node(view, p.node);
    collect(&p, view);
    if (p.in_view && ((status = pn_graph_new(&g, view)) != 0 || (status = measure(&p, g)) != 0)) {
        rc = cli_failure("show", status);
        goto done;
    }
    if (cli->format == FORMAT_JSON) {
        cJSON *json = profile_json(&p);
        rc = record_print_json(json);
        cJSON_Delete(json);
    } else {
        table_t *tables[] = {node_table(&p), agreements_table(&p, cli->format), partners_table(&p),
                             measures_table(&p)};
        rc = cli_print(cli, tables, 4);
        for (size_t i = 0; i < 4; i++)
            table_free(tables[i]);
    }
done:
    free(text);
    free(p.agreements);
    free(p.partners);
    pn_graph_free(g);
    pn_view_free(view);
    pn_search_free(search);
    pn_dataset_free(ds);
    return rc;
}
