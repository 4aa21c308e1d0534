/*
 * The explorer page: every figure the page shows is computed here, through the public API
 * (measures and ranks as `partnet rank --all`, Louvain communities, the map and force
 * layouts), and written as one JSON payload between the two halves of the page that
 * tools/explorer/build.mjs made at build time. tools/explorer/payload.md lists the fields.
 */
#include "explorer.h"
#include "results.h"
#include "xalloc.h"

#include <math.h>
#include <partnet/communities.h>
#include <partnet/layout.h>
#include <partnet/outfile.h>
#include <stdio.h>
#include <string.h>

#ifdef PN_HAVE_EXPLORER_PAGE
#include "explorer_page.h"
#endif

int explorer_available(void)
{
#ifdef PN_HAVE_EXPLORER_PAGE
    return 1;
#else
    return 0;
#endif
}

/* ---- JSON safe inside <script> ------------------------------------------------------- */

/* A JSON string that also cannot end the <script> element it sits in: <, > and & are
 * escaped (so "</script>" and "<!--" cannot occur), as are control characters and the two
 * line separators JavaScript once treated as line ends. */
static void json_string(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c == '"' || c == '\\') {
            putc('\\', f);
            putc((int)c, f);
        } else if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&') {
            fprintf(f, "\\u%04x", c);
        } else if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
            fprintf(f, "\\u%04x", 0x2000u + p[2] - 0x80u);
            p += 2;
        } else {
            putc((int)c, f);
        }
    }
    putc('"', f);
}

static void json_key(FILE *f, const char *key, int first)
{
    if (!first)
        putc(',', f);
    json_string(f, key);
    putc(':', f);
}

/* A number in the given printf format; null when it is not finite. */
static void json_number(FILE *f, const char *format, double x)
{
    if (isfinite(x))
        fprintf(f, format, x == 0 ? 0.0 : x); /* no -0 */
    else
        fputs("null", f);
}

/* ---- what the page shows ------------------------------------------------------------- */

typedef struct {
    const pn_graph_t *g;                /* what the page shows: nodes with an agreement */
    const pn_graph_t *all;              /* the view as partnet rank measures it */
    igraph_integer_t *measured;         /* vertex of g -> its vertex in all */
    const pn_dataset_t *ds;
    const explorer_options_t *o;
    igraph_integer_t n;
    igraph_vector_t values[PN_MEASURE_COUNT]; /* by vertex of all */
    long *rank[PN_MEASURE_COUNT];       /* by vertex of all */
    igraph_integer_t sample;            /* betweenness sources; 0 exact */
    igraph_vector_int_t membership;
    igraph_integer_t communities;
    double modularity;
    igraph_matrix_t map, force;
    igraph_vector_int_t placement;
    pn_map_info_t map_info;
    int have_map, have_force;
    uint32_t *agreements;               /* the view's agreements, dataset order */
    size_t agreement_count;
    uint32_t *countries;                /* payload country -> dataset country */
    uint32_t *country_index;            /* dataset country -> payload country */
    size_t country_count;
    const char **documents;             /* distinct source documents, sorted */
    size_t document_count;
} page_t;

static int page_init(page_t *p, const pn_graph_t *g, const pn_graph_t *all,
                     const explorer_options_t *o)
{
    memset(p, 0, sizeof *p);
    p->g = g;
    p->all = all;
    p->ds = pn_graph_dataset(g);
    p->o = o;
    p->n = pn_graph_vertex_count(g);
    p->measured = xmalloc((size_t)p->n * sizeof *p->measured);
    int failed = 0;
    for (igraph_integer_t v = 0; v < p->n; v++)
        p->measured[v] = pn_graph_node_vertex(all, pn_graph_vertex_node(g, v));
    for (int k = 0; k < PN_MEASURE_COUNT; k++)
        failed |= igraph_vector_init(&p->values[k], 0) != IGRAPH_SUCCESS;
    failed |= igraph_vector_int_init(&p->membership, 0) != IGRAPH_SUCCESS;
    failed |= igraph_matrix_init(&p->map, 0, 0) != IGRAPH_SUCCESS;
    failed |= igraph_matrix_init(&p->force, 0, 0) != IGRAPH_SUCCESS;
    failed |= igraph_vector_int_init(&p->placement, 0) != IGRAPH_SUCCESS;
    return failed ? PN_ENOMEM : 0;
}

static void page_destroy(page_t *p)
{
    for (int k = 0; k < PN_MEASURE_COUNT; k++) {
        igraph_vector_destroy(&p->values[k]);
        free(p->rank[k]);
    }
    igraph_vector_int_destroy(&p->membership);
    igraph_matrix_destroy(&p->map);
    igraph_matrix_destroy(&p->force);
    igraph_vector_int_destroy(&p->placement);
    free(p->measured);
    free(p->agreements);
    free(p->countries);
    free(p->country_index);
    free(p->documents);
}

static int by_index(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The view's agreements, and the distinct documents they cite. */
static int collect_agreements(page_t *p)
{
    size_t count = pn_graph_agreement_count(p->g), used = 0;
    p->agreements = xmalloc(count * sizeof *p->agreements);
    p->documents = xmalloc(count * sizeof *p->documents);
    for (igraph_integer_t e = 0; e < pn_graph_edge_count(p->g); e++) {
        const uint32_t *list;
        size_t k = pn_graph_edge_agreements(&list, p->g, e);
        for (size_t i = 0; i < k && used < count; i++)
            p->agreements[used++] = list[i];
    }
    p->agreement_count = used;
    qsort(p->agreements, used, sizeof *p->agreements, by_index);
    size_t docs = 0;
    for (size_t i = 0; i < used; i++) {
        pn_agreement_t a;
        pn_dataset_agreement(&a, p->ds, p->agreements[i]);
        if (a.source.document)
            p->documents[docs++] = a.source.document;
    }
    qsort(p->documents, docs, sizeof *p->documents, by_text);
    size_t distinct = 0;
    for (size_t i = 0; i < docs; i++)
        if (distinct == 0 || strcmp(p->documents[distinct - 1], p->documents[i]) != 0)
            p->documents[distinct++] = p->documents[i];
    p->document_count = distinct;
    return 0;
}

/* The countries of the vertices, most vertices first (ties by code): the order of colours. */
static int collect_countries(page_t *p)
{
    size_t all = pn_dataset_country_count(p->ds);
    pn_country_tally_t *tally = xmalloc(all * sizeof *tally);
    p->countries = xmalloc(all * sizeof *p->countries);
    p->country_index = xmalloc(all * sizeof *p->country_index);
    p->country_count = pn_graph_tally_countries(tally, p->g, NULL, 0);
    for (size_t i = 0; i < p->country_count; i++) {
        p->countries[i] = tally[i].country;
        p->country_index[tally[i].country] = (uint32_t)i;
    }
    free(tally);
    return 0;
}

static int compute(page_t *p)
{
    const explorer_options_t *o = p->o;
    int status;
    igraph_vector_t *outs[PN_MEASURE_COUNT];
    for (int k = 0; k < PN_MEASURE_COUNT; k++)
        outs[k] = &p->values[k];
    pn_centrality_options_t copts = PN_CENTRALITY_OPTIONS_INIT;
    igraph_integer_t measured = pn_graph_vertex_count(p->all);
    p->sample = o->sample >= 0 ? o->sample
                : measured > EXPLORER_EXACT_BETWEENNESS_MAX ? EXPLORER_SAMPLE : 0;
    if (p->sample >= measured)
        p->sample = 0;
    copts.sample = p->sample;
    copts.seed = o->seed;
    if (cli_stderr_is_terminal())
        copts.progress = cli_progress;
    if (!o->quiet && !o->sample_noted)
        result_sample_note(o->cmd, p->sample, measured, o->seed,
                           " (--sample 0 for the exact value)");
    if ((status = pn_centrality_compute_many(outs, p->all, (1u << PN_MEASURE_COUNT) - 1,
                                             &copts)) != 0)
        return status;
    for (int k = 0; k < PN_MEASURE_COUNT; k++)
        p->rank[k] = result_ranks(p->all, VECTOR(p->values[k]));
    if ((status = pn_communities_find(&p->membership, &p->communities, &p->modularity, p->all,
                                      PN_COMMUNITY_LOUVAIN, o->seed)) != 0)
        return status;
    if (o->layout != EXPLORER_LAYOUT_FORCE) {
        if ((status = pn_layout_map(&p->map, &p->placement, &p->map_info, p->g)) != 0)
            return status;
        p->have_map = p->map_info.located > 0;
    }
    if (o->layout != EXPLORER_LAYOUT_MAP) {
        if ((status = pn_layout_force(&p->force, p->g, o->seed)) != 0)
            return status;
        p->have_force = 1;
    }
    if (!o->quiet)
        cli_error(o->cmd, "Louvain communities%s with seed %lu (the same seed gives the same page)",
                  p->have_force ? " and the force layout" : "", o->seed);
    if ((status = collect_agreements(p)) != 0 || (status = collect_countries(p)) != 0)
        return status;
    return 0;
}

/* ---- writing the payload ------------------------------------------------------------- */

static void write_layout(FILE *f, const page_t *p, const igraph_matrix_t *pos, const char *format)
{
    for (int axis = 0; axis < 2; axis++) {
        json_key(f, axis ? "y" : "x", axis == 0);
        putc('[', f);
        for (igraph_integer_t v = 0; v < p->n; v++) {
            if (v)
                putc(',', f);
            json_number(f, format, MATRIX(*pos, v, axis));
        }
        putc(']', f);
    }
}

/* Parallels and meridians for the map's background, projected as the nodes are: every 30
 * degrees over the whole world (Equal Earth), every 10, 5 or 1 over a region, a step beyond
 * the located nodes. Each line is a list of points x, y, a point every fifth of a step. */
static void write_graticule(FILE *f, const page_t *p)
{
    const pn_map_info_t *m = &p->map_info;
    double south = 90, north = -90, west = 180, east = -180;
    for (igraph_integer_t v = 0; v < p->n; v++) {
        const pn_node_t *node = pn_dataset_node(p->ds, pn_graph_vertex_node(p->g, v));
        if (VECTOR(p->placement)[v] != PN_PLACED_AT_COORDINATES)
            continue;
        south = fmin(south, node->lat);
        north = fmax(north, node->lat);
        west = fmin(west, node->lon);
        east = fmax(east, node->lon);
    }
    double span = fmax(north - south, east - west);
    double step = m->projection == PN_PROJECTION_EQUAL_EARTH ? 30 : span > 40 ? 10 : span > 8 ? 5
                                                                                             : 1;
    if (m->projection == PN_PROJECTION_EQUAL_EARTH) {
        south = -90;
        north = 90;
        west = -180;
        east = 180;
    } else {
        south = fmax(-90, (floor(south / step) - 1) * step);
        north = fmin(90, (ceil(north / step) + 1) * step);
        west = fmax(-180, (floor(west / step) - 1) * step);
        east = fmin(180, (ceil(east / step) + 1) * step);
    }
    fprintf(f, ",\"graticule\":{\"step\":%g,\"lines\":[", step);
    int first = 1;
    for (int meridians = 0; meridians < 2; meridians++) {
        double from = meridians ? west : south, to = meridians ? east : north;
        for (double at = from; at <= to + 1e-9; at += step) {
            double along_from = meridians ? south : west, along_to = meridians ? north : east;
            if (!meridians && fabs(at) == 90)
                continue; /* the poles are points */
            fputs(first ? "[" : ",[", f);
            first = 0;
            for (double t = along_from; t <= along_to + 1e-9; t += step / 5) {
                double x, y;
                pn_layout_project(&x, &y, m, meridians ? t : at, meridians ? at : t);
                if (t > along_from)
                    putc(',', f);
                fprintf(f, "%.5f,%.5f", x, y);
            }
            putc(']', f);
        }
    }
    fputs("]}", f);
}

static void write_layouts(FILE *f, const page_t *p)
{
    char about[512];
    fputs(",\"layouts\":{", f);
    if (p->have_map) {
        const pn_map_info_t *m = &p->map_info;
        int n = m->projection == PN_PROJECTION_EQUAL_EARTH
                    ? snprintf(about, sizeof about, "Map: Equal Earth projection.")
                    : snprintf(about, sizeof about,
                               "Map: equirectangular projection centred on %.1f\u00b0 %s, true "
                               "to scale at %.1f\u00b0 %s.", fabs(m->central_meridian),
                               m->central_meridian < 0 ? "W" : "E", fabs(m->standard_parallel),
                               m->standard_parallel < 0 ? "S" : "N");
        if (m->among_partners && n > 0 && (size_t)n < sizeof about)
            n += snprintf(about + n, sizeof about - (size_t)n, " %ld without coordinates stand "
                          "among their partners.", (long)m->among_partners);
        if (m->apart && n > 0 && (size_t)n < sizeof about)
            snprintf(about + n, sizeof about - (size_t)n, " %ld with no partner located are in "
                     "rows under the map.", (long)m->apart);
        fputs("\"map\":{", f);
        write_layout(f, p, &p->map, "%.6f");
        json_key(f, "projection", 0);
        json_string(f, m->projection == PN_PROJECTION_EQUAL_EARTH ? "equal-earth"
                                                                   : "equirectangular");
        json_key(f, "central_meridian", 0);
        json_number(f, "%.6g", m->central_meridian);
        json_key(f, "standard_parallel", 0);
        json_number(f, "%.6g", m->standard_parallel);
        fprintf(f, ",\"located\":%ld,\"among_partners\":%ld,\"apart\":%ld,\"placement\":[",
                (long)m->located, (long)m->among_partners, (long)m->apart);
        for (igraph_integer_t v = 0; v < p->n; v++)
            fprintf(f, v ? ",%d" : "%d", (int)VECTOR(p->placement)[v]);
        putc(']', f);
        write_graticule(f, p);
        json_key(f, "about", 0);
        json_string(f, about);
        putc('}', f);
    }
    if (p->have_force) {
        snprintf(about, sizeof about, "Network layout: Fruchterman-Reingold (igraph) on each "
                 "component, seed %lu; the smaller components in rows under the largest.",
                 p->o->seed);
        fputs(p->have_map ? ",\"force\":{" : "\"force\":{", f);
        write_layout(f, p, &p->force, "%.3f");
        json_key(f, "seed", 0);
        fprintf(f, "%lu", p->o->seed);
        json_key(f, "about", 0);
        json_string(f, about);
        putc('}', f);
    }
    fputs("},\"layout\":", f);
    int map_first = p->have_map && (p->o->layout == EXPLORER_LAYOUT_MAP || !p->have_force ||
                                    p->map_info.located == p->n);
    json_string(f, map_first ? "map" : "force");
}

static void write_nodes(FILE *f, const page_t *p)
{
    static const char *const fields[] = {"id", "name", "country", "level", "aliases", "lat",
                                         "lon"};
    int have_coordinates = 0, have_aliases = 0;
    for (igraph_integer_t v = 0; v < p->n; v++) {
        const pn_node_t *node = pn_dataset_node(p->ds, pn_graph_vertex_node(p->g, v));
        have_coordinates |= !isnan(node->lat) && !isnan(node->lon);
        have_aliases |= node->alias_count > 0;
    }
    fputs(",\"nodes\":{", f);
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
        if ((k == 4 && !have_aliases) || (k >= 5 && !have_coordinates))
            continue;
        json_key(f, fields[k], k == 0);
        putc('[', f);
        for (igraph_integer_t v = 0; v < p->n; v++) {
            const pn_node_t *node = pn_dataset_node(p->ds, pn_graph_vertex_node(p->g, v));
            if (v)
                putc(',', f);
            switch (k) {
            case 0:
                json_string(f, node->id);
                break;
            case 1:
                json_string(f, pn_graph_vertex_name(p->g, v));
                break;
            case 2:
                fprintf(f, "%u", (unsigned)p->country_index[node->country]);
                break;
            case 3:
                fprintf(f, "%d", (int)node->level);
                break;
            case 4:
                putc('[', f);
                for (size_t i = 0; i < node->alias_count; i++) {
                    if (i)
                        putc(',', f);
                    json_string(f, node->aliases[i]);
                }
                putc(']', f);
                break;
            default:
                json_number(f, "%.6g", k == 5 ? node->lat : node->lon);
            }
        }
        putc(']', f);
    }
    putc('}', f);
}

/* Agreement columns; a column every agreement leaves empty is left out. */
enum { A_A, A_B, A_KIND, A_ID, A_DATE, A_END, A_DOCUMENT, A_LINE, A_LOCATION, A_QUOTE, A_URL,
       A_NOTE, A_COLUMNS };

static int agreement_has(const pn_agreement_t *a, int column)
{
    switch (column) {
    case A_ID: return a->id != NULL;
    case A_DATE: return a->date != PN_DATE_NONE;
    case A_END: return a->end != PN_DATE_NONE;
    case A_DOCUMENT: return a->source.document != NULL;
    case A_LINE: return a->source.line != 0;
    case A_LOCATION: return a->source.location != NULL;
    case A_QUOTE: return a->source.quote != NULL;
    case A_URL: return a->source.url != NULL;
    case A_NOTE: return a->note != NULL;
    default: return 1;
    }
}

static void agreement_cell(FILE *f, const page_t *p, const pn_agreement_t *a, int column)
{
    char date[PN_DATE_TEXT_MAX];
    if (!agreement_has(a, column)) {
        fputs("null", f);
        return;
    }
    switch (column) {
    case A_A:
    case A_B:
        fprintf(f, "%ld", (long)pn_graph_node_vertex(p->g, column == A_A ? a->a : a->b));
        break;
    case A_KIND: fprintf(f, "%d", (int)a->kind); break;
    case A_ID: json_string(f, a->id); break;
    case A_DATE: json_string(f, pn_date_format(date, a->date)); break;
    case A_END: json_string(f, pn_date_format(date, a->end)); break;
    case A_DOCUMENT: {
        const char **found = bsearch(&a->source.document, p->documents, p->document_count,
                                     sizeof *p->documents, by_text);
        fprintf(f, "%ld", (long)(found - p->documents));
        break;
    }
    case A_LINE: fprintf(f, "%u", (unsigned)a->source.line); break;
    case A_LOCATION: json_string(f, a->source.location); break;
    case A_QUOTE: json_string(f, a->source.quote); break;
    case A_URL: json_string(f, a->source.url); break;
    default: json_string(f, a->note); break;
    }
}

static void write_agreements(FILE *f, const page_t *p)
{
    static const char *const names[A_COLUMNS] = {"a", "b", "kind", "id", "date", "end",
                                                 "document", "line", "location", "quote",
                                                 "url", "note"};
    int present[A_COLUMNS] = {1, 1, 1}; /* the parties and the kind, even when empty */
    pn_agreement_t a;
    for (size_t i = 0; i < p->agreement_count; i++) {
        pn_dataset_agreement(&a, p->ds, p->agreements[i]);
        for (int c = 0; c < A_COLUMNS; c++)
            present[c] |= agreement_has(&a, c);
    }
    fputs(",\"agreements\":{", f);
    for (int c = 0; c < A_COLUMNS; c++) {
        if (!present[c])
            continue;
        json_key(f, names[c], c == 0);
        putc('[', f);
        for (size_t i = 0; i < p->agreement_count; i++) {
            pn_dataset_agreement(&a, p->ds, p->agreements[i]);
            if (i)
                putc(',', f);
            agreement_cell(f, p, &a, c);
        }
        putc(']', f);
    }
    putc('}', f);
}

/* The documents agreements cite, with what the dataset says of them. */
static void write_documents(FILE *f, const page_t *p)
{
    static const char *const fields[] = {"id", "title", "author", "year", "url"};
    fputs(",\"documents\":{", f);
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
        json_key(f, fields[k], k == 0);
        putc('[', f);
        for (size_t i = 0; i < p->document_count; i++) {
            const pn_document_t *d = NULL;
            for (size_t j = 0; j < pn_dataset_document_count(p->ds) && !d; j++)
                if (strcmp(pn_dataset_document(p->ds, j)->id, p->documents[i]) == 0)
                    d = pn_dataset_document(p->ds, j);
            if (i)
                putc(',', f);
            if (k == 0)
                json_string(f, p->documents[i]);
            else if (!d || (k == 3 && !d->year))
                fputs("null", f);
            else if (k == 3)
                fprintf(f, "%d", d->year);
            else
                json_string(f, k == 1 ? d->title : k == 2 ? d->author : d->url);
        }
        putc(']', f);
    }
    putc('}', f);
}

static void write_payload(FILE *f, const page_t *p)
{
    const pn_dataset_t *ds = p->ds;
    const char *name = pn_dataset_name(ds), *slash = strrchr(name, '/');
    const char *version;
    pn_version_get(&version, NULL, NULL, NULL);
    fprintf(f, "{\"format\":\"partnet-explorer\",\"version\":1,\"partnet\":");
    json_string(f, version);
    json_key(f, "title", 0);
    json_string(f, pn_dataset_title(ds) ? pn_dataset_title(ds) : slash ? slash + 1 : name);
    json_key(f, "description", 0);
    json_string(f, p->o->description ? p->o->description : slash ? slash + 1 : name);
    fputs(",\"levels\":[", f);
    for (int l = 0; l < PN_LEVEL_COUNT; l++) {
        if (l)
            putc(',', f);
        json_string(f, pn_level_name((pn_level_t)l));
    }
    fputs("],\"kinds\":[", f);
    for (int k = 0; k < PN_KIND_COUNT; k++) {
        if (k)
            putc(',', f);
        json_string(f, pn_kind_name((pn_kind_t)k));
    }
    fputs("],\"countries\":{\"code\":[", f);
    for (size_t i = 0; i < p->country_count; i++) {
        if (i)
            putc(',', f);
        json_string(f, pn_dataset_country(ds, p->countries[i])->code);
    }
    fputs("],\"name\":[", f);
    for (size_t i = 0; i < p->country_count; i++) {
        if (i)
            putc(',', f);
        json_string(f, pn_dataset_country(ds, p->countries[i])->name);
    }
    fputs("]}", f);
    write_nodes(f, p);
    write_layouts(f, p);
    fputs(",\"measures\":{", f);
    for (int k = 0; k < PN_MEASURE_COUNT; k++) {
        json_key(f, pn_measure_name((pn_measure_t)k), k == 0);
        fputs("{\"value\":[", f);
        for (igraph_integer_t v = 0; v < p->n; v++) {
            if (v)
                putc(',', f);
            json_number(f, pn_measure_is_integer((pn_measure_t)k) ? "%.0f" : "%.6g",
                        VECTOR(p->values[k])[p->measured[v]]);
        }
        fputs("],\"rank\":[", f);
        for (igraph_integer_t v = 0; v < p->n; v++)
            fprintf(f, v ? ",%ld" : "%ld", p->rank[k][p->measured[v]]);
        fputs("]}", f);
    }
    fprintf(f, "},\"measured\":%ld,\"betweenness\":{\"sources\":",
            (long)pn_graph_vertex_count(p->all));
    if (p->sample)
        fprintf(f, "%ld", (long)p->sample);
    else
        fputs("null", f);
    fprintf(f, ",\"of\":%ld,\"seed\":%lu}", (long)pn_graph_vertex_count(p->all), p->o->seed);
    fprintf(f, ",\"communities\":{\"method\":\"louvain\",\"seed\":%lu,\"count\":%ld,"
               "\"modularity\":", p->o->seed, (long)p->communities);
    json_number(f, "%.6g", p->modularity);
    fputs(",\"membership\":[", f);
    for (igraph_integer_t v = 0; v < p->n; v++)
        fprintf(f, v ? ",%ld" : "%ld", (long)VECTOR(p->membership)[p->measured[v]]);
    fputs("]}", f);
    write_documents(f, p);
    write_agreements(f, p);
    putc('}', f);
}

int explorer_write(const char *path, const pn_dataset_t *ds, const pn_view_options_t *view,
                   const explorer_options_t *opts)
{
#ifndef PN_HAVE_EXPLORER_PAGE
    (void)ds;
    (void)view;
    cli_error(opts->cmd, "%s: this partnet was built without the explorer's page: run "
              "tools/explorer/install (it needs Debian's nodejs and npm), then meson setup "
              "--reconfigure, and build again", path);
    return EXIT_FAILED;
#else
    page_t p;
    pn_outfile_t *file = NULL;
    pn_graph_t *shown = NULL, *all = NULL;
    pn_view_options_t shown_view = *view, all_view = *view;
    shown_view.drop_isolated = 1; /* a node without an agreement has nothing to show */
    all_view.drop_isolated = 0;   /* but counts in the measures, as partnet rank has it */
    int rc = EXIT_FAILED, status = 0;
    memset(&p, 0, sizeof p);
    if ((rc = cli_graph(&all, ds, &all_view, opts->cmd)) != EXIT_OK ||
        (rc = cli_graph(&shown, ds, &shown_view, opts->cmd)) != EXIT_OK)
        goto done;
    rc = EXIT_FAILED;
    status = page_init(&p, shown, all, opts);
    if (status == 0)
        status = compute(&p);
    if (status != 0) {
        cli_error(opts->cmd, "%s", status == PN_ENOMEM && !*pn_error_last() ? "out of memory"
                                                                           : pn_error_last());
        goto done;
    }
    if (opts->layout == EXPLORER_LAYOUT_MAP && !p.have_map) {
        cli_error(opts->cmd, "--layout map: no node of the view has coordinates (lat, lon)");
        rc = EXIT_USAGE;
        goto done;
    }
    if (pn_outfile_open(&file, path) != 0) {
        cli_error(opts->cmd, "%s", pn_error_last());
        goto done;
    }
    FILE *f = pn_outfile_stream(file);
    for (const char *const *s = explorer_page_before; *s; s++)
        fputs(*s, f);
    write_payload(f, &p);
    for (const char *const *s = explorer_page_after; *s; s++)
        fputs(*s, f);
    status = pn_outfile_commit(file);
    file = NULL;
    if (status != 0) {
        cli_error(opts->cmd, "%s", pn_error_last());
        goto done;
    }
    rc = EXIT_OK;
done:
    pn_outfile_free(file);
    page_destroy(&p);
    pn_graph_free(shown);
    pn_graph_free(all);
    return rc;
#endif
}
