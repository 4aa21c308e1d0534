/*
 * partnet agreements: the agreements of a view, one row each with its source: those between
 * two countries, those of one node, of some kinds, signed in a window.
 */
#include "commands.h"
#include "records.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: partnet agreements [--between CC,CC] [--node NODE] [OPTIONS]\n"
    "\n"
    "The agreements themselves, one row each with its provenance (document, line, quote),\n"
    "oldest first (undated ones last): those of the view, narrowed by:\n"
    "\n"
    "  --between CC,CC    agreements between a party of country CC and a party of the other\n"
    "                     (ISO codes; BY,BY: within Belarus)\n"
    "  --node NODE        agreements of NODE (an id, a name or an alias)\n"
    "\n"
    "Output columns: date, end, kind, a, a_name, a_country, b, b_name, b_country, id,\n"
    "document, line (in the document), location, quote, url (the first source), sources\n"
    "(every source as document:line, separated by |), input_line (in the dataset); a\n"
    "terminal table leaves out the names, end, id, location, url and input line, and\n"
    "shortens the quotes. JSON: a list of agreements, each with its two parties as\n"
    "{id, name, country}, its first source as an object and every source in a list.\n"
    "\n"
    "Examples:\n"
    "  partnet agreements --between BY,AM --as-of 2012\n"
    "  partnet agreements --node by-minsk --kind twinning\n"
    "  partnet agreements --node Могилёв --format json\n"
    "  partnet agreements --since 2015 --as-of 2019 --format csv > signed-2015-2019.csv\n"
    "\n" CLI_VIEW_HELP;

enum { OPT_BETWEEN = OPT_COMMON_END, OPT_NODE };

typedef struct {
    pn_view_options_t view;
    const char *between, *node;
} agreements_args_t;

static int option(void *ctx, int opt, const char *arg)
{
    agreements_args_t *a = ctx;
    int handled = cli_view_option(&a->view, opt, arg);
    if (handled != 0)
        return handled < 0 ? -1 : 0;
    if (opt == OPT_BETWEEN) {
        const char *comma = strchr(arg, ',');
        if (!comma || comma == arg || !comma[1] || strchr(comma + 1, ',')) {
            cli_error("agreements", "--between: expected two country codes, CC,CC, not \"%s\"",
                      arg);
            return -1;
        }
        a->between = arg;
        return 0;
    }
    if (opt == OPT_NODE) {
        a->node = arg;
        return 0;
    }
    return -1;
}

/* The two countries of --between. @return EXIT_OK, or EXIT_USAGE (printed) */
static int countries(uint32_t out[2], const pn_dataset_t *ds, const char *between)
{
    char code[2][64], typed[64];
    size_t n = strcspn(between, ",");
    snprintf(typed, sizeof typed, "%.*s", (int)n, between);
    cli_country_code(code[0], sizeof code[0], typed);
    cli_country_code(code[1], sizeof code[1], between + n + 1);
    for (int k = 0; k < 2; k++)
        if (pn_dataset_find_country(&out[k], ds, code[k]) != 0) {
            cli_error("agreements", "--between: no country \"%s\" in %s", code[k],
                      pn_dataset_name(ds));
            return EXIT_USAGE;
        }
    return EXIT_OK;
}

int cmd_agreements(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"between", required_argument, NULL, OPT_BETWEEN},
                                        {"node", required_argument, NULL, OPT_NODE},
                                        CLI_VIEW_OPTIONS,
                                        {NULL, 0, NULL, 0}};
    agreements_args_t args = {PN_VIEW_OPTIONS_INIT, NULL, NULL};
    int rc = cli_parse(cli, argc, argv, own, option, &args, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (cli_view_check(&args.view, "agreements") != 0)
        return EXIT_USAGE;
    pn_dataset_t *ds = NULL;
    pn_view_t *view = NULL;
    pn_search_t *search = NULL;
    size_t *list = NULL, count = 0;
    uint32_t pair[2] = {PN_NONE, PN_NONE}, node = PN_NONE;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK)
        return rc;
    if (args.between && (rc = countries(pair, ds, args.between)) != EXIT_OK)
        goto done;
    if (args.node) {
        int status = pn_search_new(&search, ds);
        if (status != 0) {
            rc = cli_failure("agreements", status);
            goto done;
        }
        if ((rc = record_resolve(&node, search, args.node, "agreements")) != EXIT_OK)
            goto done;
    }
    if ((rc = cli_view(&view, ds, &args.view, "agreements")) != EXIT_OK)
        goto done;
    size_t n = pn_dataset_agreement_count(ds);
    list = xmalloc(n * sizeof *list);
    const uint32_t *a = pn_dataset_party_a(ds), *b = pn_dataset_party_b(ds);
    for (size_t i = 0; i < n; i++) {
        if (!pn_view_has_agreement(view, i))
            continue;
        if (node != PN_NONE && a[i] != node && b[i] != node)
            continue;
        if (pair[0] != PN_NONE) {
            uint32_t ca = pn_dataset_node(ds, a[i])->country, cb = pn_dataset_node(ds, b[i])->country;
            if (!((ca == pair[0] && cb == pair[1]) || (ca == pair[1] && cb == pair[0])))
                continue;
        }
        list[count++] = i;
    }
    record_sort_by_date(list, count, ds);
    if (cli->format == FORMAT_JSON) {
        cJSON *json = cJSON_CreateArray();
        for (size_t i = 0; i < count; i++)
            cJSON_AddItemToArray(json, record_agreement_json(ds, list[i]));
        rc = record_print_json(json);
        cJSON_Delete(json);
    } else {
        table_t *t = table_new("agreements", NULL);
        record_agreement_columns(t, cli->format, RECORD_PARTIES);
        for (size_t i = 0; i < count; i++)
            record_agreement_cells(t, cli->format, ds, list[i], PN_NONE, RECORD_PARTIES);
        rc = cli_print(cli, &t, 1);
        table_free(t);
    }
done:
    free(list);
    pn_view_free(view);
    pn_search_free(search);
    pn_dataset_free(ds);
    return rc;
}
