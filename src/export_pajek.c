/*
 * Pajek .net export: the view's simple graph, each vertex named by its id and each edge
 * weighted by its number of agreements.
 */
#include <partnet/export.h>

#include "export.h"

/* Pajek reads a label up to the next double quote and has no escape for one. */
static void label(FILE *out, const char *text)
{
    putc('"', out);
    for (const char *p = text; *p; p++)
        putc(*p == '"' ? '\'' : *p == '\n' || *p == '\r' ? ' ' : *p, out);
    putc('"', out);
}

static int write_pajek(FILE *out, pn_export__t *x)
{
    const igraph_t *g = pn_graph_igraph(x->graph);
    const igraph_vector_t *weights = pn_graph_weights(x->graph);
    igraph_integer_t n = pn_graph_vertex_count(x->graph);
    fprintf(out, "*Vertices %ld\n", (long)n);
    for (igraph_integer_t v = 0; v < n && !ferror(out); v++) {
        fprintf(out, "%ld ", (long)v + 1);
        label(out, pn_graph_vertex_id(x->graph, v));
        putc('\n', out);
    }
    fputs("*Edges\n", out);
    for (igraph_integer_t e = 0; e < igraph_ecount(g) && !ferror(out); e++) {
        igraph_integer_t from, to;
        igraph_edge(g, e, &from, &to);
        fprintf(out, "%ld %ld %.0f\n", (long)from + 1, (long)to + 1, VECTOR(*weights)[e]);
    }
    return 0;
}

int pn_export_pajek(const pn_graph_t *graph, const char *path)
{
    return pn_export__to_file(graph, path, NULL, write_pajek);
}
