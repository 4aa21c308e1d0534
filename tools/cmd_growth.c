/*
 * partnet growth: the network year by year, from one sweep over the agreements sorted by date;
 * optionally each country's coverage, the top nodes per year, and a chart.
 */
#include "commands.h"
#include "results.h"

#include <partnet/chart.h>
#include <partnet/growth.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet growth [--from Y] [--to Y] [--step N] [--active] [OPTIONS]\n"
    "\n"
    "One row per year: new agreements that year, agreements, nodes, partner pairs, countries,\n"
    "components, the largest component (size and share), density, transitivity, mean degree\n"
    "and the share of cross-border agreements. Cumulative by default: the network of\n"
    "everything signed up to the end of each year (an agreement dated only by year counts in\n"
    "that year, one dated by month in its month). Undated agreements are in no year.\n"
    "\n"
    "  --from Y, --to Y   first and last year (default: those of the dated agreements)\n"
    "  --step N           a row every N years (new agreements: those since the previous\n"
    "                     row); the last row is the --to year even off the step\n"
    "  --active           count only agreements in force each year (respecting end dates)\n"
    "  --coverage         each country's covered first-level units per year: a column per\n"
    "                     country (its share of the registry's regions when the dataset gives\n"
    "                     their number, else the count); with --format csv a long table\n"
    "                     year,country,covered,regions,share instead\n"
    "  --rollup           coverage: districts' and cities' agreements cover their region\n"
    "  --with-centrality MEASURE\n"
    "                     the top nodes each year by a measure (see partnet rank --help),\n"
    "                     from a snapshot built for each year; with --format csv this table\n"
    "                     (year,rank,id,name,country,level,value) instead\n"
    "  --top K            with --with-centrality: K nodes per year (default 5)\n"
    "  --chart FILE       draw the main series (agreements, pairs, nodes, largest component;\n"
    "                     largest component share, transitivity, cross-border share) as PNG,\n"
    "                     SVG or PDF, by the file's extension\n"
    "\n"
    "Examples:\n"
    "  partnet growth\n"
    "  partnet growth --active --coverage --rollup\n"
    "  partnet growth --with-centrality betweenness --top 3 --from 2010\n"
    "  partnet growth --chart growth.png\n"
    "  partnet --data big/ growth --step 5 --format csv\n"
    "  partnet growth --largest-component --kind twinning\n"
    "\n"
    "Every year is a snapshot, so --as-of has no meaning here (use --from and --to). The\n"
    "structural views are taken on the whole history; the years follow what they keep.\n"
    "\n" CLI_VIEW_HELP;

enum {
    OPT_FROM = OPT_COMMON_END, OPT_TO, OPT_STEP, OPT_COVERAGE, OPT_ROLLUP, OPT_CENTRALITY,
    OPT_TOP, OPT_CHART
};

typedef struct {
    pn_growth_options_t growth; /* its view's as_of is refused */
    int centrality;
    pn_measure_t measure;
    long top;
    const char *chart;
} growth_args_t;

static int option(void *ctx, int opt, const char *arg)
{
    growth_args_t *g = ctx;
    long v;
    int handled = cli_view_option(&g->growth.view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    switch (opt) {
    case OPT_FROM:
        return cli_parse_year("growth", "--from", arg, &g->growth.from);
    case OPT_TO:
        return cli_parse_year("growth", "--to", arg, &g->growth.to);
    case OPT_STEP:
        if (cli_parse_long("growth", "--step", arg, 1, PN_DATE_MAX_YEAR - PN_DATE_MIN_YEAR,
                           &v) != 0)
            return -1;
        g->growth.step = (int)v;
        return 0;
    case OPT_COVERAGE:
        g->growth.coverage = 1;
        return 0;
    case OPT_ROLLUP:
        g->growth.rollup = 1;
        return 0;
    case OPT_CENTRALITY:
        if (cli_measure("growth", "--with-centrality", arg, &g->measure) != 0)
            return -1;
        g->centrality = 1;
        return 0;
    case OPT_TOP:
        return cli_parse_long("growth", "--top", arg, 1, CLI_COUNT_MAX, &g->top);
    case OPT_CHART:
        g->chart = arg;
        return 0;
    default:
        return -1;
    }
}

/* The top nodes of each year, from a snapshot per year. */
static int hubs_table(table_t **out, const pn_growth_t *g, const pn_dataset_t *ds,
                      const growth_args_t *args)
{
    table_t *t = table_new("hubs", NULL);
    table_column(t, "year", COL_INT, -1);
    result_vertex_columns(t, 1);
    result_value_column(t, "value", args->measure);
    igraph_vector_t values;
    igraph_vector_init(&values, 0);
    pn_view_t *history = NULL;
    int status = pn_view_new(&history, ds, &args->growth.view);
    for (size_t k = 0; k < g->year_count && status == 0; k++) {
        pn_view_options_t options =
            cli_snapshot_options(&args->growth.view, history, g->years[k].year * 10000);
        pn_view_t *view = NULL;
        pn_graph_t *snap = NULL;
        if ((status = pn_view_new(&view, ds, &options)) != 0 ||
            (status = pn_graph_new(&snap, view)) != 0 ||
            (status = pn_centrality_compute(&values, snap, args->measure, NULL)) != 0) {
            pn_graph_free(snap);
            pn_view_free(view);
            break;
        }
        pn_view_free(view);
        igraph_integer_t n = pn_graph_vertex_count(snap);
        igraph_integer_t *list = result_ranked(snap, VECTOR(values));
        for (igraph_integer_t i = 0; i < n && i < args->top; i++) {
            table_int(t, g->years[k].year);
            result_vertex_cells(t, (long)i + 1, snap, list[i]);
            result_value_cell(t, args->measure, VECTOR(values)[list[i]]);
        }
        free(list);
        pn_graph_free(snap);
    }
    pn_view_free(history);
    igraph_vector_destroy(&values);
    if (status)
        table_free(t);
    else
        *out = t;
    return status;
}

int cmd_growth(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"step", required_argument, NULL, OPT_STEP},
        {"coverage", no_argument, NULL, OPT_COVERAGE},
        {"rollup", no_argument, NULL, OPT_ROLLUP},
        {"with-centrality", required_argument, NULL, OPT_CENTRALITY},
        {"top", required_argument, NULL, OPT_TOP},
        {"chart", required_argument, NULL, OPT_CHART},
        CLI_VIEW_OPTIONS,
        {NULL, 0, NULL, 0}};
    growth_args_t args = {PN_GROWTH_OPTIONS_INIT, 0, PN_MEASURE_DEGREE, 5, NULL};
    int rc = cli_parse(cli, argc, argv, own, option, &args, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (args.growth.view.as_of != PN_DATE_NONE) {
        cli_error("growth", "--as-of has no meaning here: every year is a snapshot; use --from "
                            "and --to");
        return EXIT_USAGE;
    }
    if (args.growth.from && args.growth.to && args.growth.from > args.growth.to) {
        cli_error("growth", "--from %d comes after --to %d", args.growth.from, args.growth.to);
        return EXIT_USAGE;
    }
    pn_dataset_t *ds = NULL;
    pn_growth_t *g = NULL;
    table_t *tables[2] = {NULL, NULL};
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    int status = pn_growth_new(&g, ds, &args.growth);
    if (status != 0) {
        rc = cli_failure("growth", status);
        goto done;
    }
    if (g->undated && !cli->quiet)
        cli_error("growth", "%zu undated agreement%s in no year", g->undated,
                  g->undated == 1 ? " is" : "s are");
    if (args.chart && (status = pn_chart_write(g, args.chart, NULL)) != 0) {
        rc = cli_failure("growth", status);
        goto done;
    }
    size_t count = 0;
    if (cli->format == FORMAT_CSV && args.centrality) {
        status = hubs_table(&tables[count++], g, ds, &args);
    } else if (cli->format == FORMAT_CSV && args.growth.coverage) {
        tables[count++] = result_growth_coverage_table(g, ds);
    } else {
        tables[count++] = result_growth_table(g, ds, args.growth.coverage, NULL);
        if (args.centrality)
            status = hubs_table(&tables[count++], g, ds, &args);
    }
    rc = status == 0 ? cli_print(cli, tables, count) : cli_failure("growth", status);
done:
    table_free(tables[0]);
    table_free(tables[1]);
    pn_growth_free(g);
    pn_dataset_free(ds);
    return rc;
}
