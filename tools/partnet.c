/*
 * partnet: the command. Reads the options common to every subcommand, then dispatches to
 * cmd_<name>() from the table below.
 */
#include "commands.h"

#include <errno.h>
#include <fcntl.h>
#include <partnet/outfile.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *name;
    int (*run)(cli_t *cli, int argc, char **argv);
    const char *summary;
} command_t;

static const command_t commands[] = {
    {"report", cmd_report, "the essentials: size, top regions, coverage, growth, communities, "
                           "reported against recorded; --html for a page"},
    {"info", cmd_info, "what a dataset holds: nodes by level and country, agreements by kind, "
                       "decade and date precision"},
    {"check", cmd_check, "list every problem in a dataset (errors, warnings, notes)"},
    {"merge", cmd_merge, "merge datasets (any formats) into one native dataset: the same "
                         "places and agreements once, every source kept, conflicts reported"},
    {"rank", cmd_rank, "rank regions and cities by degree, agreements, betweenness, closeness, "
                       "harmonic, eigenvector, pagerank or coreness"},
    {"stats", cmd_stats, "the network in one table: density, components, transitivity, "
                         "clustering, assortativity, cores, distances, Gini"},
    {"clusters", cmd_clusters, "communities (Louvain, Leiden, label propagation, walktrap, "
                               "infomap, fast greedy), their country mix and stability"},
    {"coverage", cmd_coverage, "how well each country's regions are covered by agreements; "
                               "the country matrix"},
    {"growth", cmd_growth, "the network year by year: agreements, nodes, components, density, "
                           "transitivity, coverage, hubs; a chart"},
    {"compare", cmd_compare, "two years side by side: figures, new nodes and country pairs, "
                             "risers and fallers, coverage"},
    {"export", cmd_export, "write the network as GraphML, dynamic GEXF (Gephi), CSV tables or "
                           "Pajek, with metrics as node attributes"},
    {"draw", cmd_draw, "draw the network to SVG, PNG or PDF: sized by a measure, coloured by "
                       "country, on a map when nodes have coordinates"},
    {"explore", cmd_explore, "the network as one HTML page to explore in a browser: search, "
                             "agreements and their sources, filters, a timeline"},
    {"show", cmd_show, "one node: its agreements with their sources, partners by country, "
                       "rank in each measure"},
    {"search", cmd_search, "find nodes by name or alias, in any case, accent or script"},
    {"agreements", cmd_agreements, "list agreements with their sources: --between CC,CC, "
                                   "--node NODE, any view"},
    {"path", cmd_path, "a shortest path between two nodes, the agreement behind each step"},
};

static void usage(FILE *out)
{
    fputs("Usage: partnet [--data PATH] [--format table|csv|json] COMMAND [OPTIONS]\n"
          "\n"
          "Analyse networks of interregional partnerships: regions, districts and cities are\n"
          "the nodes, twinning and cooperation agreements are dated edges. Without --data,\n"
          "partnet works on the bundled dataset of CIS interregional agreements.\n"
          "\n"
          "Commands:\n", out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n" CLI_COMMON_HELP
          "  -h, --help         this text; 'partnet help COMMAND' or 'partnet COMMAND --help'\n"
          "                     for a command\n"
          "  --version          partnet's version\n"
          "\n"
          "Examples:\n"
          "  partnet info\n"
          "  partnet --data ../twin_cities_raw.csv info\n"
          "  partnet check graphs/cis.json\n"
          "  partnet export --graphml cis.graphml --gexf cis.gexf\n"
          "  partnet draw -o cis.png\n"
          "  partnet show Mogilev\n"
          "  partnet path tj-dushanbe ru-leningrad-oblast\n"
          "\n"
          "Exit codes: 0 success, 1 the analysis failed, 2 bad usage or bad input.\n"
          "Data go to stdout, diagnostics to stderr. See partnet(1).\n", out);
}

/* Output that could not be written is a failure whatever printed it (--help, --version
 * included). Commands report their own write errors and return EXIT_FAILED. */
static int finish(int rc)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return rc;
    if (rc != EXIT_FAILED)
        cli_error(NULL, "writing the output failed: %s", strerror(errno));
    return EXIT_FAILED;
}

/* A closed standard descriptor would be handed to the next file opened (an export's temporary
 * file could become "stdout"). Keep each one taken, by /dev/null opened for reading only, so
 * that writing to a closed stdout still fails and is reported. */
static void keep_standard_descriptors(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int got = open("/dev/null", O_RDONLY);
        if (got >= 0 && got != fd) {
            dup2(got, fd);
            close(got);
        }
    }
}

/* Ended by a signal while writing a file: remove its temporary file (the file at the path
 * stays as it was), then end as the signal ends a program, so that the shell sees it. */
static void end_on_signal(int signal)
{
    pn_outfile_remove_temporaries();
    raise(signal); /* the handler was reset: delivered as default once this returns */
}

static void remove_temporaries_on_signals(void)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action, before;
        /* a signal ignored by whoever started partnet (nohup) stays ignored */
        if (sigaction(signals[i], NULL, &before) != 0 || before.sa_handler == SIG_IGN)
            continue;
        memset(&action, 0, sizeof action);
        action.sa_handler = end_on_signal;
        action.sa_flags = (int)SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        sigaction(signals[i], &action, NULL);
    }
}

int main(int argc, char **argv)
{
    keep_standard_descriptors();
    remove_temporaries_on_signals();
    static const struct option options[] = {CLI_COMMON_OPTIONS,
                                            {"version", no_argument, NULL, 'V'},
                                            {NULL, 0, NULL, 0}};
    cli_t cli = CLI_INIT;
    pn_igraph_handlers_install();

    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "+:h", options, NULL)) != -1) {
        if (opt == 'V') {
            const char *version;
            pn_version_get(&version, NULL, NULL, NULL);
            printf("partnet %s\n", version);
            return finish(EXIT_OK);
        }
        if (opt == OPT_HELP || opt == 'h') {
            usage(stdout);
            return finish(EXIT_OK);
        }
        if (opt == '?' || opt == ':') {
            const char *arg = argv[optind - 1];
            cli_error(NULL, opt == ':' ? "%s needs a value" : "unknown option %s", arg);
            return cli_usage_error(NULL);
        }
        int handled = cli_common_option(&cli, opt, optarg);
        if (handled < 0)
            return EXIT_USAGE;
        if (handled == 0)
            return cli_usage_error(NULL);
    }
    if (optind >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    /* "partnet help COMMAND" is "partnet COMMAND --help" */
    static char help_option[] = "--help";
    char *help_argv[3] = {NULL, help_option, NULL};
    if (strcmp(argv[optind], "help") == 0) {
        if (optind + 1 >= argc) {
            usage(stdout);
            return finish(EXIT_OK);
        }
        help_argv[0] = argv[optind + 1];
        argv = help_argv;
        argc = 2;
        optind = 0;
    }
    const char *name = argv[optind];
    const char *names[sizeof commands / sizeof commands[0]];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        names[i] = commands[i].name;
        if (strcmp(name, commands[i].name) == 0) {
            int first = optind;
            optind = 0; /* restart getopt for the command's own options */
            return finish(commands[i].run(&cli, argc - first, argv + first));
        }
    }
    const char *meant = cli_nearest(name, names, sizeof names / sizeof names[0]);
    if (meant)
        cli_error(NULL, "unknown command \"%s\"; did you mean %s?", name, meant);
    else
        cli_error(NULL, "unknown command \"%s\"", name);
    return cli_usage_error(NULL);
}
