/*
 * The growth chart on the drawings' canvas (canvas.c: Cairo and Pango): two panels of lines
 * over the years, counts above and shares below, each with its axes, ticks, grid and legend.
 * A picture of a fixed size whatever the data, written whole through pn_outfile.
 */
#include <partnet/chart.h>

#include "canvas.h"
#include "error.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 1000.0
#define HEIGHT 720.0
#define MARGIN 24.0
#define PLOT_LEFT 84.0                    /* room for the values of the y axis */
#define PLOT_RIGHT (WIDTH - 236.0)        /* the legend to the right */
#define TITLE_SIZE 20.0
#define PANEL_TITLE_SIZE 15.0
#define TEXT_SIZE 12.0
#define INK PN_RGBA(0x202020, 0xff)
#define GRID PN_RGBA(0xdddddd, 0xff)
#define MUTED PN_RGBA(0x606060, 0xff)

typedef double series_fn(const pn_growth_year_t *row);

static double agreements(const pn_growth_year_t *r) { return (double)r->agreements; }
static double pairs(const pn_growth_year_t *r) { return (double)r->pairs; }
static double nodes(const pn_growth_year_t *r) { return (double)r->nodes; }
static double largest(const pn_growth_year_t *r) { return (double)r->largest; }
static double largest_share(const pn_growth_year_t *r) { return r->largest_share; }
static double transitivity(const pn_growth_year_t *r) { return r->transitivity; }
static double cross(const pn_growth_year_t *r) { return r->cross_border_share; }

typedef struct {
    const char *label;
    series_fn *value;
    uint32_t colour; /* Okabe-Ito: told apart by colour-blind readers too */
} series_t;

static const series_t counts[] = {{"agreements", agreements, PN_RGBA(0x0072b2, 0xff)},
                                  {"partner pairs", pairs, PN_RGBA(0xe69f00, 0xff)},
                                  {"nodes", nodes, PN_RGBA(0x009e73, 0xff)},
                                  {"largest component", largest, PN_RGBA(0xcc79a7, 0xff)}};
static const series_t shares[] = {{"largest component share", largest_share,
                                   PN_RGBA(0x0072b2, 0xff)},
                                  {"transitivity", transitivity, PN_RGBA(0xd55e00, 0xff)},
                                  {"cross-border share", cross, PN_RGBA(0x009e73, 0xff)}};

/* A step of 1, 2, 2.5 or 5 times a power of ten that cuts @p span into at most @p most
 * intervals; whole (at least 1) when @p whole. */
static double nice_step(double span, int most, int whole)
{
    double raw = span / most, power = pow(10, floor(log10(raw)));
    static const double factors[] = {1, 2, 2.5, 5, 10};
    double step = 10 * power;
    for (size_t i = 0; i < sizeof factors / sizeof factors[0]; i++) {
        if (factors[i] * power >= raw && !(whole && factors[i] * power != floor(factors[i] * power))) {
            step = factors[i] * power;
            break;
        }
    }
    return whole && step < 1 ? 1 : step;
}

/* A count with thousands separated: "12,345". */
static void count_text(char *buf, size_t size, double value)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", value);
    size_t n = strlen(digits), used = 0;
    for (size_t i = 0; i < n && used + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf[used++] = ',';
        buf[used++] = digits[i];
    }
    buf[used] = '\0';
}

typedef struct {
    pn_canvas_t *canvas;
    double x0, x1;  /* the years at the left and right ends */
    double top, bottom, ymax;
} panel_t;

static double px(const panel_t *p, double year)
{
    return PLOT_LEFT + (year - p->x0) / (p->x1 - p->x0) * (PLOT_RIGHT - PLOT_LEFT);
}

static double py(const panel_t *p, double value)
{
    return p->bottom - value / p->ymax * (p->bottom - p->top);
}

/* The axes, their ticks and values, the grid, the panel's title and the y axis's name. */
static void axes(const panel_t *p, const char *title, const char *unit, int whole)
{
    pn_canvas_t *c = p->canvas;
    double w, h;
    pn_canvas__text(c, PLOT_LEFT, p->top - 56, title, PANEL_TITLE_SIZE, 1, INK);
    pn_canvas__text_size(c, unit, TEXT_SIZE, 0, &w, &h);
    pn_canvas__text(c, PLOT_LEFT - 8 - w, p->top - 30, unit, TEXT_SIZE, 0, MUTED);

    double step = nice_step(p->ymax, 5, whole);
    for (int k = 0; k * step <= p->ymax * (1 + 1e-9); k++) {
        double value = k * step, y = py(p, value);
        char label[32];
        if (whole)
            count_text(label, sizeof label, value);
        else
            snprintf(label, sizeof label, "%g", value);
        pn_canvas__line(c, PLOT_LEFT, y, PLOT_RIGHT, y, 1, GRID);
        pn_canvas__line(c, PLOT_LEFT - 5, y, PLOT_LEFT, y, 1, INK);
        pn_canvas__text_size(c, label, TEXT_SIZE, 0, &w, &h);
        pn_canvas__text(c, PLOT_LEFT - 8 - w, y - h / 2, label, TEXT_SIZE, 0, INK);
    }
    double years = nice_step(p->x1 - p->x0, 10, 1);
    for (double year = ceil(p->x0 / years) * years; year <= p->x1; year += years) {
        double x = px(p, year);
        char label[16];
        snprintf(label, sizeof label, "%.0f", year);
        pn_canvas__line(c, x, p->top, x, p->bottom, 1, GRID);
        pn_canvas__line(c, x, p->bottom, x, p->bottom + 5, 1, INK);
        pn_canvas__text_size(c, label, TEXT_SIZE, 0, &w, &h);
        pn_canvas__text(c, x - w / 2, p->bottom + 7, label, TEXT_SIZE, 0, INK);
    }
    pn_canvas__line(c, PLOT_LEFT, p->top, PLOT_LEFT, p->bottom, 1.2, INK);
    pn_canvas__line(c, PLOT_LEFT, p->bottom, PLOT_RIGHT, p->bottom, 1.2, INK);
    pn_canvas__text_size(c, "year", TEXT_SIZE, 0, &w, &h);
    pn_canvas__text(c, (PLOT_LEFT + PLOT_RIGHT - w) / 2, p->bottom + 24, "year", TEXT_SIZE, 0,
                    MUTED);
}

/* One series: its line through the years where it is defined (a gap where it is not), and a
 * dot on each year when they are few enough to tell apart. */
static void line(const panel_t *p, const pn_growth_t *g, const series_t *s, double *xy)
{
    pn_canvas_t *c = p->canvas;
    size_t run = 0;
    int dots = g->year_count <= 60;
    for (size_t k = 0; k <= g->year_count; k++) {
        double v = k < g->year_count ? s->value(&g->years[k]) : NAN;
        if (isfinite(v)) {
            xy[2 * run] = px(p, g->years[k].year);
            xy[2 * run + 1] = py(p, v);
            run++;
            if (dots || g->year_count == 1)
                pn_canvas__disc(c, px(p, g->years[k].year), py(p, v), 3.2, s->colour, 0,
                                s->colour, NULL, NULL);
            continue;
        }
        if (run > 1)
            pn_canvas__polyline(c, xy, run, 0, 2.5, s->colour, 0);
        run = 0;
    }
}

static void legend_entry(const panel_t *p, const series_t *s, int entry)
{
    pn_canvas_t *c = p->canvas;
    double x = PLOT_RIGHT + 20, y = p->top + 8 + entry * 24, w, h;
    pn_canvas__line(c, x, y, x + 28, y, 3, s->colour);
    pn_canvas__text_size(c, s->label, TEXT_SIZE + 1, 0, &w, &h);
    pn_canvas__text(c, x + 36, y - h / 2, s->label, TEXT_SIZE + 1, 0, INK);
}

static void panel(pn_canvas_t *canvas, const pn_growth_t *g, const series_t *series,
                  size_t count, double top, double bottom, const char *title, const char *unit,
                  int whole, double *xy)
{
    panel_t p = {canvas, g->years[0].year, g->years[g->year_count - 1].year, top, bottom, 0};
    if (p.x1 <= p.x0) {
        p.x0 -= 1;
        p.x1 += 1;
    }
    for (size_t s = 0; s < count; s++)
        for (size_t k = 0; k < g->year_count; k++) {
            double v = series[s].value(&g->years[k]);
            if (isfinite(v) && v > p.ymax)
                p.ymax = v;
        }
    /* the axis ends on the tick above the highest value (shares at most at 1) */
    double step = nice_step(p.ymax > 0 ? p.ymax : 1, 5, whole);
    p.ymax = p.ymax > 0 ? ceil(p.ymax / step - 1e-9) * step : 1;
    axes(&p, title, unit, whole);
    pn_canvas__clip_begin(canvas, PLOT_LEFT - 4, top - 4, PLOT_RIGHT - PLOT_LEFT + 8,
                          bottom - top + 8);
    for (size_t s = 0; s < count; s++)
        line(&p, g, &series[s], xy);
    pn_canvas__clip_end(canvas);
    for (size_t s = 0; s < count; s++)
        legend_entry(&p, &series[s], (int)s);
}

static int format_for(pn_draw_format_t *out, const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return -1;
    if (strcmp(dot, ".png") == 0)
        *out = PN_DRAW_PNG;
    else if (strcmp(dot, ".svg") == 0)
        *out = PN_DRAW_SVG;
    else if (strcmp(dot, ".pdf") == 0)
        *out = PN_DRAW_PDF;
    else
        return -1;
    return 0;
}

int pn_chart_write(const pn_growth_t *g, const char *path, const pn_chart_options_t *opts)
{
    assert(g && path);
    pn_chart_options_t defaults = PN_CHART_OPTIONS_INIT;
    const pn_chart_options_t *o = opts ? opts : &defaults;
    PN_CHECK_OPTIONS(o, PN_CHART_OPTIONS_VERSION, "pn_chart_options_t");
    pn_draw_format_t format;
    if (format_for(&format, path) != 0)
        return pn_error_set(PN_EUSAGE, "%s: the chart is written as .png, .svg or .pdf", path);
    if (g->year_count == 0)
        return pn_error_set(PN_EUSAGE, "%s: no dated agreement, nothing to draw", path);
    pn_canvas_t *canvas = NULL;
    double *xy = malloc(2 * g->year_count * sizeof *xy);
    int status = xy ? pn_canvas__new(&canvas, format) : pn_error__nomem();
    if (status == 0)
        status = pn_canvas__begin(canvas, WIDTH, HEIGHT);
    if (status != 0)
        goto done;
    pn_canvas__text(canvas, MARGIN, MARGIN - 6,
                    o->title ? o->title : "Growth of the partnership network", TITLE_SIZE, 1,
                    INK);
    panel(canvas, g, counts, sizeof counts / sizeof counts[0], 112, 360, "Size, year by year",
          "count", 1, xy);
    panel(canvas, g, shares, sizeof shares / sizeof shares[0], 468, 664, "Cohesion and reach",
          "share", 0, xy);
    status = pn_canvas__write(canvas, path);
done:
    pn_canvas__free(canvas);
    free(xy);
    return status;
}
