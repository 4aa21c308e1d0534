/*
 * partnet search: the nodes whose id, name or alias matches a text, best first.
 */
#include "commands.h"
#include "records.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>

static const char help[] =
    "Usage: partnet search TEXT... [--top N] [OPTIONS]\n"
    "\n"
    "The nodes whose id, name or alias matches TEXT (several words are one text), best\n"
    "first: the id itself, then the name, then an alias, then names that begin with TEXT,\n"
    "then names with a later word that begins with it, then names that contain it. Case,\n"
    "diacritics and script do not matter: Mogilev, mogilëv and Могилёв match alike (ICU\n"
    "romanises every name; see partnet(1)). When nothing matches, the names a few letters\n"
    "away are listed as 'similar'.\n"
    "\n"
    "  --top N            the first N rows (default 20 in a terminal table, all in CSV and\n"
    "                     JSON; 0: all)\n"
    "\n"
    "Output columns: id, name, country, level, parent (its region), agreements (in the\n"
    "dataset), match (id, name, alias, prefix, word, contains or similar), matched (the\n"
    "name or alias that matched).\n"
    "\n"
    "Examples:\n"
    "  partnet search mogilev\n"
    "  partnet search Могилёв --format json\n"
    "  partnet --data world.csv search berat\n";

enum { OPT_TOP = OPT_COMMON_END };

static int option(void *ctx, int opt, const char *arg)
{
    if (opt == OPT_TOP)
        return cli_parse_long("search", "--top", arg, 0, CLI_COUNT_MAX, ctx);
    return -1;
}

/* Agreements of each node in the dataset. */
static size_t *agreement_counts(const pn_dataset_t *ds)
{
    size_t *count = xcalloc(pn_dataset_node_count(ds), sizeof *count);
    const uint32_t *a = pn_dataset_party_a(ds), *b = pn_dataset_party_b(ds);
    for (size_t i = 0; i < pn_dataset_agreement_count(ds); i++) {
        count[a[i]]++;
        count[b[i]]++;
    }
    return count;
}

static cJSON *match_json(const pn_dataset_t *ds, const pn_match_t *m, size_t agreements)
{
    const pn_node_t *n = pn_dataset_node(ds, m->node);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "node", record_node_json(ds, m->node));
    cJSON_AddItemToObject(o, "level", cJSON_CreateString(pn_level_name(n->level)));
    cJSON_AddItemToObject(o, "parent", n->parent == PN_NONE ? cJSON_CreateNull()
                                                            : record_node_json(ds, n->parent));
    cJSON_AddItemToObject(o, "agreements", cJSON_CreateNumber((double)agreements));
    cJSON_AddItemToObject(o, "match", cJSON_CreateString(pn_search_kind_name(m->kind)));
    cJSON_AddItemToObject(o, "matched", cJSON_CreateString(m->matched));
    return o;
}

static void match_cells(table_t *t, const pn_dataset_t *ds, const pn_match_t *m,
                        size_t agreements)
{
    const pn_node_t *n = pn_dataset_node(ds, m->node);
    table_text(t, n->id);
    table_text(t, n->name);
    table_text(t, record_country(ds, m->node));
    table_text(t, pn_level_name(n->level));
    table_text(t, n->parent == PN_NONE ? NULL : pn_dataset_node(ds, n->parent)->id);
    table_int(t, (long long)agreements);
    table_text(t, pn_search_kind_name(m->kind));
    table_text(t, m->matched);
}

int cmd_search(cli_t *cli, int argc, char **argv)
{
    static const struct option own[] = {{"top", required_argument, NULL, OPT_TOP},
                                        {NULL, 0, NULL, 0}};
    long top = -1;
    int rc = cli_parse_operands(cli, argc, argv, own, option, &top, help);
    if (rc != CLI_CONTINUE)
        return rc;
    if (argc == optind) {
        cli_error("search", "expected the TEXT to look for");
        return cli_usage_error("search");
    }
    char *text = record_join(argc, argv, optind);
    if (top < 0)
        top = cli->format == FORMAT_TABLE ? 20 : 0;
    pn_dataset_t *ds = NULL;
    pn_search_t *search = NULL;
    pn_matches_t m = PN_MATCHES_INIT;
    size_t *agreements = NULL;
    if ((rc = cli_load(cli, &ds)) != EXIT_OK) {
        free(text);
        return rc;
    }
    int status = pn_search_new(&search, ds);
    if (status != 0 || (status = pn_search_find(&m, search, text)) != 0) {
        rc = cli_failure("search", status);
        goto done;
    }
    agreements = agreement_counts(ds);
    size_t shown = top > 0 && (size_t)top < m.count ? (size_t)top : m.count;
    if (m.count == 0)
        cli_error("search", "no node is called anything like \"%s\"", text);
    else if (m.items[0].kind == PN_MATCH_SIMILAR)
        cli_error("search", "no node matches \"%s\"; similar names follow", text);
    if (cli->format == FORMAT_JSON) {
        cJSON *list = cJSON_CreateArray();
        for (size_t i = 0; i < shown; i++)
            cJSON_AddItemToArray(list, match_json(ds, &m.items[i], agreements[m.items[i].node]));
        rc = record_print_json(list);
        cJSON_Delete(list);
    } else {
        table_t *t = table_new("search", NULL);
        table_column(t, "id", COL_TEXT, -1);
        table_column(t, "name", COL_TEXT, -1);
        table_column(t, "country", COL_TEXT, -1);
        table_column(t, "level", COL_TEXT, -1);
        table_column(t, "parent", COL_TEXT, -1);
        table_column(t, "agreements", COL_INT, -1);
        table_column(t, "match", COL_TEXT, -1);
        table_column(t, "matched", COL_TEXT, -1);
        for (size_t i = 0; i < shown; i++)
            match_cells(t, ds, &m.items[i], agreements[m.items[i].node]);
        rc = cli_print(cli, &t, 1);
        table_free(t);
    }
    if (rc == EXIT_OK && shown < m.count && cli->format == FORMAT_TABLE)
        cli_error("search", "... and %zu more (--top 0 lists them all)", m.count - shown);
done:
    free(text);
    free(agreements);
    pn_search_matches_destroy(&m);
    pn_search_free(search);
    pn_dataset_free(ds);
    return rc;
}
