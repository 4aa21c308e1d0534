/*
 * The growth chart through PLplot's cairo drivers. PLplot ends the process on an error unless
 * its exit handler leaves first: the handler jumps back here, and the error becomes a status.
 * The jump point is process-wide because PLplot's state is: chart.h says so. The picture is
 * drawn into memory (PLplot's own writes to a file are not checked), then written whole
 * through pn_outfile, whose write errors are.
 */
#include <partnet/chart.h>
#include <partnet/outfile.h>

#include "error.h"

#include <assert.h>
#include <plplot.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf plplot_failed;
static char plplot_message[256];

static int on_plplot_exit(PLCHAR_VECTOR message)
{
    snprintf(plplot_message, sizeof plplot_message, "%s", message ? message : "");
    longjmp(plplot_failed, 1);
}

static const char *device_for(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return NULL;
    if (strcmp(dot, ".png") == 0)
        return "pngcairo";
    if (strcmp(dot, ".svg") == 0)
        return "svgcairo";
    if (strcmp(dot, ".pdf") == 0)
        return "pdfcairo";
    return NULL;
}

/* Colours of the series (cmap0 indices 1..4), colour-blind safe (Okabe-Ito). */
static void palette(void)
{
    plscol0(0, 255, 255, 255);
    plscol0(1, 0, 0, 0);
    plscol0(2, 0, 114, 178);
    plscol0(3, 230, 159, 0);
    plscol0(4, 0, 158, 115);
    plscol0(5, 204, 121, 167);
    plscol0(6, 120, 120, 120);
}

typedef double series_fn(const pn_growth_year_t *row);

static double agreements(const pn_growth_year_t *r) { return (double)r->agreements; }
static double pairs(const pn_growth_year_t *r) { return (double)r->pairs; }
static double nodes(const pn_growth_year_t *r) { return (double)r->nodes; }
static double largest(const pn_growth_year_t *r) { return (double)r->largest; }
static double largest_share(const pn_growth_year_t *r) { return r->largest_share; }
static double transitivity(const pn_growth_year_t *r) { return r->transitivity; }
static double cross(const pn_growth_year_t *r)
{
    return r->cross_border_share == r->cross_border_share ? r->cross_border_share : 0.0;
}

typedef struct {
    const char *label;
    series_fn *value;
} series_t;

static void panel(const pn_growth_t *g, const series_t *series, int count, double ymax,
                  const char *ylabel, const char *title, PLFLT *x, PLFLT *y)
{
    double x0 = g->years[0].year, x1 = g->years[g->year_count - 1].year;
    if (x1 <= x0) {
        x0 -= 1;
        x1 += 1;
    }
    plcol0(1);
    pladv(0);
    /* the plot on the left three quarters, its legend outside on the right */
    plvpor(0.08, 0.70, 0.16, 0.86);
    plwind(x0, x1, 0, ymax > 0 ? ymax * 1.05 : 1);
    plbox("bcnstg", 0, 0, "bcnstvg", 0, 0);
    pllab("year", ylabel, title);
    const char *text[8];
    PLINT opts[8], colours[8], styles[8];
    PLFLT widths[8];
    for (int s = 0; s < count; s++) {
        for (size_t k = 0; k < g->year_count; k++) {
            x[k] = g->years[k].year;
            y[k] = series[s].value(&g->years[k]);
        }
        plcol0(2 + s);
        plwidth(2.5);
        plline((PLINT)g->year_count, x, y);
        text[s] = series[s].label;
        opts[s] = PL_LEGEND_LINE;
        colours[s] = 2 + s;
        styles[s] = 1;
        widths[s] = 2.5;
    }
    plwidth(1);
    PLFLT w, h;
    pllegend(&w, &h, PL_LEGEND_BACKGROUND,
             PL_POSITION_RIGHT | PL_POSITION_OUTSIDE | PL_POSITION_VIEWPORT,
             0.02, 0.0, 0.05, 0, 6, 1,
             0, 0, count, opts, 0.6, 0.9, 1.8, 0.0, colours, text, NULL, NULL, NULL, NULL, colours,
             styles, widths, NULL, NULL, NULL, NULL);
}

/* Draw into @p memory, which PLplot closes when it ends the page. Kept apart from the caller so
 * that the only state a longjmp from PLplot's exit handler crosses is this function's
 * arguments. */
static int draw(const pn_growth_t *g, const char *device, FILE *memory, const char *title,
                PLFLT *x, PLFLT *y)
{
    if (setjmp(plplot_failed)) {
        plsexit(NULL);
        return PN_EIO;
    }
    plsexit(on_plplot_exit);
    plsdev(device);
    plsfile(memory);
    plspage(0, 0, 1000, 700, 0, 0);
    palette();
    plscolbg(255, 255, 255);
    plssub(1, 2);
    plinit();
    double top = 0;
    for (size_t k = 0; k < g->year_count; k++) {
        const pn_growth_year_t *r = &g->years[k];
        double most = (double)(r->agreements > r->pairs ? r->agreements : r->pairs);
        most = (double)r->nodes > most ? (double)r->nodes : most;
        top = most > top ? most : top;
    }
    static const series_t counts[] = {{"agreements", agreements},
                                      {"partner pairs", pairs},
                                      {"nodes", nodes},
                                      {"largest component", largest}};
    static const series_t shares[] = {{"largest component share", largest_share},
                                      {"transitivity", transitivity},
                                      {"cross-border share", cross}};
    panel(g, counts, 4, top, "count", title, x, y);
    panel(g, shares, 3, 1.0, "share", "Cohesion and reach", x, y);
    plend();
    plsexit(NULL);
    return 0;
}

int pn_chart_write(const pn_growth_t *g, const char *path, const pn_chart_options_t *opts)
{
    assert(g && path);
    pn_chart_options_t defaults = PN_CHART_OPTIONS_INIT;
    const pn_chart_options_t *o = opts ? opts : &defaults;
    PN_CHECK_OPTIONS(o, PN_CHART_OPTIONS_VERSION, "pn_chart_options_t");
    const char *title = o->title;
    const char *device = device_for(path);
    if (!device)
        return pn_error_set(PN_EUSAGE, "%s: the chart is written as .png, .svg or .pdf", path);
    if (g->year_count == 0)
        return pn_error_set(PN_EUSAGE, "%s: no dated agreement, nothing to draw", path);
    int status = 0;
    pn_outfile_t *file = NULL;
    char *picture = NULL;
    size_t size = 0;
    FILE *memory = NULL;
    PLFLT *x = malloc(g->year_count * sizeof *x), *y = malloc(g->year_count * sizeof *y);
    if (!x || !y || !(memory = open_memstream(&picture, &size))) {
        status = pn_error__nomem();
        goto done;
    }
    if (draw(g, device, memory, title ? title : "Growth of the partnership network", x, y) != 0) {
        status = pn_error_set(PN_EIO, "%s: PLplot: %s", path, plplot_message);
        goto done;
    }
    if (!picture || size == 0) {
        status = pn_error_set(PN_EIO, "%s: PLplot drew nothing", path);
        goto done;
    }
    if ((status = pn_outfile_open(&file, path)) != 0)
        goto done;
    fwrite(picture, 1, size, pn_outfile_stream(file));
    status = pn_outfile_commit(file);
    file = NULL;
done:
    pn_outfile_free(file);
    free(picture);
    free(x);
    free(y);
    return status;
}
