/*
 * Country outlines from GMT's Digital Chart of the World (see outlines.h), simplified as they
 * are read.
 */
#include "outlines.h"

#include <partnet/error.h>

#include "array.h"
#include "error.h"

#include <ctype.h>
#include <math.h>
#include <netcdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARK 65535U /* the start of a polygon */

void pn_outlines__destroy(pn_outlines_t *o)
{
    free(o->point);
    free(o->start);
    *o = (pn_outlines_t)PN_OUTLINES_INIT;
}

static int failed(const char *path, int nc_status)
{
    return pn_error_set(PN_EIO, "%s: cannot read the country outlines: %s", path,
                        nc_strerror(nc_status));
}

/* Is @p name a country's longitudes, XX_lon? */
static int country_longitudes(const char *name)
{
    return isupper((unsigned char)name[0]) && isupper((unsigned char)name[1]) &&
           strcmp(name + 2, "_lon") == 0;
}

/* A point at the end of the polygon begun last. */
static int add_point(pn_outlines_t *o, double lon, double lat)
{
    size_t n = o->start[o->count + 1];
    if (pn_array__reserve((void **)&o->point, &o->point_capacity, 2 * n + 2,
                          sizeof *o->point) != 0)
        return pn_error__nomem();
    o->point[2 * n] = lon;
    o->point[2 * n + 1] = lat;
    o->start[o->count + 1]++;
    return 0;
}

/* Start polygon o->count (its end offset is the running one). */
static int begin_polygon(pn_outlines_t *o)
{
    if (pn_array__reserve((void **)&o->start, &o->capacity, o->count + 2, sizeof *o->start) != 0)
        return pn_error__nomem();
    if (o->count == 0)
        o->start[0] = 0;
    o->start[o->count + 1] = o->start[o->count];
    return 0;
}

/* End the polygon begun last: kept with 3 points or more, dropped otherwise (the next one
 * starts where it started). */
static void end_polygon(pn_outlines_t *o)
{
    size_t n = o->start[o->count + 1] - o->start[o->count];
    if (n >= 3)
        o->count++;
    else
        o->start[o->count + 1] = o->start[o->count];
}

/* The polygons of one country, simplified. */
static int add_country(pn_outlines_t *o, const unsigned short *x, const unsigned short *y,
                       size_t n, const double *scale, double step)
{
    int open = 0, status = 0;
    double last_lon = 0, last_lat = 0;
    for (size_t k = 0; k < n && status == 0; k++) {
        if (x[k] == MARK || y[k] == MARK) {
            if (open)
                end_polygon(o);
            status = begin_polygon(o);
            open = 1;
            last_lon = INFINITY;
            continue;
        }
        if (!open)
            continue;
        double lon = scale[0] + x[k] / scale[1], lat = scale[2] + y[k] / scale[3];
        if (fabs(lon - last_lon) < step && fabs(lat - last_lat) < step)
            continue;
        status = add_point(o, lon, lat);
        last_lon = lon;
        last_lat = lat;
    }
    if (open && status == 0)
        end_polygon(o);
    return status;
}

/* The attributes of a variable: min, max and scale. */
static int range(int ncid, int var, double *min, double *max, double *scale)
{
    int rc = nc_get_att_double(ncid, var, "min", min);
    if (rc == NC_NOERR)
        rc = nc_get_att_double(ncid, var, "max", max);
    if (rc == NC_NOERR)
        rc = nc_get_att_double(ncid, var, "scale", scale);
    return rc;
}

int pn_outlines__read(pn_outlines_t *out, const char *path, double step, const double *box)
{
    pn_outlines_t o = PN_OUTLINES_INIT;
    unsigned short *x = NULL, *y = NULL;
    size_t room = 0;
    int ncid = -1, vars = 0, status = 0;
    int rc = nc_open(path, NC_NOWRITE, &ncid);
    if (rc != NC_NOERR) {
        ncid = -1;
        status = failed(path, rc);
        goto done;
    }
    if ((rc = nc_inq_nvars(ncid, &vars)) != NC_NOERR) {
        status = failed(path, rc);
        goto done;
    }
    for (int var = 0; var < vars && status == 0; var++) {
        char name[NC_MAX_NAME + 1], lat_name[NC_MAX_NAME + 1];
        int lat_var, dim;
        size_t n;
        double lon_box[3], lat_box[3];
        if ((rc = nc_inq_varname(ncid, var, name)) != NC_NOERR)
            break;
        if (!country_longitudes(name))
            continue;
        snprintf(lat_name, sizeof lat_name, "%.2s_lat", name);
        if ((rc = nc_inq_varid(ncid, lat_name, &lat_var)) != NC_NOERR ||
            (rc = range(ncid, var, &lon_box[0], &lon_box[1], &lon_box[2])) != NC_NOERR ||
            (rc = range(ncid, lat_var, &lat_box[0], &lat_box[1], &lat_box[2])) != NC_NOERR ||
            (rc = nc_inq_vardimid(ncid, var, &dim)) != NC_NOERR ||
            (rc = nc_inq_dimlen(ncid, dim, &n)) != NC_NOERR)
            break;
        if (box && (lon_box[1] < box[0] || lon_box[0] > box[1] || lat_box[1] < box[2] ||
                    lat_box[0] > box[3]))
            continue;
        if (n > room) {
            free(x);
            free(y);
            x = malloc(n * sizeof *x);
            y = malloc(n * sizeof *y);
            room = n;
            if (!x || !y) {
                room = 0;
                status = pn_error__nomem();
                break;
            }
        }
        if ((rc = nc_get_var_ushort(ncid, var, x)) != NC_NOERR ||
            (rc = nc_get_var_ushort(ncid, lat_var, y)) != NC_NOERR)
            break;
        double scale[4] = {lon_box[0], lon_box[2], lat_box[0], lat_box[2]};
        status = add_country(&o, x, y, n, scale, step);
    }
    if (status == 0 && rc != NC_NOERR)
        status = failed(path, rc);
done:
    if (ncid >= 0)
        nc_close(ncid);
    free(x);
    free(y);
    if (status == 0)
        *out = o;
    else
        pn_outlines__destroy(&o);
    return status;
}
