#!/usr/bin/python3
"""partnet: report: the terminal summary, and the HTML page opened in headless Chromium (Debian's
chromium): it renders, its pictures and tables are there, nothing is logged to the console.
The screenshot is kept as build/tests/report-screenshot.png."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import shared_material
from harness import BUILD, PARTNET, SOURCE, run
CHROMIUM = shutil.which("chromium")
WORLD = shared_material.path("data", "world-twin-cities", "twin_cities_raw.csv")
# 0 when partnet has the explorer's page (index.html links explorer.html), 1 when not
EXPLORER = int("built without the explorer" in subprocess.run(
    [PARTNET, "--quiet", "explore", "-o", os.devnull], stderr=subprocess.PIPE).stderr.decode())


def chromium(url, *extra):
    """Run headless Chromium as the project's probe does: no network, a fresh profile."""
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync",
                            "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                            *extra, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
    return r


class TerminalReport(unittest.TestCase):
    def test_a_small_network_has_exact_betweenness(self):
        r = run("report", "--top", "3")
        self.assertNotIn("estimated", r.stderr.decode() + r.stdout.decode())
        r = run("report", "--top", "3", "--sample", "10", "--seed", "3")
        self.assertIn("partnet: report: betweenness estimated from 10 random sources of",
                      r.stderr.decode())
        self.assertIn(", seed 3)", r.stdout.decode())
        for bad in (("--sample", "-1"), ("--seed", "x")):
            r = run("report", *bad)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(bad[0], r.stderr.decode())

    def test_has_every_section(self):
        r = run("report", "--top", "3")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        for title in ("The dataset", "The most connected regions and cities",
                      "Coverage of each country's regions", "The network year by year",
                      "Communities (Louvain, seed 1)", "Reported by the sources"):
            self.assertIn(title, out)
        self.assertIn("Mogilev Oblast", out)

    def test_json_has_every_table(self):
        r = run("report", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = json.loads(r.stdout)
        self.assertEqual(set(out), {"summary", "hubs", "coverage", "growth", "communities",
                                    "reported"})
        self.assertEqual(set(out["hubs"]), {"degree", "agreements", "betweenness", "pagerank"})
        for measure, rows in out["hubs"].items():
            self.assertEqual(len(rows), 10, measure)
            self.assertEqual(rows, json.loads(run("rank", "--by", measure, "--top", "10",
                                                  "--format", "json").stdout), measure)

    def test_a_narrow_terminal_cuts_names_never_their_values(self):
        """Each top node's value is a column of its own: cut to 50 characters, every value of
        the columns kept is whole (as JSON gives it) and a value never stands without its
        name."""
        top = json.loads(run("report", "--top", "5", "--format", "json").stdout)["hubs"]
        r = run("report", "--top", "5", "--table-width", "50")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().split("The most connected regions and cities\n")[1]
        lines = lines.split("\n\n")[0].splitlines()
        head = re.split(r"\s{2,}", lines[0].strip())
        self.assertEqual(head[:3], ["rank", "by partners", "partners"])
        self.assertEqual(len(head) % 2, 1, "each name column with its value column")
        rows = [line for line in lines[1:] if re.match(r"\s*\d+\s", line)]
        self.assertEqual(len(rows), 5)
        for i, line in enumerate(rows):
            self.assertLessEqual(len(line), 50)
            cells = re.split(r"\s{2,}", line.strip())
            self.assertEqual(int(cells[2]), top["degree"][i]["value"], line)
            if len(head) > 3:
                self.assertEqual(int(cells[4]), top["agreements"][i]["value"], line)
        r = run("report", "--top", "5", "--format", "csv")
        hubs = [row.split(",")[2:] for row in r.stdout.decode().splitlines()
                if row.startswith("hubs,1,")]
        self.assertEqual([column for column, _ in hubs],
                         ["by partners", "partners", "by agreements", "agreements",
                          "by betweenness", "betweenness", "by pagerank", "pagerank"])
        self.assertEqual(hubs[1][1], str(top["degree"][0]["value"]))


def explorer_data(folder):
    """The data the explorer page of a report folder carries."""
    with open(os.path.join(folder, "explorer.html"), encoding="utf-8") as f:
        page = f.read()
    start = page.index('id="partnet-data">') + len('id="partnet-data">')
    return json.loads(page[start:page.index("</script>", start)])


class WorldReport(unittest.TestCase):
    """The world list (17,222 nodes): betweenness from a sample of sources, said once on stderr
    and in the page, with the same sample and seed in the explorer."""

    def report(self, *args):
        shared_material.require(WORLD)
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        r = run("--data", WORLD, "report", "--html", folder, *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(folder, "index.html"), encoding="utf-8") as f:
            return r.stderr.decode(), f.read(), folder

    def test_betweenness_is_sampled_and_said_once(self):
        err, html, folder = self.report()
        note = "betweenness estimated from 1000 random sources of 17222, seed 1"
        self.assertEqual(err.count("betweenness estimated"), 1, err)
        self.assertIn("partnet: report: " + note, err)
        self.assertIn("The most connected regions and cities (%s)" % note, html)
        if not EXPLORER:
            self.assertEqual(explorer_data(folder)["betweenness"],
                             {"sources": 1000, "of": 17222, "seed": 1})

    def test_sample_and_seed_are_the_readers_choice(self):
        err, html, folder = self.report("--sample", "300", "--seed", "7")
        note = "betweenness estimated from 300 random sources of 17222, seed 7"
        self.assertEqual(err.count("betweenness estimated"), 1, err)
        self.assertIn(note, err)
        self.assertIn(note, html)
        if not EXPLORER:
            self.assertEqual(explorer_data(folder)["betweenness"],
                             {"sources": 300, "of": 17222, "seed": 7})


class HtmlReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not CHROMIUM:
            raise AssertionError("chromium is not installed (tools/setup test installs it)")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "report")
        r = run("--quiet", "report", "--html", cls.dir)
        assert r.returncode == 0, r.stderr
        cls.page = os.path.join(cls.dir, "index.html")
        with open(cls.page, encoding="utf-8") as f:
            cls.html = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_page_is_self_contained(self):
        self.assertNotRegex(self.html, r'src="(?!data:)', "every picture is inline")
        self.assertIn('id="growth-chart"', self.html)
        self.assertIn('id="network-drawing"', self.html)
        self.assertEqual(self.html.count("data:image/svg+xml;base64,"), 2)
        self.assertEqual(sorted(os.listdir(self.dir)), ["explorer.html", "growth.svg",
                                                        "index.html", "network.svg"][EXPLORER:])

    @unittest.skipUnless(EXPLORER == 0, "partnet was built without the explorer's page")
    def test_links_the_explorer_of_the_whole_network(self):
        self.assertIn('<a href="explorer.html">', self.html)
        data = explorer_data(self.dir)
        with open(os.path.join(SOURCE, "graphs", "cis.json"), encoding="utf-8") as f:
            cis = json.load(f)
        self.assertEqual(data["title"], cis["title"])
        self.assertEqual(len(data["agreements"]["a"]), len(cis["agreements"]))

    def test_renders_in_chromium_without_console_messages(self):
        shot = os.path.join(BUILD, "tests", "report-screenshot.png")
        r = chromium("file://" + os.path.abspath(self.page), "--window-size=1200,4000",
                     "--screenshot=" + shot)
        log = r.stderr.decode()
        self.assertEqual([l for l in log.splitlines() if ":CONSOLE" in l], [], log[-3000:])
        with open(shot, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertGreater(os.path.getsize(shot), 20000, "a blank page would be small")

    def test_dom_after_scripts_has_tables_and_pictures(self):
        r = chromium("file://" + os.path.abspath(self.page), "--dump-dom")
        dom = r.stdout.decode()
        self.assertIn('<figure id="growth-chart">', dom)
        self.assertIn('<figure id="network-drawing">', dom)
        for table in ("hubs", "coverage", "growth", "communities", "reported"):
            self.assertIn('id="table-%s"' % table, dom)
        self.assertGreaterEqual(len(re.findall(r"<tr>", dom)), 60)

    def test_a_file_in_the_way_is_an_error(self):
        path = os.path.join(self.tmp.name, "file")
        open(path, "w").close()
        r = run("--quiet", "report", "--html", path)
        # a place that cannot be written is exit 1, as for export and draw
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.decode(), "partnet: report: %s: is a file, expected a folder "
                         "for the report's files\n" % path)

    def test_a_missing_parent_folder_is_an_error(self):
        path = os.path.join(self.tmp.name, "missing", "report")
        r = run("--quiet", "report", "--html", path)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.decode(), "partnet: report: %s: cannot make this folder: No such "
                         "file or directory\n" % path)
        self.assertFalse(os.path.exists(os.path.dirname(path)))


if __name__ == "__main__":
    unittest.main(verbosity=2)
