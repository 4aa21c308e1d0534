/*
 * The canvas of the pictures (see canvas.h): one Cairo context that measures and sets text
 * with Pango, drawing into an image (PNG), a PDF stream, or into nothing while the SVG
 * elements are written as text beside it.
 */
#include "canvas.h"

#include <partnet/outfile.h>

#include "array.h"
#include "error.h"

#include <assert.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT "DejaVu Sans"
#define PDF_POINTS_PER_PIXEL 0.75 /* 72 points per inch, 96 pixels */

struct pn_canvas {
    pn_draw_format_t format;
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoLayout *layout;
    PangoFontDescription *font;
    pn_text_t out; /* the SVG document, or the PNG or PDF bytes */
    int clips;     /* SVG clip paths so far */
    int status;
};

static void release(pn_canvas_t *c)
{
    if (c->layout)
        g_object_unref(c->layout);
    if (c->cr)
        cairo_destroy(c->cr);
    if (c->surface)
        cairo_surface_destroy(c->surface);
    c->layout = NULL;
    c->cr = NULL;
    c->surface = NULL;
}

/* A Cairo context on @p surface (taken) with a Pango layout. */
static int attach(pn_canvas_t *c, cairo_surface_t *surface)
{
    release(c);
    c->surface = surface;
    c->cr = cairo_create(surface);
    if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS)
        return pn_error__nomem();
    c->layout = pango_cairo_create_layout(c->cr);
    if (!c->layout)
        return pn_error__nomem();
    /* the same glyph positions whatever the surface: no hinting of metrics */
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(c->layout), options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(c->layout);
    return 0;
}

int pn_canvas__new(pn_canvas_t **out, pn_draw_format_t format)
{
    assert(out);
    pn_canvas_t *c = calloc(1, sizeof *c);
    if (!c)
        return pn_error__nomem();
    c->format = format;
    c->font = pango_font_description_from_string(FONT);
    int status = c->font ? attach(c, cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1))
                         : pn_error__nomem();
    if (status != 0) {
        pn_canvas__free(c);
        return status;
    }
    *out = c;
    return 0;
}

void pn_canvas__free(pn_canvas_t *c)
{
    if (!c)
        return;
    release(c);
    if (c->font)
        pango_font_description_free(c->font);
    pn_text__destroy(&c->out);
    free(c);
}

/* ---- SVG text --------------------------------------------------------------------------- */

static void svg(pn_canvas_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void svg(pn_canvas_t *c, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    assert(n >= 0 && (size_t)n < sizeof buf);
    if (c->status == 0)
        c->status = pn_text__append(&c->out, buf, (size_t)n);
}

/* Text with XML's special characters escaped, control characters as spaces, and the two
 * noncharacters XML 1.0 cannot carry (U+FFFE, U+FFFF) as U+FFFD. */
static void svg_escaped(pn_canvas_t *c, const char *text)
{
    for (const char *p = text; c->status == 0 && *p; p++) {
        if (p[0] == '\xEF' && p[1] == '\xBF' && (p[2] == '\xBE' || p[2] == '\xBF')) {
            c->status = pn_text__append_str(&c->out, "\xEF\xBF\xBD");
            p += 2;
            continue;
        }
        const char *entity = *p == '&'   ? "&amp;"
                             : *p == '<' ? "&lt;"
                             : *p == '>' ? "&gt;"
                             : *p == '"' ? "&quot;"
                                         : NULL;
        if (entity)
            c->status = pn_text__append_str(&c->out, entity);
        else
            c->status = pn_text__append(&c->out, (unsigned char)*p < 0x20 ? " " : p, 1);
    }
}

/* fill="#rrggbb" with its opacity when not opaque */
static void svg_paint(pn_canvas_t *c, const char *what, uint32_t colour)
{
    if ((colour & 0xff) == 0) {
        svg(c, " %s=\"none\"", what);
        return;
    }
    svg(c, " %s=\"#%06x\"", what, (unsigned)(colour >> 8));
    if ((colour & 0xff) != 0xff)
        svg(c, " %s-opacity=\"%.3g\"", what, (double)(colour & 0xff) / 255);
}

/* ---- drawing ---------------------------------------------------------------------------- */

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length)
{
    pn_canvas_t *c = closure;
    if (c->status == 0)
        c->status = pn_text__append(&c->out, (const char *)data, length);
    return c->status == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY;
}

int pn_canvas__begin(pn_canvas_t *c, double width, double height)
{
    int status = 0;
    switch (c->format) {
    case PN_DRAW_SVG:
        svg(c, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
               "viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\">\n",
            ceil(width), ceil(height), ceil(width), ceil(height), FONT);
        svg(c, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
        return c->status;
    case PN_DRAW_PNG:
        status = attach(c, cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(width),
                                                      (int)ceil(height)));
        break;
    case PN_DRAW_PDF:
        /* the PDF's bytes come to c->out as Cairo writes them */
        status = attach(c, cairo_pdf_surface_create_for_stream(collect, c,
                                                               width * PDF_POINTS_PER_PIXEL,
                                                               height * PDF_POINTS_PER_PIXEL));
        if (status == 0)
            cairo_scale(c->cr, PDF_POINTS_PER_PIXEL, PDF_POINTS_PER_PIXEL);
        break;
    }
    if (status != 0)
        return status;
    cairo_set_source_rgb(c->cr, 1, 1, 1);
    cairo_paint(c->cr);
    cairo_set_line_cap(c->cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(c->cr, CAIRO_LINE_JOIN_ROUND);
    return 0;
}

static void source(pn_canvas_t *c, uint32_t colour)
{
    cairo_set_source_rgba(c->cr, (double)(colour >> 24) / 255, (double)(colour >> 16 & 0xff) / 255,
                          (double)(colour >> 8 & 0xff) / 255, (double)(colour & 0xff) / 255);
}

/* Fill the current path (unless @p fill is transparent), then stroke it. */
static void paint_path(pn_canvas_t *c, uint32_t fill, double width, uint32_t colour)
{
    if (fill & 0xff) {
        source(c, fill);
        cairo_fill_preserve(c->cr);
    }
    source(c, colour);
    cairo_set_line_width(c->cr, width);
    cairo_stroke(c->cr);
}

static void set_text(pn_canvas_t *c, const char *text, double size, int bold)
{
    pango_font_description_set_absolute_size(c->font, size * PANGO_SCALE);
    pango_font_description_set_weight(c->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(c->layout, c->font);
    pango_layout_set_text(c->layout, text, -1);
}

void pn_canvas__text_size(pn_canvas_t *c, const char *text, double size, int bold,
                          double *width, double *height)
{
    PangoRectangle logical;
    set_text(c, text, size, bold);
    pango_layout_get_extents(c->layout, NULL, &logical);
    *width = (double)logical.width / PANGO_SCALE;
    *height = (double)logical.height / PANGO_SCALE;
}

void pn_canvas__text(pn_canvas_t *c, double x, double y, const char *text, double size,
                     int bold, uint32_t colour)
{
    set_text(c, text, size, bold);
    if (c->format == PN_DRAW_SVG) {
        double baseline = (double)pango_layout_get_baseline(c->layout) / PANGO_SCALE;
        svg(c, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"%s", x, y + baseline, size,
            bold ? " font-weight=\"bold\"" : "");
        svg_paint(c, "fill", colour);
        svg(c, ">");
        svg_escaped(c, text);
        svg(c, "</text>\n");
        return;
    }
    source(c, colour);
    cairo_move_to(c->cr, x, y);
    pango_cairo_show_layout(c->cr, c->layout);
}

void pn_canvas__line(pn_canvas_t *c, double x1, double y1, double x2, double y2, double width,
                     uint32_t colour)
{
    if (c->format == PN_DRAW_SVG) {
        svg(c, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%.2f\"", x1,
            y1, x2, y2, width);
        svg_paint(c, "stroke", colour);
        svg(c, "/>\n");
        return;
    }
    source(c, colour);
    cairo_set_line_width(c->cr, width);
    cairo_move_to(c->cr, x1, y1);
    cairo_line_to(c->cr, x2, y2);
    cairo_stroke(c->cr);
}

void pn_canvas__polyline(pn_canvas_t *c, const double *xy, size_t count, int closed,
                         double width, uint32_t colour, uint32_t fill)
{
    if (count < 2)
        return;
    if (c->format == PN_DRAW_SVG) {
        svg(c, "<%s points=\"", closed ? "polygon" : "polyline");
        for (size_t i = 0; i < count; i++)
            svg(c, "%s%.1f,%.1f", i ? " " : "", xy[2 * i], xy[2 * i + 1]);
        svg(c, "\" stroke-width=\"%.2f\" stroke-linejoin=\"round\"", width);
        svg_paint(c, "stroke", colour);
        svg_paint(c, "fill", closed ? fill : 0);
        svg(c, "/>\n");
        return;
    }
    cairo_move_to(c->cr, xy[0], xy[1]);
    for (size_t i = 1; i < count; i++)
        cairo_line_to(c->cr, xy[2 * i], xy[2 * i + 1]);
    if (closed)
        cairo_close_path(c->cr);
    paint_path(c, closed ? fill : 0, width, colour);
}

void pn_canvas__disc(pn_canvas_t *c, double x, double y, double radius, uint32_t fill,
                     double outline_width, uint32_t outline, const char *id,
                     const char *tooltip)
{
    if (c->format == PN_DRAW_SVG) {
        svg(c, "<circle");
        if (id) {
            svg(c, " class=\"node\" data-id=\"");
            svg_escaped(c, id);
            svg(c, "\"");
        }
        svg(c, " cx=\"%.1f\" cy=\"%.1f\" r=\"%.2f\"", x, y, radius);
        svg_paint(c, "fill", fill);
        svg_paint(c, "stroke", outline);
        svg(c, " stroke-width=\"%.2f\"", outline_width);
        if (!tooltip) {
            svg(c, "/>\n");
            return;
        }
        svg(c, "><title>");
        svg_escaped(c, tooltip);
        svg(c, "</title></circle>\n");
        return;
    }
    cairo_new_sub_path(c->cr);
    cairo_arc(c->cr, x, y, radius, 0, 2 * M_PI);
    paint_path(c, fill, outline_width, outline);
}

void pn_canvas__rect(pn_canvas_t *c, double x, double y, double width, double height,
                     uint32_t fill)
{
    if (c->format == PN_DRAW_SVG) {
        svg(c, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", x, y, width, height);
        svg_paint(c, "fill", fill);
        svg(c, "/>\n");
        return;
    }
    source(c, fill);
    cairo_rectangle(c->cr, x, y, width, height);
    cairo_fill(c->cr);
}

void pn_canvas__clip_begin(pn_canvas_t *c, double x, double y, double width, double height)
{
    if (c->format == PN_DRAW_SVG) {
        c->clips++;
        svg(c, "<clipPath id=\"clip%d\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
               "height=\"%.1f\"/></clipPath>\n<g clip-path=\"url(#clip%d)\">\n",
            c->clips, x, y, width, height, c->clips);
        return;
    }
    cairo_save(c->cr);
    cairo_rectangle(c->cr, x, y, width, height);
    cairo_clip(c->cr);
}

void pn_canvas__clip_end(pn_canvas_t *c)
{
    if (c->format == PN_DRAW_SVG)
        svg(c, "</g>\n");
    else
        cairo_restore(c->cr);
}

/* ---- output ----------------------------------------------------------------------------- */

/* Cairo dates every PDF; blanks in place of the entry keep the offsets and make the bytes
 * depend on the picture alone. */
static void blank_creation_date(char *data, size_t length)
{
    static const char key[] = "/CreationDate (";
    size_t n = sizeof key - 1;
    for (size_t i = 0; i + n <= length; i++) {
        if (memcmp(data + i, key, n) != 0)
            continue;
        char *close = memchr(data + i, ')', length - i);
        if (close)
            memset(data + i, ' ', (size_t)(close - (data + i)) + 1);
        return;
    }
}

int pn_canvas__write(pn_canvas_t *c, const char *path)
{
    pn_outfile_t *out = NULL;
    if (c->format == PN_DRAW_SVG) {
        svg(c, "</svg>\n");
    } else {
        cairo_surface_flush(c->surface);
        if (c->format == PN_DRAW_PNG && c->status == 0 &&
            cairo_surface_write_to_png_stream(c->surface, collect, c) != CAIRO_STATUS_SUCCESS)
            c->status = c->status ? c->status : pn_error__nomem();
        cairo_surface_finish(c->surface);
        if (c->status == 0 && cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS)
            c->status = pn_error__nomem();
        if (c->format == PN_DRAW_PDF && c->status == 0)
            blank_creation_date(c->out.data, c->out.length);
    }
    if (c->status != 0)
        return c->status;
    int status = pn_outfile_open(&out, path);
    if (status != 0)
        return status;
    fwrite(c->out.data, 1, c->out.length, pn_outfile_stream(out));
    return pn_outfile_commit(out);
}
