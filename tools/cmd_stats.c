/*
 * partnet stats: the network in one table of metric,value rows.
 */
#include "commands.h"
#include "figures.h"

#include <partnet/stats.h>

static const char help[] =
    "Usage: partnet stats [OPTIONS]\n"
    "\n"
    "The global figures published studies of twinning networks report, as metric,value rows,\n"
    "computed on the view's simple graph (one edge per pair of partners), isolated nodes\n"
    "included:\n"
    "  nodes, edges (distinct partner pairs), agreements, isolated, countries,\n"
    "  cross_border_share (agreements between two countries / all), density (2E/N(N-1)),\n"
    "  mean_degree, components, largest_component, transitivity (3 x triangles / connected\n"
    "  triples), average_clustering (mean local clustering, degree < 2 counting 0, as\n"
    "  NetworkX), degree_assortativity, country_assortativity (nominal, by country),\n"
    "  max_coreness, max_core_size, mean_distance_lcc and diameter_lcc (largest component),\n"
    "  gini_degree (Gini coefficient of the degrees). Undefined values are empty (null).\n"
    "\n"
    "  --by-country       the network contracted to countries\n"
    "\n"
    "Examples:\n"
    "  partnet stats\n"
    "  partnet stats --as-of 2010 --format csv\n"
    "  partnet --data world.csv stats --format json\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_BY_COUNTRY = OPT_COMMON_END };

static int option(void *ctx, int opt, const char *arg)
{
    pn_view_options_t *view = ctx;
    int handled = cli_view_option(view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt == OPT_BY_COUNTRY) {
        view->by_country = 1;
        return 0;
    }
    return -1;
}

int cmd_stats(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"by-country", no_argument, NULL, OPT_BY_COUNTRY},
                                        CLI_VIEW_OPTIONS, {NULL, 0, NULL, 0}};
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    int rc = cli_parse(cli, argc, argv, own, option, &view, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&view, "stats") != 0)
        return EXIT_USAGE;
    pn_dataset_t *ds = NULL;
    pn_graph_t *g = NULL;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    pn_stats_t s;
    int status;
    pn_stats_options_t options = PN_STATS_OPTIONS_INIT;
    if (cli_stderr_is_terminal())
        options.progress = cli_progress;
    if ((rc = cli_graph(&g, ds, &view, "stats")) != EXIT_OK) {
        /* said */
    } else if ((status = pn_stats_compute(&s, g, &options)) != 0) {
        rc = cli_failure("stats", status);
    } else {
        table_t *t = table_new("stats", NULL);
        table_column(t, "metric", COL_TEXT, -1);
        table_column(t, "value", COL_REAL, -6);
        table_summary(t);
        const struct {
            const char *metric;
            double value;
        } figures[] = {
            {"nodes", (double)s.nodes},
            {"edges", (double)s.edges},
            {"agreements", (double)s.agreements},
            {"isolated", (double)s.isolated},
            {"countries", (double)s.countries},
            {"cross_border_share", s.cross_border_share},
            {"density", s.density},
            {"mean_degree", s.mean_degree},
            {"components", (double)s.components},
            {"largest_component", (double)s.largest_component},
            {"transitivity", s.transitivity},
            {"average_clustering", s.average_clustering},
            {"degree_assortativity", s.degree_assortativity},
            {"country_assortativity", s.country_assortativity},
            {"max_coreness", (double)s.max_coreness},
            {"max_core_size", (double)s.max_core_size},
            {"mean_distance_lcc", s.mean_distance_lcc},
            {"diameter_lcc", (double)s.diameter_lcc},
            {"gini_degree", s.gini_degree}};
        for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
            table_text(t, figures[i].metric);
            table_real_digits(t, figures[i].value, figure_digits(figures[i].metric));
        }
        rc = cli_print(cli, &t, 1);
        table_free(t);
    }
    pn_graph_free(g);
    pn_dataset_free(ds);
    return rc;
}
