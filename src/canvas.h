/*
 * A canvas for the pictures of libpartnet-draw (private to it): lines, discs, rectangles and
 * text at pixel coordinates (y downwards), drawn with Cairo into a PNG or a PDF, or written as
 * SVG elements (text stays text, a disc may carry a tooltip). Text is set and measured with
 * Pango in DejaVu Sans in every format, so a layout measured once fits all three.
 *
 * Drawing calls record failures (out of memory) in the canvas; pn_canvas__write() reports them.
 */
#ifndef PN_SRC_CANVAS_H
#define PN_SRC_CANVAS_H

#include <partnet/draw.h>

#include <stddef.h>
#include <stdint.h>

typedef struct pn_canvas pn_canvas_t;

/** Colours are 0xRRGGBBAA. */
#define PN_RGBA(rgb, alpha) ((uint32_t)(rgb) << 8 | (uint32_t)(alpha))

/** A canvas that measures text; pn_canvas__begin() gives it its size.
 *  @return 0 or PN_ENOMEM */
int pn_canvas__new(pn_canvas_t **out, pn_draw_format_t format);
void pn_canvas__free(pn_canvas_t *canvas);

/** Start the picture, @p width x @p height pixels on white (PDF: 1/96 inch each).
 *  @return 0 or PN_ENOMEM */
int pn_canvas__begin(pn_canvas_t *canvas, double width, double height);

/** The size of @p text set at @p size pixels. */
void pn_canvas__text_size(pn_canvas_t *canvas, const char *text, double size, int bold,
                          double *width, double *height);
/** @p text with its top left corner at (x, y). */
void pn_canvas__text(pn_canvas_t *canvas, double x, double y, const char *text, double size,
                     int bold, uint32_t colour);
void pn_canvas__line(pn_canvas_t *canvas, double x1, double y1, double x2, double y2,
                     double width, uint32_t colour);
/** A line through @p count points (x, y pairs in @p xy); closed: back to the first, and
 *  filled with @p fill unless it is 0 (transparent). */
void pn_canvas__polyline(pn_canvas_t *canvas, const double *xy, size_t count, int closed,
                         double width, uint32_t colour, uint32_t fill);
/** A disc with an outline. SVG only: a disc with an @p id is a node (class "node", the id as
 *  data-id), @p tooltip is its title; either may be NULL. */
void pn_canvas__disc(pn_canvas_t *canvas, double x, double y, double radius, uint32_t fill,
                     double outline_width, uint32_t outline, const char *id,
                     const char *tooltip);
void pn_canvas__rect(pn_canvas_t *canvas, double x, double y, double width, double height,
                     uint32_t fill);

/** Draw only inside a rectangle until pn_canvas__clip_end() (one at a time). */
void pn_canvas__clip_begin(pn_canvas_t *canvas, double x, double y, double width, double height);
void pn_canvas__clip_end(pn_canvas_t *canvas);

/**
 * Finish the picture and write it to @p path ("-": standard output) whole, through
 * pn_outfile. A PDF carries no creation date.
 * @return 0, PN_EIO or PN_ENOMEM (also for a failure while drawing)
 */
int pn_canvas__write(pn_canvas_t *canvas, const char *path);

#endif
