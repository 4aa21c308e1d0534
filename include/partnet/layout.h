/*
 * Positions for the vertices of a graph view (see graph.h), for pictures and the explorer: a
 * force-directed layout, or the nodes' coordinates on a map projection.
 *
 * Positions come as an igraph matrix of N rows (one per vertex, in vertex order) and 2 columns,
 * x to the right (east) and y upwards (north). Both layouts are deterministic: the same graph
 * (and seed) gives the same positions.
 */
#ifndef PARTNET_LAYOUT_H
#define PARTNET_LAYOUT_H

#include <igraph.h>
#include <partnet/common.h>
#include <partnet/graph.h>

PN_BEGIN_DECLS

/**
 * A force-directed layout. Each connected component is laid out on its own by igraph's
 * Fruchterman-Reingold (500 iterations, on a grid above 1,000 vertices, random start drawn
 * from a generator of its own seeded with @p seed: igraph's default generator is left as it
 * was); the components are then packed at one scale: the largest at the top, the others in
 * rows below it, largest first (ties by their first vertex). One unit is about one edge
 * length. O(iterations x (N + M)) with the grid, O(iterations x N^2) per component below it.
 * @param[out] out an initialised matrix, resized to N x 2
 * @return 0, PN_ENOMEM or PN_EIGRAPH
 */
PN_EXTERN int pn_layout_force(igraph_matrix_t *out, const pn_graph_t *graph, unsigned long seed);

typedef enum {
    /** x = (longitude - central meridian) cos(standard parallel), y = latitude, in radians:
     *  true shapes near the standard parallel. */
    PN_PROJECTION_EQUIRECTANGULAR = 0,
    /** Equal Earth (Šavrič, Patterson and Jenny 2018): equal-area, for the whole world. */
    PN_PROJECTION_EQUAL_EARTH
} pn_projection_t;

/** Where the vertices of a map layout come from. */
typedef enum {
    PN_PLACED_AT_COORDINATES = 0, /**< at its own latitude and longitude */
    PN_PLACED_AMONG_PARTNERS,     /**< no coordinates: at the mean position of its partners */
    PN_PLACED_APART               /**< no coordinates and no partner with any: under the map */
} pn_placement_t;

typedef struct {
    pn_projection_t projection;
    double central_meridian;  /**< degrees */
    double standard_parallel; /**< degrees; equirectangular only (0 for Equal Earth) */
    igraph_integer_t located; /**< vertices at their coordinates */
    igraph_integer_t among_partners;
    igraph_integer_t apart;
} pn_map_info_t;

/**
 * Each vertex's latitude and longitude in degrees: its node's, or in a graph of countries the
 * mean coordinates of the country's nodes that have them; NAN when unknown. O(N).
 * @param[out] lat, lon arrays of the graph's vertex count
 * @return 0 or PN_ENOMEM
 */
PN_EXTERN int pn_layout_coordinates(double *lat, double *lon, const pn_graph_t *graph);

/**
 * A map layout: each vertex at its node's coordinates (in a graph of countries, a country at
 * the mean coordinates of its nodes that have them), projected.
 *
 * The projection: Equal Earth centred on Greenwich when the located vertices span more than
 * 180 degrees of longitude (the whole world); otherwise equirectangular, centred on the middle
 * of their longitudes, with the standard parallel at their median latitude (a country or a
 * region keeps its shape). Units are radians on a sphere of radius 1.
 *
 * A vertex without coordinates stands at the mean position of its partners that have one,
 * in rounds outwards from the located vertices; the vertices no round reaches (components
 * without any coordinates) are set in rows under the map. Vertices that would stand on the
 * same point (districts given their city's coordinates, a node placed beside its only
 * partner) are spread on a small sunflower around it (2e-4 radians, about 1.3 km, times the
 * square root of their rank), so that each one can be pointed at when zoomed in.
 * O(N log N + M).
 * @param[out] out an initialised matrix, resized to N x 2
 * @param[out] placement an initialised vector resized to N, pn_placement_t per vertex; may be
 *             NULL
 * @param[out] info the projection and the counts of each placement; may be NULL
 * @return 0 or PN_ENOMEM
 */
PN_EXTERN int pn_layout_map(igraph_matrix_t *out, igraph_vector_int_t *placement,
                            pn_map_info_t *info, const pn_graph_t *graph);

/**
 * Project one point as pn_layout_map() does with @p info's projection (for a picture's
 * background: graticules, coastlines).
 * @param[out] x, y the projected point, radians on a sphere of radius 1
 */
PN_EXTERN void pn_layout_project(double *x, double *y, const pn_map_info_t *info, double lat,
                                 double lon);

PN_END_DECLS

#endif
