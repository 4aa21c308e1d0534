/* The subcommands of `partnet`, each a thin client of libpartnet. */
#ifndef PARTNET_TOOLS_COMMANDS_H
#define PARTNET_TOOLS_COMMANDS_H

#include "cli.h"

/* argv[0] is the command's name; each returns an exit code. */
int cmd_info(cli_t *cli, int argc, char **argv);
int cmd_check(cli_t *cli, int argc, char **argv);
int cmd_merge(cli_t *cli, int argc, char **argv);
int cmd_rank(cli_t *cli, int argc, char **argv);
int cmd_stats(cli_t *cli, int argc, char **argv);
int cmd_clusters(cli_t *cli, int argc, char **argv);
int cmd_coverage(cli_t *cli, int argc, char **argv);
int cmd_growth(cli_t *cli, int argc, char **argv);
int cmd_compare(cli_t *cli, int argc, char **argv);
int cmd_report(cli_t *cli, int argc, char **argv);
int cmd_export(cli_t *cli, int argc, char **argv);
int cmd_draw(cli_t *cli, int argc, char **argv);
int cmd_explore(cli_t *cli, int argc, char **argv);
int cmd_show(cli_t *cli, int argc, char **argv);
int cmd_search(cli_t *cli, int argc, char **argv);
int cmd_agreements(cli_t *cli, int argc, char **argv);
int cmd_path(cli_t *cli, int argc, char **argv);

#endif
