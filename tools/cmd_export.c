/*
 * partnet export: the network of a view as GraphML, dynamic GEXF, CSV tables or Pajek, with
 * centrality and communities attached to the nodes when asked.
 */
#include "commands.h"
#include "xalloc.h"

#include <partnet/communities.h>
#include <partnet/export.h>
#include <partnet/load.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
    "Usage: partnet export [--graphml FILE] [--gexf FILE] [--nodes-csv FILE]\n"
    "                      [--edges-csv FILE] [--pajek FILE] [--json FILE]\n"
    "                      [--with-metrics LIST] [OPTIONS]\n"
    "\n"
    "Write the network of the view for Gephi, Cytoscape, yEd, NetworkX, igraph, pandas, R or\n"
    "Neo4j. Several formats may be written at once; FILE - is standard output (for one of\n"
    "them). Each file is written whole or not at all: a failed export leaves an existing\n"
    "file as it was.\n"
    "\n"
    "  --graphml FILE     GraphML: every node with its attributes (dataset_id, name, country,\n"
    "                     level, first_level, parent, lat, lon, aliases) and every agreement\n"
    "                     as an edge of its own (agreement_id, date, year, end, kind, domains,\n"
    "                     note, source_*), typed int, double, boolean or string\n"
    "  --gexf FILE        GEXF for Gephi's timeline: each agreement's edge from the first\n"
    "                     day of its date (2004 -> 2004-01-01) to the last day of its end,\n"
    "                     each node from its first agreement\n"
    "  --gexf-version V   1.2 (default; Gephi and NetworkX 2.8 read it) or 1.3\n"
    "  --simple           one edge per pair, as the metrics see it: weight, agreements\n"
    "  --nodes-csv FILE   the node table (id and the node attributes)\n"
    "  --edges-csv FILE   the edge table; with --nodes-csv, also the companion tables\n"
    "                     (countries, memberships, documents, reported, sources, dataset\n"
    "                     .csv) beside it: `--data DIR` reads back all the JSON holds\n"
    "  --pajek FILE       Pajek .net: one edge per pair, weighted by its agreements\n"
    "  --json FILE        the whole dataset as native JSON; no view option\n"
    "  --with-metrics L   node attributes to add, comma-separated: degree, agreements,\n"
    "                     betweenness, closeness, harmonic, eigenvector, pagerank, coreness\n"
    "                     (as `partnet rank` defines them), community (Louvain, numbered from\n"
    "                     1 by decreasing size), or all\n"
    "  --seed S           seed of the community detection (default 1; printed on stderr)\n"
    "  --by-country       the network contracted to countries: nodes with name, regions,\n"
    "                     domestic; edges with weight, agreements, first_date\n"
    "\n"
    "Examples:\n"
    "  partnet export --graphml cis.graphml --gexf cis.gexf\n"
    "  partnet export --as-of 2010 --with-metrics degree,pagerank,community \\\n"
    "                 --graphml 2010.graphml\n"
    "  partnet export --nodes-csv nodes.csv --edges-csv edges.csv\n"
    "  partnet export --by-country --gexf countries.gexf\n"
    "  partnet export --simple --with-metrics all --graphml weighted.graphml\n"
    "\n" CLI_VIEW_HELP;

enum { FILE_GRAPHML, FILE_GEXF, FILE_NODES, FILE_EDGES, FILE_PAJEK, FILE_JSON, FILE_COUNT };

enum { OPT_GRAPHML = OPT_COMMON_END, OPT_GEXF, OPT_NODES_CSV, OPT_EDGES_CSV, OPT_PAJEK, OPT_JSON,
       OPT_WITH_METRICS, OPT_SEED, OPT_BY_COUNTRY, OPT_SIMPLE, OPT_GEXF_VERSION };

/* A metric to attach: a measure, or PN_MEASURE_COUNT for the community. */
#define COMMUNITY PN_MEASURE_COUNT

typedef struct {
    const char *files[FILE_COUNT];
    int metrics[PN_MEASURE_COUNT + 1]; /* in the order asked */
    size_t metric_count;
    unsigned long seed;
    int simple;
    unsigned gexf_version;
    pn_view_options_t view;
} export_t;

static int add_metric(export_t *x, int metric)
{
    for (size_t i = 0; i < x->metric_count; i++)
        if (x->metrics[i] == metric) {
            cli_error("export", "--with-metrics: \"%s\" is listed twice",
                      metric == COMMUNITY ? "community" : pn_measure_name((pn_measure_t)metric));
            return -1;
        }
    x->metrics[x->metric_count++] = metric;
    return 0;
}

static int parse_metrics(export_t *x, const char *list)
{
    char name[32];
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        const char *names[PN_MEASURE_COUNT + 2];
        for (int k = 0; k < PN_MEASURE_COUNT; k++)
            names[k] = pn_measure_name((pn_measure_t)k);
        names[PN_MEASURE_COUNT] = "community";
        names[PN_MEASURE_COUNT + 1] = "all";
        int k = cli_choice("export", "--with-metrics", name, names, PN_MEASURE_COUNT + 2);
        if (k < 0)
            return -1;
        if (k == PN_MEASURE_COUNT + 1) {
            for (int all = 0; all <= COMMUNITY; all++)
                if (add_metric(x, all) != 0)
                    return -1;
        } else if (add_metric(x, k == PN_MEASURE_COUNT ? COMMUNITY : k) != 0) {
            return -1;
        }
        p += n + (p[n] == ',');
    }
    return 0;
}

static int option(void *ctx, int opt, const char *arg)
{
    export_t *x = ctx;
    long v;
    int view = cli_view_option(&x->view, opt, arg);
    if (view != 0)
        return view < 0 ? -1 : 0;
    switch (opt) {
    case OPT_GRAPHML:
    case OPT_GEXF:
    case OPT_NODES_CSV:
    case OPT_EDGES_CSV:
    case OPT_PAJEK:
    case OPT_JSON:
        x->files[opt - OPT_GRAPHML] = arg;
        return 0;
    case OPT_WITH_METRICS:
        return parse_metrics(x, arg);
    case OPT_SEED:
        if (cli_parse_long("export", "--seed", arg, 0, CLI_SEED_MAX, &v) != 0)
            return -1;
        x->seed = (unsigned long)v;
        return 0;
    case OPT_BY_COUNTRY:
        x->view.by_country = 1;
        return 0;
    case OPT_SIMPLE:
        x->simple = 1;
        return 0;
    case OPT_GEXF_VERSION:
        if (strcmp(arg, "1.2") == 0 || strcmp(arg, "1.2draft") == 0)
            x->gexf_version = PN_EXPORT_GEXF_1_2;
        else if (strcmp(arg, "1.3") == 0)
            x->gexf_version = PN_EXPORT_GEXF_1_3;
        else {
            cli_error("export", "--gexf-version: expected 1.2 or 1.3, not \"%s\"", arg);
            return -1;
        }
        return 0;
    default:
        return -1;
    }
}

/* Check the outputs: at least one, and standard output for one at most. */
static int check_files(const export_t *x)
{
    int any = 0, stdout_uses = 0;
    for (int f = 0; f < FILE_COUNT; f++) {
        any |= x->files[f] != NULL;
        stdout_uses += x->files[f] && strcmp(x->files[f], "-") == 0;
    }
    if (!any) {
        cli_error("export", "nothing to write: give --graphml, --gexf, --nodes-csv, "
                            "--edges-csv, --pajek or --json FILE");
        return -1;
    }
    pn_view_options_t whole = PN_VIEW_OPTIONS_INIT;
    const pn_view_options_t *v = &x->view;
    if (x->files[FILE_JSON] &&
        (v->as_of != whole.as_of || v->active || v->country || v->levels ||
         v->exclude_country_level || v->drop_isolated || v->by_country || v->kinds ||
         v->since != whole.since || v->min_agreements > 1 || v->k_core ||
         v->largest_component || v->ego || x->simple)) {
        cli_error("export", "--json writes the whole dataset: leave out the view options "
                            "(or write the view as tables, --nodes-csv and --edges-csv)");
        return -1;
    }
    if (stdout_uses > 1) {
        cli_error("export", "only one format can go to standard output (-)");
        return -1;
    }
    return 0;
}

/* The metrics asked for, as export columns: values[i] holds column i's values. */
static int compute_metrics(const export_t *x, const pn_graph_t *g, pn_export_column_t *columns,
                           igraph_vector_t *values)
{
    igraph_vector_t *outs[PN_MEASURE_COUNT] = {NULL};
    unsigned measures = 0;
    for (size_t i = 0; i < x->metric_count; i++) {
        if (x->metrics[i] == COMMUNITY)
            continue;
        measures |= 1u << x->metrics[i];
        outs[x->metrics[i]] = &values[i];
    }
    pn_centrality_options_t copts = PN_CENTRALITY_OPTIONS_INIT;
    if (cli_stderr_is_terminal())
        copts.progress = cli_progress;
    int status = measures ? pn_centrality_compute_many(outs, g, measures, &copts) : 0;
    if (status != 0)
        return status;
    for (size_t i = 0; i < x->metric_count; i++) {
        int metric = x->metrics[i];
        columns[i].name = metric == COMMUNITY ? "community" : pn_measure_name((pn_measure_t)metric);
        columns[i].integer = metric == COMMUNITY || pn_measure_is_integer((pn_measure_t)metric);
        if (metric == COMMUNITY) {
            igraph_vector_int_t membership;
            if (igraph_vector_int_init(&membership, 0) != IGRAPH_SUCCESS)
                out_of_memory();
            status = pn_communities_find(&membership, NULL, NULL, g, PN_COMMUNITY_LOUVAIN,
                                         x->seed);
            igraph_integer_t n = igraph_vector_int_size(&membership);
            if (status == 0 && igraph_vector_resize(&values[i], n) != IGRAPH_SUCCESS)
                out_of_memory();
            for (igraph_integer_t v = 0; status == 0 && v < n; v++)
                VECTOR(values[i])[v] = (double)VECTOR(membership)[v] + 1;
            igraph_vector_int_destroy(&membership);
            if (status != 0)
                return status;
            cli_error("export", "communities by louvain with seed %lu (the same seed gives the "
                                "same communities)", x->seed);
        }
        columns[i].values = VECTOR(values[i]);
    }
    return 0;
}

/* Without metrics, GraphML and GEXF are written from the view (@p g NULL), which spares
 * building the graph when the edges are agreements. */
static int write_files(const export_t *x, const pn_view_t *view, const pn_graph_t *g,
                       const pn_export_options_t *opts)
{
    for (int f = 0; f < FILE_COUNT; f++) {
        const char *path = x->files[f];
        int status = 0;
        if (!path)
            continue;
        switch (f) {
        case FILE_GRAPHML:
            status = g ? pn_export_graphml(g, path, opts) : pn_export_view_graphml(view, path, opts);
            break;
        case FILE_GEXF:
            status = g ? pn_export_gexf(g, path, opts) : pn_export_view_gexf(view, path, opts);
            break;
        case FILE_NODES:
            status = pn_export_nodes_csv(g, path, opts);
            break;
        case FILE_EDGES:
            status = pn_export_edges_csv(g, path, opts);
            break;
        case FILE_JSON:
            status = pn_export_dataset(pn_view_dataset(view), path);
            break;
        default:
            status = pn_export_pajek(g, path);
            break;
        }
        if (status != 0)
            return cli_failure("export", status);
    }
    return EXIT_OK;
}

/* With both tables: the companion tables beside the edge table, so that `--data DIR` reads
 * back all the dataset holds. */
static int write_companions(const export_t *x, const pn_graph_t *g,
                            const pn_export_options_t *opts)
{
    const char *edges = x->files[FILE_EDGES];
    if (!edges || !x->files[FILE_NODES] || strcmp(edges, "-") == 0 ||
        strcmp(x->files[FILE_NODES], "-") == 0)
        return EXIT_OK;
    const char *slash = strrchr(edges, '/');
    int folder = slash ? (int)(slash - edges + 1) : 0;
    char *path = xmalloc((size_t)folder + sizeof PN_TABLES_COUNTRIES);
    int status;
    if (x->view.by_country || x->simple) { /* pairs: no agreement for the companions */
        sprintf(path, "%.*s" PN_TABLES_COUNTRIES, folder, edges);
        status = pn_export_countries_csv(g, path, opts);
    } else {
        sprintf(path, "%.*s", folder, edges);
        status = pn_export_companions(g, path, opts);
    }
    free(path);
    return status != 0 ? cli_failure("export", status) : EXIT_OK;
}

int cmd_export(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {
        {"graphml", required_argument, NULL, OPT_GRAPHML},
        {"gexf", required_argument, NULL, OPT_GEXF},
        {"nodes-csv", required_argument, NULL, OPT_NODES_CSV},
        {"edges-csv", required_argument, NULL, OPT_EDGES_CSV},
        {"pajek", required_argument, NULL, OPT_PAJEK},
        {"json", required_argument, NULL, OPT_JSON},
        {"with-metrics", required_argument, NULL, OPT_WITH_METRICS},
        {"seed", required_argument, NULL, OPT_SEED},
        {"by-country", no_argument, NULL, OPT_BY_COUNTRY},
        {"simple", no_argument, NULL, OPT_SIMPLE},
        {"gexf-version", required_argument, NULL, OPT_GEXF_VERSION},
        CLI_VIEW_OPTIONS,
        {NULL, 0, NULL, 0}};
    export_t x = {{NULL}, {0}, 0, 1, 0, PN_EXPORT_GEXF_1_2, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &x, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (check_files(&x) != 0)
        return cli_usage_error("export");
    if (cli_view_check(&x.view, "export") != 0)
        return EXIT_USAGE;

    pn_dataset_t *ds = NULL;
    pn_view_t *view = NULL;
    pn_graph_t *g = NULL;
    igraph_vector_t values[PN_MEASURE_COUNT + 1];
    pn_export_column_t columns[PN_MEASURE_COUNT + 1];
    size_t inited = 0;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        goto done;
    if ((rc = cli_view(&view, ds, &x.view, "export")) != EXIT_OK)
        goto done;
    int needs_graph = x.metric_count > 0 || x.files[FILE_NODES] || x.files[FILE_EDGES] ||
                      x.files[FILE_PAJEK];
    int status = needs_graph ? pn_graph_new(&g, view) : 0;
    if (status != 0) {
        rc = cli_failure("export", status);
        goto done;
    }
    for (; inited < x.metric_count; inited++)
        if (igraph_vector_init(&values[inited], 0) != IGRAPH_SUCCESS)
            out_of_memory();
    status = x.metric_count ? compute_metrics(&x, g, columns, values) : 0;
    if (status != 0) {
        rc = cli_failure("export", status);
        goto done;
    }
    pn_export_options_t opts = PN_EXPORT_OPTIONS_INIT;
    opts.columns = columns;
    opts.column_count = x.metric_count;
    opts.spreadsheet_safe = cli->spreadsheet_safe;
    opts.simple = x.simple;
    opts.gexf_version = x.gexf_version;
    rc = write_files(&x, view, g, &opts);
    if (rc == EXIT_OK)
        rc = write_companions(&x, g, &opts);
done:
    for (size_t i = 0; i < inited; i++)
        igraph_vector_destroy(&values[i]);
    pn_graph_free(g);
    pn_view_free(view);
    pn_dataset_free(ds);
    return rc;
}
