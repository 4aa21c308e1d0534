/*
 * The outlines of the world's countries for the background of maps (private to libpartnet-draw):
 * the Digital Chart of the World as GMT packages it, one netCDF file (Debian's gmt-dcw,
 * dcw-gmt.nc), read with libnetcdf.
 *
 * In the file each country XX has two variables, XX_lon and XX_lat, of unsigned shorts: a
 * value v stands for min + v / scale degrees (their attributes), and 65535 in both marks the
 * start of each of the country's polygons. States (USTX_lon) are left out.
 */
#ifndef PN_SRC_OUTLINES_H
#define PN_SRC_OUTLINES_H

#include <stddef.h>

/** Closed polygons, one after another: polygon i is points start[i] to start[i + 1] - 1. */
typedef struct {
    double *point;  /* longitude and latitude of each point, degrees */
    size_t *start;  /* count + 1 offsets, in points */
    size_t count;   /* polygons */
    size_t capacity, point_capacity; /* of start, of point (in doubles) */
} pn_outlines_t;

#define PN_OUTLINES_INIT {0}

/**
 * Read the polygons of the countries whose bounding box meets @p box (west, east, south, north,
 * degrees; NULL for the world), keeping of each polygon only the points at least @p step
 * degrees (in latitude or longitude) from the last one kept, and polygons of 3 points or more.
 * @return 0, PN_EIO (the file cannot be read; the message names it and says why) or
 *         PN_ENOMEM
 */
int pn_outlines__read(pn_outlines_t *out, const char *path, double step, const double *box);
void pn_outlines__destroy(pn_outlines_t *outlines);

#endif
