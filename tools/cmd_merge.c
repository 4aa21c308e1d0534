/*
 * partnet merge: several datasets (any mix of formats) written as one native dataset, with the
 * account of what was merged, kept apart and found in conflict.
 */
#include "commands.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
    "Usage: partnet merge [-o FILE] [--report FILE] [--title T] [--description D]\n"
    "                     [--licence L] DATASET DATASET...\n"
    "\n"
    "Read several datasets (native JSON, CSV tables, pair lists, in any mix; --data PATH\n"
    "counts as one more, before the operands) and write them as one native dataset: each\n"
    "place and each agreement once, with every source that reports it.\n"
    "\n"
    "A node is a node of an earlier dataset with the same id; else of the same country with\n"
    "the same name or alias (case, accents, punctuation and script aside: Mogilev, mogilev,\n"
    "Могилёв); else whose name is its name without a list's qualifiers, when they name that\n"
    "node's parent (Lagoa, Azores); else the one node a letter or two away (names of 6\n"
    "letters or more), when nothing else is as close. Another level or parent, where both\n"
    "give one, is another node. A node that could be several is kept apart and reported.\n"
    "An agreement is one of an earlier dataset between the same two nodes, of a compatible\n"
    "kind, with compatible dates (undated, or one within the other: 2012 and 2012-06); it\n"
    "keeps every source and the more precise date. A kind a source does not state (a pair\n"
    "list's row without one, a twinning by default) is compatible with any, and the stated\n"
    "one is kept. The same pair with two stated kinds or other dates is a conflict: both\n"
    "are kept, and reported with both files and lines.\n"
    "\n"
    "  -o, --output FILE  the merged dataset (native JSON; default - , standard output),\n"
    "                     written whole or not at all\n"
    "  --report FILE      the account: every merge, conflict and ambiguous match (what,\n"
    "                     ground, file, line, id, other_file, other_line, other_id, detail),\n"
    "                     then the agreements of each dataset found in another or only there,\n"
    "                     in --format (default: the table, on standard error)\n"
    "  --title TEXT       the merged dataset's title (default: the first dataset's)\n"
    "  --description TEXT its description (default: the first dataset's)\n"
    "  --licence TEXT     its license (or --license; default: the license every dataset\n"
    "                     states, else each dataset's in turn, \"a.json: CC BY 4.0;\n"
    "                     b.csv: no license stated\")\n"
    "\n"
    "Exit codes: 0 merged, 1 writing failed, 2 bad input (an input with errors, or one id\n"
    "given to nodes of two countries).\n"
    "\n"
    "Examples:\n"
    "  partnet merge graphs/cis.json twin_cities_cis.csv -o cis-world.json\n"
    "  partnet merge a.json b.csv --report merged.csv --format csv -o merged.json\n"
    "  partnet --data a.json --data b.csv info      (any command reads several --data)\n";

enum { OPT_OUTPUT = 'o', OPT_REPORT = OPT_COMMON_END, OPT_TITLE, OPT_DESCRIPTION, OPT_LICENCE };

typedef struct {
    const char *output, *report;
    const char *title, *description, *licence;
} merge_t;

static int option(void *ctx, int opt, const char *arg)
{
    merge_t *m = ctx;
    if (opt == OPT_OUTPUT)
        m->output = arg;
    else if (opt == OPT_REPORT)
        m->report = arg;
    else if (opt == OPT_TITLE)
        m->title = arg;
    else if (opt == OPT_DESCRIPTION)
        m->description = arg;
    else if (opt == OPT_LICENCE)
        m->licence = arg;
    else
        return -1;
    return 0;
}

/* A line number, or an empty cell when unknown. */
static void line_cell(table_t *t, uint32_t line)
{
    if (line)
        table_int(t, line);
    else
        table_null(t);
}

static table_t *account_table(const pn_merge_t *merge)
{
    table_t *t = table_new("merged", "What was merged, kept apart and in conflict");
    static const column_spec_t columns[] = {
        {"what", COL_TEXT, -1},       {"ground", COL_TEXT, -1},   {"file", COL_TEXT, -1},
        {"line", COL_INT, -1},        {"id", COL_TEXT, -1},       {"other_file", COL_TEXT, -1},
        {"other_line", COL_INT, -1},  {"other_id", COL_TEXT, -1}, {"detail", COL_TEXT, -1}};
    TABLE_COLUMNS(t, columns);
    for (size_t i = 0; i < pn_merge_event_count(merge); i++) {
        const pn_merge_event_t *e = pn_merge_event(merge, i);
        table_text(t, pn_merge_event_kind_name(e->kind));
        table_text(t, e->ground);
        table_text(t, e->file);
        line_cell(t, e->line);
        table_text(t, e->id);
        table_text(t, e->other_file);
        line_cell(t, e->other_line);
        table_text(t, e->other_id);
        table_text(t, e->detail);
    }
    return t;
}

/* Per dataset: its agreements in the merged dataset, those another dataset reports too, those
 * only it reports; then the merged dataset's. */
static table_t *sources_table(const pn_merge_t *merge, const pn_dataset_t *ds,
                              const char *const *paths, size_t count)
{
    table_t *t = table_new("sources", "Agreements by dataset");
    static const column_spec_t columns[] = {
        {"dataset", COL_TEXT, -1}, {"agreements", COL_INT, -1}, {"in_another", COL_INT, -1},
        {"only_here", COL_INT, -1}, {"conflicts", COL_INT, -1}};
    TABLE_COLUMNS(t, columns);
    size_t n = pn_dataset_agreement_count(ds), several = 0, conflicts = 0;
    for (size_t i = 0; i < n; i++)
        several += (pn_merge_agreement_origins(merge, i) &
                    (pn_merge_agreement_origins(merge, i) - 1)) != 0;
    for (size_t k = 0; k < count; k++) {
        uint32_t bit = 1u << k;
        size_t mine = 0, shared = 0, only = 0, conflicting = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t o = pn_merge_agreement_origins(merge, i);
            mine += (o & bit) != 0;
            shared += (o & bit) && o != bit;
            only += o == bit;
        }
        for (size_t i = 0; i < pn_merge_event_count(merge); i++) {
            const pn_merge_event_t *e = pn_merge_event(merge, i);
            conflicting += e->kind == PN_MERGE_CONFLICT && e->input == k;
        }
        conflicts += conflicting;
        table_text(t, paths[k]);
        table_int(t, (long long)mine);
        table_int(t, (long long)shared);
        table_int(t, (long long)only);
        table_int(t, (long long)conflicting);
    }
    table_text(t, "merged");
    table_int(t, (long long)n);
    table_int(t, (long long)several);
    table_int(t, (long long)(n - several));
    table_int(t, (long long)conflicts);
    return t;
}

static int write_report(const cli_t *cli, const char *path, table_t *const *tables)
{
    unsigned flags = cli->spreadsheet_safe ? PN_TEXT_CSV_SPREADSHEET_SAFE : 0;
    if (!path)
        return tables_print(stderr, FORMAT_TABLE, flags, tables, 2) == 0 ? EXIT_OK : EXIT_FAILED;
    pn_outfile_t *f = NULL;
    int status = pn_outfile_open(&f, path);
    if (status != 0)
        return cli_failure("merge", status);
    if (tables_print(pn_outfile_stream(f), cli->format, flags, tables, 2) != 0) {
        pn_outfile_free(f);
        cli_error("merge", "%s: %s", path, strerror(errno));
        return EXIT_FAILED;
    }
    status = pn_outfile_commit(f);
    return status == 0 ? EXIT_OK : cli_failure("merge", status);
}

int cmd_merge(cli_t *cli, int argc, char **argv)
{
    static const struct option options[] = {{"output", required_argument, NULL, OPT_OUTPUT},
                                            {"report", required_argument, NULL, OPT_REPORT},
                                            {"title", required_argument, NULL, OPT_TITLE},
                                            {"description", required_argument, NULL,
                                             OPT_DESCRIPTION},
                                            {"licence", required_argument, NULL, OPT_LICENCE},
                                            {"license", required_argument, NULL, OPT_LICENCE},
                                            {NULL, 0, NULL, 0}};
    merge_t m = {"-", NULL, NULL, NULL, NULL};
    int rc = cli_parse_operands(cli, argc, argv, options, option, &m, help);
    if (rc != CLI_CONTINUE)
        return rc;
    const char *paths[PN_MERGE_MAX_INPUTS];
    size_t count = 0;
    for (size_t k = 0; k < cli->data_count; k++)
        paths[count++] = cli->datas[k];
    for (int i = optind; i < argc; i++) {
        if (count == PN_MERGE_MAX_INPUTS) {
            cli_error("merge", "at most %d datasets are merged", PN_MERGE_MAX_INPUTS);
            return EXIT_USAGE;
        }
        paths[count++] = argv[i];
    }
    if (count == 0) {
        cli_error("merge", "expected the datasets to merge");
        return cli_usage_error("merge");
    }
    pn_dataset_t *ds = NULL;
    pn_merge_t *merge = NULL;
    rc = cli_load_merged(cli, paths, count, &ds, &merge);
    if (rc != EXIT_OK)
        return rc;
    int status = pn_dataset_set_metadata(ds, m.title, m.description, m.licence);
    if (status == 0)
        status = pn_export_dataset(ds, m.output);
    if (status != 0) {
        rc = status == PN_EINVALID ? EXIT_USAGE : EXIT_FAILED;
        cli_error("merge", "%s", pn_error_last());
    } else {
        table_t *tables[2] = {account_table(merge), sources_table(merge, ds, paths, count)};
        rc = write_report(cli, m.report, tables);
        table_free(tables[0]);
        table_free(tables[1]);
    }
    pn_merge_free(merge);
    pn_dataset_free(ds);
    return rc;
}
