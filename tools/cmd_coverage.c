/*
 * partnet coverage: how well each country's regions are covered by agreements, reported
 * figures beside recorded ones, and the country x country matrix.
 */
#include "commands.h"
#include "results.h"

#include <partnet/coverage.h>

static const char help[] =
    "Usage: partnet coverage [--rollup] [--matrix] [OPTIONS]\n"
    "\n"
    "Per country: regions in the registry (the dataset's count of first-level units, or\n"
    "else the country's first-level subdivisions in ISO 3166-2; regions_source says which;\n"
    "stderr says when the dataset lists no first-level unit to cover), units\n"
    "the dataset lists, units covered (party to at least one agreement), their share of the\n"
    "registry, units covered by an agreement abroad, nodes, nodes with an agreement and with\n"
    "one abroad, agreements with a party in the country (a domestic one once) and partner\n"
    "countries. First-level units are region nodes and cities of regional rank.\n"
    "Where the dataset reports coverage figures (regions_covered), the latest one for the\n"
    "country is shown beside what the dataset records as of the same date.\n"
    "\n"
    "  --rollup           an agreement of a district or city also covers the region it\n"
    "                     belongs to\n"
    "  --matrix           instead: the country x country table of agreements and distinct\n"
    "                     partner pairs (columns country_a,country_b,agreements,pairs)\n"
    "  --country CC       only the row(s) of country CC\n"
    "\n"
    "Examples:\n"
    "  partnet coverage --rollup\n"
    "  partnet coverage --rollup --as-of 2010\n"
    "  partnet coverage --matrix --format csv > matrix.csv\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_ROLLUP = OPT_COMMON_END, OPT_MATRIX };

typedef struct {
    int rollup, matrix;
    pn_view_options_t view;
} coverage_opts_t;

static int option(void *ctx, int opt, const char *arg)
{
    coverage_opts_t *c = ctx;
    int handled = cli_view_option(&c->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt == OPT_ROLLUP)
        c->rollup = 1;
    else if (opt == OPT_MATRIX)
        c->matrix = 1;
    else
        return -1;
    return 0;
}

static int matrix(cli_t *cli, const pn_view_t *view)
{
    pn_country_matrix_t *cells = NULL;
    int status = pn_country_matrix_new(&cells, view);
    if (status != 0)
        return cli_failure("coverage", status);
    table_t *t = result_matrix_table("matrix", cells, pn_view_dataset(view), NULL, 0);
    int rc = cli_print(cli, &t, 1);
    table_free(t);
    pn_country_matrix_free(cells);
    return rc;
}

int cmd_coverage(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"rollup", no_argument, NULL, OPT_ROLLUP},
                                        {"matrix", no_argument, NULL, OPT_MATRIX},
                                        CLI_VIEW_OPTIONS, {NULL, 0, NULL, 0}};
    coverage_opts_t c = {0, 0, PN_VIEW_OPTIONS_INIT};
    int rc = cli_parse(cli, argc, argv, own, option, &c, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&c.view, "coverage") != 0)
        return EXIT_USAGE;
    pn_dataset_t *ds = NULL;
    pn_view_t *view = NULL;
    pn_coverage_t *coverage = NULL;
    table_t *t = NULL;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK || (rc = cli_view(&view, ds, &c.view, "coverage")))
        goto done;
    if (c.matrix) {
        rc = matrix(cli, view);
        goto done;
    }
    int status = pn_coverage_new(&coverage, view, c.rollup);
    if (status != 0) {
        rc = cli_failure("coverage", status);
        goto done;
    }
    if (result_coverage_defaults(coverage, ds, "coverage", cli->quiet) != 0) {
        rc = EXIT_FAILED;
        goto done;
    }
    t = result_coverage_table(coverage, ds, pn_view_country(view), NULL);
    rc = cli_print(cli, &t, 1);
done:
    table_free(t);
    pn_coverage_free(coverage);
    pn_view_free(view);
    pn_dataset_free(ds);
    return rc;
}
