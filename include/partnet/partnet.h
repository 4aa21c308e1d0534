/* partnet: analysis of networks of interregional partnerships. The umbrella header of
 * libpartnet; the drawings and charts of libpartnet-draw have their own headers, draw.h and
 * chart.h. */
#ifndef PARTNET_H
#define PARTNET_H

#include <partnet/common.h>
#include <partnet/error.h>
#include <partnet/date.h>
#include <partnet/problems.h>
#include <partnet/dataset.h>
#include <partnet/country.h>
#include <partnet/load.h>
#include <partnet/merge.h>
#include <partnet/view.h>
#include <partnet/graph.h>
#include <partnet/growth.h>
#include <partnet/layout.h>
#include <partnet/communities.h>
#include <partnet/coverage.h>
#include <partnet/export.h>
#include <partnet/metrics.h>
#include <partnet/outfile.h>
#include <partnet/path.h>
#include <partnet/search.h>
#include <partnet/stats.h>
#include <partnet/text.h>

#endif
