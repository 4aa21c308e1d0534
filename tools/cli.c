/*
 * Shared command-line plumbing: common options, dataset loading with diagnostics and a
 * progress line, and output.
 */
#include "cli.h"

#include "terminal.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PN_DATADIR
#define PN_DATADIR "/usr/local/share/partnet"
#endif
#ifndef PN_SOURCE_GRAPHS
#define PN_SOURCE_GRAPHS "graphs"
#endif
#ifndef PN_BUILD_TOOLS
#define PN_BUILD_TOOLS ""
#endif

/* Errors shown by commands other than check before "run partnet check". */
#define ERRORS_SHOWN 5
#define WARNINGS_SHOWN 20

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap, again;
    char line[512], *message = line;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    if (n < 0)
        line[0] = '\0';
    else if ((size_t)n >= sizeof line) {
        message = xmalloc((size_t)n + 1);
        vsnprintf(message, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    va_end(ap);
    /* names and arguments in the message are shown, never run by the terminal */
    fprintf(stderr, "partnet: %s%s", cmd ? cmd : "", cmd ? ": " : "");
    terminal_fputs(stderr, message);
    fputc('\n', stderr);
    if (message != line)
        free(message);
}

/* Edits from @p a to @p b, case aside: insertions, deletions, substitutions and swaps of two
 * neighbours (optimal string alignment); stops counting past @p limit. */
static size_t edits(const char *a, const char *b, size_t limit)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > m + limit || m > n + limit || m > 63)
        return limit + 1;
    size_t before[64], row[64], next[64];
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        next[0] = i;
        for (size_t j = 1; j <= m; j++) {
            int differ = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = row[j - 1] + (size_t)differ;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (next[j - 1] + 1 < best)
                best = next[j - 1] + 1;
            if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == tolower((unsigned char)b[j - 1]) &&
                before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            next[j] = best;
        }
        memcpy(before, row, (m + 1) * sizeof *row);
        memcpy(row, next, (m + 1) * sizeof *row);
    }
    return row[m];
}

const char *cli_nearest(const char *word, const char *const *names, size_t count)
{
    size_t len = strlen(word), best = 3, found = count, prefixed = count, prefixes = 0;
    for (size_t i = 0; i < count; i++) {
        if (len >= 2 && strncasecmp(names[i], word, len) == 0) {
            prefixed = i;
            prefixes++;
        }
        /* a short word is near only one letter away: "csv" is not "tsv"'s or "json"'s */
        size_t limit = len <= 4 ? 1 : 2, d = edits(word, names[i], limit);
        if (d <= limit && d < best) {
            best = d;
            found = i;
        }
    }
    if (prefixes == 1)
        return names[prefixed];
    return found < count ? names[found] : NULL;
}

int cli_choice(const char *cmd, const char *option, const char *arg, const char *const *names,
               size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcasecmp(arg, names[i]) == 0)
            return (int)i;
    char expected[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < count && used < sizeof expected; i++)
        used += (size_t)snprintf(expected + used, sizeof expected - used, "%s%s",
                                 i == 0 ? "" : i + 1 == count ? " or " : ", ", names[i]);
    const char *meant = cli_nearest(arg, names, count);
    if (meant)
        cli_error(cmd, "%s: expected %s, not \"%s\"; did you mean %s?", option, expected, arg,
                  meant);
    else
        cli_error(cmd, "%s: expected %s, not \"%s\"", option, expected, arg);
    return -1;
}

void cli_country_code(char *out, size_t size, const char *arg)
{
    size_t n = strlen(arg);
    int letters = n >= 2 && n <= 3;
    for (size_t i = 0; i < n && letters; i++)
        letters = isalpha((unsigned char)arg[i]) && (unsigned char)arg[i] < 0x80;
    snprintf(out, size, "%s", arg);
    for (size_t i = 0; letters && out[i]; i++)
        out[i] = (char)toupper((unsigned char)out[i]);
}

int cli_measure(const char *cmd, const char *option, const char *arg, pn_measure_t *out)
{
    const char *names[PN_MEASURE_COUNT];
    for (int m = 0; m < PN_MEASURE_COUNT; m++)
        names[m] = pn_measure_name((pn_measure_t)m);
    int m = cli_choice(cmd, option, arg, names, PN_MEASURE_COUNT);
    if (m < 0)
        return -1;
    *out = (pn_measure_t)m;
    return 0;
}

int cli_usage_error(const char *cmd)
{
    fprintf(stderr, "partnet: try 'partnet %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
    return EXIT_USAGE;
}

/* The largest --max-record: 1 TiB. */
#define MAX_RECORD_MAX ((unsigned long long)1 << 40)

/* A size in bytes, with an optional K, M, G or T (powers of 1024, "MiB" and "MB" alike). */
static int parse_size(const char *arg, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = isdigit((unsigned char)arg[0]) ? strtoull(arg, &end, 10) : 0;
    if (!end || errno == ERANGE)
        return -1;
    int shift = 0;
    if (*end) {
        const char *units = "KMGT", *unit = strchr(units, toupper((unsigned char)*end));
        if (!unit)
            return -1;
        shift = 10 * (int)(unit - units + 1);
        end++;
        if (strcmp(end, "") != 0 && strcmp(end, "B") != 0 && strcmp(end, "iB") != 0)
            return -1;
    }
    if (v == 0 || v > MAX_RECORD_MAX >> shift)
        return -1;
    *out = (size_t)(v << shift);
    return 0;
}

#define SIZE_EXPECTED "expected a size in bytes from 1 to 1T, such as 16M or 1G"

int cli_common_option(cli_t *cli, int opt, const char *arg)
{
    switch (opt) {
    case OPT_DATA:
        if (cli->data_count == PN_MERGE_MAX_INPUTS) {
            cli_error(NULL, "--data: at most %d datasets are merged", PN_MERGE_MAX_INPUTS);
            return -1;
        }
        cli->datas[cli->data_count++] = arg;
        if (!cli->data)
            cli->data = arg;
        return 1;
    case OPT_NODES:
        cli->load.nodes_path = arg;
        return 1;
    case OPT_COLUMNS:
        cli->load.columns = arg;
        return 1;
    case OPT_NO_HEADER:
        cli->load.no_header = 1;
        return 1;
    case OPT_STRICT:
        cli->load.strict = 1;
        return 1;
    case OPT_QUIET:
        cli->quiet = 1;
        return 1;
    case OPT_MAX_RECORD:
        if (parse_size(arg, &cli->load.max_record) != 0) {
            cli_error(NULL, "--max-record: " SIZE_EXPECTED ", not \"%s\"", arg);
            return -1;
        }
        return 1;
    case OPT_ENCODING:
        cli->load.encoding = arg;
        return 1;
    case OPT_SPREADSHEET_SAFE:
        cli->spreadsheet_safe = 1;
        return 1;
    case OPT_TABLE_WIDTH:
        return cli_parse_long(NULL, "--table-width", arg, 0, CLI_COUNT_MAX, &cli->table_width) == 0
                   ? 1
                   : -1;
    case OPT_FORMAT:
    {
        static const char *const formats[] = {"table", "csv", "json"};
        static const format_t format[] = {FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON};
        int i = cli_choice(NULL, "--format", arg, formats, 3);
        if (i < 0)
            return -1;
        cli->format = format[i];
        return 1;
    }
    case OPT_DELIMITER:
        if (strcmp(arg, ",") == 0 || strcmp(arg, "comma") == 0)
            cli->load.delimiter = ',';
        else if (strcmp(arg, ";") == 0 || strcmp(arg, "semicolon") == 0)
            cli->load.delimiter = ';';
        else if (strcmp(arg, "tab") == 0 || strcmp(arg, "\t") == 0 || strcmp(arg, "\\t") == 0)
            cli->load.delimiter = '\t';
        else {
            cli_error(NULL, "--delimiter: expected , ; or tab, not \"%s\"", arg);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

/* Say what getopt found wrong with argv[optind - 1]: an option not known (and the one meant,
 * if any), one without its value, or a value given to an option that takes none. */
static int option_error(const char *cmd, int opt, char **argv, const struct option *all)
{
    const char *arg = argv[optind - 1];
    if (strncmp(arg, "--", 2) != 0) { /* a short option: -x or -xVALUE */
        if (opt == ':')
            cli_error(cmd, "-%c needs a value", optopt);
        else
            cli_error(cmd, "unknown option -%c", optopt);
        return cli_usage_error(cmd);
    }
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
    size_t count = 0;
    while (all[count].name)
        count++;
    const char **names = xmalloc((count ? count : 1) * sizeof *names);
    for (size_t i = 0; i < count; i++)
        names[i] = all[i].name;
    const char *meant = cli_nearest(name, names, count);
    if (opt == ':')
        cli_error(cmd, "--%s needs a value", name);
    else if (meant && strcmp(meant, name) == 0)
        cli_error(cmd, "--%s takes no value", name);
    else if (meant)
        cli_error(cmd, "unknown option --%s; did you mean --%s?", name, meant);
    else
        cli_error(cmd, "unknown option --%s", name);
    free(names);
    return cli_usage_error(cmd);
}

int cli_parse_operands(cli_t *cli, int argc, char **argv, const struct option *own,
                       cli_option_fn *handle, void *ctx, const char *help)
{
    static const struct option common[] = {CLI_COMMON_OPTIONS};
    size_t ncommon = sizeof common / sizeof common[0], nown = 0;
    while (own && own[nown].name)
        nown++;
    struct option *all = xcalloc(ncommon + nown + 1, sizeof *all);
    memcpy(all, common, sizeof common);
    if (nown)
        memcpy(all + ncommon, own, nown * sizeof *own);
    /* -h is --help; own options with a letter as their value also have that short form
     * (-o FILE); ':' first: a missing value is told from an unknown option */
    char shorts[64] = ":h";
    for (size_t i = 0, n = 2; i < nown && n + 3 < sizeof shorts; i++)
        if (own[i].val > 0 && own[i].val < 0x80 && isalpha(own[i].val)) {
            shorts[n++] = (char)own[i].val;
            if (own[i].has_arg == required_argument)
                shorts[n++] = ':';
            shorts[n] = '\0';
        }
    int opt, result = CLI_CONTINUE;
    opterr = 0;
    while (result == CLI_CONTINUE && (opt = getopt_long(argc, argv, shorts, all, NULL)) != -1) {
        if (opt == OPT_HELP || opt == 'h') {
            fputs(help, stdout);
            fputs("\n" CLI_COMMON_HELP, stdout);
            result = EXIT_OK;
        } else if (opt == '?' || opt == ':') {
            result = option_error(argv[0], opt, argv, all);
        } else {
            int handled = cli_common_option(cli, opt, optarg);
            if (handled == 0)
                handled = handle && handle(ctx, opt, optarg) == 0 ? 1 : -1;
            if (handled < 0)
                result = EXIT_USAGE;
        }
    }
    free(all);
    return result;
}

int cli_parse(cli_t *cli, int argc, char **argv, const struct option *own, cli_option_fn *handle,
              void *ctx, const char *help)
{
    int rc = cli_parse_operands(cli, argc, argv, own, handle, ctx, help);
    if (rc == CLI_CONTINUE && optind < argc) {
        cli_error(argv[0], "unexpected argument \"%s\"", argv[optind]);
        rc = cli_usage_error(argv[0]);
    }
    return rc;
}

void cli_describe_view(char *buf, size_t size, const pn_dataset_t *ds, const pn_view_options_t *v)
{
    const char *name = pn_dataset_name(ds), *slash = strrchr(name, '/');
    char date[PN_DATE_TEXT_MAX];
    int n = snprintf(buf, size, "%s", slash ? slash + 1 : name);
    if (v->as_of != PN_DATE_NONE && n >= 0 && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, v->active ? ", active at %s" : ", as of %s",
                      pn_date_format(date, v->as_of));
    if (v->country && n >= 0 && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, ", partnerships of %s", v->country);
    if (v->by_country && n >= 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, ", by country");
    pn_text_mend_utf8(buf); /* a file name's bytes, cut to fit: a title in SVG and HTML */
}

int cli_parse_long(const char *cmd, const char *option, const char *arg, long min, long max,
                   long *out)
{
    const char *digits = arg + (min < 0 && arg[0] == '-');
    char *end = NULL;
    long v = 0;
    errno = 0;
    if (isdigit((unsigned char)digits[0]))
        v = strtol(arg, &end, 10);
    if (!end || *end != '\0' || errno == ERANGE || v < min || v > max) {
        cli_error(cmd, "%s: expected a whole number from %ld to %ld, not \"%s\"", option, min,
                  max, arg);
        return -1;
    }
    *out = v;
    return 0;
}

/* The node of --ego NODE[:R], without its radius: the process parses one command line. */
#define EGO_RADIUS_MAX 1000000
static char ego_node[1024];

static int ego_option(pn_view_options_t *view, const char *arg)
{
    const char *colon = strrchr(arg, ':');
    size_t len = strlen(arg);
    view->ego_radius = 1;
    if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
        long radius;
        if (cli_parse_long(NULL, "--ego NODE:RADIUS", colon + 1, 0, EGO_RADIUS_MAX, &radius) != 0)
            return -1;
        view->ego_radius = (unsigned)radius;
        len = (size_t)(colon - arg);
    }
    if (len == 0 || len >= sizeof ego_node) {
        cli_error(NULL, "--ego: expected NODE or NODE:RADIUS (an id, a name or an alias), "
                        "not \"%s\"", arg);
        return -1;
    }
    memcpy(ego_node, arg, len);
    ego_node[len] = '\0';
    view->ego = ego_node;
    return 1;
}

static int kind_option(pn_view_options_t *view, const char *arg)
{
    char name[64];
    for (const char *p = arg;; p++) {
        size_t n = strcspn(p, ",");
        pn_kind_t kind;
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        const char *kinds[PN_KIND_COUNT];
        for (int k = 0; k < PN_KIND_COUNT; k++)
            kinds[k] = pn_kind_name((pn_kind_t)k);
        int k = cli_choice(NULL, "--kind", name, kinds, PN_KIND_COUNT);
        if (k < 0 || pn_kind_parse(&kind, kinds[k]) != 0)
            return -1;
        view->kinds |= 1u << kind;
        p += n;
        if (!*p)
            return 1;
    }
}

static int count_option(const char *option, const char *arg, long min, unsigned *out)
{
    long v;
    if (cli_parse_long(NULL, option, arg, min, CLI_COUNT_MAX, &v) != 0)
        return -1;
    *out = (unsigned)v;
    return 1;
}

int cli_parse_year(const char *cmd, const char *option, const char *arg, int *out)
{
    long year;
    if (cli_parse_long(cmd, option, arg, PN_DATE_MIN_YEAR, PN_DATE_MAX_YEAR, &year) != 0)
        return -1;
    *out = (int)year;
    return 0;
}

int cli_view_option(pn_view_options_t *view, int opt, const char *arg)
{
    switch (opt) {
    case OPT_KIND:
        return kind_option(view, arg);
    case OPT_SINCE:
        if (pn_date_parse(&view->since, arg, strlen(arg)) != 0) {
            cli_error(NULL, "--since \"%s\": %s", arg, pn_error_last());
            return -1;
        }
        return 1;
    case OPT_MIN_AGREEMENTS:
        return count_option("--min-agreements", arg, 1, &view->min_agreements);
    case OPT_K_CORE:
        return count_option("--k-core", arg, 0, &view->k_core);
    case OPT_LARGEST_COMPONENT:
        view->largest_component = 1;
        return 1;
    case OPT_EGO:
        return ego_option(view, arg);
    case OPT_AS_OF:
        if (pn_date_parse(&view->as_of, arg, strlen(arg)) != 0) {
            cli_error(NULL, "--as-of \"%s\": %s", arg, pn_error_last());
            return -1;
        }
        return 1;
    case OPT_ACTIVE:
        view->active = 1;
        return 1;
    case OPT_COUNTRY: {
        /* the process parses one command line */
        static char code[256];
        cli_country_code(code, sizeof code, arg);
        view->country = strlen(arg) < sizeof code ? code : arg;
        return 1;
    }
    case OPT_NO_COUNTRY_LEVEL:
        view->exclude_country_level = 1;
        return 1;
    case OPT_LEVEL: {
        char name[32];
        for (const char *p = arg; *p;) {
            size_t n = strcspn(p, ",");
            pn_level_t level;
            static const char *const levels[] = {"region", "district", "city", "country"};
            snprintf(name, sizeof name, "%.*s", (int)n, p);
            int l = cli_choice(NULL, "--level", name, levels, 4);
            if (l < 0 || pn_level_parse(&level, levels[l]) != 0)
                return -1;
            view->levels |= 1u << level;
            p += n + (p[n] == ',');
        }
        return 1;
    }
    default:
        return 0;
    }
}

int cli_view_check(const pn_view_options_t *view, const char *cmd)
{
    if (view->active && view->as_of == PN_DATE_NONE) {
        cli_error(cmd, "--active needs --as-of DATE: in force when?");
        return -1;
    }
    if (view->since != PN_DATE_NONE && view->as_of != PN_DATE_NONE &&
        pn_date_first_day(view->since) > pn_date_last_day(view->as_of)) {
        char since[PN_DATE_TEXT_MAX], as_of[PN_DATE_TEXT_MAX];
        cli_error(cmd, "--since %s is after --as-of %s: no agreement is signed in that window",
                  pn_date_format(since, view->since), pn_date_format(as_of, view->as_of));
        return -1;
    }
    return 0;
}

int cli_failure(const char *cmd, int status)
{
    cli_error(cmd, "%s", pn_error_last());
    return status == PN_ENOTFOUND || status == PN_EUSAGE ? EXIT_USAGE : EXIT_FAILED;
}

int cli_view(pn_view_t **out, const pn_dataset_t *ds, const pn_view_options_t *opts,
             const char *cmd)
{
    int status = pn_view_new(out, ds, opts);
    return status == 0 ? EXIT_OK : cli_failure(cmd, status);
}

pn_view_options_t cli_snapshot_options(const pn_view_options_t *view, const pn_view_t *history,
                                       pn_date_t as_of)
{
    pn_view_options_t o = *view;
    o.as_of = as_of;
    o.drop_isolated = 1;
    o.min_agreements = 0;
    o.k_core = 0;
    o.largest_component = 0;
    o.ego = NULL;
    o.within = history;
    return o;
}

int cli_graph(pn_graph_t **out, const pn_dataset_t *ds, const pn_view_options_t *opts,
              const char *cmd)
{
    pn_view_t *view = NULL;
    int rc = cli_view(&view, ds, opts, cmd);
    if (rc != EXIT_OK)
        return rc;
    int status = pn_graph_new(out, view);
    pn_view_free(view);
    return status == 0 ? EXIT_OK : cli_failure(cmd, status);
}

int cli_stderr_is_terminal(void)
{
    return isatty(STDERR_FILENO);
}

int cli_progress(const char *what, double percent, void *data)
{
    (void)data;
    if (percent >= 100)
        fputs("\r\033[K", stderr);
    else
        fprintf(stderr, "\r\033[K%s: %.0f%%", what, percent);
    fflush(stderr);
    return 0;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

const char *cli_default_dataset(void)
{
    static char path[4096];
    const char *env = getenv("PARTNET_DATASET");
    if (env && *env)
        return env;
    /* run from the build tree: use the source tree's graphs/ */
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    const char *dir = PN_DATADIR;
    if (n > 0) {
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (slash)
            *slash = '\0';
        if (strcmp(self, PN_BUILD_TOOLS) == 0)
            dir = PN_SOURCE_GRAPHS;
    }
    snprintf(path, sizeof path, "%s/cis.json", dir);
    if (!is_file(path))
        snprintf(path, sizeof path, "%s/example.json", dir);
    return path;
}

static void show_progress(const pn_load_progress_t *p, void *data)
{
    char *name = terminal_text(data);
    double mb = (double)p->bytes_read / 1e6;
    double rate = p->seconds > 0 ? (double)p->agreements / p->seconds : 0;
    if (p->done) {
        fputs("\r\033[K", stderr);
        free(name);
        return;
    }
    if (p->bytes_total)
        fprintf(stderr, "\r\033[Kreading %s: %.0f of %.0f MB (%.0f%%), %llu agreements, %.2fM/s",
                name, mb, (double)p->bytes_total / 1e6, 100.0 * (double)p->bytes_read /
                (double)p->bytes_total, (unsigned long long)p->agreements, rate / 1e6);
    else
        fprintf(stderr, "\r\033[Kreading %s: %.0f MB, %llu agreements, %.2fM/s", name, mb,
                (unsigned long long)p->agreements, rate / 1e6);
    free(name);
}

/* Data piped or redirected to a command that reads the bundled dataset is not read (a
 * script's loop may feed partnet's standard input for something else): say so. */
static void say_stdin_is_not_read(const cli_t *cli, const char *path)
{
    struct stat st;
    if (cli->data || cli->quiet || strcmp(path, cli_default_dataset()) != 0 ||
        fstat(STDIN_FILENO, &st) != 0)
        return;
    if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || (S_ISREG(st.st_mode) && st.st_size > 0))
        cli_error(NULL, "note: without --data, the bundled dataset %s is read, not standard "
                        "input (--data - reads standard input)", path);
}

int cli_load_all(cli_t *cli, const char *path, pn_dataset_t **out, pn_problems_t *problems)
{
    pn_load_options_t opts = cli->load;
    say_stdin_is_not_read(cli, path);
    const char *env = getenv("PARTNET_MAX_RECORD");
    if (!opts.max_record && env && *env && parse_size(env, &opts.max_record) != 0)
        return pn_error_set(PN_EUSAGE, "PARTNET_MAX_RECORD: " SIZE_EXPECTED ", not \"%s\"",
                            env);
    if (cli_stderr_is_terminal()) {
        opts.progress = show_progress;
        opts.progress_data = (void *)path;
    }
    return pn_dataset_load(out, path, &opts, problems);
}

int cli_load_path(cli_t *cli, const char *path, pn_dataset_t **out)
{
    pn_problems_t *problems = NULL;
    if (pn_problems_new(&problems) != 0) {
        cli_error(NULL, "out of memory");
        return EXIT_FAILED;
    }
    int status = cli_load_all(cli, path, out, problems);
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < pn_problems_count(problems); i++) {
        const pn_problem_t *p = pn_problems_get(problems, i);
        const char *severity = p->severity == PN_SEVERITY_ERROR ? "error" : "warning";
        if ((p->severity == PN_SEVERITY_ERROR && errors++ < ERRORS_SHOWN) ||
            (p->severity == PN_SEVERITY_WARNING && !cli->quiet && status == 0 &&
             warnings++ < WARNINGS_SHOWN)) {
            fprintf(stderr, "partnet: %s: ", severity);
            terminal_fputs(stderr, p->message);
            fputc('\n', stderr);
        }
    }
    size_t total_errors = pn_problems_total(problems, PN_SEVERITY_ERROR);
    size_t total_warnings = pn_problems_total(problems, PN_SEVERITY_WARNING);
    char *shown_path = terminal_text(path);
    if (total_errors > ERRORS_SHOWN)
        fprintf(stderr, "partnet: ... and %zu more errors; run 'partnet check %s' to list them all\n",
                total_errors - ERRORS_SHOWN, shown_path);
    else if (status == 0 && !cli->quiet && total_warnings > WARNINGS_SHOWN)
        fprintf(stderr, "partnet: ... and %zu more warnings; run 'partnet check %s' to list them "
                        "all\n",
                total_warnings - WARNINGS_SHOWN, shown_path);
    free(shown_path);
    pn_problems_free(problems);
    if (status == 0)
        return EXIT_OK;
    if (total_errors == 0)
        cli_error(NULL, "%s", pn_error_last());
    if (status == PN_ENOMEM || status == PN_EIGRAPH || status == PN_ERROR)
        return EXIT_FAILED;
    return EXIT_USAGE;
}

/* A pipe or a file gets every character. */
size_t cli_table_width(const cli_t *cli)
{
    if (cli->table_width >= 0)
        return (size_t)cli->table_width;
    if (!isatty(STDOUT_FILENO))
        return 0;
    const char *columns = getenv("COLUMNS");
    char *end = NULL;
    long n = columns && isdigit((unsigned char)columns[0]) ? strtol(columns, &end, 10) : 0;
    if (end && *end == '\0' && n > 0 && n <= CLI_COUNT_MAX)
        return (size_t)n;
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

void cli_merge_event_message(char *buf, size_t size, const pn_merge_event_t *e)
{
    snprintf(buf, size, "%s:%u: %s (%s): %s; %s:%u has %s", e->file, e->line,
             e->kind == PN_MERGE_CONFLICT ? "conflict" : "ambiguous", e->ground, e->detail,
             e->other_file, e->other_line, e->other_id);
}

int cli_load_merged(cli_t *cli, const char *const *paths, size_t count, pn_dataset_t **out,
                    pn_merge_t **account)
{
    pn_dataset_t *inputs[PN_MERGE_MAX_INPUTS] = {NULL};
    pn_merge_t *merge = NULL;
    int rc = EXIT_OK;
    for (size_t k = 0; k < count && rc == EXIT_OK; k++)
        rc = cli_load_path(cli, paths[k], &inputs[k]);
    if (rc == EXIT_OK) {
        int status = pn_dataset_merge(out, &merge, "merged", (const pn_dataset_t *const *)inputs,
                                      count);
        if (status != 0) {
            cli_error(NULL, "%s", pn_error_last());
            rc = status == PN_EINVALID || status == PN_EUSAGE ? EXIT_USAGE : EXIT_FAILED;
        }
    }
    size_t shown = 0, total = 0;
    for (size_t i = 0; rc == EXIT_OK && i < pn_merge_event_count(merge); i++) {
        const pn_merge_event_t *e = pn_merge_event(merge, i);
        if (e->kind != PN_MERGE_CONFLICT && e->kind != PN_MERGE_AMBIGUOUS)
            continue;
        total++;
        if (!cli->quiet && shown++ < WARNINGS_SHOWN) {
            /* names come from the data: shown escaped, as every message is */
            char message[2048];
            cli_merge_event_message(message, sizeof message, e);
            fputs("partnet: warning: ", stderr);
            terminal_fputs(stderr, message);
            fputc('\n', stderr);
        }
    }
    if (!cli->quiet && total > WARNINGS_SHOWN)
        fprintf(stderr, "partnet: ... and %zu more conflicts and ambiguous matches; 'partnet merge "
                        "--report FILE' lists them all\n", total - WARNINGS_SHOWN);
    for (size_t k = 0; k < count; k++)
        pn_dataset_free(inputs[k]);
    if (rc == EXIT_OK && account)
        *account = merge;
    else
        pn_merge_free(merge);
    return rc;
}

int cli_load(cli_t *cli, pn_dataset_t **out)
{
    if (cli->data_count > 1)
        return cli_load_merged(cli, cli->datas, cli->data_count, out, NULL);
    return cli_load_path(cli, cli->data ? cli->data : cli_default_dataset(), out);
}

int cli_print(const cli_t *cli, table_t *const *tables, size_t count)
{
    tables_set_width(cli_table_width(cli));
    if (tables_print(stdout, cli->format,
                     cli->spreadsheet_safe ? PN_TEXT_CSV_SPREADSHEET_SAFE : 0, tables,
                     count) != 0) {
        cli_error(NULL, "writing the output failed: %s", strerror(errno));
        return EXIT_FAILED;
    }
    return EXIT_OK;
}
