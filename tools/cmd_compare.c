/*
 * partnet compare Y1 Y2: two snapshots side by side: every growth figure and its change, the
 * nodes and country pairs that appeared, the biggest risers and fallers in rank, and the
 * countries whose coverage changed most.
 */
#include "commands.h"
#include "figures.h"
#include "results.h"
#include "xalloc.h"

#include <math.h>
#include <partnet/coverage.h>
#include <partnet/growth.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet compare Y1 Y2 [--active] [--top N] [OPTIONS]\n"
    "\n"
    "The network at the end of year Y1 beside the network at the end of year Y2:\n"
    "  figures       every partnet growth figure for both years and the change\n"
    "  new_nodes     nodes with an agreement by Y2 but none by Y1\n"
    "  new_pairs     country pairs tied by Y2 but not by Y1 (agreements, partner pairs)\n"
    "  rank_changes  the biggest risers and fallers in rank by degree and by betweenness,\n"
    "                among the nodes present in both years, with their values: competition\n"
    "                ranks (\"1224\": 1 + the nodes with a larger value, so tied nodes share\n"
    "                a rank and a node whose value did not change moves only as others pass)\n"
    "  coverage      countries whose coverage (covered first-level units, with districts and\n"
    "                cities rolled up) changed most\n"
    "\n"
    "  --active           count only agreements in force in each year\n"
    "  --top N            rows of each list (default 10; 0: all)\n"
    "  --sample K         estimate betweenness from K random sources (large networks)\n"
    "\n"
    "Examples:\n"
    "  partnet compare 2010 2020\n"
    "  partnet compare 2008 2018 --active --format json\n"
    "\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_TOP = OPT_COMMON_END, OPT_SAMPLE };

typedef struct {
    pn_view_options_t view;
    long top, sample;
    const pn_view_t *history; /* the view over all years, which the snapshots lie within */
} compare_t;

static int option(void *ctx, int opt, const char *arg)
{
    compare_t *c = ctx;
    int handled = cli_view_option(&c->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt == OPT_TOP)
        return cli_parse_long("compare", "--top", arg, 0, CLI_COUNT_MAX, &c->top);
    if (opt == OPT_SAMPLE)
        return cli_parse_long("compare", "--sample", arg, 1, CLI_COUNT_MAX, &c->sample);
    return -1;
}

static void figure(table_t *t, const char *name, double a, double b)
{
    int digits = figure_digits(name);
    table_text(t, name);
    table_real_digits(t, a, digits);
    table_real_digits(t, b, digits);
    table_real_digits(t, b - a, digits);
}

static table_t *figures(const pn_growth_year_t *a, const pn_growth_year_t *b)
{
    char y1[16], y2[16];
    snprintf(y1, sizeof y1, "%d", a->year);
    snprintf(y2, sizeof y2, "%d", b->year);
    table_t *t = table_new("figures", NULL);
    table_column(t, "metric", COL_TEXT, -1);
    table_column(t, y1, COL_REAL, -5);
    table_column(t, y2, COL_REAL, -5);
    table_column(t, "change", COL_REAL, -5);
    figure(t, "agreements", (double)a->agreements, (double)b->agreements);
    figure(t, "nodes_with_agreements", (double)a->nodes, (double)b->nodes);
    figure(t, "pairs", (double)a->pairs, (double)b->pairs);
    figure(t, "countries_with_agreements", (double)a->countries, (double)b->countries);
    figure(t, "components", (double)a->components, (double)b->components);
    figure(t, "largest", (double)a->largest, (double)b->largest);
    figure(t, "largest_share", a->largest_share, b->largest_share);
    figure(t, "density", a->density, b->density);
    figure(t, "transitivity", a->transitivity, b->transitivity);
    figure(t, "mean_degree", a->mean_degree, b->mean_degree);
    figure(t, "cross_border_share", a->cross_border_share, b->cross_border_share);
    return t;
}

/* The view as of the end of a year. */
static int snapshot(pn_view_t **out, const pn_dataset_t *ds, const compare_t *c, int year)
{
    pn_view_options_t options = cli_snapshot_options(&c->view, c->history, year * 10000);
    return pn_view_new(out, ds, &options);
}

/* The graph of the view as of the end of a year. */
static int snapshot_graph(pn_graph_t **out, const pn_dataset_t *ds, const compare_t *c, int year)
{
    pn_view_t *view = NULL;
    int status = snapshot(&view, ds, c, year);
    if (status == 0)
        status = pn_graph_new(out, view);
    pn_view_free(view);
    return status;
}

static table_t *new_nodes(const pn_graph_t *before,
                          const pn_graph_t *after, long top, size_t *count)
{
    table_t *t = table_new("new_nodes", NULL);
    result_vertex_columns(t, 0);
    *count = 0;
    for (igraph_integer_t v = 0; v < pn_graph_vertex_count(after); v++) {
        if (pn_graph_node_vertex(before, pn_graph_vertex_node(after, v)) >= 0)
            continue;
        if (top == 0 || (long)*count < top)
            result_vertex_cells(t, 0, after, v);
        (*count)++;
    }
    return t;
}

/* The country pairs tied by the end of y2 but not by the end of y1. */
static int new_pairs(table_t **out, const pn_dataset_t *ds, const compare_t *c, int y1, int y2,
                     long top)
{
    pn_view_t *v1 = NULL, *v2 = NULL;
    pn_country_matrix_t *a = NULL, *b = NULL;
    int status;
    if ((status = snapshot(&v1, ds, c, y1)) == 0 && (status = snapshot(&v2, ds, c, y2)) == 0 &&
        (status = pn_country_matrix_new(&a, v1)) == 0 &&
        (status = pn_country_matrix_new(&b, v2)) == 0)
        *out = result_matrix_table("new_pairs", b, ds, a, top);
    pn_country_matrix_free(a);
    pn_country_matrix_free(b);
    pn_view_free(v1);
    pn_view_free(v2);
    return status;
}

/* The value and the competition rank (1 = highest, ties share the best) of every vertex by a
 * measure: @p values initialised by the caller. */
static int ranks(long **out, igraph_vector_t *values, const pn_graph_t *g, pn_measure_t m,
                 long sample)
{
    pn_centrality_options_t opts = PN_CENTRALITY_OPTIONS_INIT;
    opts.sample = sample;
    opts.seed = 1;
    int status = pn_centrality_compute(values, g, m, &opts);
    if (status == 0)
        *out = result_competition_ranks(g, VECTOR(*values));
    return status;
}

typedef struct {
    uint32_t node;
    const char *id;
    long before, after;
    double value_before, value_after;
} move_t;

static int by_rise(const void *a, const void *b)
{
    const move_t *x = a, *y = b;
    long dx = x->before - x->after, dy = y->before - y->after;
    if (dx != dy)
        return dx > dy ? -1 : 1;
    if (x->after != y->after)
        return (x->after > y->after) - (x->after < y->after);
    return strcmp(x->id, y->id);
}

static int by_fall(const void *a, const void *b)
{
    const move_t *x = a, *y = b;
    long dx = x->before - x->after, dy = y->before - y->after;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    if (x->after != y->after)
        return (x->after > y->after) - (x->after < y->after);
    return strcmp(x->id, y->id);
}

static int rank_changes(table_t *t, const pn_dataset_t *ds, const pn_graph_t *before,
                        const pn_graph_t *after, pn_measure_t m, long top, long sample)
{
    long *r1 = NULL, *r2 = NULL;
    igraph_vector_t v1, v2;
    if (igraph_vector_init(&v1, 0) != IGRAPH_SUCCESS ||
        igraph_vector_init(&v2, 0) != IGRAPH_SUCCESS)
        out_of_memory();
    int status = ranks(&r1, &v1, before, m, sample);
    if (status == 0)
        status = ranks(&r2, &v2, after, m, sample);
    if (status) {
        free(r1);
        igraph_vector_destroy(&v1);
        igraph_vector_destroy(&v2);
        return status;
    }
    igraph_integer_t n = pn_graph_vertex_count(after);
    move_t *moves = xmalloc((size_t)n * sizeof *moves);
    size_t count = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        uint32_t node = pn_graph_vertex_node(after, v);
        igraph_integer_t u = pn_graph_node_vertex(before, node);
        if (u >= 0)
            moves[count++] = (move_t){node, pn_dataset_node(ds, node)->id, r1[u], r2[v],
                                      VECTOR(v1)[u], VECTOR(v2)[v]};
    }
    size_t shown = top == 0 || (size_t)top > count ? count : (size_t)top;
    for (int side = 0; side < 2; side++) {
        /* risers first, then fallers, each from the biggest move: the sign keeps them apart */
        qsort(moves, count, sizeof *moves, side == 0 ? by_rise : by_fall);
        for (size_t i = 0; i < shown; i++) {
            const move_t *mv = &moves[i];
            long change = mv->before - mv->after;
            if ((side == 0 && change <= 0) || (side == 1 && change >= 0))
                break;
            const pn_node_t *node = pn_dataset_node(ds, mv->node);
            table_text(t, pn_measure_name(m));
            table_text(t, node->id);
            table_text(t, node->name);
            table_text(t, pn_dataset_country_code(ds, node->country));
            result_value_cell(t, m, mv->value_before);
            result_value_cell(t, m, mv->value_after);
            table_int(t, mv->before);
            table_int(t, mv->after);
            table_int(t, change);
        }
    }
    free(r1);
    free(r2);
    igraph_vector_destroy(&v1);
    igraph_vector_destroy(&v2);
    free(moves);
    return 0;
}

typedef struct {
    uint32_t country;
    size_t before, after;
    double change;
} coverage_move_t;

static int by_coverage_change(const void *a, const void *b)
{
    const coverage_move_t *x = a, *y = b;
    if (fabs(x->change) != fabs(y->change))
        return fabs(x->change) > fabs(y->change) ? -1 : 1;
    return (x->country > y->country) - (x->country < y->country);
}

static table_t *coverage_changes(const pn_dataset_t *ds, const pn_growth_t *g, long top)
{
    table_t *t = table_new("coverage", NULL);
    static const column_spec_t columns[] = {
        {"country", COL_TEXT, -1},
        {"regions", COL_INT, -1},
        {"covered_before", COL_INT, -1},
        {"covered_after", COL_INT, -1}};
    TABLE_COLUMNS(t, columns);
    table_column(t, "share_change", COL_REAL, figure_digits("share_change"));
    size_t C = g->country_count;
    coverage_move_t *moves = xmalloc(C * sizeof *moves);
    size_t count = 0;
    for (size_t c = 0; c < C; c++) {
        size_t before = g->covered[c], after = g->covered[C + c];
        int regions = pn_dataset_country(ds, c)->regions;
        if (before == after)
            continue;
        double change = regions > 0 ? (double)(after - before) / regions : (double)(after - before);
        moves[count++] = (coverage_move_t){(uint32_t)c, before, after, change};
    }
    qsort(moves, count, sizeof *moves, by_coverage_change);
    for (size_t i = 0; i < count && (top == 0 || (long)i < top); i++) {
        const pn_country_t *country = pn_dataset_country(ds, moves[i].country);
        table_text(t, pn_dataset_country_code(ds, moves[i].country));
        if (country->regions >= 0)
            table_int(t, country->regions);
        else
            table_null(t);
        table_int(t, (long long)moves[i].before);
        table_int(t, (long long)moves[i].after);
        if (country->regions > 0)
            table_real(t, moves[i].change);
        else
            table_null(t);
    }
    free(moves);
    return t;
}

int cmd_compare(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"top", required_argument, NULL, OPT_TOP},
                                        {"sample", required_argument, NULL, OPT_SAMPLE},
                                        CLI_VIEW_OPTIONS, {NULL, 0, NULL, 0}};
    compare_t c = {PN_VIEW_OPTIONS_INIT, 10, 0, NULL};
    int rc = cli_parse_operands(cli, argc, argv, own, option, &c, help);
    if (rc != CLI_CONTINUE)
        return rc;
    int y1, y2;
    if (argc - optind != 2) {
        cli_error("compare", "expected two years, e.g. partnet compare 2010 2020");
        return cli_usage_error("compare");
    }
    if (cli_parse_year("compare", "year", argv[optind], &y1) != 0 ||
        cli_parse_year("compare", "year", argv[optind + 1], &y2) != 0)
        return EXIT_USAGE;
    if (y1 >= y2) {
        cli_error("compare", "the first year (%d) must come before the second (%d)", y1, y2);
        return EXIT_USAGE;
    }
    if (c.view.as_of != PN_DATE_NONE) {
        cli_error("compare", "--as-of has no meaning here: the two years are the snapshots");
        return EXIT_USAGE;
    }

    pn_dataset_t *ds = NULL;
    pn_view_t *history = NULL;
    pn_growth_t *g = NULL;
    pn_graph_t *before = NULL, *after = NULL;
    table_t *tables[5] = {NULL};
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    if ((rc = cli_view(&history, ds, &c.view, "compare")) != EXIT_OK)
        goto done;
    size_t dated = 0;
    const pn_date_t *dates = pn_dataset_dates(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++)
        dated += pn_view_has_agreement(history, i) && dates[i] != PN_DATE_NONE;
    if (dated == 0) {
        cli_error("compare", "%zu agreement%s and none has a date: there are no years to "
                  "compare", pn_view_agreement_count(history),
                  pn_view_agreement_count(history) == 1 ? "" : "s");
        rc = EXIT_USAGE;
        goto done;
    }
    c.history = history;
    pn_growth_options_t go = PN_GROWTH_OPTIONS_INIT;
    go.view = c.view;
    go.from = y1;
    go.to = y2;
    go.step = y2 - y1;
    go.coverage = 1;
    go.rollup = 1;
    int status;
    if ((status = pn_growth_new(&g, ds, &go)) != 0 ||
        (status = snapshot_graph(&before, ds, &c, y1)) != 0 ||
        (status = snapshot_graph(&after, ds, &c, y2)) != 0) {
        rc = cli_failure("compare", status);
        goto done;
    }
    size_t appeared;
    tables[0] = figures(&g->years[0], &g->years[1]);
    tables[1] = new_nodes(before, after, c.top, &appeared);
    if ((status = new_pairs(&tables[2], ds, &c, y1, y2, c.top)) != 0) {
        rc = cli_failure("compare", status);
        goto done;
    }
    tables[3] = table_new("rank_changes", NULL);
    static const column_spec_t who[] = {
        {"measure", COL_TEXT, -1}, {"id", COL_TEXT, -1}, {"name", COL_TEXT, -1},
        {"country", COL_TEXT, -1}};
    TABLE_COLUMNS(tables[3], who);
    char c1[32], c2[32];
    snprintf(c1, sizeof c1, "value_%d", y1);
    snprintf(c2, sizeof c2, "value_%d", y2);
    /* a column of both measures' values: whole numbers print as such in a real column */
    table_column(tables[3], c1, COL_REAL, -6);
    table_column(tables[3], c2, COL_REAL, -6);
    snprintf(c1, sizeof c1, "rank_%d", y1);
    snprintf(c2, sizeof c2, "rank_%d", y2);
    table_column(tables[3], c1, COL_INT, -1);
    table_column(tables[3], c2, COL_INT, -1);
    table_column(tables[3], "change", COL_INT, -1);
    if ((status = rank_changes(tables[3], ds, before, after, PN_MEASURE_DEGREE, c.top,
                               c.sample)) != 0 ||
        (status = rank_changes(tables[3], ds, before, after, PN_MEASURE_BETWEENNESS, c.top,
                               c.sample)) != 0) {
        rc = cli_failure("compare", status);
        goto done;
    }
    tables[4] = coverage_changes(ds, g, c.top);
    if (cli->format == FORMAT_TABLE && c.top > 0 && appeared > (size_t)c.top)
        cli_error("compare", "%zu nodes appeared; the first %ld are listed (--top)", appeared,
                  c.top);
    rc = cli_print(cli, tables, 5);
done:
    for (int i = 0; i < 5; i++)
        table_free(tables[i]);
    pn_graph_free(before);
    pn_graph_free(after);
    pn_growth_free(g);
    pn_view_free(history);
    pn_dataset_free(ds);
    return rc;
}
