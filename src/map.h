/*
 * What makes a drawing a map (private to libpartnet-draw): the frame that turns projected
 * positions (layout.h) into pixels, the background (sea, graticule, countries from
 * outlines.h), lines along great circles, and discs moved apart where places crowd.
 */
#ifndef PN_SRC_MAP_H
#define PN_SRC_MAP_H

#include <partnet/layout.h>

#include "canvas.h"

#include <stddef.h>

/** Projected (x, y) to pixels: (left + (x - min_x) k, top + (max_y - y) k). */
typedef struct {
    double left, top, k, min_x, max_y;
    double width, height; /* of the framed area, pixels */
} pn_frame_t;

/** The extent to frame, projected: the whole world for Equal Earth (and the nodes set apart
 *  under it, when @p extent reaches out of it); otherwise @p extent
 *  (min_x, max_x, min_y, max_y of the nodes) with a margin of a tenth of its size (at least
 *  two degrees) on each side. Written over @p extent. */
void pn_map__extent(double extent[4], const pn_map_info_t *info);

/**
 * Sea, graticule and country outlines, under everything else: the countries read from @p path
 * (outlines.h), simplified to about half a pixel, clipped at the antimeridian (and at the
 * frame on a regional map).
 * @return 0, PN_EIO (the outlines cannot be read) or PN_ENOMEM
 */
int pn_map__background(pn_canvas_t *canvas, const pn_frame_t *frame, const pn_map_info_t *info,
                       const char *path, double scale);

/**
 * A line along the great circle from (lat1, lon1) to (lat2, lon2), one point every two degrees
 * or less, projected and framed; its ends moved by (dx1, dy1) and (dx2, dy2) pixels (discs
 * moved apart), the points between in proportion. Broken where it crosses the edge of the
 * world.
 */
void pn_map__arc(pn_canvas_t *canvas, const pn_frame_t *frame, const pn_map_info_t *info,
                 const double from[2], const double to[2], const double shift[4], double width,
                 uint32_t colour);

/**
 * Move discs apart until none overlaps another by more than a little (at most @p rounds
 * rounds): each overlapping pair is pushed apart along the line between them, half each;
 * discs on one point are pushed in directions spread by the golden angle.
 * @return how many discs moved, or -1 when out of memory
 */
long pn_map__spread(double *x, double *y, const double *radius, size_t count, double gap,
                    int rounds);

#endif
