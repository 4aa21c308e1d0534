/*
 * partnet check: every problem in a dataset, errors first, with its file and line; exits 2
 * when there is any error.
 */
#include "commands.h"
#include "terminal.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
    "Usage: partnet check [OPTIONS] [PATH]\n"
    "\n"
    "Read a dataset (PATH, else --data, else the bundled one) and list every problem:\n"
    "  error    the dataset cannot be used (malformed file, missing field, duplicate id,\n"
    "           unknown party, self-agreement, impossible date, end before start, unknown\n"
    "           country code, level or kind, invalid UTF-8)\n"
    "  warning  it can, but something looks wrong (a guessed country name, an unknown field)\n"
    "  note     weaker remarks: agreements without a source or a date, countries with\n"
    "           regions but no count of them\n"
    "Each names the file, the line and the field. Exit code 0 when there are no errors,\n"
    "2 when there are. With --format csv or json, each problem's file, line, column, field\n"
    "and entity (\"node am-kapan\") are fields of their own beside severity and message,\n"
    "empty (null) when the problem does not name them.\n"
    "\n"
    "Examples:\n"
    "  partnet check graphs/cis.json\n"
    "  partnet check --format csv mydata.json > problems.csv\n";

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

int cmd_check(cli_t *cli, int argc, char **argv)
{
    int rc = cli_parse_operands(cli, argc, argv, NULL, NULL, NULL, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (optind + 1 < argc) {
        cli_error("check", "expected one dataset, found \"%s\" too", argv[optind + 1]);
        return cli_usage_error("check");
    }
    const char *path = optind < argc ? argv[optind] : cli->data ? cli->data
                                                                : cli_default_dataset();
    pn_problems_t *problems = NULL;
    pn_dataset_t *ds = NULL;
    if (pn_problems_new(&problems) != 0)
        return EXIT_FAILED;
    int status = cli_load_all(cli, path, &ds, problems);
    static const char *const severity[] = {"error", "warning", "note"};

    size_t errors = pn_problems_total(problems, PN_SEVERITY_ERROR);
    size_t warnings = pn_problems_total(problems, PN_SEVERITY_WARNING);
    size_t notes = pn_problems_total(problems, PN_SEVERITY_NOTE);
    if (status != 0 && errors == 0) {
        /* not a problem in the data: the file could not be read at all */
        cli_error("check", "%s", pn_error_last());
        pn_problems_free(problems);
        return status == PN_ENOMEM ? EXIT_FAILED : EXIT_USAGE;
    }

    /* a message too long for the terminal goes on under itself, whole */
    size_t width = cli_table_width(cli);
    /* errors first, then warnings, then notes */
    table_t *list = table_new("problems", NULL);
    table_column(list, "severity", COL_TEXT, -1);
    table_column(list, "file", COL_TEXT, -1);
    table_column(list, "line", COL_INT, -1);
    table_column(list, "column", COL_INT, -1);
    table_column(list, "field", COL_TEXT, -1);
    table_column(list, "entity", COL_TEXT, -1);
    table_column(list, "message", COL_TEXT, -1);
    for (int s = PN_SEVERITY_ERROR; s <= PN_SEVERITY_NOTE; s++) {
        for (size_t i = 0; i < pn_problems_count(problems); i++) {
            const pn_problem_t *p = pn_problems_get(problems, i);
            if ((int)p->severity != s)
                continue;
            if (cli->format == FORMAT_TABLE) {
                char prefix[16];
                snprintf(prefix, sizeof prefix, "%s: ", severity[s]);
                terminal_wrap(stdout, prefix, p->message, width);
            }
            table_text(list, severity[s]);
            text_or_null(list, p->file);
            number_or_null(list, p->line);
            number_or_null(list, p->column);
            text_or_null(list, p->field);
            text_or_null(list, p->entity);
            table_text(list, p->message);
        }
    }
    if (cli->format == FORMAT_TABLE) {
        char summary[256];
        int n = snprintf(summary, sizeof summary, ": %zu error%s, %zu warning%s, %zu note%s",
                         errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                         notes, notes == 1 ? "" : "s");
        if (ds)
            snprintf(summary + n, sizeof summary - (size_t)n,
                     "; %zu nodes, %zu agreements, %zu countries", pn_dataset_node_count(ds),
                     pn_dataset_agreement_count(ds), pn_dataset_country_count(ds));
        char *line = xmalloc(strlen(path) + strlen(summary) + 1);
        sprintf(line, "%s%s", path, summary);
        terminal_wrap(stdout, "", line, width);
        free(line);
        rc = EXIT_OK;
        if (fflush(stdout) != 0 || ferror(stdout)) {
            cli_error(NULL, "writing the output failed: %s", strerror(errno));
            rc = EXIT_FAILED;
        }
    } else {
        rc = cli_print(cli, &list, 1);
    }
    table_free(list);
    pn_problems_free(problems);
    pn_dataset_free(ds);
    if (rc != EXIT_OK)
        return rc;
    return errors ? EXIT_USAGE : EXIT_OK;
}
