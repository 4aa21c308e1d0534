#!/usr/bin/python3
"""`partnet explore` as a black box, then its page in a real browser.

The command: one self-contained page whose data hold every node, agreement and source of the
view, measures and ranks as `partnet rank --all` has them (checked against NetworkX and an
independent ranking), names that cannot break out of the page, the same bytes every time, a
sampled betweenness stated on stderr for the world list, and the exit codes of bad usage.

The page, in headless Chromium (Debian's chromium, driven over the DevTools protocol, see
browser.py) for the bundled dataset, the world list and a dataset of hostile names: nothing
logged to the console, no network request, search by name and alias, hovering and clicking a
node, its panel (agreements with their sources, ranks), filters, the timeline (against
`partnet growth`, another code path), colours and sizes, all driven through the URL fragment
as a shared link would. Screenshots are kept in build/tests/explorer-*.png.

Run by `meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import collections
import csv
import io
import json
import math
import os
import re
import sys
import tempfile
import time
import unittest
import urllib.parse

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import CHROMIUM, Browser  # noqa: E402

from harness import BUILD, CIS, FIXTURES, MEASURES, SOURCE, run  # noqa: E402

SHOTS = os.path.join(BUILD, "tests")
HOSTILE = os.path.join(FIXTURES, "hostile.json")
TABLES = os.path.join(FIXTURES, "tables")
WORLD_DIR = os.path.join(SOURCE, "..", "shared", "data", "world-twin-cities")
WORLD = os.path.join(WORLD_DIR, "twin_cities_raw.csv")
WORLD_GEO = os.path.join(WORLD_DIR, "twin_cities_geocoded.csv")
DATA_START = '<script type="application/json" id="partnet-data">'

# Chromium's own note when WebGL reads a pixel back (sigma does, to find the node under the
# mouse), written by its software renderer: not a message of the page.
BROWSER_NOTE = re.compile(r"GL Driver Message .*GPU stall due to ReadPixels")


def built_with_explorer():
    r = run("--quiet", "explore", "-o", os.devnull)
    return "built without the explorer" not in r.stderr.decode()


HAVE_EXPLORER = built_with_explorer()
SKIP_REASON = ("partnet was built without the explorer's page: run tools/explorer/install, "
               "then meson setup --reconfigure")


def payload_of(html):
    start = html.index(DATA_START) + len(DATA_START)
    return json.loads(html[start:html.index("</script>", start)])


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def explore(path, *args, data=CIS):
    r = run("--data", data, "explore", "-o", path, *args)
    if r.returncode != 0:
        raise AssertionError(r.stderr.decode())
    with open(path, encoding="utf-8") as f:
        html = f.read()
    return html, payload_of(html), r.stderr.decode()


def rank_all(*args):
    """partnet rank --all: {id: {measure: value}} with full precision."""
    r = run(*args, "rank", "--all", "--format", "csv")
    assert r.returncode == 0, r.stderr
    return {row["id"]: {k: float(row[k]) for k in MEASURES}
            for row in csv.DictReader(io.StringIO(r.stdout.decode()))}


def growth(*args):
    r = run("growth", "--format", "csv", *args)
    assert r.returncode == 0, r.stderr
    return {int(row["year"]): row for row in csv.DictReader(io.StringIO(r.stdout.decode()))}


def cis_counts(keep):
    """Nodes and agreements of the CIS dataset whose agreements pass keep(agreement, nodes)."""
    data = load(CIS)
    nodes = {n["id"]: n for n in data["nodes"]}
    kept = [a for a in data["agreements"] if keep(a, nodes)]
    return len({p for a in kept for p in a["parties"]}), len(kept)


@unittest.skipUnless(HAVE_EXPLORER, SKIP_REASON)
class Command(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.page = os.path.join(cls.tmp.name, "cis.html")
        cls.html, cls.data, cls.stderr = explore(cls.page)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_the_page_needs_nothing_else(self):
        html = self.html
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertNotRegex(html, r'<(script|img|link|iframe)[^>]+(src|href)=', "nothing loaded")
        self.assertIn("default-src 'none'", html, "the page may not reach the network")
        self.assertEqual(html.count("<script"), 2, "the data and the code, inline")
        self.assertEqual(html.count("</script>"), 2)
        self.assertIn("sigma", html)
        self.assertIn("graphology", html)

    def test_holds_every_node_with_an_agreement_and_every_agreement_with_its_source(self):
        data = load(CIS)
        d = self.data
        linked = {p for a in data["agreements"] for p in a["parties"]}
        self.assertEqual(d["nodes"]["id"], [n["id"] for n in data["nodes"] if n["id"] in linked])
        self.assertEqual(d["measured"], len(data["nodes"]))
        nodes = {n["id"]: n for n in data["nodes"]}
        ids = d["nodes"]["id"]
        for v, node_id in enumerate(ids):
            node = nodes[node_id]
            self.assertEqual(d["nodes"]["name"][v], node["name"])
            self.assertEqual(d["countries"]["code"][d["nodes"]["country"][v]], node["country"])
            self.assertEqual(d["levels"][d["nodes"]["level"][v]], node["level"])
            self.assertEqual(d["nodes"]["aliases"][v], node.get("aliases", []))
        a = d["agreements"]
        self.assertEqual(len(a["a"]), len(data["agreements"]))
        docs = d["documents"]["id"]
        for i, agreement in enumerate(data["agreements"]):
            self.assertEqual([ids[a["a"][i]], ids[a["b"][i]]], agreement["parties"])
            self.assertEqual(a["id"][i], agreement["id"])
            self.assertEqual(a["date"][i], agreement.get("date"))
            self.assertEqual(a["end"][i], agreement.get("end"))
            self.assertEqual(d["kinds"][a["kind"][i]], agreement["kind"])
            source = agreement.get("source", {})
            self.assertEqual(a["line"][i], source.get("line"))
            self.assertEqual(a["quote"][i], source.get("quote"))
            doc = a["document"][i]
            self.assertEqual(None if doc is None else docs[doc], source.get("document"))
        titles = {doc["id"]: doc.get("title") for doc in data.get("documents", [])}
        for k, doc in enumerate(docs):
            self.assertEqual(d["documents"]["title"][k], titles.get(doc))

    def test_countries_come_by_their_number_of_nodes(self):
        d = self.data
        counts = collections.Counter(d["nodes"]["country"])
        sizes = [counts[c] for c in range(len(d["countries"]["code"]))]
        self.assertEqual(sizes, sorted(sizes, reverse=True))
        self.assertEqual(d["countries"]["code"][0], "BY")

    def test_measures_are_those_of_rank_all_and_networkx(self):
        d = self.data
        ranked = rank_all()
        data = load(CIS)
        g = nx.Graph()
        g.add_nodes_from(n["id"] for n in data["nodes"])
        for agreement in data["agreements"]:
            u, v = agreement["parties"]
            w = g.get_edge_data(u, v, {"weight": 0})["weight"]
            g.add_edge(u, v, weight=w + 1)
        truth = {"degree": dict(g.degree()), "agreements": dict(g.degree(weight="weight")),
                 "betweenness": nx.betweenness_centrality(g, normalized=False),
                 "coreness": nx.core_number(g)}
        ids = d["nodes"]["id"]
        for k in MEASURES:
            values = d["measures"][k]["value"]
            for v, node_id in enumerate(ids):
                self.assertAlmostEqual(values[v], ranked[node_id][k],
                                       delta=1e-5 * abs(ranked[node_id][k]) + 1e-12,
                                       msg="%s of %s" % (k, node_id))
                if k in truth:
                    self.assertAlmostEqual(values[v], truth[k][node_id],
                                           delta=1e-5 * abs(truth[k][node_id]) + 1e-12,
                                           msg="%s of %s" % (k, node_id))
            # ranks: by value, then id, among every node (independently of partnet's sort)
            order = sorted(ranked, key=lambda i: (-ranked[i][k], i))
            expected = {node_id: r + 1 for r, node_id in enumerate(order)}
            self.assertEqual(d["measures"][k]["rank"], [expected[i] for i in ids], k)
        self.assertIsNone(d["betweenness"]["sources"], "exact on a small network")

    def test_communities_are_those_of_partnet_clusters(self):
        r = run("clusters", "--by-node", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
        community = {row["id"]: int(row["community"]) - 1 for row in rows}
        d = self.data
        self.assertEqual(d["communities"]["membership"],
                         [community[i] for i in d["nodes"]["id"]])
        self.assertEqual(d["communities"]["seed"], 1)
        self.assertIn("seed 1", self.stderr)

    def test_layouts_place_every_node_on_the_map_and_in_the_network(self):
        d = self.data
        n = len(d["nodes"]["id"])
        self.assertEqual(d["layout"], "map", "every node of the bundled dataset has coordinates")
        for name in ("map", "force"):
            layout = d["layouts"][name]
            points = set(zip(layout["x"], layout["y"]))
            self.assertEqual(len(points), n, "%s: no two nodes on one point" % name)
        m = d["layouts"]["map"]
        self.assertEqual(m["located"], n)
        self.assertEqual(m["projection"], "equirectangular")
        # north is up and east is right: Sakhalin east of Minsk, Minsk north of Tashkent
        ids = d["nodes"]["id"]
        x = dict(zip(ids, m["x"]))
        y = dict(zip(ids, m["y"]))
        self.assertGreater(x["ru-sakhalin-oblast"], x["by-minsk"])
        self.assertGreater(y["by-minsk"], y["uz-tashkent"])
        # parallels and meridians every 10 degrees around the nodes, projected as they are:
        # Minsk (53.9 N) lies between the 50th and the 60th parallels
        grid = m["graticule"]
        self.assertEqual(grid["step"], 10)
        parallels = sorted({line[1] for line in grid["lines"] if line[1] == line[-1]})
        below = [p for p in parallels if p < y["by-minsk"]]
        above = [p for p in parallels if p > y["by-minsk"]]
        self.assertAlmostEqual(max(below), math.radians(50), places=5)
        self.assertAlmostEqual(min(above), math.radians(60), places=5)

    def test_hostile_names_stay_inside_the_data(self):
        html, d, _ = explore(self.path("hostile.html"), data=HOSTILE)
        self.assertEqual(html.count("<script"), 2)
        self.assertEqual(html.count("</script"), 2)
        start = html.index(DATA_START) + len(DATA_START)
        raw = html[start:html.index("</script>", start)]
        for text in ("<", ">", "&", "\u2028", "\u2029", "\x01", "\x1b"):
            self.assertNotIn(text, raw)
        data = load(HOSTILE)
        names = {n["id"]: n["name"] for n in data["nodes"]}
        self.assertEqual({i: n for i, n in zip(d["nodes"]["id"], d["nodes"]["name"])},
                         {i: names[i] for i in d["nodes"]["id"]})
        self.assertEqual(d["title"], data["title"])
        self.assertEqual(d["agreements"]["quote"][0], data["agreements"][0]["source"]["quote"])

    def test_the_same_input_gives_the_same_bytes(self):
        other = self.path("again.html")
        html, _, _ = explore(other)
        self.assertEqual(html, self.html)

    def test_a_view_keeps_its_partnerships(self):
        _, d, _ = explore(self.path("am.html"), "--country", "AM", "--as-of", "2010")
        expected = cis_counts(lambda a, nodes: (a.get("date") or "9999")[:4] <= "2010" and
                              any(nodes[p]["country"] == "AM" for p in a["parties"]))
        self.assertEqual((len(d["nodes"]["id"]), len(d["agreements"]["a"])), expected)
        self.assertIn("as of 2010, partnerships of AM", d["description"])

    def test_an_empty_view_gives_a_page_that_says_so(self):
        _, d, _ = explore(self.path("empty.html"), "--as-of", "1900")
        self.assertEqual((d["nodes"]["id"], d["agreements"]["a"]), ([], []))

    def test_seed_and_layout_options(self):
        _, d, err = explore(self.path("seed.html"), "--seed", "7", "--layout", "force")
        self.assertEqual(list(d["layouts"]), ["force"])
        self.assertEqual(d["communities"]["seed"], 7)
        self.assertIn("seed 7", err)
        _, d, _ = explore(self.path("map.html"), "--layout", "map", "--sample", "20")
        self.assertEqual(list(d["layouts"]), ["map"])
        self.assertEqual(d["betweenness"]["sources"], 20)

    def test_bad_usage_and_failed_writes_leave_no_page(self):
        r = run("explore")
        self.assertEqual(r.returncode, 2)
        self.assertIn("give -o FILE.html", r.stderr.decode())
        for args in (["--layout", "circle"], ["--seed", "x"], ["--sample", "-1"],
                     ["--as-of", "2010-13"], ["extra"]):
            r = run("explore", "-o", self.path("bad.html"), *args)
            self.assertEqual(r.returncode, 2, args)
            self.assertFalse(os.path.exists(self.path("bad.html")), args)
        r = run("explore", "-o", self.path("bad.html"), "--country", "ZZ")
        self.assertEqual(r.returncode, 2)
        # no coordinates in the tables fixture: no map
        r = run("--data", TABLES, "explore", "-o", self.path("bad.html"), "--layout", "map")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no node of the view has coordinates", r.stderr.decode())
        self.assertFalse(os.path.exists(self.path("bad.html")))
        # a folder that does not exist; a full disk
        r = run("explore", "-o", self.path("nowhere/x.html"))
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(self.path("nowhere")))
        r = run("explore", "-o", "/dev/full")
        self.assertEqual(r.returncode, 1)
        self.assertIn("/dev/full", r.stderr.decode())


@unittest.skipUnless(HAVE_EXPLORER, SKIP_REASON)
@unittest.skipUnless(os.path.exists(WORLD), "the world twin-cities list is not in ../shared")
class WorldCommand(unittest.TestCase):
    def test_betweenness_is_sampled_and_said_so(self):
        with tempfile.TemporaryDirectory() as tmp:
            _, d, err = explore(os.path.join(tmp, "world.html"), data=WORLD)
        self.assertIn("betweenness estimated from 1000 random sources of 17222, seed 1", err)
        self.assertEqual(d["betweenness"], {"sources": 1000, "of": 17222, "seed": 1})
        self.assertEqual(len(d["nodes"]["id"]), 17222)
        self.assertEqual(list(d["layouts"]), ["force"], "the raw list has no coordinates")
        ranks = d["measures"]["degree"]["rank"]
        self.assertEqual(sorted(ranks), list(range(1, 17223)))


class Page:
    """A page open in Chromium, with what it logged."""

    def __init__(self, browser, path, fragment="", width=1400, height=900):
        self.browser = browser
        self.started = time.monotonic()
        self.tab = browser.open("file://" + os.path.abspath(path) + fragment, width, height)
        self.ready_ms = self.tab.wait_for(
            "document.documentElement.dataset.ready === '1' && "
            "+document.documentElement.dataset.readyMs", timeout=120)

    def js(self, expression):
        return self.tab.evaluate(expression)

    def go(self, fragment):
        """Change the fragment as following a shared link would, and wait for the redraw."""
        self.js("location.hash = %s" % json.dumps(fragment))
        return self.counts()

    def counts(self):
        return self.js("(() => { const c = document.getElementById('counts').dataset;"
                       " return [+c.nodes, +c.agreements, +c.pairs]; })()")

    def text(self, selector):
        return self.js("(document.querySelector(%s) || {}).textContent" % json.dumps(selector))

    def shot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        self.browser.pump(0.3)
        self.tab.screenshot(os.path.join(SHOTS, name))


class InBrowser(unittest.TestCase):
    """Shared: start Chromium once per class, check the console after each test."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.browser = Browser(timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.tmp.cleanup()

    def setUp(self):
        del self.browser.console[:]
        del self.browser.requests[:]

    def assertQuiet(self, page_path):
        self.browser.pump(0.2)
        messages = [m for m in self.browser.console if not BROWSER_NOTE.search(m)]
        self.assertEqual(messages, [], "nothing logged to the console")
        url = "file://" + os.path.abspath(page_path)
        self.assertEqual({r.split("#")[0] for r in self.browser.requests} - {url}, set(),
                         "no request but the page itself")
        dialogs = [e for e in self.browser.events if e.get("method") == "Page.javascriptDialogOpening"]
        self.assertEqual(dialogs, [], "no alert")


@unittest.skipUnless(HAVE_EXPLORER, SKIP_REASON)
@unittest.skipUnless(CHROMIUM, "chromium is not installed (tools/setup test installs it)")
class BundledInBrowser(InBrowser):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.path = os.path.join(cls.tmp.name, "cis.html")
        _, cls.data, _ = explore(cls.path)

    def open(self, fragment=""):
        return Page(self.browser, self.path, fragment)

    def test_opens_quietly_and_shows_everything(self):
        page = self.open()
        data = load(CIS)
        linked = {p for a in data["agreements"] for p in a["parties"]}
        pairs = {tuple(sorted(a["parties"])) for a in data["agreements"]}
        self.assertEqual(page.counts(), [len(linked), len(data["agreements"]), len(pairs)])
        self.assertIn("Interregional agreements", page.text("#title"))
        self.assertEqual(page.js("document.querySelectorAll('#legend li').length"), 9)
        page.shot("explorer-cis.png")
        self.assertQuiet(self.path)
        print("\nbundled dataset ready in %d ms" % page.ready_ms, file=sys.stderr)

    def test_search_by_name_and_by_alias(self):
        page = self.open()
        found = page.js("""(() => {
            const input = document.getElementById('search');
            input.value = 'mogil';
            input.dispatchEvent(new Event('input'));
            return Array.from(document.querySelectorAll('#search-results li'))
                .map(li => li.dataset.node);
        })()""")
        self.assertEqual(found[0], "by-mogilev-oblast")
        self.assertIn("by-mogilev", found)
        # an alias, without its accents and in another case; Enter opens the first
        chosen = page.js("""(() => {
            const input = document.getElementById('search');
            input.value = 'MAHILIOU VOB';
            input.dispatchEvent(new Event('input'));
            const first = document.querySelector('#search-results li').dataset.node;
            input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
            return first;
        })()""")
        self.assertEqual(chosen, "by-mogilev-oblast")
        self.assertEqual(page.js("document.getElementById('panel').dataset.node"), chosen)
        self.assertIn("node=by-mogilev-oblast", page.js("location.hash"))
        # the arrow keys choose another result
        chosen = page.js("""(() => {
            const input = document.getElementById('search');
            input.value = 'mogil';
            input.dispatchEvent(new Event('input'));
            const key = k => input.dispatchEvent(new KeyboardEvent('keydown', {key: k}));
            key('ArrowDown');
            key('ArrowDown');
            key('ArrowUp');
            const marked = document.querySelector('#search-results li.first').dataset.node;
            key('Enter');
            return marked;
        })()""")
        self.assertEqual(chosen, found[1])
        self.assertEqual(page.js("document.getElementById('panel').dataset.node"), chosen)
        self.assertQuiet(self.path)

    def test_a_node_panel_lists_its_agreements_and_ranks(self):
        page = self.open("#node=by-mogilev-oblast")
        self.assertEqual(page.text("#panel-name"), "Mogilev Oblast")
        data = load(CIS)
        mine = [a for a in data["agreements"] if "by-mogilev-oblast" in a["parties"]]
        items = page.js("""Array.from(document.querySelectorAll('#panel li.agreement'))
            .map(li => ({date: li.querySelector('.date').textContent,
                         partner: li.querySelector('.partner a').dataset.node,
                         source: (li.querySelector('.source') || {}).textContent,
                         quote: (li.querySelector('blockquote') || {}).textContent}))""")
        self.assertEqual(len(items), len(mine))
        by_partner = {next(p for p in a["parties"] if p != "by-mogilev-oblast"): a for a in mine}
        for item in items:
            a = by_partner[item["partner"]]
            self.assertEqual(item["date"], a.get("date") or "undated")
            self.assertIn("line %d" % a["source"]["line"], item["source"])
            self.assertEqual(item["quote"], a["source"]["quote"])
        dates = [i["date"] for i in items if i["date"] != "undated"]
        self.assertEqual(dates, sorted(dates), "in date order")
        ranks = page.js("""Object.fromEntries(Array.from(
            document.querySelectorAll('#panel table.ranks tbody tr'))
            .map(tr => [tr.dataset.measure, +tr.cells[2].textContent.replace(/,/g, '')]))""")
        ranked = rank_all()
        for k in MEASURES:
            order = sorted(ranked, key=lambda i: (-ranked[i][k], i))
            self.assertEqual(ranks[k], order.index("by-mogilev-oblast") + 1, k)
        page.shot("explorer-cis-node.png")
        # a partner's link opens the partner
        page.js("document.querySelector('#panel .partner a[data-node=\"ru-leningrad-oblast\"]')"
                ".click()")
        self.assertEqual(page.text("#panel-name"), "Leningrad Oblast")
        self.assertIn("node=ru-leningrad-oblast", page.js("location.hash"))
        self.assertQuiet(self.path)

    def test_hover_and_click_a_node(self):
        page = self.open()
        where = page.js("partnetExplorer.nodeOnScreen('ru-sakhalin-oblast')")
        page.tab.mouse("mouseMoved", where["x"], where["y"])
        page.tab.wait_for("!document.getElementById('tooltip').hidden")
        tip = page.text("#tooltip")
        self.assertIn("Sakhalin", tip)
        self.assertIn("Russia", tip)
        self.assertIn("region", tip)
        page.tab.click(where["x"], where["y"])
        page.tab.wait_for("document.getElementById('panel').dataset.node === 'ru-sakhalin-oblast'")
        # clicking the empty stage closes the panel (after a pause: not a double click)
        time.sleep(0.5)
        page.tab.click(340, 800)
        page.tab.wait_for("document.getElementById('panel').hidden")
        self.assertQuiet(self.path)

    def test_filters_by_country_level_and_kind(self):
        page = self.open()
        self.assertEqual(page.go("#country=AM")[:2], list(cis_counts(
            lambda a, nodes: any(nodes[p]["country"] == "AM" for p in a["parties"]))))
        self.assertEqual(page.go("#country=AM,UZ&between=1")[:2], [0, 0])
        self.assertEqual(page.go("#level=region")[:2], list(cis_counts(
            lambda a, nodes: all(nodes[p]["level"] == "region" for p in a["parties"]))))
        self.assertEqual(page.go("#kind=twinning,memorandum")[:2], list(cis_counts(
            lambda a, nodes: a["kind"] in ("twinning", "memorandum"))))
        # the checkboxes follow the link
        checked = page.js("Array.from(document.querySelectorAll('#kind-list input'))"
                          ".filter(i => i.checked).length")
        self.assertEqual(checked, 2)
        # and a checkbox writes the link
        page.go("")
        page.js("document.querySelector('#country-list li[data-country=\"KZ\"] input').click()")
        self.assertEqual(page.js("location.hash"), "#country=KZ")
        self.assertEqual(page.counts()[:2], list(cis_counts(
            lambda a, nodes: any(nodes[p]["country"] == "KZ" for p in a["parties"]))))
        page.shot("explorer-cis-filtered.png")
        self.assertQuiet(self.path)

    def test_the_timeline_agrees_with_partnet_growth(self):
        page = self.open()
        years = growth()
        active = growth("--active")
        for year in (1997, 2005, 2010, 2018):
            self.assertEqual(page.go("#year=%d" % year)[:2],
                             [int(years[year]["nodes_with_agreements"]),
                              int(years[year]["agreements"])], year)
            self.assertEqual(page.go("#year=%d&active=1" % year)[:2],
                             [int(active[year]["nodes_with_agreements"]),
                              int(active[year]["agreements"])], year)
        self.assertEqual(page.text("#year-label"), "as of 2018")
        # play from the start: the years go by, and it stops at the last one
        page.go("#year=%d" % min(years))
        page.js("document.getElementById('play').click()")
        page.tab.wait_for("document.getElementById('year').dataset.year === '%d'"
                          % (min(years) + 2), timeout=20)
        self.assertEqual(page.js("document.getElementById('timeline').className"), "playing")
        page.shot("explorer-cis-playing.png")
        last = max(years)
        page.tab.wait_for("!document.getElementById('timeline').classList.contains('playing')",
                          timeout=120)
        self.assertEqual(page.counts()[:2],
                         [int(years[last]["nodes_with_agreements"]), int(years[last]["agreements"])])
        self.assertIn("year=%d" % last, page.js("location.hash"))
        self.assertQuiet(self.path)

    def test_an_empty_view(self):
        path = os.path.join(self.tmp.name, "empty.html")
        explore(path, "--as-of", "1900")
        page = Page(self.browser, path)
        self.assertEqual(page.counts(), [0, 0, 0])
        self.assertIn("holds no agreement", page.text("#message"))
        self.assertQuiet(path)

    def test_colour_size_and_layout_follow_the_link(self):
        page = self.open("#color=community&size=pagerank&layout=force&node=by")
        self.assertEqual(page.js("[document.getElementById('color-by').value,"
                                 " document.getElementById('size-by').value,"
                                 " document.getElementById('layout').value]"),
                         ["community", "pagerank", "force"])
        self.assertEqual(page.text("#legend li"), "community 1" +
                         str(self.data["communities"]["membership"].count(0)))
        page.shot("explorer-cis-communities.png")
        # a choice in the page goes into the link
        page.js("const s = document.getElementById('size-by'); s.value = 'betweenness';"
                "s.dispatchEvent(new Event('change'))")
        self.assertIn("size=betweenness", page.js("location.hash"))
        self.assertQuiet(self.path)


@unittest.skipUnless(HAVE_EXPLORER, SKIP_REASON)
@unittest.skipUnless(CHROMIUM, "chromium is not installed (tools/setup test installs it)")
class HostileInBrowser(InBrowser):
    def test_names_are_text_not_markup(self):
        path = os.path.join(self.tmp.name, "hostile.html")
        _, d, _ = explore(path, data=HOSTILE)
        data = load(HOSTILE)
        node = data["nodes"][0]
        page = Page(self.browser, path, "#node=" + urllib.parse.quote(node["id"], safe=""))
        self.assertEqual(page.text("#panel-name"), node["name"])
        self.assertEqual(page.js("document.scripts.length"), 2)
        self.assertEqual(page.js("document.images.length"), 0)
        self.assertIn(data["title"], page.js("document.title"))
        quote = page.text("#panel blockquote")
        self.assertEqual(quote, data["agreements"][0]["source"]["quote"])
        self.assertEqual(page.js("document.querySelectorAll('#panel a[href^=\"javascript\"]')"
                                 ".length"), 0, "no javascript: link")
        # the right-to-left name, searched and shown
        found = page.js("""(() => {
            const input = document.getElementById('search');
            input.value = 'tel aviv';
            input.dispatchEvent(new Event('input'));
            return document.querySelector('#search-results li').dataset.node;
        })()""")
        self.assertEqual(found, "rtl-he")
        page.shot("explorer-hostile.png")
        self.assertQuiet(path)


@unittest.skipUnless(HAVE_EXPLORER, SKIP_REASON)
@unittest.skipUnless(CHROMIUM, "chromium is not installed (tools/setup test installs it)")
@unittest.skipUnless(os.path.exists(WORLD_GEO), "the world twin-cities list is not in ../shared")
class WorldInBrowser(InBrowser):
    """The geocoded world list (17,186 nodes, 24,823 pairs): on the map, and as a network."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.path = os.path.join(cls.tmp.name, "world.html")
        _, cls.data, _ = explore(cls.path, data=WORLD_GEO)

    def test_opens_searches_filters_and_stays_responsive(self):
        page = Page(self.browser, self.path)
        n = len(self.data["nodes"]["id"])
        self.assertEqual(page.counts()[0], n)
        print("\nworld list: %d nodes ready in %d ms after navigation (%.1f s with Chromium's "
              "start)" % (n, page.ready_ms, time.monotonic() - page.started), file=sys.stderr)
        self.assertEqual(self.data["layout"], "map")
        self.assertEqual(self.data["layouts"]["map"]["projection"], "equal-earth")
        self.assertEqual(self.data["layouts"]["map"]["graticule"]["step"], 30)
        page.shot("explorer-world.png")
        found = page.js("""(() => {
            const input = document.getElementById('search');
            input.value = 'bagcilar';
            input.dispatchEvent(new Event('input'));
            return document.querySelector('#search-results li').textContent;
        })()""")
        self.assertTrue(found.startswith("Bağcılar"), found)
        r = run("--data", WORLD_GEO, "--quiet", "stats", "--country", "US", "--format", "csv")
        stats = dict(row for row in csv.reader(io.StringIO(r.stdout.decode())))
        started = time.monotonic()
        counts = page.go("#country=US&node=" + urllib.parse.quote("US:Chicago"))
        took = time.monotonic() - started
        self.assertEqual(counts[:2], [int(stats["nodes"]) - int(stats["isolated"]),
                                      int(stats["agreements"])])
        self.assertEqual(page.text("#panel-name"), "Chicago")
        print("world list: a filter and a node's panel in %d ms" % (took * 1000), file=sys.stderr)
        page.shot("explorer-world-us.png")
        page.go("#layout=force&color=community")
        page.shot("explorer-world-network.png")
        self.assertQuiet(self.path)


if __name__ == "__main__":
    unittest.main(verbosity=2)
