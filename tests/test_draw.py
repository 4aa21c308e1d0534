#!/usr/bin/python3
"""`partnet draw` as a black box: pictures of the bundled dataset in SVG, PNG and PDF that are
valid files with the legend and the names in them, the same bytes every time, bounded pictures
of large networks (a generated one and the world list) drawn as their backbone, colours for the
countries with the most nodes, and the exit codes of bad usage and failed writes. Run by
`meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import json
import os
import random
import re
import struct
import tempfile
import unittest
import xml.etree.ElementTree as ET

import shared_material
from harness import CIS, NAMES, run
SVG = "{http://www.w3.org/2000/svg}"
WORLD = shared_material.path("data", "world-twin-cities", "twin_cities_raw.csv")
GEOCODED = shared_material.path("data", "world-twin-cities", "twin_cities_geocoded.csv")
LINE = "#505050"  # the colour of the lines between partners
MEGABYTE = 1 << 20
# a legend entry: "Germany (134)", "other: 96 countries (800)"
ENTRY = re.compile(r"^(.+) \(([0-9,]+)\)$")
BACKBONE = re.compile(r"^backbone: ([0-9,]+) of ([0-9,]+) (nodes|countries), those with the "
                      r"highest ([a-z]+), and the ([0-9,]+) of ([0-9,]+) partner pairs between them$")
# countries of the generated network and their shares of its nodes: the three that come first
# alphabetically are among the smallest, as in the world list
SHARES = [("US", 29), ("DE", 19), ("FR", 12), ("CN", 10), ("PL", 7), ("IT", 6), ("UA", 5),
          ("JP", 4), ("BR", 3), ("ES", 1), ("IN", 1), ("AD", 1), ("AE", 1), ("AF", 1)]


def svg_texts(path):
    """Every text the SVG shows, its spans joined."""
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


def number(text):
    return int(text.replace(",", ""))


def png_size(path):
    """Width and height from a PNG's header."""
    with open(path, "rb") as f:
        head = f.read(24)
    assert head.startswith(b"\x89PNG\r\n\x1a\n"), head
    return struct.unpack(">II", head[16:24])


def discs(path):
    """The SVG's discs with a tooltip: (tooltip, fill) each."""
    root = ET.parse(path).getroot()
    return [(c.find(SVG + "title").text, c.get("fill")) for c in root.iter(SVG + "circle")
            if c.find(SVG + "title") is not None]


def write_large_network(path, nodes=3000, seed=7):
    """A network of @p nodes in the countries of SHARES, each node after the first partnered
    with an earlier one (more often with the first ones: hubs), and half as many pairs again
    at random; every node has an agreement."""
    rng = random.Random(seed)
    countries = [code for code, share in SHARES for _ in range(share)]
    data = {"nodes": [{"id": "n%d" % i, "name": "Town %d" % i, "country": countries[i % 100],
                       "level": "city"} for i in range(nodes)], "agreements": []}
    pairs = set()
    for i in range(1, nodes):
        pairs.add((int(i * rng.random() ** 2), i))
    while len(pairs) < nodes * 3 // 2:
        a, b = sorted(rng.sample(range(nodes), 2))
        pairs.add((a, b))
    for k, (a, b) in enumerate(sorted(pairs)):
        data["agreements"].append({"id": "a%d" % k, "parties": ["n%d" % a, "n%d" % b],
                                   "date": str(1950 + k % 70), "kind": "twinning"})
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)


class Draw(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def draw(self, *args, data=CIS, quiet=True):
        r = run("--data", data, "draw", *args)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        if quiet:
            self.assertEqual(r.stderr, b"", "nothing to say on a good drawing")
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
        for ext in ("svg", "png", "pdf"):
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

    def test_a_large_network_is_bounded_and_drawn_as_its_backbone(self):
        big = self.path("big.json")
        write_large_network(big)
        png = self.path("big.png")
        self.draw("-o", png, data=big)
        width, height = png_size(png)
        self.assertEqual(width, 2000)
        self.assertLessEqual(height, 2 * width)
        self.assertLess(os.path.getsize(png), 5 * MEGABYTE)
        svg = self.path("big.svg")
        self.draw("-o", svg, data=big)
        captions = [m for m in map(BACKBONE.match, svg_texts(svg)) if m]
        self.assertEqual(len(captions), 1, svg_texts(svg))
        drawn, total, what, measure = captions[0].group(1, 2, 3, 4)
        self.assertEqual((total, what, measure), ("3,000", "nodes", "degree"))
        self.assertLessEqual(number(drawn), 1500)
        self.assertGreater(number(drawn), 1000, "most of the largest have a partner among them")
        self.assertEqual(len(discs(svg)), number(drawn), "one disc per node drawn")

    def test_max_nodes_and_width_choose_what_is_drawn_and_how_wide(self):
        big = self.path("big.json")
        write_large_network(big, nodes=600)
        svg = self.path("all.svg")
        self.draw("-o", svg, "--max-nodes", "0", data=big)
        self.assertEqual(len(discs(svg)), 600)
        self.assertFalse(any(BACKBONE.match(t) for t in svg_texts(svg)))
        self.draw("-o", svg, "--max-nodes", "100", "--size-by", "agreements", data=big)
        caption = [m for m in map(BACKBONE.match, svg_texts(svg)) if m][0]
        self.assertEqual(caption.group(2, 4), ("600", "agreements"))
        self.assertEqual(len(discs(svg)), number(caption.group(1)))
        png = self.path("narrow.png")
        self.draw("-o", png, "--width", "800", data=big)
        self.assertEqual(png_size(png)[0], 800)

    def test_the_countries_with_the_most_nodes_get_the_colours(self):
        big = self.path("big.json")
        write_large_network(big, nodes=1000)
        for args in ((), ("--by-country",)):
            with self.subTest(args=args):
                svg = self.path("countries.svg")
                self.draw("-o", svg, "--max-nodes", "0", *args, data=big)
                entries = [m.group(1) for m in map(ENTRY.match, svg_texts(svg)) if m]
                # the nine largest, largest first, then the others
                self.assertEqual(entries[:9], ["United States", "Germany", "France", "China",
                                               "Poland", "Italy", "Ukraine", "Japan", "Brazil"], entries)
                self.assertEqual(entries[9], "other: 5 countries")
                fills = {}
                for tooltip, fill in discs(svg):
                    fills.setdefault(fill, set()).add(tooltip)
                grey = fills.pop("#bab0ac")
                self.assertEqual(len(fills), 9, "nine colours")
                for tooltip in grey:
                    self.assertTrue(re.search(r"Andorra|Emirates|Afghanistan|Spain|India",
                                              tooltip), tooltip)

    def bounded_world(self, data, *args):
        """Draw @p data as PNG, check its bounds, and return the texts of the same as SVG."""
        shared_material.require(data)
        png = self.path("world.png")
        self.draw("-o", png, *args, data=data, quiet=False)
        self.assertEqual(png_size(png)[0], 2000)
        self.assertLess(os.path.getsize(png), 5 * MEGABYTE)
        svg = self.path("world.svg")
        self.draw("-o", svg, *args, data=data, quiet=False)
        return svg_texts(svg)

    def test_the_world_list_is_bounded_with_its_backbone_said(self):
        texts = self.bounded_world(WORLD)
        caption = [m for m in map(BACKBONE.match, texts) if m][0]
        self.assertEqual(caption.group(2), "17,222")
        self.assertLessEqual(number(caption.group(1)), 1500)

    def test_the_bundled_dataset_on_a_map_with_great_circles_or_straight_lines(self):
        with open(CIS, encoding="utf-8") as f:
            data = json.load(f)
        pairs = {frozenset(a["parties"]) for a in data["agreements"]}
        svg = self.path("cis-map.svg")
        self.draw("-o", svg, "--layout", "map")
        root = ET.parse(svg).getroot()
        texts = svg_texts(svg)
        caption = [t for t in texts if t.startswith("map: ")]
        self.assertEqual(len(caption), 1, texts)
        self.assertRegex(caption[0], r"^map: equirectangular projection, true to scale at "
                         r"[0-9]+°N; countries: Digital Chart of the World \(GMT\); lines: great "
                         r"circles; [0-9,]+ discs moved apart where places crowd$")
        countries = [p for p in root.iter(SVG + "polygon") if p.get("fill") == "#f5f3ee"]
        self.assertGreater(len(countries), 10, "Belarus, its neighbours and the others")
        arcs = [p for p in root.iter(SVG + "polyline") if p.get("stroke") == LINE]
        self.assertGreaterEqual(len(arcs), len(pairs), "one arc per pair, or more pieces")
        self.assertEqual([l for l in root.iter(SVG + "line") if l.get("stroke") == LINE], [])
        self.draw("-o", svg, "--layout", "map", "--arcs", "straight")
        root = ET.parse(svg).getroot()
        lines = [l for l in root.iter(SVG + "line") if l.get("stroke") == LINE]
        self.assertEqual(len(lines), len(pairs))
        self.assertTrue(any("lines: straight;" in t for t in svg_texts(svg)))

    def test_the_geocoded_world_list_on_a_bounded_map(self):
        texts = self.bounded_world(GEOCODED, "--labels", "5")
        self.assertTrue(any(t.startswith("map: Equal Earth projection;") for t in texts), texts)
        self.assertTrue(any(BACKBONE.match(t) for t in texts), texts)

    def test_usage_errors_are_exit_2(self):
        cases = [((), "no picture to write"),
                 (("-o", "x.png", "--width", "100"), "--width"),
                 (("-o", "x.png", "--max-nodes", "-1"), "--max-nodes"),
                 (("-o", "x.png", "--arcs", "curved"), '"curved"'),
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


class Chart(unittest.TestCase):
    """growth --chart: two panels of lines on the drawings' canvas."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def chart(self, name, *options):
        out = os.path.join(self.dir.name, name)
        r = run("--data", CIS, "--quiet", "growth", "--chart", out, *options)
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def test_svg_has_axes_legend_and_each_year_where_its_values_say(self):
        years = json.loads(run("--data", CIS, "--format", "json", "growth").stdout)
        svg = self.chart("growth.svg")
        root = ET.parse(svg).getroot()
        self.assertEqual((root.get("width"), root.get("height")), ("1000", "720"))
        texts = svg_texts(svg)
        for label in ("Growth of the partnership network", "agreements", "partner pairs", "nodes",
                      "largest component", "largest component share", "transitivity",
                      "cross-border share", "year", "count", "share"):
            self.assertIn(label, texts)
        first, last = years[0]["year"], years[-1]["year"]
        self.assertEqual((first, last), (1997, 2021))
        # 24 years cut into at most 10 steps of 1, 2 or 5 years: every fifth year is named
        self.assertEqual([t for t in texts if re.fullmatch(r"\d{4}", t)],
                         [str(y) for y in range(2000, 2021, 5)] * 2)
        lines = {}
        for line in root.iter(SVG + "polyline"):
            points = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
            lines.setdefault(line.get("stroke"), []).append(points)
        # the first blue line is the agreements: one point a year, on a linear scale from the
        # axis (whose y is that of the "0" tick): (axis - y) / agreements is the same each year
        agreements = lines["#0072b2"][0]
        self.assertEqual(len(agreements), len(years))
        xs = [x for x, _ in agreements]
        self.assertEqual(xs, sorted(xs))
        axis = agreements[0][1] + (agreements[0][1] - agreements[-1][1]) * years[0][
            "agreements"] / (years[-1]["agreements"] - years[0]["agreements"])
        scale = (axis - agreements[-1][1]) / years[-1]["agreements"]
        for (x, y), row in zip(agreements, years):
            self.assertAlmostEqual((axis - y) / scale, row["agreements"], delta=0.3)

    def test_png_and_pdf_of_a_fixed_size(self):
        self.assertEqual(png_size(self.chart("growth.png")), (1000, 720))
        with open(self.chart("growth.pdf"), "rb") as f:
            self.assertTrue(f.read().startswith(b"%PDF-"))
        # one year only: a dot, not an empty chart, and the same size
        self.assertEqual(png_size(self.chart("one.png", "--from", "2010", "--to", "2010")),
                         (1000, 720))
        root = ET.parse(self.chart("one.svg", "--from", "2010", "--to", "2010")).getroot()
        self.assertGreaterEqual(len(list(root.iter(SVG + "circle"))), 7, "a dot for each series")


if __name__ == "__main__":
    unittest.main(verbosity=2)
