/*
 * partnet rank: the nodes ranked by a centrality measure, or every measure per node.
 */
#include "commands.h"
#include "results.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet rank [--by MEASURE] [--top N] [--all] [OPTIONS]\n"
    "\n"
    "Rank the nodes (regions, districts, cities) by a centrality measure, computed on the\n"
    "simple graph of the view: one edge per pair of partners, weighted by its number of\n"
    "agreements. Ties are broken by value, then by id.\n"
    "\n"
    "  --by MEASURE       degree (distinct partners, the default), agreements (number of\n"
    "                     agreements), betweenness (raw, each pair of endpoints once, as\n"
    "                     NetworkX normalized=False), closeness (Wasserman-Faust on\n"
    "                     disconnected graphs, as NetworkX), harmonic (sum of 1/distance over\n"
    "                     N-1), eigenvector (unweighted, max 1), pagerank (0.85, weighted by\n"
    "                     agreements), coreness (k-core number)\n"
    "  --top N            the first N rows (default 20 in a terminal table, all in CSV and\n"
    "                     JSON; 0: all)\n"
    "  --all              every measure per node, ranked by --by; betweenness, closeness and\n"
    "                     harmonic come from one shortest-path pass on every core\n"
    "  --by-country       rank countries: the network contracted to countries (agreements\n"
    "                     between their parties as edge weights)\n"
    "  --sample K         estimate betweenness from K random sources (scaled by N/K); for\n"
    "                     large graphs. The estimate is random: --seed S makes it repeat\n"
    "  --seed S           seed for --sample (default 1; printed on stderr)\n"
    "\n"
    "Output columns: rank,id,name,country,level,value (with --all: one column per measure).\n"
    "With --country CC, the ranking is of CC's nodes within CC's partnership network.\n"
    "\n"
    "Examples:\n"
    "  partnet rank --by betweenness --top 10\n"
    "  partnet rank --all --format csv > centrality.csv\n"
    "  partnet rank --country BY --as-of 2010 --by agreements\n"
    "  partnet --data world.csv rank --by betweenness --sample 500 --seed 7\n"
    "\n" CLI_VIEW_HELP;

typedef struct {
    pn_measure_t by;
    long top;
    int all, by_country;
    igraph_integer_t sample;
    unsigned long seed;
    int seed_given;
    pn_view_options_t view;
} rank_t;

enum { OPT_BY = OPT_COMMON_END, OPT_TOP, OPT_ALL, OPT_SAMPLE, OPT_SEED, OPT_BY_COUNTRY };

static int option(void *ctx, int opt, const char *arg)
{
    rank_t *r = ctx;
    long v;
    int view = cli_view_option(&r->view, opt, arg);
    if (view != 0)
        return view < 0 ? -1 : 0;
    switch (opt) {
    case OPT_BY:
        return cli_measure("rank", "--by", arg, &r->by);
    case OPT_TOP:
        return cli_parse_long("rank", "--top", arg, 0, CLI_COUNT_MAX, &r->top);
    case OPT_ALL:
        r->all = 1;
        return 0;
    case OPT_BY_COUNTRY:
        r->by_country = 1;
        return 0;
    case OPT_SAMPLE:
        if (cli_parse_long("rank", "--sample", arg, 1, CLI_COUNT_MAX, &v) != 0)
            return -1;
        r->sample = v;
        return 0;
    case OPT_SEED:
        if (cli_parse_long("rank", "--seed", arg, 0, CLI_SEED_MAX, &v) != 0)
            return -1;
        r->seed = (unsigned long)v;
        r->seed_given = 1;
        return 0;
    default:
        return -1;
    }
}

/* Vertices to list, in rank order: all, or those of the chosen country. */
static igraph_integer_t ranked(igraph_integer_t **out, const pn_graph_t *g,
                               const pn_dataset_t *ds, const double *value, const char *country)
{
    igraph_integer_t n = pn_graph_vertex_count(g), count = 0;
    igraph_integer_t *list = xmalloc((size_t)n * sizeof *list);
    for (igraph_integer_t v = 0; v < n; v++) {
        if (country && strcmp(pn_dataset_country_code(ds, pn_graph_vertex_country(g, v)),
                              country) != 0)
            continue;
        list[count++] = v;
    }
    result_sort(list, (size_t)count, g, value);
    *out = list;
    return count;
}

int cmd_rank(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {
        {"by", required_argument, NULL, OPT_BY},
        {"top", required_argument, NULL, OPT_TOP},
        {"all", no_argument, NULL, OPT_ALL},
        {"sample", required_argument, NULL, OPT_SAMPLE},
        {"seed", required_argument, NULL, OPT_SEED},
        {"by-country", no_argument, NULL, OPT_BY_COUNTRY},
        CLI_VIEW_OPTIONS,
        {NULL, 0, NULL, 0}};
    rank_t r = {PN_MEASURE_DEGREE, -1, 0, 0, 0, 1, 0, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &r, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&r.view, "rank") != 0)
        return EXIT_USAGE;
    if (r.top < 0)
        r.top = cli->format == FORMAT_TABLE ? 20 : 0;
    r.view.by_country = r.by_country;

    pn_dataset_t *ds = NULL;
    pn_graph_t *g = NULL;
    igraph_vector_t values[PN_MEASURE_COUNT];
    igraph_vector_t *outs[PN_MEASURE_COUNT] = {NULL};
    igraph_integer_t *list = NULL;
    table_t *t = NULL;
    int inited = 0;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    if ((rc = cli_graph(&g, ds, &r.view, "rank")) != EXIT_OK)
        goto done;
    unsigned measures = r.all ? (1u << PN_MEASURE_COUNT) - 1 : 1u << r.by;
    for (; inited < PN_MEASURE_COUNT; inited++) {
        igraph_vector_init(&values[inited], 0);
        outs[inited] = &values[inited];
    }
    pn_centrality_options_t copts = PN_CENTRALITY_OPTIONS_INIT;
    copts.sample = r.sample;
    copts.seed = r.seed;
    if (cli_stderr_is_terminal())
        copts.progress = cli_progress;
    if (measures & (1u << PN_MEASURE_BETWEENNESS))
        result_sample_note("rank", r.sample, pn_graph_vertex_count(g), r.seed, NULL);
    int status = pn_centrality_compute_many(outs, g, measures, &copts);
    if (status != 0) {
        rc = cli_failure("rank", status);
        goto done;
    }

    igraph_integer_t count = ranked(&list, g, ds, VECTOR(values[r.by]),
                                    r.by_country ? NULL : r.view.country);
    if (r.top > 0 && count > r.top)
        count = r.top;
    t = table_new("rank", NULL);
    result_vertex_columns(t, 1);
    if (r.all)
        for (int m = 0; m < PN_MEASURE_COUNT; m++)
            result_value_column(t, pn_measure_name((pn_measure_t)m), (pn_measure_t)m);
    else
        result_value_column(t, "value", r.by);
    for (igraph_integer_t i = 0; i < count; i++) {
        igraph_integer_t v = list[i];
        result_vertex_cells(t, (long)i + 1, g, v);
        if (r.all)
            for (int m = 0; m < PN_MEASURE_COUNT; m++)
                result_value_cell(t, (pn_measure_t)m, VECTOR(values[m])[v]);
        else
            result_value_cell(t, r.by, VECTOR(values[r.by])[v]);
    }
    rc = cli_print(cli, &t, 1);
done:
    table_free(t);
    free(list);
    for (int m = 0; m < inited; m++)
        igraph_vector_destroy(&values[m]);
    pn_graph_free(g);
    pn_dataset_free(ds);
    return rc;
}
