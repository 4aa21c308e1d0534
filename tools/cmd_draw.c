/*
 * partnet draw: a picture of the network of a view (SVG, PNG or PDF), sized by a measure,
 * coloured by country, on a map when the nodes have coordinates; its backbone when it is large.
 */
#include "commands.h"

#include <partnet/draw.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
    "Usage: partnet draw -o FILE.svg|png|pdf [--size-by MEASURE] [--labels N]\n"
    "                    [--layout auto|map|force] [--arcs great-circle|straight]\n"
    "                    [--width PIXELS] [--max-nodes N] [--by-country] [OPTIONS]\n"
    "\n"
    "Draw the network of the view: one disc per node that has an agreement in the view, its\n"
    "area growing with a measure, its colour its country (the nine countries with the most\n"
    "nodes drawn have a colour each, the others share grey; a legend names them), one line\n"
    "per pair of partners, wider for more agreements. A network of more than --max-nodes\n"
    "nodes is drawn as its backbone, and the legend says so.\n"
    "\n"
    "  -o, --output FILE  the picture; its extension chooses the format: .svg (with each\n"
    "                     node's name as a tooltip), .png or .pdf\n"
    "  --size-by MEASURE  degree (the default), agreements, betweenness, closeness, harmonic,\n"
    "                     eigenvector, pagerank or coreness (as `partnet rank` defines them)\n"
    "  --labels N         name the N largest nodes (default 15; 0: none)\n"
    "  --layout L         map: at the nodes' coordinates (lat/lon) over the countries of the\n"
    "                     world (Equal Earth projection, or equirectangular for a region),\n"
    "                     discs moved apart where places crowd; force: a force-directed\n"
    "                     layout (Fruchterman-Reingold); auto (the default): map when every\n"
    "                     node has coordinates\n"
    "  --arcs A           the lines of a map: great-circle (the default: the shortest way on\n"
    "                     the globe) or straight\n"
    "  --width PIXELS     the picture's width, 200 to 20000 (default 2000; SVG and PDF at 96\n"
    "                     pixels per inch); discs, lines and text grow with it\n"
    "  --max-nodes N      above N nodes (default 1500), draw the backbone: the N nodes with\n"
    "                     the largest --size-by measure that have a partner among them, and\n"
    "                     the pairs between them; 0 draws every node\n"
    "  --by-country       draw countries: the network contracted to countries, each at the\n"
    "                     mean coordinates of its nodes\n"
    "\n"
    "Examples:\n"
    "  partnet draw -o cis.png\n"
    "  partnet draw -o cis-2010.svg --as-of 2010 --size-by betweenness --labels 10\n"
    "  partnet draw -o countries.pdf --by-country\n"
    "  partnet draw -o by.png --country BY --layout force\n"
    "  partnet --data world.csv draw -o world.png --largest-component --max-nodes 800\n"
    "  partnet --data geocoded.csv draw -o world-map.png --layout map --arcs straight\n"
    "\n" CLI_VIEW_HELP;

enum {
    OPT_OUTPUT = 'o',
    OPT_SIZE_BY = OPT_COMMON_END,
    OPT_LABELS,
    OPT_LAYOUT,
    OPT_BY_COUNTRY,
    OPT_WIDTH,
    OPT_MAX_NODES,
    OPT_ARCS
};

typedef struct {
    const char *output;
    pn_draw_options_t draw;
    pn_view_options_t view;
} draw_t;

static int option(void *ctx, int opt, const char *arg)
{
    draw_t *d = ctx;
    long v;
    int view = cli_view_option(&d->view, opt, arg);
    if (view != 0)
        return view < 0 ? -1 : 0;
    switch (opt) {
    case OPT_OUTPUT:
        d->output = arg;
        if (pn_draw_format_from_path(&d->draw.format, arg) != 0) {
            cli_error("draw", "-o: %s", pn_error_last());
            return -1;
        }
        return 0;
    case OPT_SIZE_BY:
        return cli_measure("draw", "--size-by", arg, &d->draw.size_by);
    case OPT_LABELS:
        if (cli_parse_long("draw", "--labels", arg, 0, CLI_COUNT_MAX, &v) != 0)
            return -1;
        d->draw.labels = v > 1000000 ? 1000000 : (int)v;
        return 0;
    case OPT_LAYOUT:
    {
        static const char *const layouts[] = {"auto", "map", "force"};
        static const pn_layout_t layout[] = {PN_LAYOUT_AUTO, PN_LAYOUT_MAP, PN_LAYOUT_FORCE};
        int i = cli_choice("draw", "--layout", arg, layouts, 3);
        if (i < 0)
            return -1;
        d->draw.layout = layout[i];
        return 0;
    }
    case OPT_BY_COUNTRY:
        d->view.by_country = 1;
        return 0;
    case OPT_ARCS:
    {
        static const char *const arcs[] = {"great-circle", "straight"};
        int i = cli_choice("draw", "--arcs", arg, arcs, 2);
        if (i < 0)
            return -1;
        d->draw.arcs = i == 0 ? PN_ARCS_GREAT_CIRCLE : PN_ARCS_STRAIGHT;
        return 0;
    }
    case OPT_WIDTH:
        if (cli_parse_long("draw", "--width", arg, PN_DRAW_WIDTH_MIN, PN_DRAW_WIDTH_MAX, &v) != 0)
            return -1;
        d->draw.width = (int)v;
        return 0;
    case OPT_MAX_NODES:
        if (cli_parse_long("draw", "--max-nodes", arg, 0, INT_MAX, &v) != 0)
            return -1;
        d->draw.max_nodes = (int)v;
        return 0;
    default:
        return -1;
    }
}

/* One line on the terminal, overwritten by the next step and cleared at the end. */
static void show_progress(void *arg, const char *message)
{
    (void)arg;
    fprintf(stderr, "\r\033[Kdrawing: %s", message);
    fflush(stderr);
}

int cmd_draw(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {
        {"output", required_argument, NULL, OPT_OUTPUT},
        {"size-by", required_argument, NULL, OPT_SIZE_BY},
        {"labels", required_argument, NULL, OPT_LABELS},
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"by-country", no_argument, NULL, OPT_BY_COUNTRY},
        {"width", required_argument, NULL, OPT_WIDTH},
        {"max-nodes", required_argument, NULL, OPT_MAX_NODES},
        {"arcs", required_argument, NULL, OPT_ARCS},
        CLI_VIEW_OPTIONS,
        {NULL, 0, NULL, 0}};
    draw_t d = {NULL, PN_DRAW_OPTIONS_INIT, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &d, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (!d.output) {
        cli_error("draw", "no picture to write: give -o FILE.svg, FILE.png or FILE.pdf");
        return cli_usage_error("draw");
    }
    if (cli_view_check(&d.view, "draw") != 0)
        return EXIT_USAGE;
    d.view.drop_isolated = 1; /* a disc without a line says nothing */

    pn_dataset_t *ds = NULL;
    pn_graph_t *g = NULL;
    char title[512];
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        goto done;
    if ((rc = cli_graph(&g, ds, &d.view, "draw")) != EXIT_OK)
        goto done;
    cli_describe_view(title, sizeof title, ds, &d.view);
    d.draw.title = title;
    if (cli_stderr_is_terminal())
        d.draw.progress = show_progress;
    int status = pn_draw_write(g, d.output, &d.draw);
    if (d.draw.progress)
        fputs("\r\033[K", stderr);
    if (status != 0)
        rc = cli_failure("draw", status);
done:
    pn_graph_free(g);
    pn_dataset_free(ds);
    return rc;
}
