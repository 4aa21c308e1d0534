#!/usr/bin/python3
"""`partnet draw` as a black box: pictures of the bundled dataset in SVG, PNG and PDF that are
valid files with the legend and the names in them, the same bytes every time, and the exit
codes of bad usage and failed writes. Run by `meson test` (PARTNET_BUILD_ROOT and
PARTNET_SOURCE_ROOT set)."""
import json
import os
import tempfile
import unittest
import xml.etree.ElementTree as ET

from harness import CIS, NAMES, run
SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path):
    """Every text the SVG shows, its spans joined."""
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


class Draw(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def draw(self, *args, data=CIS):
        r = run("--data", data, "draw", *args)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stderr, b"", "Graphviz says nothing on a good drawing")
        return r

    def test_svg_of_the_bundled_dataset_has_the_legend_and_the_top_names(self):
        out = self.path("cis.svg")
        self.draw("-o", out)
        texts = svg_texts(out)
        # the legend counts the nodes drawn (those with an agreement) of each country
        with open(CIS, encoding="utf-8") as f:
            data = json.load(f)
        linked = {p for a in data["agreements"] for p in a["parties"]}
        belarus = sum(1 for n in data["nodes"] if n["country"] == "BY" and n["id"] in linked)
        self.assertTrue(any("Belarus (%d)" % belarus in t for t in texts), texts)
        self.assertTrue(any(t.startswith("node size: degree") for t in texts), texts)
        self.assertIn("cis.json", texts)
        # the top regions by degree are named (see partnet rank)
        r = run("--data", CIS, "rank", "--top", "5", "--format", "csv")
        top = [line.split(",")[2] for line in r.stdout.decode().splitlines()[1:]]
        for name in top:
            self.assertIn(name, texts)

    def test_png_and_pdf_have_their_signatures(self):
        for name, magic in (("cis.png", b"\x89PNG\r\n\x1a\n"), ("cis.pdf", b"%PDF-")):
            with self.subTest(name=name):
                out = self.path(name)
                self.draw("-o", out)
                with open(out, "rb") as f:
                    data = f.read()
                self.assertTrue(data.startswith(magic))
                self.assertGreater(len(data), 10000)
                self.assertNotIn(b"/CreationDate", data, "no date: the same bytes every time")

    def test_same_input_same_bytes(self):
        # not PDF: Cairo rounds some text positions differently from run to run (see draw.h)
        for ext in ("svg", "png"):
            with self.subTest(ext=ext):
                one, two = self.path("one." + ext), self.path("two." + ext)
                self.draw("-o", one)
                self.draw("-o", two)
                with open(one, "rb") as a, open(two, "rb") as b:
                    self.assertEqual(a.read(), b.read())

    def test_snapshots_countries_layouts_and_measures(self):
        cases = [("--as-of", "2005"), ("--as-of", "2010", "--active"), ("--by-country",),
                 ("--layout", "force"), ("--layout", "map", "--size-by", "betweenness"),
                 ("--country", "AM", "--labels", "3"), ("--by-country", "--size-by", "agreements")]
        for args in cases:
            with self.subTest(args=args):
                out = self.path("view.svg")
                self.draw("-o", out, *args)
                texts = svg_texts(out)
                self.assertTrue(any(t.startswith("node size:") for t in texts), texts)
        self.draw("-o", self.path("2005.svg"), "--as-of", "2005")
        self.assertIn("cis.json, as of 2005", svg_texts(self.path("2005.svg")))
        self.draw("-o", self.path("countries.svg"), "--by-country")
        texts = svg_texts(self.path("countries.svg"))
        self.assertIn("Belarus", texts)
        self.assertIn("cis.json, by country", texts)

    def test_names_with_markup_and_other_scripts(self):
        out = self.path("names.svg")
        self.draw("-o", out, "--labels", "20", data=NAMES)
        texts = svg_texts(out)
        for name in ("A & B <Oblast>", "Мінск \"горад-герой\"", "Երևան", "თბილისი",
                     "Town 'quoted' & <tagged>"):
            self.assertIn(name, texts)

    def test_usage_errors_are_exit_2(self):
        cases = [((), "no picture to write"),
                 (("-o", "x.gif"), "cannot tell the format"),
                 (("-o", "x.svg", "--size-by", "fame"), '"fame"'),
                 (("-o", "x.svg", "--layout", "tree"), '"tree"'),
                 (("-o", "x.svg", "--labels", "-1"), "--labels"),
                 (("-o", "x.svg", "--country", "XX"), 'no country "XX"')]
        for args, message in cases:
            with self.subTest(args=args):
                r = run("--data", CIS, "draw", *args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr.decode())
                self.assertFalse(os.path.exists("x.svg"))

    def test_a_failed_write_is_exit_1_and_keeps_the_old_file(self):
        r = run("--data", CIS, "draw", "-o", self.path("missing/x.png"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot write here", r.stderr.decode())
        self.assertEqual(os.listdir(self.dir.name), [])
        full = self.path("full.svg")
        os.symlink("/dev/full", full)  # a full disk behind a name that says SVG
        r = run("--data", CIS, "draw", "-o", full)
        self.assertEqual(r.returncode, 1)
        self.assertIn("full.svg: write failed", r.stderr.decode())
        self.assertTrue(os.path.islink(full), "the device is written, never replaced")


if __name__ == "__main__":
    unittest.main(verbosity=2)
