/* Maps (map.c, outlines.c): the world's frame in Equal Earth, great circles drawn through the
 * right places, crowded discs moved apart and no others, and the country outlines of GMT's
 * Digital Chart of the World read whole, by region, or refused with the file named. */
#include "test_common.h"

#include "canvas.h"
#include "map.h"
#include "outlines.h"

#include <math.h>

PN_TEST_SUITE(map);

static const pn_map_info_t world = {PN_PROJECTION_EQUAL_EARTH, 0, 0, 0, 0, 0};

/* Equal Earth's extent on the unit sphere: x = 2 sqrt(3) pi / (3 A1) at the equator's ends,
 * y at the poles from theta = pi / 3; the paper gives 2.7066 and 1.3174. */
Test(map, the_world_is_framed_whole)
{
    double e[4] = {0.1, 0.2, 0.3, 0.4};
    pn_map__extent(e, &world);
    cr_expect_float_eq(e[0], -2.706630, 1e-6);
    cr_expect_float_eq(e[1], 2.706630, 1e-6);
    cr_expect_float_eq(e[2], -1.317363, 1e-6);
    cr_expect_float_eq(e[3], 1.317363, 1e-6);
}

Test(map, a_region_gets_a_margin_of_a_tenth_or_two_degrees)
{
    pn_map_info_t region = {PN_PROJECTION_EQUIRECTANGULAR, 30, 60, 0, 0, 0};
    double e[4] = {-1, 1, 0, 0.5};
    pn_map__extent(e, &region);
    cr_expect_float_eq(e[0], -1.2, 1e-12, "a tenth of 2");
    cr_expect_float_eq(e[1], 1.2, 1e-12);
    /* a tenth of 0.5 is 0.05, more than two degrees (0.0349) */
    cr_expect_float_eq(e[2], -0.05, 1e-12);
    cr_expect_float_eq(e[3], 0.55, 1e-12);
    double point[4] = {0, 0, 0, 0};
    pn_map__extent(point, &region);
    /* two degrees, shrunk by cos 60 across */
    cr_expect_float_eq(point[1], 2 * M_PI / 180 * 0.5, 1e-12);
    cr_expect_float_eq(point[3], 2 * M_PI / 180, 1e-12);
}

/* The points of the first polyline of an SVG file, into @p xy; returns how many. */
static size_t polyline_points(double *xy, size_t room, const char *path)
{
    char *svg = pn_test_slurp(path, NULL);
    const char *p = strstr(svg, "<polyline points=\"");
    cr_assert_not_null(p, "%s", svg);
    p += strlen("<polyline points=\"");
    size_t n = 0;
    while (n < room && *p != '"') {
        char *end;
        xy[2 * n] = strtod(p, &end);
        cr_assert_eq(*end, ',');
        xy[2 * n + 1] = strtod(end + 1, &end);
        n++;
        p = end + (*end == ' ');
    }
    free(svg);
    return n;
}

/* The frame: one unit 100 pixels, the origin at (300, 200). */
static const pn_frame_t frame = {300 - 3 * 100, 200 - 1.5 * 100, 100, -3, 1.5, 600, 300};

static size_t arc(double *xy, size_t room, const double from[2], const double to[2],
                  const double shift[4])
{
    pn_canvas_t *c;
    cr_assert_eq(pn_canvas__new(&c, PN_DRAW_SVG), 0);
    cr_assert_eq(pn_canvas__begin(c, 600, 300), 0);
    pn_map__arc(c, &frame, &world, from, to, shift, 1, PN_RGBA(0, 0xff));
    cr_assert_eq(pn_canvas__write(c, pn_test_path("arc.svg")), 0, "%s", pn_error_last());
    pn_canvas__free(c);
    return polyline_points(xy, room, pn_test_path("arc.svg"));
}

Test(map, a_great_circle_goes_over_the_pole_and_along_the_equator)
{
    double xy[2 * 200], none[4] = {0, 0, 0, 0};
    /* 45 N 90 W to 45 N 90 E: the great circle is the meridian plane, over the north pole,
     * which Equal Earth puts at the top of the central meridian (x 0, y 1.317363) */
    double a[2] = {45, -90}, b[2] = {45, 90};
    size_t n = arc(xy, 200, a, b, none);
    cr_assert_eq(n, 46, "90 degrees of arc, 2 degrees a step: 46 points, not %zu", n);
    double top = INFINITY;
    for (size_t i = 0; i < n; i++)
        top = fmin(top, xy[2 * i + 1]);
    cr_expect_float_eq(top, 200 - 131.7, 0.2, "the pole: %g", top);
    /* along the equator from 0 to 90 E: y stays 200, x from 300 to 300 + 100 x(0, 90) */
    double c[2] = {0, 0}, d[2] = {0, 90};
    n = arc(xy, 200, c, d, none);
    cr_assert_eq(n, 46);
    for (size_t i = 0; i < n; i++)
        cr_expect_float_eq(xy[2 * i + 1], 200, 0.05);
    cr_expect_float_eq(xy[0], 300, 0.05);
    cr_expect_float_eq(xy[2 * 45], 300 + 135.3, 0.05, "x(0, 90) = 1.353315");
    /* moved ends: the first point moved as the first disc, the last as the second */
    double shift[4] = {10, -4, 0, 6};
    n = arc(xy, 200, c, d, shift);
    cr_expect_float_eq(xy[0], 310, 0.05);
    cr_expect_float_eq(xy[1], 196, 0.05);
    cr_expect_float_eq(xy[2 * 45 + 1], 206, 0.05);
}

Test(map, crowded_discs_move_apart_and_the_others_stay)
{
    /* three discs on one point, one near, one far */
    double x[] = {100, 100, 100, 103, 400}, y[] = {50, 50, 50, 50, 300};
    double r[] = {4, 4, 4, 2, 4};
    long moved = pn_map__spread(x, y, r, 5, 1, 100);
    cr_expect_eq(moved, 4);
    cr_expect(x[4] == 400 && y[4] == 300, "the far one stays");
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++) {
            double d = hypot(x[i] - x[j], y[i] - y[j]);
            cr_expect_geq(d, 0.95 * (r[i] + r[j] + 1), "%d and %d are %g apart", i, j, d);
        }
    double cx = (x[0] + x[1] + x[2] + x[3]) / 4;
    cr_expect_float_eq(cx, (300 + 103) / 4.0, 1e-9, "pushes in pairs keep the centre");
    cr_expect_eq(pn_map__spread(x, y, r, 1, 1, 100), 0, "one disc: nothing to do");
}

Test(map, outlines_are_read_whole_or_by_region)
{
    pn_outlines_t world_outlines, region;
    cr_assert_eq(pn_outlines__read(&world_outlines, PN_DCW_PATH, 0.5, NULL), 0, "%s",
                 pn_error_last());
    /* DCW has about 250 countries and territories, many with islands */
    cr_expect_gt(world_outlines.count, 250, "%zu polygons", world_outlines.count);
    for (size_t i = 0; i < world_outlines.start[world_outlines.count]; i++) {
        cr_assert(fabs(world_outlines.point[2 * i]) <= 360, "longitude");
        cr_assert(fabs(world_outlines.point[2 * i + 1]) <= 90, "latitude");
    }
    for (size_t i = 0; i < world_outlines.count; i++)
        cr_assert_geq(world_outlines.start[i + 1] - world_outlines.start[i], 3);
    /* around Belarus: its neighbours' polygons, far fewer */
    double box[4] = {23, 33, 51, 57};
    cr_assert_eq(pn_outlines__read(&region, PN_DCW_PATH, 0.5, box), 0, "%s", pn_error_last());
    cr_expect_gt(region.count, 0);
    cr_expect_lt(region.count, world_outlines.count / 4);
    int inside = 0;
    for (size_t i = 0; i < region.start[region.count]; i++)
        inside += region.point[2 * i] > 24 && region.point[2 * i] < 32 &&
                  region.point[2 * i + 1] > 52 && region.point[2 * i + 1] < 56;
    cr_expect_gt(inside, 0, "Belarus's borders are in it");
    pn_outlines__destroy(&region);
    pn_outlines__destroy(&world_outlines);
}

Test(map, missing_outlines_are_an_error_naming_the_file)
{
    pn_outlines_t o;
    cr_expect_eq(pn_outlines__read(&o, "/nonexistent/dcw.nc", 0.5, NULL), PN_EIO);
    cr_expect(strstr(pn_error_last(), "/nonexistent/dcw.nc: cannot read the country outlines")
                  != NULL, "%s", pn_error_last());
}
