/*
 * partnet check: every problem in one dataset or several, errors first, with its file and
 * line; with several, also what merging them finds (conflicts, ambiguous matches). Exits 2
 * when there is any error.
 */
#include "commands.h"
#include "terminal.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet check [OPTIONS] [PATH...]\n"
    "\n"
    "Read datasets (the PATHs, else every --data, else the bundled one) and list every\n"
    "problem:\n"
    "  error    the dataset cannot be used (malformed file, missing field, duplicate id,\n"
    "           unknown party, self-agreement, impossible date, end before start, unknown\n"
    "           country code, level or kind, invalid UTF-8)\n"
    "  warning  it can, but something looks wrong (a guessed country name, an unknown field)\n"
    "  note     weaker remarks: agreements without a source or a date, countries with\n"
    "           regions but no count of them\n"
    "Each names the file, the line and the field. With several datasets, each is checked,\n"
    "and when none has errors they are merged as 'partnet merge' does: its conflicts and\n"
    "ambiguous matches are warnings, an id given to nodes of two countries an error.\n"
    "Exit code 0 when there are no errors, 2 when there are. With --format csv or json,\n"
    "each problem's file, line, column, field and entity (\"node am-kapan\") are fields of\n"
    "their own beside severity and message, empty (null) when the problem does not name\n"
    "them.\n"
    "\n"
    "Examples:\n"
    "  partnet check graphs/cis.json\n"
    "  partnet check --format csv mydata.json > problems.csv\n"
    "  partnet check graphs/cis.json twin_cities_raw.csv\n";

/* What a problem does not name is null in JSON, an empty cell in CSV. */
static void text_or_null(table_t *t, const char *text)
{
    if (text)
        table_text(t, text);
    else
        table_null(t);
}

static void number_or_null(table_t *t, unsigned n)
{
    if (n)
        table_int(t, n);
    else
        table_null(t);
}

/* Problems [from, to) of @p problems by severity. */
static void count_problems(size_t counts[3], const pn_problems_t *problems, size_t from,
                           size_t to)
{
    counts[0] = counts[1] = counts[2] = 0;
    for (size_t i = from; i < to; i++) {
        int s = (int)pn_problems_get(problems, i)->severity;
        if (s >= PN_SEVERITY_ERROR && s <= PN_SEVERITY_NOTE)
            counts[s - PN_SEVERITY_ERROR]++;
    }
}

static void print_counts(const char *path, const size_t counts[3], const pn_dataset_t *ds,
                         size_t width)
{
    char summary[256];
    int n = snprintf(summary, sizeof summary, ": %zu error%s, %zu warning%s, %zu note%s",
                     counts[0], counts[0] == 1 ? "" : "s", counts[1], counts[1] == 1 ? "" : "s",
                     counts[2], counts[2] == 1 ? "" : "s");
    if (ds)
        snprintf(summary + n, sizeof summary - (size_t)n,
                 "; %zu nodes, %zu agreements, %zu countries", pn_dataset_node_count(ds),
                 pn_dataset_agreement_count(ds), pn_dataset_country_count(ds));
    char *line = xmalloc(strlen(path) + strlen(summary) + 1);
    sprintf(line, "%s%s", path, summary);
    terminal_wrap(stdout, "", line, width);
    free(line);
}

/* One problem in the text list: a message too long for the terminal goes on under itself,
 * whole. */
static void print_problem(const char *severity, const char *message, size_t width)
{
    char prefix[16];
    snprintf(prefix, sizeof prefix, "%s: ", severity);
    terminal_wrap(stdout, prefix, message, width);
}

/* The rows of one severity: the loaders' problems, then (warnings) the merge's conflicts and
 * ambiguous matches, or (errors) why the merge was refused. */
static void list_severity(table_t *list, const cli_t *cli, int s, const pn_problems_t *problems,
                          const pn_merge_t *merge, const char *merge_error, size_t width)
{
    static const char *const severity[] = {"error", "warning", "note"};
    for (size_t i = 0; i < pn_problems_count(problems); i++) {
        const pn_problem_t *p = pn_problems_get(problems, i);
        if ((int)p->severity != s)
            continue;
        if (cli->format == FORMAT_TABLE)
            print_problem(severity[s], p->message, width);
        table_text(list, severity[s]);
        text_or_null(list, p->file);
        number_or_null(list, p->line);
        number_or_null(list, p->column);
        text_or_null(list, p->field);
        text_or_null(list, p->entity);
        table_text(list, p->message);
    }
    if (s == PN_SEVERITY_ERROR && merge_error) {
        if (cli->format == FORMAT_TABLE)
            print_problem("error", merge_error, width);
        table_text(list, "error");
        for (int c = 0; c < 5; c++)
            table_null(list);
        table_text(list, merge_error);
    }
    for (size_t i = 0; s == PN_SEVERITY_WARNING && merge && i < pn_merge_event_count(merge);
         i++) {
        const pn_merge_event_t *e = pn_merge_event(merge, i);
        if (e->kind != PN_MERGE_CONFLICT && e->kind != PN_MERGE_AMBIGUOUS)
            continue;
        char message[2048], entity[512];
        cli_merge_event_message(message, sizeof message, e);
        snprintf(entity, sizeof entity, "%s %s", e->kind == PN_MERGE_CONFLICT ? "agreement"
                 : strcmp(e->ground, "agreement kept apart") == 0 ? "agreement" : "node", e->id);
        if (cli->format == FORMAT_TABLE)
            print_problem("warning", message, width);
        table_text(list, "warning");
        table_text(list, e->file);
        number_or_null(list, e->line);
        table_null(list);
        table_null(list);
        table_text(list, entity);
        table_text(list, message);
    }
}

int cmd_check(cli_t *cli, int argc, char **argv)
{
    int rc = cli_parse_operands(cli, argc, argv, NULL, NULL, NULL, help);
    if (rc != CLI_CONTINUE)
        return rc;
    const char *paths[PN_MERGE_MAX_INPUTS];
    size_t count = 0;
    if (argc - optind > PN_MERGE_MAX_INPUTS) {
        cli_error("check", "at most %d datasets are checked together", PN_MERGE_MAX_INPUTS);
        return EXIT_USAGE;
    }
    if (optind < argc)
        for (int i = optind; i < argc; i++)
            paths[count++] = argv[i];
    else
        for (size_t k = 0; k < cli->data_count; k++)
            paths[count++] = cli->datas[k];
    if (count == 0)
        paths[count++] = cli_default_dataset();

    pn_problems_t *problems = NULL;
    pn_dataset_t *inputs[PN_MERGE_MAX_INPUTS] = {NULL}, *merged = NULL;
    size_t ends[PN_MERGE_MAX_INPUTS]; /* each dataset's problems end there */
    pn_merge_t *merge = NULL;
    char *merge_error = NULL;
    table_t *list = NULL;
    rc = EXIT_OK;
    if (pn_problems_new(&problems) != 0) {
        rc = EXIT_FAILED;
        goto done;
    }
    for (size_t k = 0; k < count; k++) {
        size_t errors = pn_problems_total(problems, PN_SEVERITY_ERROR);
        int status = cli_load_all(cli, paths[k], &inputs[k], problems);
        ends[k] = pn_problems_count(problems);
        if (status != 0 && pn_problems_total(problems, PN_SEVERITY_ERROR) == errors) {
            /* not a problem in the data: the file could not be read at all */
            cli_error("check", "%s", pn_error_last());
            rc = status == PN_ENOMEM ? EXIT_FAILED : EXIT_USAGE;
            goto done;
        }
    }
    size_t errors = pn_problems_total(problems, PN_SEVERITY_ERROR);
    if (count > 1 && errors == 0) {
        int status = pn_dataset_merge(&merged, &merge, "merged",
                                      (const pn_dataset_t *const *)inputs, count);
        if (status == PN_EINVALID) {
            if (!(merge_error = strdup(pn_error_last()))) {
                rc = EXIT_FAILED;
                goto done;
            }
            errors++;
        } else if (status != 0) {
            cli_error("check", "%s", pn_error_last());
            rc = EXIT_FAILED;
            goto done;
        }
    }

    size_t width = cli_table_width(cli);
    /* errors first, then warnings, then notes */
    list = table_new("problems", NULL);
    table_column(list, "severity", COL_TEXT, -1);
    table_column(list, "file", COL_TEXT, -1);
    table_column(list, "line", COL_INT, -1);
    table_column(list, "column", COL_INT, -1);
    table_column(list, "field", COL_TEXT, -1);
    table_column(list, "entity", COL_TEXT, -1);
    table_column(list, "message", COL_TEXT, -1);
    for (int s = PN_SEVERITY_ERROR; s <= PN_SEVERITY_NOTE; s++)
        list_severity(list, cli, s, problems, merge, merge_error, width);
    if (cli->format == FORMAT_TABLE) {
        size_t counts[3];
        for (size_t k = 0; k < count; k++) {
            count_problems(counts, problems, k ? ends[k - 1] : 0, ends[k]);
            print_counts(paths[k], counts, inputs[k], width);
        }
        if (count > 1) {
            size_t conflicts = 0, ambiguous = 0;
            for (size_t i = 0; merge && i < pn_merge_event_count(merge); i++) {
                conflicts += pn_merge_event(merge, i)->kind == PN_MERGE_CONFLICT;
                ambiguous += pn_merge_event(merge, i)->kind == PN_MERGE_AMBIGUOUS;
            }
            printf("merged: ");
            if (!merged)
                printf("%s\n", merge_error ? "refused" : "not merged: the datasets have errors");
            else
                printf("%zu conflict%s, %zu ambiguous match%s; %zu nodes, %zu agreements, "
                       "%zu countries\n", conflicts, conflicts == 1 ? "" : "s", ambiguous,
                       ambiguous == 1 ? "" : "es", pn_dataset_node_count(merged),
                       pn_dataset_agreement_count(merged), pn_dataset_country_count(merged));
        }
        if (fflush(stdout) != 0 || ferror(stdout)) {
            cli_error(NULL, "writing the output failed: %s", strerror(errno));
            rc = EXIT_FAILED;
        }
    } else {
        rc = cli_print(cli, &list, 1);
    }
    if (rc == EXIT_OK && errors)
        rc = EXIT_USAGE;
done:
    table_free(list);
    pn_problems_free(problems);
    for (size_t k = 0; k < count; k++)
        pn_dataset_free(inputs[k]);
    pn_dataset_free(merged);
    pn_merge_free(merge);
    free(merge_error);
    return rc;
}
