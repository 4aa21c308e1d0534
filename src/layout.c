/*
 * Vertex positions (see partnet/layout.h): Fruchterman-Reingold per component with the
 * components packed in rows, and map projections of the nodes' coordinates.
 */
#include <partnet/layout.h>

#include "error.h"
#include "random.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEGREE (M_PI / 180)
#define FORCE_ITERATIONS 500
#define COMPONENT_MARGIN 1.5 /* edge lengths between packed components */
#define AREA_PER_VERTEX 2.5  /* square edge lengths, at least */
#define SPREAD 2e-4          /* radians: the sunflower step of vertices on one point */
#define GOLDEN_ANGLE 2.399963229728653

/* ---- the force layout ---------------------------------------------------------------- */

typedef struct {
    igraph_integer_t size, first, start; /* start: offset of its vertices in the grouped list */
} component_t;

static int by_size_then_first(const void *a, const void *b)
{
    const component_t *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Lay out the component of @p vids (k vertices) by Fruchterman-Reingold into rows of @p pos
 * (indexed by vertex), scaled so that its mean edge length is at least 1 and it has at least
 * AREA_PER_VERTEX per vertex, its corner at the origin.
 * Writes its width and height. */
static igraph_error_t component_layout(const igraph_t *g, const igraph_integer_t *vids,
                                       igraph_integer_t k, igraph_matrix_t *pos, double *width,
                                       double *height)
{
    if (k <= 2) {
        for (igraph_integer_t i = 0; i < k; i++) {
            MATRIX(*pos, vids[i], 0) = (double)i;
            MATRIX(*pos, vids[i], 1) = 0;
        }
        *width = (double)(k - 1);
        *height = 0;
        return IGRAPH_SUCCESS;
    }
    igraph_vector_int_t list, invmap;
    igraph_t sub;
    igraph_matrix_t local;
    igraph_vector_int_view(&list, vids, k);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&invmap, 0);
    IGRAPH_CHECK(igraph_induced_subgraph_map(g, &sub, igraph_vss_vector(&list),
                                             IGRAPH_SUBGRAPH_CREATE_FROM_SCRATCH, NULL, &invmap));
    IGRAPH_FINALLY(igraph_destroy, &sub);
    IGRAPH_MATRIX_INIT_FINALLY(&local, 0, 0);
    IGRAPH_CHECK(igraph_layout_fruchterman_reingold(&sub, &local, 0, FORCE_ITERATIONS,
                                                    sqrt((double)k) / 10,
                                                    IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL,
                                                    NULL, NULL));
    double length = 0;
    igraph_integer_t edges = igraph_ecount(&sub);
    for (igraph_integer_t e = 0; e < edges; e++) {
        igraph_integer_t a = IGRAPH_FROM(&sub, e), b = IGRAPH_TO(&sub, e);
        length += hypot(MATRIX(local, a, 0) - MATRIX(local, b, 0),
                        MATRIX(local, a, 1) - MATRIX(local, b, 1));
    }
    length = edges && length > 0 ? length / (double)edges : 1;
    double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (igraph_integer_t i = 0; i < k; i++) {
        min_x = fmin(min_x, MATRIX(local, i, 0));
        min_y = fmin(min_y, MATRIX(local, i, 1));
        max_x = fmax(max_x, MATRIX(local, i, 0));
        max_y = fmax(max_y, MATRIX(local, i, 1));
    }
    /* a dense component is spread until it has AREA_PER_VERTEX per vertex, so that its share
     * of the picture is its share of the vertices */
    double area = ((max_x - min_x) / length + 1) * ((max_y - min_y) / length + 1);
    double scale = fmax(1, sqrt(AREA_PER_VERTEX * (double)k / area)) / length;
    for (igraph_integer_t i = 0; i < k; i++) {
        MATRIX(local, i, 0) = (MATRIX(local, i, 0) - min_x) * scale;
        MATRIX(local, i, 1) = (MATRIX(local, i, 1) - min_y) * scale;
    }
    max_x = (max_x - min_x) * scale;
    max_y = (max_y - min_y) * scale;
    min_x = min_y = 0;
    for (igraph_integer_t i = 0; i < k; i++) {
        igraph_integer_t v = VECTOR(invmap)[i];
        MATRIX(*pos, v, 0) = MATRIX(local, i, 0) - min_x;
        MATRIX(*pos, v, 1) = MATRIX(local, i, 1) - min_y;
    }
    *width = max_x - min_x;
    *height = max_y - min_y;
    igraph_matrix_destroy(&local);
    igraph_destroy(&sub);
    igraph_vector_int_destroy(&invmap);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

/* Every component laid out, then packed: the largest first, the others in rows below it as
 * wide as it is (or as the square root of their total area, when that is wider). */
static igraph_error_t force(const igraph_t *g, igraph_matrix_t *pos)
{
    igraph_integer_t n = igraph_vcount(g), count = 0;
    igraph_vector_int_t membership, sizes;
    IGRAPH_CHECK(igraph_matrix_resize(pos, n, 2));
    IGRAPH_VECTOR_INT_INIT_FINALLY(&membership, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&sizes, 0);
    IGRAPH_CHECK(igraph_connected_components(g, &membership, &sizes, &count, IGRAPH_WEAK));
    component_t *comps = calloc((size_t)(count ? count : 1), sizeof *comps);
    igraph_integer_t *grouped = malloc((size_t)(n ? n : 1) * sizeof *grouped);
    igraph_integer_t *fill = calloc((size_t)(count ? count : 1), sizeof *fill);
    double *box = malloc((size_t)(count ? count : 1) * 2 * sizeof *box);
    if (!comps || !grouped || !fill || !box) {
        free(comps);
        free(grouped);
        free(fill);
        free(box);
        IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
    }
    IGRAPH_FINALLY(free, comps);
    IGRAPH_FINALLY(free, grouped);
    IGRAPH_FINALLY(free, fill);
    IGRAPH_FINALLY(free, box);
    for (igraph_integer_t c = 0; c < count; c++)
        comps[c] = (component_t){VECTOR(sizes)[c], n, 0};
    for (igraph_integer_t v = n - 1; v >= 0; v--)
        comps[VECTOR(membership)[v]].first = v;
    igraph_integer_t offset = 0;
    for (igraph_integer_t c = 0; c < count; c++) {
        comps[c].start = offset;
        offset += comps[c].size;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(membership)[v];
        grouped[comps[c].start + fill[c]++] = v;
    }
    qsort(comps, (size_t)count, sizeof *comps, by_size_then_first);
    double rest_area = 0;
    for (igraph_integer_t c = 0; c < count; c++) {
        IGRAPH_CHECK(component_layout(g, grouped + comps[c].start, comps[c].size, pos,
                                      &box[2 * c], &box[2 * c + 1]));
        if (c > 0)
            rest_area += (box[2 * c] + COMPONENT_MARGIN) * (box[2 * c + 1] + COMPONENT_MARGIN);
    }
    /* y grows downwards while packing; flipped at the end so that the largest is on top */
    double row_width = count ? fmax(box[0], 1.5 * sqrt(rest_area)) : 0;
    double x = 0, y = count ? box[1] + 2 * COMPONENT_MARGIN : 0, row_height = 0;
    for (igraph_integer_t c = 0; c < count; c++) {
        double dx = 0, dy = 0, w = box[2 * c], h = box[2 * c + 1];
        if (c > 0) {
            if (x > 0 && x + w > row_width) {
                x = 0;
                y += row_height + COMPONENT_MARGIN;
                row_height = 0;
            }
            dx = x;
            dy = y;
            x += w + COMPONENT_MARGIN;
            row_height = fmax(row_height, h);
        } else {
            dx = (row_width - w) / 2;
        }
        for (igraph_integer_t i = 0; i < comps[c].size; i++) {
            igraph_integer_t v = grouped[comps[c].start + i];
            MATRIX(*pos, v, 0) += dx;
            MATRIX(*pos, v, 1) = -(dy + h - MATRIX(*pos, v, 1));
        }
    }
    free(box);
    free(fill);
    free(grouped);
    free(comps);
    igraph_vector_int_destroy(&sizes);
    igraph_vector_int_destroy(&membership);
    IGRAPH_FINALLY_CLEAN(6);
    return IGRAPH_SUCCESS;
}

int pn_layout_force(igraph_matrix_t *out, const pn_graph_t *graph, unsigned long seed)
{
    assert(out && graph);
    pn_random_t random;
    igraph_matrix_t pos;
    if (igraph_matrix_init(&pos, 0, 0) != IGRAPH_SUCCESS)
        return pn_error__nomem();
    if (pn_random__begin(&random, seed) != 0) {
        igraph_matrix_destroy(&pos);
        return PN_ENOMEM;
    }
    igraph_error_t rc = force(pn_graph_igraph(graph), &pos);
    pn_random__end(&random);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_matrix_update(out, &pos);
    igraph_matrix_destroy(&pos);
    return rc == IGRAPH_SUCCESS ? 0 : pn_error__igraph(rc);
}

/* ---- the map layout ------------------------------------------------------------------ */

void pn_layout_project(double *x, double *y, const pn_map_info_t *info, double lat, double lon)
{
    double lambda = lon - info->central_meridian; /* into -180..180, both ends kept */
    if (lambda > 180 || lambda < -180)
        lambda = fmod(lambda + 540.0, 360.0) - 180.0;
    lambda *= DEGREE;
    double phi = lat * DEGREE;
    if (info->projection == PN_PROJECTION_EQUAL_EARTH) {
        static const double a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796;
        double theta = asin(sqrt(3.0) / 2 * sin(phi)), t2 = theta * theta, t6 = t2 * t2 * t2;
        *x = 2 * sqrt(3.0) * lambda * cos(theta) /
             (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1));
        *y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2));
    } else {
        *x = lambda * cos(info->standard_parallel * DEGREE);
        *y = phi;
    }
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int pn_layout_coordinates(double *lat, double *lon, const pn_graph_t *graph)
{
    assert(lat && lon && graph);
    const pn_dataset_t *ds = pn_graph_dataset(graph);
    igraph_integer_t n = pn_graph_vertex_count(graph);
    size_t *count = calloc((size_t)(n ? n : 1), sizeof *count);
    if (!count)
        return pn_error__nomem();
    for (igraph_integer_t v = 0; v < n; v++) {
        uint32_t node = pn_graph_vertex_node(graph, v);
        lat[v] = node != PN_NONE ? pn_dataset_node(ds, node)->lat : NAN;
        lon[v] = node != PN_NONE ? pn_dataset_node(ds, node)->lon : NAN;
    }
    /* a country stands at the mean coordinates of its nodes that have them */
    for (size_t i = 0; i < pn_dataset_node_count(ds); i++) {
        const pn_node_t *node = pn_dataset_node(ds, i);
        igraph_integer_t v = pn_graph_country_vertex(graph, node->country);
        if (v < 0 || isnan(node->lat) || isnan(node->lon))
            continue;
        lat[v] = count[v] ? lat[v] + node->lat : node->lat;
        lon[v] = count[v] ? lon[v] + node->lon : node->lon;
        count[v]++;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        if (count[v]) {
            lat[v] /= (double)count[v];
            lon[v] /= (double)count[v];
        }
    free(count);
    return 0;
}

/* The projection for the located vertices (see pn_layout_map()). */
static int choose_projection(pn_map_info_t *info, const double *lat, const double *lon,
                             igraph_integer_t n)
{
    double *lats = malloc((size_t)(n ? n : 1) * sizeof *lats);
    if (!lats)
        return pn_error__nomem();
    double west = INFINITY, east = -INFINITY;
    size_t located = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        if (isnan(lat[v]) || isnan(lon[v]))
            continue;
        lats[located++] = lat[v];
        west = fmin(west, lon[v]);
        east = fmax(east, lon[v]);
    }
    if (located == 0 || east - west > 180) {
        info->projection = PN_PROJECTION_EQUAL_EARTH;
        info->central_meridian = 0;
        info->standard_parallel = 0;
    } else {
        qsort(lats, located, sizeof *lats, by_value);
        info->projection = PN_PROJECTION_EQUIRECTANGULAR;
        info->central_meridian = (west + east) / 2;
        info->standard_parallel = located % 2 ? lats[located / 2]
                                              : (lats[located / 2 - 1] + lats[located / 2]) / 2;
    }
    free(lats);
    return 0;
}

/* Vertices without coordinates, outwards from the located ones by breadth-first search: each
 * at the mean of its partners placed in an earlier round. Returns the vertices none reaches
 * (PN_PLACED_APART). */
static igraph_error_t place_among_partners(const igraph_t *g, igraph_matrix_t *pos,
                                           igraph_vector_int_t *placement,
                                           igraph_integer_t *apart)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_int_t round, queue, neighbours;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&round, n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&queue, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&neighbours, 0);
    for (igraph_integer_t v = 0; v < n; v++) {
        int located = VECTOR(*placement)[v] == PN_PLACED_AT_COORDINATES;
        VECTOR(round)[v] = located ? 0 : -1;
        if (located)
            IGRAPH_CHECK(igraph_vector_int_push_back(&queue, v));
    }
    for (igraph_integer_t head = 0; head < igraph_vector_int_size(&queue); head++) {
        igraph_integer_t v = VECTOR(queue)[head];
        IGRAPH_CHECK(igraph_neighbors(g, &neighbours, v, IGRAPH_ALL));
        if (VECTOR(round)[v] > 0) {
            double x = 0, y = 0;
            igraph_integer_t from = 0;
            for (igraph_integer_t i = 0; i < igraph_vector_int_size(&neighbours); i++) {
                igraph_integer_t u = VECTOR(neighbours)[i];
                if (VECTOR(round)[u] >= 0 && VECTOR(round)[u] < VECTOR(round)[v]) {
                    x += MATRIX(*pos, u, 0);
                    y += MATRIX(*pos, u, 1);
                    from++;
                }
            }
            MATRIX(*pos, v, 0) = x / (double)from;
            MATRIX(*pos, v, 1) = y / (double)from;
            VECTOR(*placement)[v] = PN_PLACED_AMONG_PARTNERS;
        }
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&neighbours); i++) {
            igraph_integer_t u = VECTOR(neighbours)[i];
            if (VECTOR(round)[u] < 0) {
                VECTOR(round)[u] = VECTOR(round)[v] + 1;
                IGRAPH_CHECK(igraph_vector_int_push_back(&queue, u));
            }
        }
    }
    *apart = n - igraph_vector_int_size(&queue);
    igraph_vector_int_destroy(&neighbours);
    igraph_vector_int_destroy(&queue);
    igraph_vector_int_destroy(&round);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

/* The vertices no partner places, in rows under the map, in vertex order. */
static void place_apart(igraph_matrix_t *pos, igraph_vector_int_t *placement,
                        igraph_integer_t apart)
{
    igraph_integer_t n = igraph_matrix_nrow(pos);
    double west = INFINITY, east = -INFINITY, south = INFINITY;
    for (igraph_integer_t v = 0; v < n; v++) {
        if (VECTOR(*placement)[v] == PN_PLACED_APART)
            continue;
        west = fmin(west, MATRIX(*pos, v, 0));
        east = fmax(east, MATRIX(*pos, v, 0));
        south = fmin(south, MATRIX(*pos, v, 1));
    }
    if (west > east) { /* nothing located: a square of vertices about 10 degrees wide */
        west = 0;
        east = 0.17;
        south = 0;
    }
    igraph_integer_t columns = (igraph_integer_t)ceil(sqrt(4.0 * (double)apart));
    double step = (east - west) / (double)(columns > 1 ? columns : 1);
    igraph_integer_t k = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        if (VECTOR(*placement)[v] != PN_PLACED_APART)
            continue;
        MATRIX(*pos, v, 0) = west + step * (double)(k % columns);
        MATRIX(*pos, v, 1) = south - step * (double)(2 + k / columns);
        k++;
    }
}

typedef struct {
    double x, y;
    igraph_integer_t v;
} point_t;

static int by_position(const void *a, const void *b)
{
    const point_t *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    if (p->y != q->y)
        return p->y < q->y ? -1 : 1;
    return (p->v > q->v) - (p->v < q->v);
}

/* Vertices on one point: the first (lowest index) stays, the others go round it. */
static int spread(igraph_matrix_t *pos)
{
    igraph_integer_t n = igraph_matrix_nrow(pos);
    point_t *points = malloc((size_t)(n ? n : 1) * sizeof *points);
    if (!points)
        return pn_error__nomem();
    for (igraph_integer_t v = 0; v < n; v++)
        points[v] = (point_t){MATRIX(*pos, v, 0), MATRIX(*pos, v, 1), v};
    qsort(points, (size_t)n, sizeof *points, by_position);
    for (igraph_integer_t i = 0; i < n;) {
        igraph_integer_t j = i + 1;
        while (j < n && points[j].x == points[i].x && points[j].y == points[i].y)
            j++;
        for (igraph_integer_t k = i + 1; k < j; k++) {
            double r = SPREAD * sqrt((double)(k - i)), angle = GOLDEN_ANGLE * (double)(k - i);
            MATRIX(*pos, points[k].v, 0) += r * cos(angle);
            MATRIX(*pos, points[k].v, 1) += r * sin(angle);
        }
        i = j;
    }
    free(points);
    return 0;
}

int pn_layout_map(igraph_matrix_t *out, igraph_vector_int_t *placement, pn_map_info_t *info,
                  const pn_graph_t *graph)
{
    igraph_integer_t n = pn_graph_vertex_count(graph), apart = 0;
    pn_map_info_t map = {PN_PROJECTION_EQUIRECTANGULAR, 0, 0, 0, 0, 0};
    double *lat = malloc((size_t)(n ? n : 1) * sizeof *lat);
    double *lon = malloc((size_t)(n ? n : 1) * sizeof *lon);
    igraph_matrix_t pos;
    igraph_vector_int_t placed;
    int status = PN_ENOMEM, have_pos = 0, have_placed = 0;
    if (!lat || !lon || igraph_matrix_init(&pos, n, 2) != IGRAPH_SUCCESS) {
        status = pn_error__nomem();
        goto done;
    }
    have_pos = 1;
    if (igraph_vector_int_init(&placed, n) != IGRAPH_SUCCESS) {
        status = pn_error__nomem();
        goto done;
    }
    have_placed = 1;
    if ((status = pn_layout_coordinates(lat, lon, graph)) != 0 ||
        (status = choose_projection(&map, lat, lon, n)) != 0)
        goto done;
    for (igraph_integer_t v = 0; v < n; v++) {
        int known = !isnan(lat[v]) && !isnan(lon[v]);
        VECTOR(placed)[v] = known ? PN_PLACED_AT_COORDINATES : PN_PLACED_APART;
        if (known)
            pn_layout_project(&MATRIX(pos, v, 0), &MATRIX(pos, v, 1), &map, lat[v], lon[v]);
        map.located += known;
    }
    igraph_error_t rc = place_among_partners(pn_graph_igraph(graph), &pos, &placed, &apart);
    if (rc != IGRAPH_SUCCESS) {
        status = pn_error__igraph(rc);
        goto done;
    }
    place_apart(&pos, &placed, apart);
    if ((status = spread(&pos)) != 0)
        goto done;
    if (igraph_matrix_update(out, &pos) != IGRAPH_SUCCESS ||
        (placement && igraph_vector_int_update(placement, &placed) != IGRAPH_SUCCESS)) {
        status = pn_error__nomem();
        goto done;
    }
    map.apart = apart;
    map.among_partners = n - map.located - apart;
    if (info)
        *info = map;
    status = 0;
done:
    if (have_placed)
        igraph_vector_int_destroy(&placed);
    if (have_pos)
        igraph_matrix_destroy(&pos);
    free(lat);
    free(lon);
    return status;
}
