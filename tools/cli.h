/*
 * What every partnet subcommand shares: the options that choose and read the dataset and the
 * output format, loading with its diagnostics, and the exit codes.
 */
#ifndef PARTNET_TOOLS_CLI_H
#define PARTNET_TOOLS_CLI_H

#include <getopt.h>
#include <partnet/partnet.h>

#include "output.h"

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

typedef struct {
    const char *data;      /* the first --data; NULL for the bundled dataset */
    const char *datas[PN_MERGE_MAX_INPUTS]; /* every --data, in order: several are merged */
    size_t data_count;
    format_t format;
    int quiet;             /* --quiet: no warnings */
    int spreadsheet_safe;  /* --spreadsheet-safe: CSV cells a spreadsheet would run, as text */
    pn_load_options_t load;
    long table_width;      /* --table-width; -1: the terminal's when stdout is one, else none */
} cli_t;

#define CLI_INIT {.format = FORMAT_TABLE, .load = PN_LOAD_OPTIONS_INIT, .table_width = -1}

/* Long options every subcommand accepts, before or after its name. Values from 0x100 up. */
enum {
    OPT_DATA = 0x100, OPT_NODES, OPT_FORMAT, OPT_COLUMNS, OPT_DELIMITER, OPT_NO_HEADER,
    OPT_STRICT, OPT_QUIET, OPT_HELP, OPT_AS_OF, OPT_ACTIVE, OPT_COUNTRY, OPT_LEVEL,
    OPT_NO_COUNTRY_LEVEL, OPT_KIND, OPT_SINCE, OPT_MIN_AGREEMENTS, OPT_K_CORE,
    OPT_LARGEST_COMPONENT, OPT_EGO, OPT_MAX_RECORD, OPT_ENCODING,
    OPT_SPREADSHEET_SAFE, OPT_TABLE_WIDTH, OPT_COMMON_END
};

#define CLI_COMMON_OPTIONS                                                                         \
    {"data", required_argument, NULL, OPT_DATA}, {"nodes", required_argument, NULL, OPT_NODES},     \
    {"format", required_argument, NULL, OPT_FORMAT},                                               \
    {"columns", required_argument, NULL, OPT_COLUMNS},                                             \
    {"delimiter", required_argument, NULL, OPT_DELIMITER},                                         \
    {"no-header", no_argument, NULL, OPT_NO_HEADER}, {"strict", no_argument, NULL, OPT_STRICT},   \
    {"quiet", no_argument, NULL, OPT_QUIET}, {"help", no_argument, NULL, OPT_HELP},          \
    {"max-record", required_argument, NULL, OPT_MAX_RECORD},                                       \
    {"encoding", required_argument, NULL, OPT_ENCODING},                                           \
    {"spreadsheet-safe", no_argument, NULL, OPT_SPREADSHEET_SAFE},                                 \
    {"table-width", required_argument, NULL, OPT_TABLE_WIDTH}

/* Text of the common options for --help. */
#define CLI_COMMON_HELP                                                                            \
    "Data options (before or after the command):\n"                                                \
    "  --data PATH        dataset: native JSON, a folder with nodes.csv and edges.csv,\n"          \
    "                     an edges.csv (with --nodes), a pair list (CSV/TSV), or - for\n"          \
    "                     standard input; default: the bundled CIS dataset\n"                      \
    "  --nodes FILE       the nodes.csv that goes with an edges.csv given as --data\n"             \
    "  --columns MAP      pair lists: which column holds what, e.g.\n"                             \
    "                     a=1,a_country=2,b=3,b_country=4[,date=5,kind=6] (numbers or\n"           \
    "                     header names)\n"                                                         \
    "  --delimiter D      , ; or tab (default: from the header line)\n"                           \
    "  --no-header        pair lists: the first row is data (needs --columns)\n"                  \
    "  --strict           country names that are guessed or unknown are errors\n"                 \
    "  --encoding NAME    the input's encoding, read through iconv (WINDOWS-1251, UTF-16,\n"    \
    "                     ISO-8859-1...; iconv -l lists them); default UTF-8\n"                  \
    "  --max-record SIZE  the longest row or JSON record read, e.g. 64M (default 16M, or\n"     \
    "                     PARTNET_MAX_RECORD): longer ones are refused\n"                        \
    "  --format F         table (default), csv or json\n"                                         \
    "  --quiet            no warnings on stderr\n"                                               \
    "  --table-width N    cut text tables to N characters (0: never); default: the\n"           \
    "                     terminal's width when stdout is a terminal ($COLUMNS, else its\n"     \
    "                     size, else 80), never cut when it is a pipe or a file\n"              \
    "  --spreadsheet-safe CSV output (--format csv, export's tables): a cell starting with\n"   \
    "                     = + - @ that is not a number is written as text ('=...), so that\n"   \
    "                     a spreadsheet does not run it; partnet reads the ' back\n"

/* Options that choose the view of the network (a snapshot, a country, levels, kinds, a
 * window, and the structural views). */
#define CLI_VIEW_OPTIONS                                                                           \
    {"as-of", required_argument, NULL, OPT_AS_OF}, {"active", no_argument, NULL, OPT_ACTIVE},      \
    {"country", required_argument, NULL, OPT_COUNTRY},                                             \
    {"level", required_argument, NULL, OPT_LEVEL},                                                 \
    {"no-country-level", no_argument, NULL, OPT_NO_COUNTRY_LEVEL},                                 \
    {"kind", required_argument, NULL, OPT_KIND}, {"since", required_argument, NULL, OPT_SINCE},    \
    {"min-agreements", required_argument, NULL, OPT_MIN_AGREEMENTS},                               \
    {"k-core", required_argument, NULL, OPT_K_CORE},                                               \
    {"largest-component", no_argument, NULL, OPT_LARGEST_COMPONENT},                               \
    {"ego", required_argument, NULL, OPT_EGO}

#define CLI_VIEW_HELP                                                                              \
    "View options:\n"                                                                              \
    "  --as-of DATE       the network as of DATE (YYYY, YYYY-MM or YYYY-MM-DD): agreements\n"      \
    "                     certainly signed by the end of it (one dated 2004 counts as of\n"        \
    "                     2004 or 2004-12-31, not as of 2004-06-30); undated ones are left out\n" \
    "  --active           with --as-of: only agreements still in force then (not ended)\n"        \
    "  --country CC       the agreements with a party in country CC (ISO code): its\n"           \
    "                     nodes and their partners\n"                                             \
    "  --level L          only nodes of these levels, comma-separated: region, district,\n"       \
    "                     city, country (agreements between them)\n"                             \
    "  --no-country-level leave out national governments acting as parties\n"                   \
    "  --kind K[,K]       only agreements of these kinds: twinning, cooperation_agreement,\n"    \
    "                     memorandum, programme, protocol, roadmap, other\n"                     \
    "  --since DATE       only agreements certainly signed on or after DATE; with --as-of,\n"    \
    "                     a window (undated ones are left out)\n"                               \
    "  --min-agreements W only pairs of partners with at least W agreements, and their nodes\n" \
    "  --k-core K         only the K-core: nodes with at least K partners within it\n"          \
    "  --largest-component only the largest connected component\n"                             \
    "  --ego NODE[:R]     only NODE (id, name or alias) and the nodes within R steps of it\n"   \
    "                     (default 1), with the agreements between them\n"                     \
    "                     The structural views (the last four) apply in that order, to the\n"   \
    "                     network the other options describe.\n"

/**
 * Handle a view option into @p view. @return 1 when @p opt was one, 0 when not, -1 when its
 * value is bad (message printed).
 */
int cli_view_option(pn_view_options_t *view, int opt, const char *arg);

/** Check the view options together (--active needs --as-of). @return 0 or -1 (printed). */
int cli_view_check(const pn_view_options_t *view, const char *cmd);

/**
 * Compile the view the options describe, or say why not ("partnet CMD: ...").
 * @return EXIT_OK with *out set, EXIT_USAGE (no such country) or EXIT_FAILED
 */
int cli_view(pn_view_t **out, const pn_dataset_t *ds, const pn_view_options_t *opts,
             const char *cmd);

/**
 * The options of a snapshot of @p history, a view compiled from @p view: the agreements of
 * history signed as of @p as_of (PN_DATE_NONE: all; in force then with --active) and their
 * nodes. The structural views (--min-agreements, --k-core, --largest-component, --ego) are not
 * taken again: growth, compare and report follow, year by year, the nodes and agreements they
 * kept in the whole view.
 */
pn_view_options_t cli_snapshot_options(const pn_view_options_t *view, const pn_view_t *history,
                                       pn_date_t as_of);

/** Say why a library call failed (pn_error_last()). @return its exit code: EXIT_USAGE for
 *  PN_EUSAGE and PN_ENOTFOUND (something asked for that is not there), EXIT_FAILED else. */
int cli_failure(const char *cmd, int status);

/** The graph of the view the options describe, as cli_view(). */
int cli_graph(pn_graph_t **out, const pn_dataset_t *ds, const pn_view_options_t *opts,
              const char *cmd);

/** A progress line on stderr ("what: 42%"), for pn_progress_fn; nothing when percent is 100. */
int cli_progress(const char *what, double percent, void *data);

/** Is stderr a terminal (progress lines wanted)? */
int cli_stderr_is_terminal(void);

/**
 * Handle a common option. @return 1 when @p opt was one, 0 when not, -1 when its value is bad
 * (message printed).
 */
int cli_common_option(cli_t *cli, int opt, const char *arg);

/** A command's own option: @return 0, or -1 when its value is bad (message printed). */
typedef int cli_option_fn(void *ctx, int opt, const char *arg);

/**
 * Parse a command's options: the common ones and @p own (terminated by a zero entry, values
 * below 0x100 or from OPT_COMMON_END up; an ASCII letter as the value is also the option's
 * short form, "-o"), handled by @p handle. --help prints @p help. The operands are left at
 * argv[optind..argc-1].
 * @return CLI_CONTINUE when the command should run, or an exit code to return now
 */
int cli_parse_operands(cli_t *cli, int argc, char **argv, const struct option *own,
                       cli_option_fn *handle, void *ctx, const char *help);
#define CLI_CONTINUE (-1)

/** cli_parse_operands() for a command that takes no operands: one left after the options is
 *  a usage error. */
int cli_parse(cli_t *cli, int argc, char **argv, const struct option *own, cli_option_fn *handle,
              void *ctx, const char *help);

/** Load the dataset the options name, printing errors and warnings to stderr; several --data
 *  are merged (pn_dataset_merge()), their conflicts and ambiguous matches printed as warnings.
 *  @return EXIT_OK with *out set, EXIT_USAGE for bad input, EXIT_FAILED otherwise. */
int cli_load(cli_t *cli, pn_dataset_t **out);

/** Load one dataset at @p path as cli_load() does. */
int cli_load_path(cli_t *cli, const char *path, pn_dataset_t **out);

/**
 * Load every dataset of @p paths (as cli_load_path()) and merge them, printing the conflicts
 * and ambiguous matches as warnings (unless --quiet).
 * @param[out] account the merge's account (may be NULL)
 * @return as cli_load()
 */
int cli_load_merged(cli_t *cli, const char *const *paths, size_t count, pn_dataset_t **out,
                    pn_merge_t **account);

/** A merge's conflict or ambiguous match as one line of message: "FILE:LINE: conflict (kind):
 *  DETAIL; OTHER_FILE:OTHER_LINE has OTHER_ID". */
void cli_merge_event_message(char *buf, size_t size, const pn_merge_event_t *e);

/** Load with every problem kept, for `partnet check`. @return the pn_dataset_load() status. */
int cli_load_all(cli_t *cli, const char *path, pn_dataset_t **out, pn_problems_t *problems);

/** The bundled dataset's path (installed, or the source tree when run from the build). */
const char *cli_default_dataset(void);

/** The width text output fits: --table-width, else the terminal's when stdout is one
 *  ($COLUMNS, else the terminal's size, else 80), else 0 (none). */
size_t cli_table_width(const cli_t *cli);

/** Print tables to stdout; on a write error print it and @return EXIT_FAILED. */
int cli_print(const cli_t *cli, table_t *const *tables, size_t count);

/** One line naming the dataset's file and the view: "cis.json, as of 2010, partnerships of
 *  BY" (titles of drawings and pages). */
void cli_describe_view(char *buf, size_t size, const pn_dataset_t *ds,
                       const pn_view_options_t *v);

/* The largest values of numeric options: a count (--top, --sample, --labels) and a seed
 * (igraph's generator keeps the low 32 bits of a seed, so larger ones would repeat smaller). */
#define CLI_COUNT_MAX 1000000000L
#define CLI_SEED_MAX 4294967295L

/** Parse a whole number from @p min to @p max for an option: digits only (a sign, spaces,
 *  "0x", a fraction or trailing text are refused, as is a number out of the range, however
 *  long). @return 0, or -1 with one line naming the option and the range (printed). */
int cli_parse_long(const char *cmd, const char *option, const char *arg, long min, long max,
                   long *out);

/** Parse a year (PN_DATE_MIN_YEAR to PN_DATE_MAX_YEAR) as cli_parse_long() does. */
int cli_parse_year(const char *cmd, const char *option, const char *arg, int *out);

/** "partnet: CMD: message" on stderr ("partnet: message" when @p cmd is NULL), what would act
 *  on a terminal escaped: errors, warnings and notes alike. */
void cli_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Report an unknown option or a missing argument the way getopt found it. @return EXIT_USAGE. */
int cli_usage_error(const char *cmd);

/** The one of @p names (@p count of them) @p word was most likely meant to be: the only one
 *  it begins, else the nearest within two edits (a letter added, left out, changed or two
 *  swapped; case aside), else NULL. */
const char *cli_nearest(const char *word, const char *const *names, size_t count);

/** The index of @p arg among @p names, in any case; else -1, having said on stderr what
 *  @p option expects and the name meant, if any ("did you mean betweenness?"). */
int cli_choice(const char *cmd, const char *option, const char *arg, const char *const *names,
               size_t count);

/** A country code as typed, in capitals when it is two or three ASCII letters ("by": "BY"), as
 *  datasets write ISO codes; other text (a pair list's unresolved country) as it is. */
void cli_country_code(char *out, size_t size, const char *arg);

/** A measure named by @p arg for @p option (cli_choice() among rank's measures). @return 0 or -1 */
int cli_measure(const char *cmd, const char *option, const char *arg, pn_measure_t *out);

#endif
