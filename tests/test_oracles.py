#!/usr/bin/python3
"""partnet's analyses beside independent oracles on the same graphs: NetworkX 2.8 on the bundled
dataset and on a sample of the world twin-cities list, python-igraph 0.10 on the whole world list.

The graph is built here from the input files, not from partnet's output: one undirected edge per
distinct pair, weight = number of agreements, every node (isolated ones included)."""
import csv
import io
import json
import math
import os
import subprocess
import tempfile
import unittest

import networkx as nx

import shared_material

from harness import CIS, MEASURES, PARTNET
WORLD_TO_CSV = shared_material.path("bench", "world_to_csv.py")
WORLD_RAW = shared_material.path("data", "world-twin-cities", "twin_cities_raw.csv")



def partnet(*args):
    r = subprocess.run([PARTNET, "--quiet", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=900)
    if r.returncode != 0:
        raise AssertionError("partnet %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr))
    return r.stdout.decode()


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def rank_all(data):
    """{id: {measure: float}} from partnet rank --all."""
    out = {}
    for r in rows(partnet("--data", data, "rank", "--all", "--top", "0", "--format", "csv")):
        out[r["id"]] = {m: float(r[m]) for m in MEASURES}
        out[r["id"]]["country"] = r["country"]
    return out


def stats(data):
    return {r["metric"]: (float(r["value"]) if r["value"] != "" else math.nan)
            for r in rows(partnet("--data", data, "stats", "--format", "csv"))}


def simple_graph(nodes, pairs):
    """nodes: list of ids; pairs: list of (a, b), one per agreement."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for a, b in pairs:
        if g.has_edge(a, b):
            g[a][b]["weight"] += 1
        else:
            g.add_edge(a, b, weight=1)
    return g


def gini(values):
    x = sorted(values)
    n, total = len(x), sum(x)
    if total == 0:
        return 0.0
    return sum(abs(a - b) for a in x for b in x) / (2 * n * n * (total / n))


class Close:
    def assertClose(self, got, expected, rel, what, absolute=1e-12):
        if math.isnan(expected):
            self.assertTrue(math.isnan(got), "%s: %r, expected nan" % (what, got))
            return
        self.assertLessEqual(abs(got - expected), max(rel * abs(expected), absolute),
                             "%s: partnet %r, oracle %r" % (what, got, expected))

    def assertMeasuresEqual(self, got, oracle, nodes):
        """Every measure of `partnet rank --all` equals NetworkX's: counts exactly, the
        shortest-path measures to 1e-9, the iterative ones (eigenvector, PageRank) to 1e-6."""
        for m in MEASURES:
            exact = m in ("degree", "agreements", "coreness")
            rel = 0 if exact else 1e-9 if m in ("betweenness", "closeness", "harmonic") else 1e-6
            for v in nodes:
                self.assertClose(got[v][m], float(oracle[m][v]), rel, "%s of %s" % (m, v),
                                 0 if exact else 1e-9)


def networkx_measures(g):
    n = g.number_of_nodes()
    eig = nx.eigenvector_centrality_numpy(g) if g.number_of_edges() else {v: 0 for v in g}
    top = max(abs(x) for x in eig.values()) or 1
    return {
        "degree": dict(g.degree()),
        "agreements": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(g, normalized=False),
        "closeness": nx.closeness_centrality(g),
        "harmonic": {v: h / (n - 1) for v, h in nx.harmonic_centrality(g).items()},
        "eigenvector": {v: abs(x) / top for v, x in eig.items()},
        "pagerank": nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
        "coreness": nx.core_number(g),
    }


def networkx_stats(g, country):
    lcc = g.subgraph(max(nx.connected_components(g), key=len)) if len(g) else g
    n, m = g.number_of_nodes(), g.number_of_edges()
    nx.set_node_attributes(g, country, "country")
    cores = nx.core_number(g)
    top = max(cores.values()) if cores else 0
    try:
        degree_r = nx.degree_assortativity_coefficient(g)
    except (ValueError, ZeroDivisionError):
        degree_r = math.nan
    return {
        "nodes": n, "edges": m, "density": nx.density(g),
        "components": nx.number_connected_components(g), "largest_component": len(lcc),
        "transitivity": nx.transitivity(g), "average_clustering": nx.average_clustering(g),
        "degree_assortativity": degree_r,
        "country_assortativity": nx.attribute_assortativity_coefficient(g, "country"),
        "max_coreness": top, "max_core_size": sum(1 for c in cores.values() if c == top),
        "mean_distance_lcc": nx.average_shortest_path_length(lcc) if len(lcc) > 1 else 0,
        "diameter_lcc": nx.diameter(lcc) if len(lcc) > 1 else 0,
        "gini_degree": gini([d for _, d in g.degree()]),
    }


class Bundled(unittest.TestCase, Close):
    """NetworkX on graphs/cis.json."""

    @classmethod
    def setUpClass(cls):
        with open(CIS, encoding="utf-8") as f:
            cls.data = json.load(f)
        cls.nodes = [n["id"] for n in cls.data["nodes"]]
        cls.country = {n["id"]: n["country"] for n in cls.data["nodes"]}
        cls.graph = simple_graph(cls.nodes, [tuple(a["parties"]) for a in cls.data["agreements"]])

    def test_every_rank_measure_equals_networkx(self):
        got = rank_all(CIS)
        oracle = networkx_measures(self.graph)
        self.assertEqual(set(got), set(self.nodes))
        self.assertMeasuresEqual(got, oracle, self.nodes)

    def test_stats_equal_networkx(self):
        got = stats(CIS)
        oracle = networkx_stats(self.graph, self.country)
        for key, value in oracle.items():
            self.assertClose(got[key], float(value), 1e-9, key)
        self.assertEqual(got["agreements"], len(self.data["agreements"]))

    def test_rank_is_sorted_by_value_then_id(self):
        out = rows(partnet("--data", CIS, "rank", "--by", "betweenness", "--top", "0",
                           "--format", "csv"))
        self.assertEqual(list(out[0].keys()), ["rank", "id", "name", "country", "level", "value"])
        keys = [(-float(r["value"]), r["id"]) for r in out]
        self.assertEqual(keys, sorted(keys))
        self.assertEqual([int(r["rank"]) for r in out], list(range(1, len(out) + 1)))

    def test_coverage_and_matrix_follow_their_definitions(self):
        nodes = {n["id"]: n for n in self.data["nodes"]}

        def unit(v, rollup):
            while v is not None:
                n = nodes[v]
                if n["level"] == "region" or n.get("first_level"):
                    return v
                if not rollup:
                    return None
                v = n.get("parent")
            return None

        for rollup in (False, True):
            covered, abroad = set(), set()
            agreements, partners = {}, {}
            for a in self.data["agreements"]:
                x, y = a["parties"]
                cx, cy = self.country[x], self.country[y]
                for end, other in ((x, cy), (y, cx)):
                    u = unit(end, rollup)
                    if u:
                        covered.add(u)
                        if self.country[end] != other:
                            abroad.add(u)
                agreements[cx] = agreements.get(cx, 0) + 1
                if cy != cx:
                    agreements[cy] = agreements.get(cy, 0) + 1
                    partners.setdefault(cx, set()).add(cy)
                    partners.setdefault(cy, set()).add(cx)
            args = ["--data", CIS, "coverage", "--format", "csv"] + (["--rollup"] if rollup else [])
            for r in rows(partnet(*args)):
                c = r["country"]
                self.assertEqual(int(r["covered"]), sum(1 for u in covered if self.country[u] == c), c)
                self.assertEqual(int(r["covered_abroad"]), sum(1 for u in abroad if self.country[u] == c), c)
                self.assertEqual(int(r["agreements"]), agreements.get(c, 0), c)
                self.assertEqual(int(r["partner_countries"]), len(partners.get(c, ())), c)
                regions = [x for x in self.data["countries"] if x["code"] == c][0]["regions"]["count"]
                self.assertEqual(int(r["regions"]), regions)
                self.assertAlmostEqual(float(r["share"]), int(r["covered"]) / regions, places=12)

        cells = {}
        for a in self.data["agreements"]:
            x, y = a["parties"]
            key = tuple(sorted((self.country[x], self.country[y])))
            cell = cells.setdefault(key, [0, set()])
            cell[0] += 1
            cell[1].add(frozenset((x, y)))
        got = rows(partnet("--data", CIS, "coverage", "--matrix", "--format", "csv"))
        self.assertEqual(list(got[0].keys()), ["country_a", "country_b", "agreements", "pairs"])
        self.assertEqual({(r["country_a"], r["country_b"]): (int(r["agreements"]), int(r["pairs"]))
                          for r in got},
                         {k: (v[0], len(v[1])) for k, v in cells.items()})

    def test_country_level_network(self):
        pairs = [(self.country[a["parties"][0]], self.country[a["parties"][1]])
                 for a in self.data["agreements"]]
        countries = sorted({c for p in pairs for c in p})
        g = simple_graph(countries, [p for p in pairs if p[0] != p[1]])
        got = {r["id"]: float(r["value"]) for r in rows(partnet(
            "--data", CIS, "rank", "--by-country", "--by", "agreements", "--top", "0",
            "--format", "csv"))}
        self.assertEqual(got, {c: float(d) for c, d in g.degree(weight="weight")})


def world_tables(folder):
    shared_material.require(WORLD_TO_CSV, WORLD_RAW)
    subprocess.run(["/usr/bin/python3", WORLD_TO_CSV, "--raw", WORLD_RAW, "--out", folder],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(folder, "nodes.csv"), encoding="utf-8", newline="") as f:
        nodes = [r["id"] for r in csv.DictReader(f)]
    with open(os.path.join(folder, "edges.csv"), encoding="utf-8", newline="") as f:
        pairs = [(r["source"], r["target"]) for r in csv.DictReader(f)]
    return nodes, pairs


ISO_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json"


def first_level_subdivisions():
    """{country code: entries of ISO 3166-2 without a parent}, read from iso-codes here."""
    with open(ISO_3166_2, encoding="utf-8") as f:
        entries = json.load(f)["3166-2"]
    counts = {}
    for e in entries:
        if "parent" not in e:
            counts[e["code"].split("-")[0]] = counts.get(e["code"].split("-")[0], 0) + 1
    return counts


class CoverageWithoutRegions(unittest.TestCase):
    """A list of city pairs has no region nodes and no region counts: coverage says so, and
    counts each country's regions from ISO 3166-2 unless the dataset gives its own."""

    def coverage(self, data, *args):
        r = subprocess.run([PARTNET, "--data", data, "coverage", "--format", "json", *args],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout), r.stderr.decode()

    def test_the_world_list_gets_iso_counts_and_its_named_regions(self):
        shared_material.require(WORLD_RAW)
        counts = first_level_subdivisions()
        got, err = self.coverage(WORLD_RAW, "--rollup")
        self.assertIn("ISO 3166-2", err)
        self.assertGreater(len(got), 150)
        # the list's only first-level units are the places its names call regions (FORMAT.md):
        # counted by hand in the CSV, 43 names ending in Province, Region, Oblast...
        # ("Urban" districts aside) in 20 countries: Shirak Province in Armenia, Grodno
        # Region in Belarus, four provinces and regions in China; each is a party
        units = {r["country"]: r["units"] for r in got if r["units"]}
        self.assertEqual((len(units), sum(units.values())), (20, 43))
        self.assertEqual((units["AM"], units["BY"], units["CN"]), (1, 1, 4))
        for row in got:
            expected = counts.get(row["country"])
            self.assertEqual(row["regions"], expected, row["country"])
            self.assertEqual(row["regions_source"], "iso-3166-2" if expected else None)
            self.assertEqual(row["covered"], row["units"], row["country"])
            if not row["units"]:
                self.assertEqual(row["share"], 0 if expected else None)

    def test_known_counts_and_the_datasets_own_count_wins(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "net.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"countries": [{"code": "BY", "regions": 6}],
                           "nodes": [{"id": c, "name": c, "country": c, "level": "city"}
                                     for c in ("BY", "AM", "DE", "FR", "US")],
                           "agreements": [{"id": str(i), "parties": ["BY", c], "kind": "twinning"}
                                          for i, c in enumerate(("AM", "DE", "FR", "US"))]}, f)
            got, err = self.coverage(path)
        by_code = {r["country"]: (r["regions"], r["regions_source"]) for r in got}
        # by hand: 6 oblasts (the dataset's count, kept); Armenia's 10 marzer and Yerevan;
        # Germany's 16 Lander; France's 13 metropolitan regions, 5 overseas regions, 6 overseas
        # collectivities, the Southern Territories and Clipperton; 50 states, DC, 6 outlying areas
        self.assertEqual(by_code, {"BY": (6, "dataset"), "AM": (11, "iso-3166-2"),
                                   "DE": (16, "iso-3166-2"), "FR": (26, "iso-3166-2"),
                                   "US": (57, "iso-3166-2")})
        self.assertIn("4 countries without a count of regions", err)

    def test_the_bundled_datasets_counts_are_its_own(self):
        got, err = self.coverage(CIS)
        self.assertEqual({r["regions_source"] for r in got}, {"dataset"})
        self.assertNotIn("ISO 3166-2", err)


class WorldSample(unittest.TestCase, Close):
    """NetworkX on a sample of the world list (the first 3,000 agreements): a real, messy
    network of a size NetworkX computes in seconds."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        whole = os.path.join(cls.tmp.name, "world")
        nodes, pairs = world_tables(whole)
        pairs = pairs[:3000]
        used = sorted({v for p in pairs for v in p}, key=nodes.index)
        cls.dir = os.path.join(cls.tmp.name, "sample")
        os.mkdir(cls.dir)
        with open(os.path.join(whole, "nodes.csv"), encoding="utf-8", newline="") as f:
            keep = {r["id"]: r for r in csv.DictReader(f)}
        with open(os.path.join(cls.dir, "nodes.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, ["id", "name", "country", "level"])
            w.writeheader()
            for v in used:
                w.writerow(keep[v])
        with open(os.path.join(cls.dir, "edges.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["source", "target", "date", "kind"])
            for a, b in pairs:
                w.writerow([a, b, "", "twinning"])
        cls.graph = simple_graph(used, pairs)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_rank_measure_equals_networkx(self):
        got = rank_all(self.dir)
        oracle = networkx_measures(self.graph)
        self.assertMeasuresEqual(got, oracle, self.graph)

    def test_stats_equal_networkx(self):
        got = stats(self.dir)
        country = {v: r["country"] for v, r in rank_all(self.dir).items()}
        for key, value in networkx_stats(self.graph, country).items():
            self.assertClose(got[key], float(value), 1e-9, key)


class WorldIgraph(unittest.TestCase, Close):
    """python-igraph on the whole world list (17,820 nodes, 26,111 agreements)."""

    @classmethod
    def setUpClass(cls):
        import igraph as ig
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "world")
        cls.nodes, pairs = world_tables(cls.dir)
        index = {v: i for i, v in enumerate(cls.nodes)}
        g = ig.Graph(n=len(cls.nodes), edges=[(index[a], index[b]) for a, b in pairs])
        g.es["weight"] = 1
        g.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
        cls.g = g

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_rank_measure_equals_python_igraph(self):
        g = self.g
        got = rank_all(self.dir)
        n = g.vcount()
        closeness = g.closeness(normalized=True)
        reach = [len(c) for c in g.connected_components()]
        size = {}
        for comp in g.connected_components():
            for v in comp:
                size[v] = len(comp)
        oracle = {
            "degree": g.degree(),
            "agreements": g.strength(weights="weight"),
            "betweenness": g.betweenness(directed=False),
            # igraph normalises over the reachable nodes only; partnet (as NetworkX) also
            # scales by the share of nodes reached
            "closeness": [0.0 if size[v] == 1 else closeness[v] * (size[v] - 1) / (n - 1)
                          for v in range(n)],
            "harmonic": g.harmonic_centrality(normalized=True),
            "eigenvector": g.eigenvector_centrality(directed=False, scale=True),
            "pagerank": g.pagerank(damping=0.85, weights="weight", directed=False),
            "coreness": g.coreness(),
        }
        self.assertGreater(len(reach), 1000, "a disconnected network")
        for m in MEASURES:
            exact = m in ("degree", "agreements", "coreness")
            rel = 0 if exact else 1e-9 if m in ("betweenness", "closeness", "harmonic") else 1e-6
            for v, node in enumerate(self.nodes):
                self.assertClose(got[node][m], float(oracle[m][v]), rel, "%s of %s" % (m, node),
                                 0 if exact else 1e-9)

    def test_stats_equal_python_igraph(self):
        g = self.g
        got = stats(self.dir)
        lcc = g.connected_components().giant()
        cores = g.coreness()
        self.assertEqual(got["nodes"], g.vcount())
        self.assertEqual(got["edges"], g.ecount())
        self.assertEqual(got["components"], len(g.connected_components()))
        self.assertEqual(got["largest_component"], lcc.vcount())
        self.assertClose(got["transitivity"], g.transitivity_undirected(mode="zero"), 1e-12, "transitivity")
        self.assertClose(got["average_clustering"], g.transitivity_avglocal_undirected(mode="zero"),
                         1e-12, "average_clustering")
        self.assertClose(got["degree_assortativity"], g.assortativity_degree(directed=False),
                         1e-9, "degree_assortativity")
        self.assertClose(got["density"], g.density(), 1e-12, "density")
        self.assertEqual(got["max_coreness"], max(cores))
        self.assertEqual(got["max_core_size"], sum(1 for c in cores if c == max(cores)))
        self.assertClose(got["mean_distance_lcc"], lcc.average_path_length(directed=False), 1e-12,
                         "mean_distance_lcc")
        self.assertEqual(got["diameter_lcc"], lcc.diameter(directed=False))
        self.assertClose(got["gini_degree"], gini(g.degree()), 1e-12, "gini_degree")
        # the published figures for this list (../shared/bench/README.txt)
        self.assertEqual(got["components"], 1408)
        self.assertEqual(got["largest_component"], 14196)
        self.assertAlmostEqual(got["transitivity"], 0.171690, places=6)


GEN_DATED = shared_material.path("bench", "gen_dated.py")
PEER_IGRAPH = shared_material.path("bench", "peer_igraph.py")


class GrowthIgraph(unittest.TestCase, Close):
    """partnet growth beside python-igraph's per-year snapshot loop (../shared/bench) on a
    synthetic dated network: every year, every figure both compute."""

    def test_every_year_equals_python_igraph(self):
        shared_material.require(GEN_DATED, PEER_IGRAPH)
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "dated")
            subprocess.run(["/usr/bin/python3", GEN_DATED, "--nodes", "3000", "--edges", "20000",
                            "--countries", "12", "--seed", "7", "--out", data], check=True,
                           stdout=subprocess.DEVNULL)
            peer = subprocess.run(["/usr/bin/python3", PEER_IGRAPH, "--data", data, "--task",
                                   "growth"], check=True, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
            oracle = {r["year"]: r for r in json.loads(peer.stdout)["years"]}
            got = {int(r["year"]): r for r in rows(partnet("--data", data, "growth", "--format", "csv"))}
        self.assertEqual(sorted(got), sorted(oracle))
        self.assertGreater(len(got), 50)
        for year, o in oracle.items():
            r = got[year]
            for ours, theirs in (("nodes_with_agreements", "nodes"), ("pairs", "pairs"),
                                 ("agreements", "agreements"), ("components", "components"),
                                 ("largest", "largest_component"),
                                 ("countries_with_agreements", "countries")):
                self.assertEqual(int(r[ours]), o[theirs], "%d %s" % (year, ours))
            self.assertClose(float(r["transitivity"]), o["transitivity"], 1e-12, "%d transitivity" % year)
            self.assertClose(float(r["density"]), o["density"], 1e-12, "%d density" % year)


if __name__ == "__main__":
    unittest.main(verbosity=2)
