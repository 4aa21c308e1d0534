/*
 * partnet report: the essentials of a dataset for a reader: size and dates, the top regions by
 * several measures, coverage by country, growth per year, communities, and the figures the
 * sources report beside the recorded ones; in the terminal, or as a self-contained HTML page.
 */
#include "commands.h"
#include "figures.h"
#include "report.h"
#include "results.h"
#include "xalloc.h"

#include <math.h>
#include <partnet/chart.h>
#include <partnet/communities.h>
#include <partnet/coverage.h>
#include <partnet/growth.h>
#include <partnet/stats.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static const char help[] =
    "Usage: partnet report [--html DIR] [--top N] [OPTIONS]\n"
    "\n"
    "The essentials of the dataset in one go: its size and date range; the top regions and\n"
    "cities by partners, agreements, betweenness and PageRank; coverage of each country's\n"
    "regions (districts and cities rolled up); the network year by year; its communities\n"
    "(Louvain, seed 1); and the figures its sources report beside what it records.\n"
    "\n"
    "  --html DIR         also write DIR/index.html: one self-contained page with the\n"
    "                     network drawing and the growth chart inline (also left beside it\n"
    "                     as network.svg and growth.svg), sortable tables (click a\n"
    "                     column's head) and the reported-versus-recorded figures; and\n"
    "                     DIR/explorer.html, linked from it: the network to explore in a\n"
    "                     browser (see partnet explore)\n"
    "  --top N            rows of the rankings and communities (default 10)\n"
    "  --sample K         estimate betweenness from K random sources; 0: exact. Default:\n"
    "                     exact up to 5000 nodes, 1000 sources above (said on stderr and in\n"
    "                     the report)\n"
    "  --seed S           seed of the betweenness sample and of the explorer's communities\n"
    "                     and layout (default 1)\n"
    "\n"
    "With view options, the report is of the view: its network, its coverage, and its\n"
    "agreements year by year (up to --as-of). The reported figures are the dataset's.\n"
    "\n"
    "Examples:\n"
    "  partnet report\n"
    "  partnet report --html report/\n"
    "  partnet --data world.csv report --top 5\n"
    "  partnet --data world.csv report --html world/ --sample 2000 --seed 7\n"
    "  partnet report --country AM --kind twinning\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_HTML = OPT_COMMON_END, OPT_TOP, OPT_SAMPLE, OPT_SEED };

typedef struct {
    const char *html;
    long top;
    long sample; /* betweenness sources; -1: exact up to EXPLORER_EXACT_BETWEENNESS_MAX nodes */
    long seed;
    pn_view_options_t view;
} report_args_t;

static int option(void *ctx, int opt, const char *arg)
{
    report_args_t *r = ctx;
    int handled = cli_view_option(&r->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt == OPT_HTML) {
        r->html = arg;
        return 0;
    }
    if (opt == OPT_TOP)
        return cli_parse_long("report", "--top", arg, 1, CLI_COUNT_MAX, &r->top);
    if (opt == OPT_SAMPLE)
        return cli_parse_long("report", "--sample", arg, 0, CLI_COUNT_MAX, &r->sample);
    if (opt == OPT_SEED)
        return cli_parse_long("report", "--seed", arg, 0, CLI_SEED_MAX, &r->seed);
    return -1;
}

static void kv(table_t *t, const char *key, const char *value)
{
    table_text(t, key);
    table_text(t, value);
}

static void kv_count(table_t *t, const char *key, size_t value)
{
    table_text(t, key);
    table_int(t, (long long)value);
}

/* The countries named by a party of the view's agreements (stats' countries count those of
 * every node of the view, those without an agreement too). */
static size_t countries_with_agreements(const pn_view_t *view)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    size_t count = 0, countries = pn_dataset_country_count(ds);
    unsigned char *seen = xcalloc(countries ? countries : 1, 1);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
        if (!pn_view_has_agreement(view, i))
            continue;
        pn_agreement_t a;
        pn_dataset_agreement(&a, ds, i);
        const uint32_t parties[2] = {a.a, a.b};
        for (int k = 0; k < 2; k++) {
            uint32_t c = pn_dataset_node(ds, parties[k])->country;
            if (c < countries && !seen[c] && pn_dataset_country(ds, c)->code[0]) {
                seen[c] = 1;
                count++;
            }
        }
    }
    free(seen);
    return count;
}

static table_t *summary(const pn_view_t *view, const pn_stats_t *s, const pn_growth_t *g)
{
    const pn_dataset_t *ds = pn_view_dataset(view);
    table_t *t = table_new("summary", "The dataset");
    table_column(t, "key", COL_TEXT, -1);
    table_column(t, "value", COL_TEXT, -1);
    table_summary(t);
    kv(t, "dataset", pn_dataset_name(ds));
    kv(t, "title", pn_dataset_title(ds));
    kv_count(t, "agreements", pn_view_agreement_count(view));
    kv_count(t, "nodes", pn_view_node_count(view));
    kv_count(t, "partner pairs", (size_t)s->edges);
    kv_count(t, "countries with agreements", countries_with_agreements(view));
    table_text(t, "first year");
    if (g->year_count)
        table_int(t, g->years[0].year);
    else
        table_null(t);
    table_text(t, "last year");
    if (g->year_count)
        table_int(t, g->years[g->year_count - 1].year);
    else
        table_null(t);
    kv_count(t, "undated agreements", g->undated);
    kv_count(t, "components", (size_t)s->components);
    kv_count(t, "largest component", (size_t)s->largest_component);
    table_text(t, "cross-border share");
    table_real_digits(t, s->cross_border_share, figure_digits("cross_border_share"));
    size_t documents = pn_dataset_document_count(ds);
    const char **sources = xmalloc((documents ? documents : 1) * sizeof *sources);
    for (size_t i = 0; i < documents; i++) {
        const pn_document_t *d = pn_dataset_document(ds, i);
        sources[i] = d->title ? d->title : d->id;
    }
    table_text(t, "sources");
    table_list(t, sources, documents);
    free(sources);
    return t;
}

/* The top nodes by four measures, side by side: one row per rank; betweenness from @p sample
 * random sources (seed @p seed), or exact with 0. */
static int hubs(table_t **out, const pn_graph_t *g, long top, igraph_integer_t sample,
                unsigned long seed)
{
    static const pn_measure_t measures[] = {PN_MEASURE_DEGREE, PN_MEASURE_AGREEMENTS,
                                            PN_MEASURE_BETWEENNESS, PN_MEASURE_PAGERANK};
    enum { M = sizeof measures / sizeof measures[0] };
    igraph_vector_t values[M];
    igraph_vector_t *outs[PN_MEASURE_COUNT] = {NULL};
    unsigned mask = 0;
    for (int m = 0; m < M; m++) {
        igraph_vector_init(&values[m], 0);
        outs[measures[m]] = &values[m];
        mask |= 1u << measures[m];
    }
    igraph_integer_t n = pn_graph_vertex_count(g);
    igraph_integer_t *list[M] = {NULL};
    pn_centrality_options_t copts = PN_CENTRALITY_OPTIONS_INIT;
    copts.sample = sample;
    copts.seed = seed;
    int status = pn_centrality_compute_many(outs, g, mask, &copts);
    for (int m = 0; m < M && status == 0; m++)
        list[m] = result_ranked(g, VECTOR(values[m]));
    if (status == 0) {
        char title[200] = "The most connected regions and cities";
        if (sample)
            snprintf(title, sizeof title, "The most connected regions and cities (betweenness "
                     "estimated from %ld random sources of %ld, seed %lu)", (long)sample,
                     (long)n, seed);
        table_t *t = table_new("hubs", title);
        /* each name with its value in a column of its own, so that a narrow terminal cuts the
         * name, never the value, and leaves both out together */
        static const char *const names[M][2] = {{"by partners", "partners"},
                                                {"by agreements", "agreements"},
                                                {"by betweenness", "betweenness"},
                                                {"by pagerank", "pagerank"}};
        table_column(t, "rank", COL_INT, -1);
        for (int m = 0; m < M; m++) {
            table_column(t, names[m][0], COL_TEXT, -1);
            result_value_column(t, names[m][1], measures[m]);
            table_attach_column(t);
        }
        for (igraph_integer_t i = 0; i < n && i < top; i++) {
            table_int(t, (long long)i + 1);
            for (int m = 0; m < M; m++) {
                igraph_integer_t v = list[m][i];
                table_text(t, pn_graph_vertex_name(g, v));
                result_value_cell(t, measures[m], VECTOR(values[m])[v]);
            }
        }
        /* in JSON, each measure's top as `partnet rank --by MEASURE` writes it */
        cJSON *json = cJSON_CreateObject();
        for (int m = 0; m < M && json; m++) {
            table_t *ranked = table_new(pn_measure_name(measures[m]), NULL);
            result_vertex_columns(ranked, 1);
            result_value_column(ranked, "value", measures[m]);
            for (igraph_integer_t i = 0; i < n && i < top; i++) {
                result_vertex_cells(ranked, (long)i + 1, g, list[m][i]);
                result_value_cell(ranked, measures[m], VECTOR(values[m])[list[m][i]]);
            }
            cJSON_AddItemToObject(json, pn_measure_name(measures[m]), table_json_value(ranked));
            table_free(ranked);
        }
        table_set_json(t, json);
        *out = t;
    }
    for (int m = 0; m < M; m++) {
        igraph_vector_destroy(&values[m]);
        free(list[m]);
    }
    return status;
}

/* The communities of the network (Louvain, seed 1), as partnet clusters shows them. */
static int communities_table(table_t **out, const pn_graph_t *g, long top, int short_lists)
{
    igraph_vector_int_t membership;
    igraph_integer_t count;
    double modularity;
    if (igraph_vector_int_init(&membership, 0) != IGRAPH_SUCCESS)
        out_of_memory();
    int status = pn_communities_find(&membership, &count, &modularity, g, PN_COMMUNITY_LOUVAIN, 1);
    if (status == 0) {
        char title[160];
        char shown[64];
        figure_format(shown, sizeof shown, "modularity", modularity);
        snprintf(title, sizeof title, "Communities (Louvain, seed 1): %ld, modularity %s",
                 (long)count, shown);
        *out = result_communities_table(g, &membership, count, top, short_lists, title);
    }
    igraph_vector_int_destroy(&membership);
    return status;
}

static table_t *reported_table(const pn_dataset_t *ds)
{
    table_t *t = table_new("reported", "Reported by the sources, and recorded in the dataset");
    static const column_spec_t columns[] = {
        {"figure", COL_TEXT, -1},
        {"as_of", COL_TEXT, -1},
        {"reported", COL_TEXT, -1},
        {"recorded", COL_INT, -1},
        {"source", COL_TEXT, -1}};
    TABLE_COLUMNS(t, columns);
    for (size_t i = 0; i < pn_dataset_reported_count(ds); i++) {
        const pn_reported_t *r = pn_dataset_reported(ds, i);
        char reported[96], date[PN_DATE_TEXT_MAX], source[128];
        result_reported_text(reported, sizeof reported, r, 0);
        table_text(t, r->description ? r->description : r->id);
        table_text(t, r->as_of ? pn_date_format(date, r->as_of) : "");
        table_text(t, reported);
        double recorded;
        if (pn_reported_count(&recorded, ds, i) == 0)
            table_int(t, (long long)recorded);
        else
            table_null(t);
        if (r->source.document && r->source.line)
            snprintf(source, sizeof source, "%s, line %u", r->source.document, r->source.line);
        else
            snprintf(source, sizeof source, "%s", r->source.document ? r->source.document : "");
        pn_text_mend_utf8(source);
        table_text(t, source);
    }
    return t;
}

int cmd_report(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"html", required_argument, NULL, OPT_HTML},
                                        {"top", required_argument, NULL, OPT_TOP},
                                        {"sample", required_argument, NULL, OPT_SAMPLE},
                                        {"seed", required_argument, NULL, OPT_SEED},
                                        CLI_VIEW_OPTIONS,
                                        {NULL, 0, NULL, 0}};
    report_args_t args = {NULL, 10, -1, 1, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &args, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&args.view, "report") != 0)
        return EXIT_USAGE;
    pn_dataset_t *ds = NULL;
    pn_view_t *whole = NULL;
    pn_graph_t *g = NULL;
    pn_growth_t *growth = NULL;
    pn_coverage_t *coverage = NULL;
    table_t *tables[7] = {NULL};
    size_t count = 0;
    pn_stats_t s;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    if ((rc = cli_view(&whole, ds, &args.view, "report")) != EXIT_OK)
        goto done;
    /* the growth of the view's agreements up to its date */
    pn_view_options_t connected = cli_snapshot_options(&args.view, whole, PN_DATE_NONE);
    pn_growth_options_t go = PN_GROWTH_OPTIONS_INIT;
    go.view = connected;
    go.view.drop_isolated = 0;
    if (args.view.as_of != PN_DATE_NONE)
        go.to = pn_date_year(args.view.as_of);
    /* hubs, figures and communities of the view's network, isolated nodes included, as rank,
     * stats and clusters give them */
    if (pn_graph_new(&g, whole) != 0 ||
        pn_stats_compute(&s, g, NULL) != 0 || pn_growth_new(&growth, ds, &go) != 0 ||
        pn_coverage_new(&coverage, whole, 1) != 0 ||
        result_coverage_defaults(coverage, ds, "report", cli->quiet) != 0)
        goto failed;
    tables[count++] = summary(whole, &s, growth);
    /* large networks: betweenness from a sample of sources, said once on stderr (the explorer
     * of report --html uses the same sample and seed) */
    igraph_integer_t n = pn_graph_vertex_count(g);
    igraph_integer_t sample = args.sample >= 0 ? args.sample
                              : n > EXPLORER_EXACT_BETWEENNESS_MAX ? EXPLORER_SAMPLE : 0;
    if (sample >= n)
        sample = 0;
    if (!cli->quiet)
        result_sample_note("report", sample, n, (unsigned long)args.seed,
                           " (--sample 0 for the exact value)");
    if (hubs(&tables[count++], g, args.top, sample, (unsigned long)args.seed) != 0) {
        count--;
        goto failed;
    }
    tables[count++] = result_coverage_table(coverage, ds, PN_NONE,
                                            "Coverage of each country's regions (districts and "
                                            "cities rolled up)");
    tables[count++] = result_growth_table(growth, ds, 0,
                                          "The network year by year (everything signed by the "
                                          "end of each year)");
    if (communities_table(&tables[count++], g, args.top, cli->format == FORMAT_TABLE) != 0) {
        count--;
        goto failed;
    }
    if (pn_dataset_reported_count(ds))
        tables[count++] = reported_table(ds);
    explorer_options_t explore = EXPLORER_OPTIONS_INIT;
    explore.cmd = "report";
    explore.quiet = cli->quiet;
    explore.seed = (unsigned long)args.seed;
    explore.sample = args.sample;
    explore.sample_noted = 1;
    if (args.html &&
        (rc = report_html(args.html, ds, g, growth, tables, count, &explore)) != EXIT_OK)
        goto done;
    rc = cli_print(cli, tables, count);
    goto done;
failed:
    rc = cli_failure("report", PN_ERROR);
done:
    for (size_t i = 0; i < count; i++)
        table_free(tables[i]);
    pn_coverage_free(coverage);
    pn_growth_free(growth);
    pn_graph_free(g);
    pn_view_free(whole);
    pn_dataset_free(ds);
    return rc;
}
