/*
 * partnet clusters: communities of the partnership network, their size and country mix, and
 * how stable they are across seeds.
 */
#include "commands.h"
#include "figures.h"
#include "results.h"

#include <partnet/communities.h>
#include <stdio.h>

static const char help[] =
    "Usage: partnet clusters [--method M] [--seed S] [--stability R] [OPTIONS]\n"
    "\n"
    "Find communities: groups of regions and cities more tied to each other than to the rest.\n"
    "Methods run on the simple graph weighted by the number of agreements of each pair.\n"
    "\n"
    "  --method M         louvain (default), leiden (modularity objective),\n"
    "                     label_propagation, walktrap, infomap, fast_greedy\n"
    "  --seed S           seed of the random methods (default 1); printed on stderr, and the\n"
    "                     same seed gives the same communities\n"
    "  --stability R      run R seeds (S, S+1, ...; R from 2 to 1000) and report the mean and\n"
    "                     smallest pairwise normalised mutual information (1: the same\n"
    "                     partition every time)\n"
    "  --by-node          one row per node with its community, instead of one per community\n"
    "  --top N            communities shown (default 20 in a terminal table, all otherwise)\n"
    "  --by-country       communities of countries, in the network contracted to countries\n"
    "\n"
    "Communities are numbered from 1 by decreasing size. For each: size, agreements inside\n"
    "it, its country mix and its members (by decreasing number of partners).\n"
    "\n"
    "Examples:\n"
    "  partnet clusters\n"
    "  partnet clusters --method leiden --seed 7 --stability 20\n"
    "  partnet clusters --by-node --format csv > communities.csv\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_METHOD = OPT_COMMON_END, OPT_SEED, OPT_STABILITY, OPT_BY_NODE, OPT_TOP, OPT_BY_COUNTRY };

/* the runs compared pairwise: R (R - 1) / 2 comparisons */
#define STABILITY_MAX 1000

typedef struct {
    pn_community_method_t method;
    unsigned long seed;
    long stability, top;
    int by_node;
    pn_view_options_t view;
} clusters_t;

static int option(void *ctx, int opt, const char *arg)
{
    clusters_t *c = ctx;
    long v;
    int handled = cli_view_option(&c->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    switch (opt) {
    case OPT_METHOD:
    {
        static const char *const methods[] = {"louvain", "leiden", "label_propagation",
                                              "walktrap", "infomap", "fast_greedy"};
        int i = cli_choice("clusters", "--method", arg, methods, 6);
        return i < 0 || pn_community_method_parse(&c->method, methods[i]) != 0 ? -1 : 0;
    }
    case OPT_SEED:
        if (cli_parse_long("clusters", "--seed", arg, 0, CLI_SEED_MAX, &v) != 0)
            return -1;
        c->seed = (unsigned long)v;
        return 0;
    case OPT_STABILITY:
        return cli_parse_long("clusters", "--stability", arg, 2, STABILITY_MAX, &c->stability);
    case OPT_TOP:
        return cli_parse_long("clusters", "--top", arg, 0, CLI_COUNT_MAX, &c->top);
    case OPT_BY_NODE:
        c->by_node = 1;
        return 0;
    case OPT_BY_COUNTRY:
        c->view.by_country = 1;
        return 0;
    default:
        return -1;
    }
}

int cmd_clusters(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {
        {"method", required_argument, NULL, OPT_METHOD},
        {"seed", required_argument, NULL, OPT_SEED},
        {"stability", required_argument, NULL, OPT_STABILITY},
        {"by-node", no_argument, NULL, OPT_BY_NODE},
        {"top", required_argument, NULL, OPT_TOP},
        {"by-country", no_argument, NULL, OPT_BY_COUNTRY},
        CLI_VIEW_OPTIONS,
        {NULL, 0, NULL, 0}};
    clusters_t c = {PN_COMMUNITY_LOUVAIN, 1, 0, -1, 0, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &c, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&c.view, "clusters") != 0)
        return EXIT_USAGE;
    if (c.top < 0)
        c.top = cli->format == FORMAT_TABLE ? 20 : 0;

    pn_dataset_t *ds = NULL;
    pn_graph_t *g = NULL;
    igraph_vector_int_t membership;
    igraph_vector_int_init(&membership, 0);
    table_t *tables[2] = {NULL, NULL};
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        goto done;
    if ((rc = cli_graph(&g, ds, &c.view, "clusters")) != EXIT_OK)
        goto done;
    igraph_integer_t count;
    double modularity, mean_nmi = 0, min_nmi = 0, mean_q = 0;
    int status = pn_communities_find(&membership, &count, &modularity, g, c.method, c.seed);
    if (status == 0 && c.stability)
        status = pn_communities_measure_stability(&mean_nmi, &min_nmi, &mean_q, g, c.method,
                                                  c.seed, (int)c.stability);
    if (status != 0) {
        rc = cli_failure("clusters", status);
        goto done;
    }
    if (pn_community_method_is_random(c.method))
        cli_error("clusters", "%s with seed %lu (the same seed gives the same communities)",
                  pn_community_method_name(c.method), c.seed);

    table_t *summary = table_new("summary", NULL);
    table_column(summary, "key", COL_TEXT, -1);
    table_column(summary, "value", COL_TEXT, -1);
    table_summary(summary);
    table_text(summary, "method");
    table_text(summary, pn_community_method_name(c.method));
    table_text(summary, "seed");
    if (pn_community_method_is_random(c.method))
        table_int(summary, (long long)c.seed);
    else
        table_null(summary); /* deterministic */
    table_text(summary, "communities");
    table_int(summary, (long long)count);
    table_text(summary, "modularity");
    table_real_digits(summary, modularity, figure_digits("modularity"));
    if (c.stability) {
        table_text(summary, "stability runs");
        table_int(summary, c.stability);
        table_text(summary, "mean pairwise NMI");
        table_real_digits(summary, mean_nmi, figure_digits("mean pairwise NMI"));
        table_text(summary, "smallest pairwise NMI");
        table_real_digits(summary, min_nmi, figure_digits("smallest pairwise NMI"));
        table_text(summary, "mean modularity");
        table_real_digits(summary, mean_q, figure_digits("mean modularity"));
    }
    tables[0] = summary;
    if (c.by_node) {
        table_t *t = table_new("nodes", NULL);
        result_vertex_columns(t, 0);
        table_column(t, "community", COL_INT, -1);
        for (igraph_integer_t v = 0; v < pn_graph_vertex_count(g); v++) {
            result_vertex_cells(t, 0, g, v);
            table_int(t, VECTOR(membership)[v] + 1);
        }
        tables[1] = t;
    } else {
        tables[1] = result_communities_table(g, &membership, count, c.top,
                                             cli->format == FORMAT_TABLE, NULL);
    }
    /* a single table for scripts when they asked for nodes; both otherwise */
    rc = c.by_node && cli->format == FORMAT_CSV ? cli_print(cli, &tables[1], 1)
                                                : cli_print(cli, tables, 2);
done:
    table_free(tables[0]);
    table_free(tables[1]);
    igraph_vector_int_destroy(&membership);
    pn_graph_free(g);
    pn_dataset_free(ds);
    return rc;
}
