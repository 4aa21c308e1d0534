/* partnet: analysis of networks of interregional partnerships. The umbrella header. */
#ifndef PARTNET_H
#define PARTNET_H

#include <partnet/common.h>
#include <partnet/error.h>
#include <partnet/date.h>
#include <partnet/problems.h>
#include <partnet/dataset.h>
#include <partnet/country.h>
#include <partnet/load.h>
#include <partnet/graph.h>

#endif
