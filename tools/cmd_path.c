/*
 * partnet path: how one node reaches another through partners of partners: a shortest path,
 * the agreement behind each step, the number of shortest paths and the distance.
 */
#include "commands.h"
#include "records.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet path A B [--all] [OPTIONS]\n"
    "\n"
    "A shortest path from node A to node B (ids, names or aliases) in the view's network,\n"
    "one step per pair of partners, with the agreement behind each step (the earliest;\n"
    "every one with --all); the distance in steps and the number of shortest paths (as\n"
    "NetworkX counts them). Of several shortest paths, the one shown takes at each step the\n"
    "partner with the smallest id. When A and B are not connected, it says so.\n"
    "\n"
    "  --all              every agreement behind each step, oldest first\n"
    "\n"
    "Output: the tables 'path' (from, to, connected, distance, paths) and 'steps' (n, step,\n"
    "from, to, then the agreement: date, kind, document, line, quote, ...). JSON: one object\n"
    "{from, to, connected, distance, paths, path: [nodes], steps: [{from, to, agreements}],\n"
    "reason}; distance is null and reason says why when there is no path.\n"
    "\n"
    "Examples:\n"
    "  partnet path tj-dushanbe ru-leningrad-oblast\n"
    "  partnet path Mogilev Kapan --all --format json\n"
    "  partnet path by-brest-oblast ru-leningrad-oblast --as-of 2010\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_ALL = OPT_COMMON_END };

typedef struct {
    pn_view_options_t view;
    int all;
} path_args_t;

static int option(void *ctx, int opt, const char *arg)
{
    path_args_t *p = ctx;
    int handled = cli_view_option(&p->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt == OPT_ALL) {
        p->all = 1;
        return 0;
    }
    return -1;
}

/* The agreements of a step in the order they are listed (oldest first); *count of them, or
 * 1 without --all. @return malloc'ed */
static size_t *step_agreements(const pn_graph_t *g, igraph_integer_t edge, int all, size_t *count)
{
    const uint32_t *behind;
    size_t n = pn_graph_edge_agreements(&behind, g, edge);
    size_t *list = xmalloc(n * sizeof *list);
    for (size_t i = 0; i < n; i++)
        list[i] = behind[i];
    record_sort_by_date(list, n, pn_graph_dataset(g));
    *count = all ? n : n > 0;
    return list;
}

typedef struct {
    const pn_dataset_t *ds;
    const pn_graph_t *g;
    const pn_path_t *path; /* NULL when an end is not in the view */
    uint32_t from, to;
    const char *reason;    /* why there is no path, or NULL */
    int all;
} answer_t;

/* The dataset node of the path's i-th vertex. */
static uint32_t node_at(const answer_t *a, size_t i)
{
    return pn_graph_vertex_node(a->g, a->path->vertices[i]);
}

static int print_json(const answer_t *a)
{
    cJSON *o = cJSON_CreateObject();
    int connected = a->path && a->path->distance >= 0;
    cJSON_AddItemToObject(o, "from", record_node_json(a->ds, a->from));
    cJSON_AddItemToObject(o, "to", record_node_json(a->ds, a->to));
    cJSON_AddItemToObject(o, "connected", cJSON_CreateBool(connected));
    cJSON_AddItemToObject(o, "distance", connected ? cJSON_CreateNumber((double)a->path->distance)
                                                   : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "paths", cJSON_CreateNumber(connected ? a->path->count : 0));
    cJSON *nodes = cJSON_CreateArray(), *steps = cJSON_CreateArray();
    for (size_t i = 0; connected && i < a->path->length; i++)
        cJSON_AddItemToArray(nodes, record_node_json(a->ds, node_at(a, i)));
    for (size_t i = 0; connected && i + 1 < a->path->length; i++) {
        size_t count = 0;
        size_t *list = step_agreements(a->g, a->path->edges[i], a->all, &count);
        cJSON *step = cJSON_CreateObject(), *agreements = cJSON_CreateArray();
        cJSON_AddItemToObject(step, "from", record_node_json(a->ds, node_at(a, i)));
        cJSON_AddItemToObject(step, "to", record_node_json(a->ds, node_at(a, i + 1)));
        for (size_t k = 0; k < count; k++)
            cJSON_AddItemToArray(agreements, record_agreement_json(a->ds, list[k]));
        cJSON_AddItemToObject(step, "agreements", agreements);
        cJSON_AddItemToArray(steps, step);
        free(list);
    }
    cJSON_AddItemToObject(o, "path", nodes);
    cJSON_AddItemToObject(o, "steps", steps);
    cJSON_AddItemToObject(o, "reason", a->reason ? cJSON_CreateString(a->reason) : cJSON_CreateNull());
    int rc = record_print_json(o);
    cJSON_Delete(o);
    return rc;
}

static int print_tables(const cli_t *cli, const answer_t *a)
{
    int connected = a->path && a->path->distance >= 0;
    table_t *summary = table_new("path", NULL), *steps = table_new("steps", NULL);
    table_column(summary, "key", COL_TEXT, -1);
    table_column(summary, "value", COL_TEXT, -1);
    char buf[64];
    table_text(summary, "from");
    table_text(summary, pn_dataset_node(a->ds, a->from)->id);
    table_text(summary, "to");
    table_text(summary, pn_dataset_node(a->ds, a->to)->id);
    table_text(summary, "connected");
    table_text(summary, connected ? "yes" : "no");
    table_text(summary, "distance");
    snprintf(buf, sizeof buf, "%ld", connected ? (long)a->path->distance : 0L);
    table_text(summary, connected ? buf : NULL);
    table_text(summary, "paths");
    snprintf(buf, sizeof buf, "%.0f", connected ? a->path->count : 0.0);
    table_text(summary, buf);
    if (a->reason) {
        table_text(summary, "reason");
        table_text(summary, a->reason);
    }
    table_column(steps, "n", COL_INT, -1);
    table_column(steps, "step", COL_INT, -1);
    record_party_columns(steps, cli->format, "from");
    record_party_columns(steps, cli->format, "to");
    record_agreement_columns(steps, cli->format, RECORD_NO_PARTIES);
    long row = 0;
    for (size_t i = 0; connected && i + 1 < a->path->length; i++) {
        size_t count = 0;
        size_t *list = step_agreements(a->g, a->path->edges[i], a->all, &count);
        for (size_t k = 0; k < count; k++) {
            table_int(steps, ++row);
            table_int(steps, (long long)i + 1);
            record_party_cells(steps, cli->format, a->ds, node_at(a, i));
            record_party_cells(steps, cli->format, a->ds, node_at(a, i + 1));
            record_agreement_cells(steps, cli->format, a->ds, list[k], PN_NONE, RECORD_NO_PARTIES);
        }
        free(list);
    }
    table_t *tables[] = {summary, steps};
    int rc = cli_print(cli, tables, connected && a->path->length > 1 ? 2 : 1);
    table_free(summary);
    table_free(steps);
    return rc;
}

int cmd_path(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"all", no_argument, NULL, OPT_ALL}, CLI_VIEW_OPTIONS,
                                        {NULL, 0, NULL, 0}};
    path_args_t args = {PN_VIEW_OPTIONS_INIT, 0};
    int rc = cli_parse_operands(cli, argc, argv, own, option, &args, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (argc - optind != 2) {
        cli_error("path", "expected two nodes, A and B, not %d operands", argc - optind);
        return cli_usage_error("path");
    }
    if (cli_view_check(&args.view, "path") != 0)
        return EXIT_USAGE;
    const char *name_a = argv[optind], *name_b = argv[optind + 1];
    pn_dataset_t *ds = NULL;
    pn_search_t *search = NULL;
    pn_view_t *view = NULL;
    pn_graph_t *g = NULL;
    pn_path_t *path = NULL;
    answer_t answer = {NULL, NULL, NULL, PN_NONE, PN_NONE, NULL, args.all};
    char reason[512];
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    answer.ds = ds;
    int status = pn_search_new(&search, ds);
    if (status != 0) {
        rc = cli_failure("path", status);
        goto done;
    }
    if ((rc = record_resolve(&answer.from, search, name_a, "path")) != EXIT_OK ||
        (rc = record_resolve(&answer.to, search, name_b, "path")) != EXIT_OK ||
        (rc = cli_view(&view, ds, &args.view, "path")) != EXIT_OK)
        goto done;
    if ((status = pn_graph_new(&g, view)) != 0) {
        rc = cli_failure("path", status);
        goto done;
    }
    answer.g = g;
    igraph_integer_t va = pn_graph_node_vertex(g, answer.from), vb = pn_graph_node_vertex(g, answer.to);
    if (va < 0 || vb < 0) {
        snprintf(reason, sizeof reason, "%s is not in the view: the view options leave it out",
                 pn_dataset_node(ds, va < 0 ? answer.from : answer.to)->id);
        pn_text_mend_utf8(reason);
        answer.reason = reason;
    } else if (pn_path_new(&path, g, va, vb) != 0) {
        cli_error("path", "%s", pn_error_last());
        rc = EXIT_FAILED;
        goto done;
    } else if (path->distance < 0) {
        snprintf(reason, sizeof reason, "%s and %s are not connected: no chain of partners "
                 "leads from one to the other", pn_dataset_node(ds, answer.from)->id,
                 pn_dataset_node(ds, answer.to)->id);
        pn_text_mend_utf8(reason);
        answer.reason = reason;
    }
    answer.path = path;
    rc = cli->format == FORMAT_JSON ? print_json(&answer) : print_tables(cli, &answer);
done:
    pn_path_free(path);
    pn_graph_free(g);
    pn_view_free(view);
    pn_search_free(search);
    pn_dataset_free(ds);
    return rc;
}
