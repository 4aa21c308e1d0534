/*
 * Drawings with Cairo and Pango (canvas.h) from partnet's own positions (layout.h): the view's
 * graph, or its backbone when it has too many nodes to tell apart, scaled to a picture of a
 * chosen width with a legend under it.
 */
#include <partnet/draw.h>
#include <partnet/layout.h>

#include "array.h"
#include "canvas.h"
#include "error.h"
#include "map.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PALETTE_SIZE 9
/* Tableau 10 without its grey, which stands for the other countries. */
static const uint32_t palette[PALETTE_SIZE] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                               0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f};
static const uint32_t other_colour = 0xbab0ac;

#define REFERENCE_WIDTH 2000.0 /* pixels: the sizes below are for this width, scaled to others */
#define MIN_RADIUS 3.0
#define MAX_RADIUS 14.0
#define MARGIN 40.0
#define LABEL_SIZE 14.0
#define LEGEND_SIZE 18.0
#define TITLE_SIZE 22.0
#define MAX_ASPECT 1.25 /* the drawing is at most this much taller than wide */
#define FORCE_SEED 1
#define SPREAD_ROUNDS 100 /* of moving crowded discs apart on a map */
#define MAP_CROWDED 500   /* nodes: above, a map's discs are MAP_SHRINK as large */
#define MAP_SHRINK 0.7

/* What a drawing is made of, freed by drawing_free(). */
typedef struct {
    const pn_draw_options_t *o;
    const pn_graph_t *full;   /* the graph asked for */
    pn_graph_t *backbone;     /* its largest vertices, when it has more than max_nodes */
    const pn_graph_t *graph;  /* what is drawn: the backbone or the full graph */
    const pn_dataset_t *ds;
    igraph_vector_t measure;  /* size_by, per vertex of the full graph */
    int has_measure;
    double *value;            /* size_by, per vertex drawn */
    pn_country_tally_t *tally;/* countries by decreasing number of nodes drawn */
    size_t tally_count;
    int *colour;              /* per dataset country: palette index, or -1 for "other" */
    igraph_matrix_t pos;      /* layout units, y upwards */
    int has_pos, map;
    pn_map_info_t info;       /* the map's projection */
    double *lat, *lon;        /* degrees, per vertex drawn; NAN when unknown */
    pn_frame_t frame;         /* layout units to pixels */
    double *x, *y, *radius;   /* pixels, per vertex drawn */
    double *x0, *y0;          /* on a map: where the discs were before they were moved apart */
    long spread;              /* discs moved apart */
    double scale;             /* of the sizes: width / REFERENCE_WIDTH */
    double width, top, height;/* of the picture; top and height of the network's part */
    pn_canvas_t *canvas;
} drawing_t;

int pn_draw_format_from_path(pn_draw_format_t *out, const char *path)
{
    assert(out && path);
    static const char *const extensions[] = {".svg", ".png", ".pdf"};
    const char *dot = strrchr(path, '.');
    for (int f = 0; dot && f < 3; f++)
        if (strcasecmp(dot, extensions[f]) == 0) {
            *out = (pn_draw_format_t)f;
            return 0;
        }
    return pn_error_set(PN_EUSAGE, "%s: cannot tell the format: name the file .svg, .png or "
                         ".pdf", path);
}

static void drawing_free(drawing_t *d)
{
    pn_graph_free(d->backbone);
    if (d->has_measure)
        igraph_vector_destroy(&d->measure);
    if (d->has_pos)
        igraph_matrix_destroy(&d->pos);
    free(d->value);
    free(d->tally);
    free(d->colour);
    free(d->x);
    free(d->y);
    free(d->radius);
    free(d->x0);
    free(d->y0);
    free(d->lat);
    free(d->lon);
    pn_canvas__free(d->canvas);
}

static void progress(const drawing_t *d, const char *message)
{
    if (d->o->progress)
        d->o->progress(d->o->progress_arg, message);
}

/* @p value with commas between thousands: 17,222. */
static const char *thousands(char *buf, size_t size, size_t value)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%zu", value);
    size_t k = 0;
    for (int i = 0; i < n && k + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    return buf;
}

static const char *country_name(const drawing_t *d, uint32_t c)
{
    const pn_country_t *country = pn_dataset_country(d->ds, c);
    return country->name && country->name[0] ? country->name
           : country->code[0]                 ? country->code
                                              : "no country";
}

/* ---- what is drawn ---------------------------------------------------------------------- */

/* The vertices of @p g with at least one edge, in @p out (room for all); returns how many. */
static size_t linked_vertices(igraph_integer_t *out, const pn_graph_t *g,
                              const igraph_integer_t *source)
{
    const igraph_t *ig = pn_graph_igraph(g);
    igraph_integer_t n = igraph_vcount(ig);
    unsigned char *linked = calloc((size_t)(n ? n : 1), 1);
    size_t count = 0;
    if (!linked)
        return (size_t)-1;
    for (igraph_integer_t e = 0; e < igraph_ecount(ig); e++)
        linked[IGRAPH_FROM(ig, e)] = linked[IGRAPH_TO(ig, e)] = 1;
    for (igraph_integer_t v = 0; v < n; v++)
        if (linked[v])
            out[count++] = source ? source[v] : v;
    free(linked);
    return count;
}

static int by_vertex(const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    return (x > y) - (x < y);
}

/*
 * The backbone: the max_nodes vertices with the largest values of the measure (ties by id),
 * less those left without a partner among them. d->value gets the measure of each vertex drawn.
 */
static int choose_what_to_draw(drawing_t *d)
{
    igraph_integer_t n = pn_graph_vertex_count(d->full);
    igraph_integer_t *chosen = malloc((size_t)(n ? n : 1) * sizeof *chosen);
    pn_graph_t *top = NULL;
    int status = 0;
    if (!chosen)
        return pn_error__nomem();
    d->graph = d->full;
    size_t count = (size_t)n;
    for (igraph_integer_t v = 0; v < n; v++)
        chosen[v] = v;
    if (d->o->max_nodes > 0 && n > d->o->max_nodes) {
        char message[96];
        snprintf(message, sizeof message, "choosing the backbone: %d of %ld nodes",
                 d->o->max_nodes, (long)n);
        progress(d, message);
        if ((status = pn_graph_sort_vertices(chosen, (size_t)n, d->full,
                                             VECTOR(d->measure))) != 0)
            goto done;
        count = (size_t)d->o->max_nodes;
        qsort(chosen, count, sizeof *chosen, by_vertex);
        if ((status = pn_graph_subgraph(&top, d->full, chosen, count)) != 0)
            goto done;
        /* the subgraph keeps the order of the vertices: chosen maps its vertices to full's */
        count = linked_vertices(chosen, top, chosen);
        if (count == (size_t)-1) {
            status = pn_error__nomem();
            goto done;
        }
        if ((status = pn_graph_subgraph(&d->backbone, d->full, chosen, count)) != 0)
            goto done;
        d->graph = d->backbone;
    }
    d->value = malloc((count ? count : 1) * sizeof *d->value);
    if (!d->value) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t i = 0; i < count; i++)
        d->value[i] = VECTOR(d->measure)[chosen[i]];
done:
    pn_graph_free(top);
    free(chosen);
    return status;
}

/* Countries by the number of nodes drawn (a country vertex counts for its nodes in the view),
 * and a colour for the first PALETTE_SIZE. */
static int colour_countries(drawing_t *d)
{
    size_t countries = pn_dataset_country_count(d->ds);
    d->tally = malloc((countries ? countries : 1) * sizeof *d->tally);
    d->colour = malloc((countries ? countries : 1) * sizeof *d->colour);
    if (!d->tally || !d->colour)
        return pn_error__nomem();
    countries = pn_graph_tally_countries(d->tally, d->graph, NULL, 0);
    if (pn_graph_is_by_country(d->graph))
        for (size_t k = 0; k < countries; k++) {
            igraph_integer_t v = pn_graph_country_vertex(d->graph, d->tally[k].country);
            d->tally[k].vertices = pn_graph_vertex_members(d->graph, v);
        }
    pn_country_tally_t *tally = d->tally;
    /* by count then code, as pn_graph_tally_countries() orders them */
    for (size_t i = 1; i < countries; i++)
        for (size_t j = i; j > 0 && (tally[j].vertices > tally[j - 1].vertices ||
                                     (tally[j].vertices == tally[j - 1].vertices &&
                                      strcmp(tally[j].code, tally[j - 1].code) < 0));
             j--) {
            pn_country_tally_t t = tally[j];
            tally[j] = tally[j - 1];
            tally[j - 1] = t;
        }
    d->tally_count = countries;
    for (size_t c = 0; c < pn_dataset_country_count(d->ds); c++)
        d->colour[c] = -1;
    for (size_t k = 0; k < countries && k < PALETTE_SIZE; k++)
        d->colour[tally[k].country] = (int)k;
    return 0;
}

/* ---- geometry --------------------------------------------------------------------------- */

static int lay_out(drawing_t *d)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph), located = 0;
    int status = 0;
    char message[96];
    d->lat = malloc((size_t)(n ? n : 1) * sizeof *d->lat);
    d->lon = malloc((size_t)(n ? n : 1) * sizeof *d->lon);
    if (!d->lat || !d->lon)
        return pn_error__nomem();
    if ((status = pn_layout_coordinates(d->lat, d->lon, d->graph)) != 0)
        return status;
    for (igraph_integer_t v = 0; v < n; v++)
        located += !isnan(d->lat[v]);
    d->map = d->o->layout == PN_LAYOUT_MAP ||
             (d->o->layout == PN_LAYOUT_AUTO && n > 0 && located == n);
    if (igraph_matrix_init(&d->pos, 0, 0) != IGRAPH_SUCCESS)
        return pn_error__nomem();
    d->has_pos = 1;
    snprintf(message, sizeof message, "laying out %ld nodes (%s)", (long)n,
             d->map ? "map" : "force");
    progress(d, message);
    return d->map ? pn_layout_map(&d->pos, NULL, &d->info, d->graph)
                  : pn_layout_force(&d->pos, d->graph, FORCE_SEED);
}

/* The layout's extent: the positions', or on a map the world or the region around them. */
static void extent(double e[4], const drawing_t *d)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph);
    e[0] = e[2] = n > 0 ? INFINITY : 0;
    e[1] = e[3] = n > 0 ? -INFINITY : 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        e[0] = fmin(e[0], MATRIX(d->pos, v, 0));
        e[1] = fmax(e[1], MATRIX(d->pos, v, 0));
        e[2] = fmin(e[2], MATRIX(d->pos, v, 1));
        e[3] = fmax(e[3], MATRIX(d->pos, v, 1));
    }
    if (d->map)
        pn_map__extent(e, &d->info);
}

/* Pixel positions and radii: the layout fitted into the picture's width, at most MAX_ASPECT
 * times as tall, with a margin for the discs; on a map, discs moved apart where they crowd. */
static int place(drawing_t *d)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph);
    double s = d->scale, e[4];
    d->x = malloc((size_t)(n ? n : 1) * sizeof *d->x);
    d->y = malloc((size_t)(n ? n : 1) * sizeof *d->y);
    d->radius = malloc((size_t)(n ? n : 1) * sizeof *d->radius);
    if (!d->x || !d->y || !d->radius)
        return pn_error__nomem();
    double smallest = INFINITY, largest = -INFINITY;
    for (igraph_integer_t v = 0; v < n; v++) {
        smallest = fmin(smallest, d->value[v]);
        largest = fmax(largest, d->value[v]);
    }
    extent(e, d);
    /* a small network gets larger discs: they have room; a map smaller ones: its places
     * crowd */
    double grow = n > 0 ? fmin(2.0, fmax(1.0, pow(1500.0 / (double)n, 0.25))) : 1;
    if (d->map && n > MAP_CROWDED)
        grow *= MAP_SHRINK;
    double margin = (MARGIN + MAX_RADIUS * grow) * s;
    double room_x = d->width - 2 * margin, room_y = MAX_ASPECT * d->width - 2 * margin;
    double span_x = e[1] - e[0], span_y = e[3] - e[2];
    double k = 1;
    if (span_x > 0 || span_y > 0)
        k = fmin(span_x > 0 ? room_x / span_x : INFINITY, span_y > 0 ? room_y / span_y : INFINITY);
    d->frame = (pn_frame_t){(d->width - span_x * k) / 2, margin, k, e[0], e[3], span_x * k,
                            span_y * k};
    d->top = margin;
    d->height = span_y * k + 2 * margin;
    for (igraph_integer_t v = 0; v < n; v++) {
        d->x[v] = d->frame.left + (MATRIX(d->pos, v, 0) - e[0]) * k;
        d->y[v] = margin + (e[3] - MATRIX(d->pos, v, 1)) * k;
        double range = largest - smallest;
        double share = range > 0 ? sqrt((d->value[v] - smallest) / range) : 0;
        d->radius[v] = s * grow * (MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share);
    }
    if (!d->map)
        return 0;
    d->x0 = malloc((size_t)(n ? n : 1) * sizeof *d->x0);
    d->y0 = malloc((size_t)(n ? n : 1) * sizeof *d->y0);
    if (!d->x0 || !d->y0)
        return pn_error__nomem();
    memcpy(d->x0, d->x, (size_t)n * sizeof *d->x);
    memcpy(d->y0, d->y, (size_t)n * sizeof *d->y);
    progress(d, "moving crowded discs apart");
    d->spread = pn_map__spread(d->x, d->y, d->radius, (size_t)n, 0.5 * s, SPREAD_ROUNDS);
    return d->spread < 0 ? PN_ENOMEM : 0;
}

/* ---- the picture ------------------------------------------------------------------------ */

static void draw_edges(drawing_t *d)
{
    const igraph_t *g = pn_graph_igraph(d->graph);
    const igraph_vector_t *weights = pn_graph_weights(d->graph);
    igraph_integer_t m = igraph_ecount(g);
    /* many lines are lighter, so that where they bundle still shows */
    uint32_t colour = PN_RGBA(0x505050, m > 2000 ? 0x50 : m > 300 ? 0x70 : 0x90);
    /* a region's map ends at its frame; the world's has no edge a line could cross */
    int clip = d->map && d->info.projection != PN_PROJECTION_EQUAL_EARTH;
    if (clip)
        pn_canvas__clip_begin(d->canvas, d->frame.left, d->frame.top, d->frame.width,
                              d->frame.height);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
        double width = d->scale * (0.7 + 0.8 * log2(VECTOR(*weights)[e]));
        if (d->map && d->o->arcs == PN_ARCS_GREAT_CIRCLE && !isnan(d->lat[a]) &&
            !isnan(d->lat[b])) {
            double from[2] = {d->lat[a], d->lon[a]}, to[2] = {d->lat[b], d->lon[b]};
            double shift[4] = {d->x[a] - d->x0[a], d->y[a] - d->y0[a], d->x[b] - d->x0[b],
                               d->y[b] - d->y0[b]};
            pn_map__arc(d->canvas, &d->frame, &d->info, from, to, shift, width, colour);
        } else {
            pn_canvas__line(d->canvas, d->x[a], d->y[a], d->x[b], d->y[b], width, colour);
        }
    }
    if (clip)
        pn_canvas__clip_end(d->canvas);
}

/* The vertices by decreasing value (ties by id): the order of discs (reversed) and labels. */
static int rank_vertices(igraph_integer_t **out, const drawing_t *d)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph);
    igraph_integer_t *order = malloc((size_t)(n ? n : 1) * sizeof *order);
    if (!order)
        return pn_error__nomem();
    for (igraph_integer_t v = 0; v < n; v++)
        order[v] = v;
    int status = pn_graph_sort_vertices(order, (size_t)n, d->graph, d->value);
    if (status != 0) {
        free(order);
        return status;
    }
    *out = order;
    return 0;
}

static int tooltip(char *buf, size_t size, const drawing_t *d, igraph_integer_t v)
{
    char count[32];
    if (pn_graph_is_by_country(d->graph)) {
        size_t members = pn_graph_vertex_members(d->graph, v);
        return snprintf(buf, size, "%s (%s node%s)", pn_graph_vertex_name(d->graph, v),
                        thousands(count, sizeof count, members), members == 1 ? "" : "s");
    }
    return snprintf(buf, size, "%s (%s)", pn_graph_vertex_name(d->graph, v),
                    country_name(d, pn_graph_vertex_country(d->graph, v)));
}

/* Largest last, so that small discs do not hide under them. */
static void draw_discs(drawing_t *d, const igraph_integer_t *order)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph);
    char tip[512];
    for (igraph_integer_t k = n - 1; k >= 0; k--) {
        igraph_integer_t v = order[k];
        int colour = d->colour[pn_graph_vertex_country(d->graph, v)];
        tooltip(tip, sizeof tip, d, v);
        pn_canvas__disc(d->canvas, d->x[v], d->y[v], d->radius[v],
                        PN_RGBA(colour >= 0 ? palette[colour] : other_colour, 0xff),
                        0.8 * d->scale, PN_RGBA(0xffffff, 0xff),
                        pn_graph_vertex_id(d->graph, v), tip);
    }
}

typedef struct {
    double x0, y0, x1, y1;
} box_t;

static int overlaps(const box_t *a, const box_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The names of the largest vertices, each on a light box right of its disc (or left, when
 * that is taken); a name that would run over one already placed is left out. */
static int draw_labels(drawing_t *d, const igraph_integer_t *order)
{
    igraph_integer_t n = pn_graph_vertex_count(d->graph);
    size_t wanted = d->o->labels < n ? (size_t)d->o->labels : (size_t)n, placed = 0;
    box_t *boxes = malloc((wanted ? wanted : 1) * sizeof *boxes);
    double size = LABEL_SIZE * d->scale, pad = 2 * d->scale;
    if (!boxes)
        return pn_error__nomem();
    for (size_t k = 0; k < wanted; k++) {
        igraph_integer_t v = order[k];
        const char *name = pn_graph_vertex_name(d->graph, v);
        double w, h;
        pn_canvas__text_size(d->canvas, name, size, 0, &w, &h);
        box_t right = {d->x[v] + d->radius[v] + pad, d->y[v] - h / 2 - pad, 0, 0};
        right.x1 = right.x0 + w + 2 * pad;
        right.y1 = right.y0 + h + 2 * pad;
        box_t left = right;
        left.x1 = d->x[v] - d->radius[v] - pad;
        left.x0 = left.x1 - w - 2 * pad;
        box_t *choice = NULL;
        for (int side = 0; side < 2 && !choice; side++) {
            box_t *b = side == 0 ? &right : &left;
            int free_here = b->x0 >= 0 && b->x1 <= d->width;
            for (size_t j = 0; j < placed && free_here; j++)
                free_here = !overlaps(b, &boxes[j]);
            if (free_here)
                choice = b;
        }
        if (!choice)
            continue;
        boxes[placed++] = *choice;
        pn_canvas__rect(d->canvas, choice->x0, choice->y0, choice->x1 - choice->x0,
                        choice->y1 - choice->y0, PN_RGBA(0xffffff, 0xb0));
        pn_canvas__text(d->canvas, choice->x0 + pad, choice->y0 + pad, name, size, 0,
                        PN_RGBA(0x202020, 0xff));
    }
    free(boxes);
    return 0;
}

/* ---- the legend ------------------------------------------------------------------------- */

/* One legend entry: a disc of the colour and what it stands for. */
typedef struct {
    uint32_t colour;
    char text[200];
} entry_t;

/* The legend's lines of text under the entries. */
typedef struct {
    char line[4][400];
    int bold[4];
    int count;
} caption_t;

static size_t legend_entries(entry_t *entries, const drawing_t *d)
{
    size_t shown = d->tally_count < PALETTE_SIZE ? d->tally_count : PALETTE_SIZE, k;
    char count[32];
    for (k = 0; k < shown; k++) {
        entries[k].colour = palette[k];
        snprintf(entries[k].text, sizeof entries[k].text, "%s (%s)",
                 country_name(d, d->tally[k].country),
                 thousands(count, sizeof count, d->tally[k].vertices));
    }
    if (d->tally_count > shown) {
        size_t others = 0;
        for (size_t j = shown; j < d->tally_count; j++)
            others += d->tally[j].vertices;
        entries[k].colour = other_colour;
        snprintf(entries[k].text, sizeof entries[k].text, "other: %zu countries (%s)",
                 d->tally_count - shown, thousands(count, sizeof count, others));
        k++;
    }
    return k;
}

static void legend_caption(caption_t *c, const drawing_t *d)
{
    char nodes[32], agreements[32], all[32], pairs[32], all_pairs[32];
    const char *measure = pn_measure_name(d->o->size_by);
    c->count = 0;
    snprintf(c->line[c->count++], sizeof c->line[0],
             "node size: %s; colour: %s; line width: agreements of the pair; %s %s, %s "
             "agreements",
             measure, pn_graph_is_by_country(d->graph) ? "the country (nodes in it)" : "country",
             thousands(nodes, sizeof nodes, (size_t)pn_graph_vertex_count(d->graph)),
             pn_graph_is_by_country(d->graph) ? "countries" : "nodes",
             thousands(agreements, sizeof agreements, pn_graph_agreement_count(d->graph)));
    c->bold[0] = 0;
    if (d->backbone) {
        c->bold[c->count] = 1; /* what is not drawn must not go unnoticed */
        snprintf(c->line[c->count++], sizeof c->line[0],
                 "backbone: %s of %s %s, those with the highest %s, and the %s of %s partner "
                 "pairs between them",
                 nodes, thousands(all, sizeof all, (size_t)pn_graph_vertex_count(d->full)),
                 pn_graph_is_by_country(d->graph) ? "countries" : "nodes", measure,
                 thousands(pairs, sizeof pairs, (size_t)pn_graph_edge_count(d->graph)),
                 thousands(all_pairs, sizeof all_pairs, (size_t)pn_graph_edge_count(d->full)));
    }
    if (!d->map)
        return;
    char projection[96], moved[32];
    if (d->info.projection == PN_PROJECTION_EQUAL_EARTH)
        snprintf(projection, sizeof projection, "Equal Earth projection");
    else
        snprintf(projection, sizeof projection,
                 "equirectangular projection, true to scale at %.0f\u00b0%s",
                 fabs(d->info.standard_parallel), d->info.standard_parallel < 0 ? "S" : "N");
    c->bold[c->count] = 0;
    snprintf(c->line[c->count++], sizeof c->line[0],
             "map: %s; countries: Digital Chart of the World (GMT); lines: %s; %s discs moved "
             "apart where places crowd",
             projection, d->o->arcs == PN_ARCS_GREAT_CIRCLE ? "great circles" : "straight",
             thousands(moved, sizeof moved, (size_t)d->spread));
}

/* The legend's height; with @p draw, drawn from @p top. Entries flow in rows across. */
static double legend(drawing_t *d, double top, int draw)
{
    entry_t entries[PALETTE_SIZE + 1];
    caption_t caption;
    double s = d->scale, size = LEGEND_SIZE * s, gap = 8 * s, w, h;
    double left = MARGIN * s, right = d->width - MARGIN * s, y = top, x = left;
    size_t count = legend_entries(entries, d);
    legend_caption(&caption, d);
    if (d->o->title && d->o->title[0]) {
        pn_canvas__text_size(d->canvas, d->o->title, TITLE_SIZE * s, 1, &w, &h);
        if (draw)
            pn_canvas__text(d->canvas, left, y, d->o->title, TITLE_SIZE * s, 1,
                            PN_RGBA(0x000000, 0xff));
        y += h + gap;
    }
    double row = 0;
    for (size_t k = 0; k < count; k++) {
        pn_canvas__text_size(d->canvas, entries[k].text, size, 0, &w, &h);
        double width = h + w + 3 * gap;
        if (x > left && x + width > right) {
            x = left;
            y += row + gap / 2;
        }
        row = h;
        if (draw) {
            pn_canvas__disc(d->canvas, x + h / 2, y + h / 2, h / 3,
                            PN_RGBA(entries[k].colour, 0xff), 0.8 * s, PN_RGBA(0xffffff, 0xff),
                            NULL, NULL);
            pn_canvas__text(d->canvas, x + h, y, entries[k].text, size, 0,
                            PN_RGBA(0x202020, 0xff));
        }
        x += width;
    }
    if (count)
        y += row + gap;
    for (int i = 0; i < caption.count; i++) {
        pn_canvas__text_size(d->canvas, caption.line[i], size, caption.bold[i], &w, &h);
        if (draw)
            pn_canvas__text(d->canvas, left, y, caption.line[i], size, caption.bold[i],
                            PN_RGBA(0x202020, 0xff));
        y += h + gap / 2;
    }
    return y - top;
}

int pn_draw_write(const pn_graph_t *graph, const char *path, const pn_draw_options_t *opts)
{
    pn_draw_options_t defaults = PN_DRAW_OPTIONS_INIT;
    const pn_draw_options_t *o = opts ? opts : &defaults;
    assert(graph && path);
    PN_CHECK_OPTIONS(o, PN_DRAW_OPTIONS_VERSION, "pn_draw_options_t");
    if (o->width != 0 && (o->width < PN_DRAW_WIDTH_MIN || o->width > PN_DRAW_WIDTH_MAX))
        return pn_error_set(PN_EUSAGE, "a drawing is %d to %d pixels wide, not %d",
                            PN_DRAW_WIDTH_MIN, PN_DRAW_WIDTH_MAX, o->width);
    drawing_t d = {.o = o, .full = graph, .ds = pn_graph_dataset(graph)};
    igraph_integer_t *order = NULL;
    int status;
    d.width = o->width ? o->width : PN_DRAW_WIDTH;
    d.scale = d.width / REFERENCE_WIDTH;

    if (igraph_vector_init(&d.measure, 0) != IGRAPH_SUCCESS) {
        status = pn_error__nomem();
        goto done;
    }
    d.has_measure = 1;
    progress(&d, "measuring the nodes");
    if ((status = pn_centrality_compute(&d.measure, graph, o->size_by, NULL)) != 0 ||
        (status = choose_what_to_draw(&d)) != 0 || (status = colour_countries(&d)) != 0 ||
        (status = lay_out(&d)) != 0 || (status = place(&d)) != 0 ||
        (status = rank_vertices(&order, &d)) != 0 ||
        (status = pn_canvas__new(&d.canvas, o->format)) != 0)
        goto done;
    progress(&d, "drawing");
    double legend_top = d.height;
    double total = legend_top + legend(&d, legend_top, 0) + MARGIN * d.scale;
    if ((status = pn_canvas__begin(d.canvas, d.width, total)) != 0)
        goto done;
    if (d.map) {
        progress(&d, "drawing the countries");
        if ((status = pn_map__background(d.canvas, &d.frame, &d.info,
                                         o->outlines ? o->outlines : PN_DCW_PATH, d.scale)) != 0)
            goto done;
    }
    draw_edges(&d);
    draw_discs(&d, order);
    if ((status = draw_labels(&d, order)) != 0)
        goto done;
    legend(&d, legend_top, 1);
    status = pn_canvas__write(d.canvas, path);
done:
    free(order);
    drawing_free(&d);
    return status;
}
