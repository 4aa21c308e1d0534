/*
 * Communities in a table (clusters and report show them): size, agreements inside, country mix
 * and members of each.
 */
#include "results.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* The members' names joined with "; ", at most @p listed of them, then how many more. */
static char *member_list(const pn_graph_t *g, const igraph_integer_t *members,
                         igraph_integer_t size, igraph_integer_t listed)
{
    size_t length = sizeof "; ... 99999999999999999999 more";
    for (igraph_integer_t i = 0; i < listed; i++)
        length += strlen(pn_graph_vertex_name(g, members[i])) + 2;
    char *text = xmalloc(length), *end = text;
    *end = '\0';
    for (igraph_integer_t i = 0; i < listed; i++)
        end += sprintf(end, "%s%s", i ? "; " : "", pn_graph_vertex_name(g, members[i]));
    if (listed < size)
        sprintf(end, "; ... %ld more", (long)(size - listed));
    return text;
}

table_t *result_communities_table(const pn_graph_t *g, const igraph_vector_int_t *membership,
                                  igraph_integer_t count, long top, int short_lists,
                                  const char *title)
{
    const igraph_t *graph = pn_graph_igraph(g);
    igraph_integer_t n = igraph_vcount(graph);
    double *partners = xcalloc((size_t)n, sizeof *partners);
    long *inside = xcalloc((size_t)count, sizeof *inside);
    igraph_integer_t *members = xmalloc((size_t)n * sizeof *members);
    for (igraph_integer_t e = 0; e < igraph_ecount(graph); e++) {
        igraph_integer_t a = IGRAPH_FROM(graph, e), b = IGRAPH_TO(graph, e);
        partners[a]++;
        partners[b]++;
        if (VECTOR(*membership)[a] == VECTOR(*membership)[b])
            inside[VECTOR(*membership)[a]] += (long)VECTOR(*pn_graph_weights(g))[e];
    }
    table_t *t = table_new("communities", title);
    static const column_spec_t columns[] = {
        {"community", COL_INT, -1},
        {"size", COL_INT, -1},
        {"agreements", COL_INT, -1},
        {"countries", COL_TEXT, -1},
        {"members", COL_TEXT, -1}};
    TABLE_COLUMNS(t, columns);
    long shown = top > 0 && top < count ? top : (long)count;
    /* the vertices grouped by community, in vertex order: members of c from first[c] on */
    igraph_integer_t *first = xcalloc((size_t)count + 1, sizeof *first);
    for (igraph_integer_t v = 0; v < n; v++)
        first[VECTOR(*membership)[v] + 1]++;
    for (igraph_integer_t c = 0; c < count; c++)
        first[c + 1] += first[c];
    igraph_integer_t *next = xmalloc((size_t)(count ? count : 1) * sizeof *next);
    memcpy(next, first, (size_t)count * sizeof *next);
    for (igraph_integer_t v = 0; v < n; v++)
        members[next[VECTOR(*membership)[v]]++] = v;
    free(next);
    for (long c = 0; c < shown; c++) {
        igraph_integer_t size = first[c + 1] - first[c];
        igraph_integer_t *group = members + first[c];
        /* members by decreasing number of partners */
        result_sort(group, (size_t)size, g, partners);
        char countries[2048];
        result_country_mix(countries, sizeof countries, g, group, (size_t)size);
        char *names = member_list(g, group, size, short_lists && size > 6 ? 5 : size);
        table_int(t, c + 1);
        table_int(t, size);
        table_int(t, inside[c]);
        table_json(t, countries, result_country_mix_json(g, group, (size_t)size));
        cJSON *list = cJSON_CreateArray();
        for (igraph_integer_t i = 0; i < size && list; i++)
            cJSON_AddItemToArray(list, result_vertex_json(g, group[i]));
        table_json(t, names, list);
        free(names);
    }
    free(partners);
    free(inside);
    free(members);
    free(first);
    return t;
}
