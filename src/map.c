/*
 * Maps (see map.h): the background under a map layout, great-circle lines, and discs moved
 * apart where places crowd.
 */
#include "map.h"

#include "error.h"
#include "outlines.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEGREE (M_PI / 180)
#define ARC_STEP 2.0          /* degrees between the points of a great circle */
#define GOLDEN_ANGLE 2.399963229728653
#define SEA PN_RGBA(0xe4eef6, 0xff)
#define GRATICULE PN_RGBA(0xc6d7e6, 0xff)
#define LAND PN_RGBA(0xf5f3ee, 0xff)
#define BORDER PN_RGBA(0xb4aea3, 0xff)

static void to_pixels(double *px, double *py, const pn_frame_t *f, double x, double y)
{
    *px = f->left + (x - f->min_x) * f->k;
    *py = f->top + (f->max_y - y) * f->k;
}

/* (lat, lon) projected and framed. */
static void locate(double *px, double *py, const pn_frame_t *f, const pn_map_info_t *info,
                   double lat, double lon)
{
    double x, y;
    pn_layout_project(&x, &y, info, lat, lon);
    to_pixels(px, py, f, x, y);
}

void pn_map__extent(double extent[4], const pn_map_info_t *info)
{
    if (info->projection == PN_PROJECTION_EQUAL_EARTH) {
        double x, y, unused;
        pn_layout_project(&x, &unused, info, 0, info->central_meridian + 180);
        pn_layout_project(&unused, &y, info, 90, info->central_meridian);
        extent[0] = fmin(extent[0], -x);
        extent[1] = fmax(extent[1], x);
        extent[2] = fmin(extent[2], -y);
        extent[3] = fmax(extent[3], y);
        return;
    }
    double two_degrees = 2 * DEGREE;
    double mx = fmax(0.1 * (extent[1] - extent[0]),
                     two_degrees * cos(info->standard_parallel * DEGREE));
    double my = fmax(0.1 * (extent[3] - extent[2]), two_degrees);
    extent[0] -= mx;
    extent[1] += mx;
    extent[2] = fmax(extent[2] - my, -M_PI / 2);
    extent[3] = fmin(extent[3] + my, M_PI / 2);
}

/* ---- the background ------------------------------------------------------------------ */

/* A polygon or a line being built, pixels or degrees. */
typedef struct {
    double *xy;
    size_t count, capacity;
} path_t;

static int path_add(path_t *p, double x, double y)
{
    if (p->count == p->capacity) {
        size_t capacity = p->capacity ? 2 * p->capacity : 64;
        double *xy = realloc(p->xy, 2 * capacity * sizeof *xy);
        if (!xy)
            return pn_error__nomem();
        p->xy = xy;
        p->capacity = capacity;
    }
    p->xy[2 * p->count] = x;
    p->xy[2 * p->count + 1] = y;
    p->count++;
    return 0;
}

/* Into -180..180. */
static double wrap(double degrees)
{
    return degrees - 360 * floor((degrees + 180) / 360);
}

/*
 * One side of Sutherland-Hodgman clipping: keep the part of polygon @p in (longitude, latitude
 * pairs) with side * longitude <= 180, into @p out.
 */
static int clip_side(path_t *out, const path_t *in, double side)
{
    out->count = 0;
    for (size_t i = 0; i < in->count; i++) {
        const double *a = in->xy + 2 * i, *b = in->xy + 2 * ((i + 1) % in->count);
        int a_in = side * a[0] <= 180, b_in = side * b[0] <= 180;
        if (a_in && path_add(out, a[0], a[1]) != 0)
            return PN_ENOMEM;
        if (a_in != b_in) {
            double t = (side * 180 - a[0]) / (b[0] - a[0]);
            if (path_add(out, side * 180, a[1] + t * (b[1] - a[1])) != 0)
                return PN_ENOMEM;
        }
    }
    return 0;
}

typedef struct {
    pn_canvas_t *canvas;
    const pn_frame_t *frame;
    const pn_map_info_t *info;
    double scale;
    path_t unwrapped, shifted, clipped, pixels;
} painter_t;

/* A polygon of longitudes relative to the central meridian, unwrapped, drawn once per copy of
 * it that falls in -180..180. */
static int paint_copies(painter_t *p)
{
    for (int shift = -360; shift <= 360; shift += 360) {
        p->shifted.count = 0;
        for (size_t i = 0; i < p->unwrapped.count; i++)
            if (path_add(&p->shifted, p->unwrapped.xy[2 * i] + shift,
                         p->unwrapped.xy[2 * i + 1]) != 0)
                return PN_ENOMEM;
        if (clip_side(&p->clipped, &p->shifted, 1) != 0 ||
            clip_side(&p->shifted, &p->clipped, -1) != 0)
            return PN_ENOMEM;
        if (p->shifted.count < 3)
            continue;
        p->pixels.count = 0;
        for (size_t i = 0; i < p->shifted.count; i++) {
            double px, py;
            locate(&px, &py, p->frame, p->info, p->shifted.xy[2 * i + 1],
                   p->shifted.xy[2 * i] + p->info->central_meridian);
            if (path_add(&p->pixels, px, py) != 0)
                return PN_ENOMEM;
        }
        pn_canvas__polyline(p->canvas, p->pixels.xy, p->pixels.count, 1, 0.6 * p->scale, BORDER,
                            LAND);
    }
    return 0;
}

/* One country polygon: longitudes made continuous; one that winds round a pole (Antarctica)
 * is closed along the pole. */
static int paint_polygon(painter_t *p, const double *point, size_t n)
{
    p->unwrapped.count = 0;
    double first = wrap(point[0] - p->info->central_meridian), previous = first, lat_sum = 0;
    for (size_t i = 0; i < n; i++) {
        double lambda = wrap(point[2 * i] - p->info->central_meridian);
        lambda = previous + wrap(lambda - wrap(previous));
        previous = lambda;
        lat_sum += point[2 * i + 1];
        if (path_add(&p->unwrapped, lambda, point[2 * i + 1]) != 0)
            return PN_ENOMEM;
    }
    double closing = previous + wrap(first - wrap(previous));
    if (fabs(closing - first) > 180) {
        double pole = lat_sum < 0 ? -90 : 90;
        if (path_add(&p->unwrapped, previous, pole) != 0 ||
            path_add(&p->unwrapped, first, pole) != 0)
            return PN_ENOMEM;
    }
    return paint_copies(p);
}

static void graticule(pn_canvas_t *c, const pn_frame_t *f, const pn_map_info_t *info,
                      double step, double scale)
{
    double xy[2 * 181];
    double cm = info->central_meridian;
    for (double lon = -180; lon <= 180; lon += step) {
        size_t n = 0;
        for (double lat = -90; lat <= 90; lat += 1, n++)
            locate(&xy[2 * n], &xy[2 * n + 1], f, info, lat, cm + lon);
        pn_canvas__polyline(c, xy, n, 0, 0.6 * scale, GRATICULE, 0);
    }
    for (double lat = -90 + step; lat < 90; lat += step) {
        size_t n = 0;
        for (double lon = -180; lon <= 180; lon += 2, n++)
            locate(&xy[2 * n], &xy[2 * n + 1], f, info, lat, cm + lon);
        pn_canvas__polyline(c, xy, n, 0, 0.6 * scale, GRATICULE, 0);
    }
}

int pn_map__background(pn_canvas_t *canvas, const pn_frame_t *frame, const pn_map_info_t *info,
                       const char *path, double scale)
{
    painter_t p = {.canvas = canvas, .frame = frame, .info = info, .scale = scale};
    pn_outlines_t outlines = PN_OUTLINES_INIT;
    int world = info->projection == PN_PROJECTION_EQUAL_EARTH, status = 0;
    /* a pixel, in degrees of latitude */
    double step = 1 / frame->k / DEGREE;
    double box[4];
    if (world) {
        /* the sea: the world's outline, its edge meridians */
        for (double lat = -90; lat <= 90 && status == 0; lat += 1)
            status = path_add(&p.unwrapped, -180, lat);
        for (double lat = 90; lat >= -90 && status == 0; lat -= 1)
            status = path_add(&p.unwrapped, 180, lat);
        for (size_t i = 0; i < p.unwrapped.count && status == 0; i++) {
            double px, py;
            locate(&px, &py, frame, info, p.unwrapped.xy[2 * i + 1],
                   p.unwrapped.xy[2 * i] + info->central_meridian);
            status = path_add(&p.pixels, px, py);
        }
        if (status != 0)
            goto done;
        pn_canvas__polyline(canvas, p.pixels.xy, p.pixels.count, 1, 0.8 * scale, GRATICULE, SEA);
    } else {
        pn_canvas__clip_begin(canvas, frame->left, frame->top, frame->width, frame->height);
        pn_canvas__rect(canvas, frame->left, frame->top, frame->width, frame->height, SEA);
    }
    /* the part of the world in the frame, in degrees */
    double half_x = frame->width / 2 / frame->k, cos_sp = cos(info->standard_parallel * DEGREE);
    double span = world ? 360 : 2 * half_x / cos_sp / DEGREE;
    graticule(canvas, frame, info, span > 90 ? 30 : span > 30 ? 10 : 5, scale);
    box[0] = info->central_meridian - span / 2;
    box[1] = info->central_meridian + span / 2;
    box[2] = (frame->max_y - frame->height / frame->k) / DEGREE;
    box[3] = frame->max_y / DEGREE;
    if ((status = pn_outlines__read(&outlines, path, step, world ? NULL : box)) != 0)
        goto done;
    for (size_t i = 0; i < outlines.count && status == 0; i++)
        status = paint_polygon(&p, outlines.point + 2 * outlines.start[i],
                               outlines.start[i + 1] - outlines.start[i]);
done:
    if (!world)
        pn_canvas__clip_end(canvas);
    pn_outlines__destroy(&outlines);
    free(p.unwrapped.xy);
    free(p.shifted.xy);
    free(p.clipped.xy);
    free(p.pixels.xy);
    return status;
}

/* ---- lines --------------------------------------------------------------------------- */

void pn_map__arc(pn_canvas_t *canvas, const pn_frame_t *frame, const pn_map_info_t *info,
                 const double from[2], const double to[2], const double shift[4], double width,
                 uint32_t colour)
{
    double a[3], b[3];
    const double *ends[2] = {from, to};
    double *vectors[2] = {a, b};
    for (int e = 0; e < 2; e++) {
        double lat = ends[e][0] * DEGREE, lon = ends[e][1] * DEGREE;
        vectors[e][0] = cos(lat) * cos(lon);
        vectors[e][1] = cos(lat) * sin(lon);
        vectors[e][2] = sin(lat);
    }
    double dot = fmax(-1, fmin(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
    double omega = acos(dot), sin_omega = sin(omega);
    int steps = (int)ceil(omega / DEGREE / ARC_STEP - 1e-9); /* 90 degrees: 45 steps */
    double xy[2 * (180 / (int)ARC_STEP + 2)];
    size_t n = 0;
    if (steps < 1 || sin_omega < 1e-9)
        steps = 1;
    for (int i = 0; i <= steps; i++) {
        double t = (double)i / steps, px, py;
        if (steps == 1 || sin_omega < 1e-9) {
            locate(&px, &py, frame, info, i ? to[0] : from[0], i ? to[1] : from[1]);
        } else {
            double wa = sin((1 - t) * omega) / sin_omega, wb = sin(t * omega) / sin_omega;
            double v[3] = {wa * a[0] + wb * b[0], wa * a[1] + wb * b[1], wa * a[2] + wb * b[2]};
            double lat = atan2(v[2], hypot(v[0], v[1])) / DEGREE, lon = atan2(v[1], v[0]) / DEGREE;
            locate(&px, &py, frame, info, lat, lon);
        }
        px += (1 - t) * shift[0] + t * shift[2];
        py += (1 - t) * shift[1] + t * shift[3];
        /* across the edge of the world: the line goes on from the other side */
        if (n > 0 && fabs(px - xy[2 * n - 2]) > frame->width / 2) {
            pn_canvas__polyline(canvas, xy, n, 0, width, colour, 0);
            n = 0;
        }
        xy[2 * n] = px;
        xy[2 * n + 1] = py;
        n++;
    }
    pn_canvas__polyline(canvas, xy, n, 0, width, colour, 0);
}

/* ---- crowded places ------------------------------------------------------------------ */

long pn_map__spread(double *x, double *y, const double *radius, size_t count, double gap,
                    int rounds)
{
    if (count < 2)
        return 0;
    double largest = 0, min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (size_t i = 0; i < count; i++)
        largest = fmax(largest, radius[i]);
    double cell = 2 * largest + gap;
    unsigned char *moved = calloc(count, 1);
    size_t *order = malloc(count * sizeof *order), *cell_start = NULL, *key = NULL;
    long total = 0;
    if (!moved || !order)
        goto nomem;
    key = malloc(count * sizeof *key);
    if (!key)
        goto nomem;
    for (int round = 0; round < rounds; round++) {
        min_x = min_y = INFINITY;
        max_x = max_y = -INFINITY;
        for (size_t i = 0; i < count; i++) {
            min_x = fmin(min_x, x[i]);
            min_y = fmin(min_y, y[i]);
            max_x = fmax(max_x, x[i]);
            max_y = fmax(max_y, y[i]);
        }
        size_t columns = (size_t)((max_x - min_x) / cell) + 1;
        size_t rows = (size_t)((max_y - min_y) / cell) + 1;
        free(cell_start);
        cell_start = calloc(columns * rows + 1, sizeof *cell_start);
        if (!cell_start)
            goto nomem;
        /* the discs grouped by grid cell (counting sort) */
        for (size_t i = 0; i < count; i++) {
            key[i] = (size_t)((y[i] - min_y) / cell) * columns + (size_t)((x[i] - min_x) / cell);
            cell_start[key[i] + 1]++;
        }
        for (size_t c = 0; c < columns * rows; c++)
            cell_start[c + 1] += cell_start[c];
        for (size_t i = 0; i < count; i++)
            order[cell_start[key[i]]++] = i;
        for (size_t c = columns * rows; c > 0; c--)
            cell_start[c] = cell_start[c - 1];
        cell_start[0] = 0;
        int any = 0;
        for (size_t i = 0; i < count; i++) {
            size_t column = key[i] % columns, row = key[i] / columns;
            for (size_t r = row ? row - 1 : 0; r <= row + 1 && r < rows; r++)
                for (size_t c = column ? column - 1 : 0; c <= column + 1 && c < columns; c++)
                    for (size_t k = cell_start[r * columns + c];
                         k < cell_start[r * columns + c + 1]; k++) {
                        size_t j = order[k];
                        if (j <= i)
                            continue;
                        double dx = x[j] - x[i], dy = y[j] - y[i], d = hypot(dx, dy);
                        double need = radius[i] + radius[j] + gap;
                        if (d >= need * 0.98)
                            continue;
                        if (d < 1e-6) {
                            double angle = GOLDEN_ANGLE * (double)(i + j);
                            dx = cos(angle);
                            dy = sin(angle);
                            d = 1;
                        } else {
                            dx /= d;
                            dy /= d;
                        }
                        double push = (need - fmin(d, need)) / 2;
                        x[i] -= dx * push;
                        y[i] -= dy * push;
                        x[j] += dx * push;
                        y[j] += dy * push;
                        moved[i] = moved[j] = 1;
                        any = 1;
                    }
        }
        if (!any)
            break;
    }
    for (size_t i = 0; i < count; i++)
        total += moved[i];
    free(moved);
    free(order);
    free(key);
    free(cell_start);
    return total;
nomem:
    free(moved);
    free(order);
    free(key);
    free(cell_start);
    pn_error__nomem();
    return -1;
}
