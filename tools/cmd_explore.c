/*
 * partnet explore: the network of a view as one self-contained HTML page to look at in a
 * browser: search, a panel per node with its agreements and their sources, filters, colours,
 * sizes, a timeline, and the view in the URL (see explorer.c).
 */
#include "commands.h"
#include "explorer.h"

#include <string.h>

static const char help[] =
    "Usage: partnet explore -o FILE.html [--layout auto|map|force] [--seed S] [--sample K]\n"
    "                       [OPTIONS]\n"
    "\n"
    "Write the network of the view as one HTML page that needs nothing else (the data and\n"
    "the scripts are inside it; it can be mailed or archived as one file). Open it in a\n"
    "browser: pan and zoom, search by name or alias, hover a node for its name, country and\n"
    "level, click it for its agreements (date, kind, partner, source document, line and\n"
    "quote) and its rank by each measure; filter by country, level and kind of agreement;\n"
    "colour by country or community; size by any measure; play the timeline to watch the\n"
    "network grow. The view is kept in the page's address (#node=...&year=...), so a link\n"
    "shows what you saw.\n"
    "\n"
    "  -o, --output FILE  the page to write (- for standard output)\n"
    "  --layout L         map: at the nodes' coordinates; force: a force-directed layout;\n"
    "                     auto (the default): both when nodes have coordinates (the map shown\n"
    "                     first when every node has them), force otherwise\n"
    "  --seed S           seed of the communities (Louvain), the force layout and the\n"
    "                     betweenness sample (default 1; printed on stderr)\n"
    "  --sample K         estimate betweenness from K random sources; 0: exact. Default: exact\n"
    "                     up to 5000 nodes, 1000 sources above\n"
    "\n"
    "Measures, ranks and communities are computed on the whole view, as partnet rank --all\n"
    "does; the page's filters and timeline show parts of it without recomputing them.\n"
    "\n"
    "Examples:\n"
    "  partnet explore -o cis.html\n"
    "  partnet explore -o by.html --country BY --as-of 2015\n"
    "  partnet --data twin_cities_geocoded.csv explore -o world.html\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_OUTPUT = 'o', OPT_LAYOUT = OPT_COMMON_END, OPT_SEED, OPT_SAMPLE };

typedef struct {
    const char *output;
    explorer_options_t page;
    pn_view_options_t view;
} explore_t;

static int option(void *ctx, int opt, const char *arg)
{
    explore_t *e = ctx;
    long v;
    int view = cli_view_option(&e->view, opt, arg);
    if (view != 0)
        return view < 0 ? -1 : 0;
    switch (opt) {
    case OPT_OUTPUT:
        e->output = arg;
        return 0;
    case OPT_LAYOUT:
    {
        static const char *const layouts[] = {"auto", "map", "force"};
        static const explorer_layout_t layout[] = {EXPLORER_LAYOUT_AUTO, EXPLORER_LAYOUT_MAP,
                                                   EXPLORER_LAYOUT_FORCE};
        int i = cli_choice("explore", "--layout", arg, layouts, 3);
        if (i < 0)
            return -1;
        e->page.layout = layout[i];
        return 0;
    }
    case OPT_SEED:
        if (cli_parse_long("explore", "--seed", arg, 0, CLI_SEED_MAX, &v) != 0)
            return -1;
        e->page.seed = (unsigned long)v;
        return 0;
    case OPT_SAMPLE:
        if (cli_parse_long("explore", "--sample", arg, 0, CLI_COUNT_MAX, &v) != 0)
            return -1;
        e->page.sample = v;
        return 0;
    default:
        return -1;
    }
}

int cmd_explore(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {
        {"output", required_argument, NULL, OPT_OUTPUT},
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"seed", required_argument, NULL, OPT_SEED},
        {"sample", required_argument, NULL, OPT_SAMPLE},
        CLI_VIEW_OPTIONS,
        {NULL, 0, NULL, 0}};
    explore_t e = {NULL, EXPLORER_OPTIONS_INIT, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &e, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (!e.output) {
        cli_error("explore", "no page to write: give -o FILE.html");
        return cli_usage_error("explore");
    }
    if (cli_view_check(&e.view, "explore") != 0)
        return EXIT_USAGE;
    e.page.quiet = cli->quiet;

    pn_dataset_t *ds = NULL;
    char description[512];
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    cli_describe_view(description, sizeof description, ds, &e.view);
    e.page.description = description;
    rc = explorer_write(e.output, ds, &e.view, &e.page);
    pn_dataset_free(ds);
    return rc;
}
