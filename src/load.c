/*
 * pn_dataset_load(): the dispatcher. It chooses the format reader from the path and the first
 * bytes, runs it, then the checks every dataset goes through, and hands out the dataset only
 * when nothing failed.
 */
#include "load_readers.h"

#include "error.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* path/name, or the folder of path followed by name; the caller frees it. */
static char *beside(const char *path, const char *name, int path_is_folder)
{
    size_t dir = strlen(path);
    if (!path_is_folder) {
        const char *slash = strrchr(path, '/');
        dir = slash ? (size_t)(slash - path) : 0;
    }
    char *p = malloc(dir + strlen(name) + 2);
    if (!p)
        return NULL;
    if (dir == 0 && !path_is_folder)
        strcpy(p, name);
    else
        sprintf(p, "%.*s/%s", (int)dir, path, name);
    return p;
}

/* The first line of a CSV (BOM skipped), lower-cased, NUL-terminated, in @p out. */
static void header_line(const char *data, size_t len, char *out, size_t cap)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t n = 0;
    while (n < len && n + 1 < cap && data[n] != '\n' && data[n] != '\r') {
        char c = data[n];
        out[n] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        n++;
    }
    out[n] = '\0';
}

/* Does the header name a column exactly @p name (between delimiters, quotes and spaces)? */
static int header_has(const char *header, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(header, name); p; p = strstr(p + 1, name)) {
        int before = p == header || strchr(",;\t\" ", p[-1]);
        int after = p[n] == '\0' || strchr(",;\t\" ", p[n]);
        if (before && after)
            return 1;
    }
    return 0;
}

static int choose_and_load(pn_loader_t *l, const char *path)
{
    const pn_load_options_t *opts = l->opts;
    pn_reader_t in;
    char *nodes = NULL, *folder = NULL, *header = NULL;
    int status = 0;

    if (is_folder(path)) {
        if (opts->input != PN_INPUT_AUTO && opts->input != PN_INPUT_TABLES)
            return pn_error_set(PN_EUSAGE, "%s: is a folder; only nodes.csv + edges.csv tables "
                                 "are read from a folder", path);
        char *edges = beside(path, "edges.csv", 1);
        nodes = beside(path, "nodes.csv", 1);
        if (!edges || !nodes) {
            free(edges);
            status = pn_error__nomem();
            goto done;
        }
        if (!exists(edges) || !exists(nodes)) {
            status = pn_error_set(PN_EIO, "%s: expected a folder holding nodes.csv and edges.csv",
                                   path);
            free(edges);
            goto done;
        }
        status = pn_load__open(&in, l, edges);
        if (status == 0) {
            status = pn_load__tables(l, &in, opts->nodes_path ? opts->nodes_path : nodes, path);
            pn_reader__close(&in);
        }
        free(edges);
        goto done;
    }

    status = pn_load__open(&in, l, path);
    if (status != 0)
        goto done;
    pn_input_t input = opts->input;
    const char *data;
    size_t len;
    /* the whole header line as far as the peek holds it: a CSV header is at most that long
     * (csvrows.c), whether the file is named or its folder */
    if (!(header = malloc(PN_READER_PEEK_SIZE + 1))) {
        status = pn_error__nomem();
        goto close;
    }
    if ((status = pn_load__sniff(l, &in)) != 0 ||
        (status = pn_reader__peek(&data, &len, &in)) != 0)
        goto close;
    header_line(data, len, header, PN_READER_PEEK_SIZE + 1);
    if (input == PN_INPUT_AUTO) {
        size_t i = (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
        while (i < len && data[i] && strchr(" \t\r\n", data[i]))
            i++;
        if (i == len && len < PN_READER_PEEK_SIZE) {
            status = pn_load__error(l, "%s:1: the file is empty; expected a dataset: native "
                                    "JSON, CSV tables or a pair list", in.name);
            status = status ? status : PN_EPARSE;
            goto close;
        }
        if (i < len && (data[i] == '{' || data[i] == '['))
            input = PN_INPUT_JSON;
        else if (opts->nodes_path && !opts->columns)
            input = PN_INPUT_TABLES;
        else if (!opts->columns && !opts->no_header && header_has(header, "source") &&
                 header_has(header, "target"))
            input = PN_INPUT_TABLES;
        else
            input = PN_INPUT_PAIRS;
    }
    switch (input) {
    case PN_INPUT_JSON:
        status = pn_load__json(l, &in);
        break;
    case PN_INPUT_TABLES:
        /* the companion tables beside the edge table (none for standard input) */
        if (!in.is_stdin && !(folder = beside(path, "", 0))) {
            status = pn_error__nomem();
            break;
        }
        if (opts->nodes_path) {
            status = pn_load__tables(l, &in, opts->nodes_path, folder);
            break;
        }
        nodes = in.is_stdin ? NULL : beside(path, "nodes.csv", 0);
        if (!nodes || !exists(nodes)) {
            status = pn_error_set(PN_EUSAGE, "%s: an edges table (source, target columns) needs "
                                   "its nodes: give --nodes FILE, or put nodes.csv beside it", in.name);
            break;
        }
        status = pn_load__tables(l, &in, nodes, folder);
        break;
    default:
        status = pn_load__pairs(l, &in);
        break;
    }
close:
    pn_reader__close(&in);
done:
    free(nodes);
    free(folder);
    free(header);
    return status;
}

int pn_dataset_load(pn_dataset_t **out, const char *path, const pn_load_options_t *opts,
            pn_problems_t *problems)
{
    pn_load_options_t defaults = PN_LOAD_OPTIONS_INIT;
    pn_problems_t *own = NULL;
    pn_loader_t l = PN_LOADER_INIT(NULL, problems, opts ? opts : &defaults);
    assert(out && path);
    PN_CHECK_OPTIONS(l.opts, PN_LOAD_OPTIONS_VERSION, "pn_load_options_t");
    int status;

    pn_error_clear();
    if (!problems && (status = pn_problems_new(&own)) != 0)
        return status;
    if (!problems)
        l.problems = own;
    status = pn_dataset_new(&l.ds, strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (status != 0)
        goto done;
    size_t before = pn_load__errors(&l);
    status = choose_and_load(&l, path);
    if (status == 0)
        status = pn_load__check(&l);
    if (status == 0 && pn_load__errors(&l) > before)
        status = PN_EINVALID;
done:
    if (status == 0) {
        l.ds->nodes_file = l.nodes_file;
        l.ds->agreements_file = l.agreements_file;
        *out = l.ds;
    } else {
        pn_dataset_free(l.ds);
        /* the first error explains the failure, whatever was set after it */
        const pn_problem_t *first = NULL;
        for (size_t i = 0; i < pn_problems_count(l.problems) && !first; i++)
            if (pn_problems_get(l.problems, i)->severity == PN_SEVERITY_ERROR)
                first = pn_problems_get(l.problems, i);
        if (first && status != PN_ENOMEM)
            pn_error_set(status, "%s", first->message);
        else if (!pn_error_last()[0])
            pn_error_set(status, "%s: cannot be loaded", path);
    }
    pn_load__destroy(&l);
    pn_problems_free(own);
    return status;
}
