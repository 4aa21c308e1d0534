#!/usr/bin/python3
"""The libraries as a program that links them sees them: libpartnet needs neither Cairo nor
Pango (readelf -d lists what a library needs), libpartnet-draw does, and no longer PLplot or
Graphviz; and each exports exactly
the functions its headers declare PN_EXTERN, which are exactly those its symbol map lists."""
import os
import re
import subprocess
import unittest

from harness import BUILD, SOURCE

HEADERS = os.path.join(SOURCE, "include", "partnet")
DRAW_HEADERS = ("draw.h", "chart.h")
LIBPARTNET = os.path.join(BUILD, "src", "libpartnet.so")
LIBDRAW = os.path.join(BUILD, "src", "libpartnet-draw.so")
PICTURES = ("libgvc", "libcgraph", "libplplot", "libcairo", "libpango", "libnetcdf")


def needed(path):
    out = subprocess.run(["readelf", "-d", path], stdout=subprocess.PIPE, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out.decode())


def declared(draw):
    """The functions the public headers declare PN_EXTERN: libpartnet's, or libpartnet-draw's."""
    names = set()
    for header in os.listdir(HEADERS):
        if header.endswith(".h") and (header in DRAW_HEADERS) == draw:
            with open(os.path.join(HEADERS, header), encoding="utf-8") as f:
                names |= set(re.findall(r"PN_EXTERN[^;(]*?\b(pn_\w+)\s*\(", f.read()))
    return names


def mapped(name):
    with open(os.path.join(SOURCE, "src", name), encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    globals_ = re.search(r"global:(.*?)local:", text, re.S).group(1)
    return set(re.findall(r"(\w+);", globals_))


def exported(path):
    """The functions and variables a shared library exports (not its version nodes)."""
    out = subprocess.run(["nm", "-D", "--defined-only", path], stdout=subprocess.PIPE,
                         check=True).stdout.decode()
    return {line.split()[2].split("@")[0] for line in out.splitlines() if line.split()[1] != "A"}


class Symbols(unittest.TestCase):
    def check(self, path, map_name, draw):
        headers, listed, out = declared(draw), mapped(map_name), exported(path)
        self.assertGreater(len(headers), 2)
        self.assertEqual(listed, headers, "the map and the headers disagree")
        self.assertEqual(out, headers, "the library exports other symbols than its headers declare")

    def test_libpartnet_exports_its_api_and_nothing_else(self):
        self.check(LIBPARTNET, "libpartnet.map", False)

    def test_libpartnet_draw_exports_its_api_and_nothing_else(self):
        self.check(LIBDRAW, "libpartnet-draw.map", True)


class Version(unittest.TestCase):
    def test_the_headers_version_is_meson_builds(self):
        with open(os.path.join(SOURCE, "meson.build"), encoding="utf-8") as f:
            version = re.search(r"version: '([0-9.]+)'", f.read()).group(1)
        with open(os.path.join(BUILD, "include", "partnet", "version.h"), encoding="utf-8") as f:
            header = f.read()
        self.assertIn('#define PN_VERSION "%s"' % version, header)
        major, minor, patch = version.split(".")
        self.assertIn("#define PN_VERSION_MINOR %s" % minor, header)
        with open(os.path.join(BUILD, "tools", "partnet.1"), encoding="utf-8") as f:
            self.assertIn('"partnet %s"' % version, f.readline())


class Needed(unittest.TestCase):
    def test_the_analysis_library_needs_no_picture_library(self):
        libs = needed(LIBPARTNET)
        self.assertTrue(any(l.startswith("libigraph") for l in libs), libs)
        self.assertEqual([l for l in libs if l.startswith(PICTURES)], [], libs)

    def test_the_draw_library_needs_cairo_pango_netcdf_and_partnet(self):
        libs = needed(LIBDRAW)
        for prefix in ("libcairo", "libpangocairo", "libnetcdf", "libpartnet.so"):
            self.assertTrue(any(l.startswith(prefix) for l in libs), (prefix, libs))
        self.assertEqual([l for l in libs if l.startswith(("libplplot", "libgvc"))], [], libs)


if __name__ == "__main__":
    unittest.main(verbosity=2)
