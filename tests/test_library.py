#!/usr/bin/python3
"""The libraries as a program that links them sees them: libpartnet needs neither Graphviz nor
PLplot (readelf -d lists what a library needs), libpartnet-draw does."""
import os
import re
import subprocess
import unittest

BUILD = os.environ.get("PARTNET_BUILD_ROOT", "build")
LIBPARTNET = os.path.join(BUILD, "src", "libpartnet.so")
LIBDRAW = os.path.join(BUILD, "src", "libpartnet-draw.so")
PICTURES = ("libgvc", "libcgraph", "libcdt", "libpathplan", "libplplot", "libcairo")


def needed(path):
    out = subprocess.run(["readelf", "-d", path], stdout=subprocess.PIPE, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out.decode())


class Needed(unittest.TestCase):
    def test_the_analysis_library_needs_no_picture_library(self):
        libs = needed(LIBPARTNET)
        self.assertTrue(any(l.startswith("libigraph") for l in libs), libs)
        self.assertEqual([l for l in libs if l.startswith(PICTURES)], [], libs)

    def test_the_draw_library_needs_graphviz_plplot_and_partnet(self):
        libs = needed(LIBDRAW)
        for prefix in ("libgvc", "libplplot", "libpartnet.so"):
            self.assertTrue(any(l.startswith(prefix) for l in libs), (prefix, libs))


if __name__ == "__main__":
    unittest.main(verbosity=2)
