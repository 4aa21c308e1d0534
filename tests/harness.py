"""What the command's black-box tests share: where the sources and the build are (meson test
sets PARTNET_SOURCE_ROOT and PARTNET_BUILD_ROOT), the partnet command, the bundled datasets and
the fixtures, and run(). The C tests share tests/test_common.h; the project's material beside
the checkout is shared_material.py's."""
import os
import subprocess

SOURCE = os.environ.get("PARTNET_SOURCE_ROOT", ".")
BUILD = os.environ.get("PARTNET_BUILD_ROOT", "build")
PARTNET = os.path.join(BUILD, "tools", "partnet")
CIS = os.path.join(SOURCE, "graphs", "cis.json")
EXAMPLE = os.path.join(SOURCE, "graphs", "example.json")
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")
NAMES = os.path.join(FIXTURES, "names.json")  # names with markup, quotes and other scripts

# The centrality measures of rank --by, in the order partnet lists them.
MEASURES = ["degree", "agreements", "betweenness", "closeness", "harmonic", "eigenvector",
            "pagerank", "coreness"]


def run(*args, stdin=None, stdout=subprocess.PIPE, preexec=None, timeout=600):
    """Run partnet with @p args, stderr captured; the caller's PARTNET_DATASET is not passed on,
    so that no test reads another dataset than it names."""
    env = dict(os.environ)
    env.pop("PARTNET_DATASET", None)
    return subprocess.run([PARTNET, *args], input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          env=env, preexec_fn=preexec, timeout=timeout)
