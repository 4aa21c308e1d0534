#!/usr/bin/python3
"""`partnet export` as a black box: every GraphML and GEXF it writes validates against the
schemas in ../shared/schemas, the GraphML reads back with NetworkX and python-igraph with every
node, agreement and attribute value intact (expected values come from the JSON datasets
themselves), metrics match NetworkX and python-igraph, and failures leave nothing behind. Run by
`meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import calendar
import csv
import json
import math
import os
import re
import resource
import signal
import subprocess
import tempfile
import unittest
import warnings
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

import shared_material

from harness import CIS, EXAMPLE, FIXTURES, NAMES, SOURCE, run

SCHEMAS = shared_material.path("schemas")
GRAPHML_XSD = os.path.join(SCHEMAS, "graphml", "graphml.xsd")
GEXF_XSD = os.path.join(SCHEMAS, "gexf", "1.2draft", "gexf.xsd")
GEXF13_XSD = os.path.join(SCHEMAS, "gexf", "1.3", "gexf.xsd")
CIS_WORLD = os.path.join(SOURCE, "graphs", "cis-world.json")
HOSTILE = os.path.join(FIXTURES, "hostile.json")
COMPANIONS = ["countries.csv", "memberships.csv", "documents.csv", "reported.csv", "sources.csv",
              "dataset.csv"]
GEXF_NS = {"g": "http://www.gexf.net/1.2draft"}
GEXF13_NS = {"g": "http://gexf.net/1.3"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def decode_id(xml_id):
    """A GraphML node id back to the dataset id (_xHHHH_ escapes, as the README says)."""
    return re.sub(r"_x([0-9A-F]{8}|[0-9A-F]{4})_", lambda m: chr(int(m.group(1), 16)), xml_id)


def first_day(date):
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def last_day(date):
    parts = [int(p) for p in date.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return "%04d-%02d-%02d" % (year, month, day)


def in_view(agreement, as_of=None, active=False):
    """The view's rule (graphs/FORMAT.md): certainly signed by the end of as_of, and when active
    not ended before its first day."""
    if as_of is None:
        return True
    date = agreement.get("date")
    if not date or last_day(date) > last_day(as_of):
        return False
    end = agreement.get("end")
    return not active or not end or last_day(end) >= first_day(as_of)


def simple_graph(data):
    """The dataset as the metrics see it: one edge per pair, weight its number of agreements."""
    G = nx.Graph()
    G.add_nodes_from(n["id"] for n in data["nodes"])
    for a in data["agreements"]:
        u, v = a["parties"]
        w = G.get_edge_data(u, v, {"weight": 0})["weight"]
        G.add_edge(u, v, weight=w + 1)
    return G


def joined(items):
    return "|".join(items) if items else None


class Exported(unittest.TestCase):
    """Writes into a fresh folder and checks files against the schemas."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def export(self, data, *args):
        r = run("--data", data, "export", *args)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        for arg in args:
            if arg.endswith(".graphml"):
                self.assertValid(arg, GRAPHML_XSD)
            elif arg.endswith(".gexf"):
                self.assertValid(arg, GEXF13_XSD if "1.3" in args else GEXF_XSD)
        return r

    def assertValid(self, path, schema):
        shared_material.require(schema)
        r = subprocess.run(["xmllint", "--noout", "--schema", schema, path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(r.returncode, 0, r.stderr.decode())

    def assertSameNode(self, got, node, missing_text=None):
        """Node attributes as read back; missing_text is what the reader gives for an absent
        string (None for NetworkX, '' for igraph)."""
        self.assertEqual(got["name"], node["name"])
        self.assertEqual(got["label"], node["name"])
        self.assertEqual(got["country"], node["country"])
        self.assertEqual(got["level"], node["level"])
        self.assertIs(got["first_level"], bool(node.get("first_level")))
        self.assertEqual(got.get("parent", missing_text), node.get("parent", missing_text))
        aliases = joined(node.get("aliases"))
        self.assertEqual(got.get("aliases", missing_text), aliases if aliases else missing_text)
        for key in ("lat", "lon"):
            if node.get(key) is None:
                self.assertTrue(key not in got or math.isnan(got[key]), key)
            else:
                self.assertEqual(got[key], node[key], key)  # exact: shortest round trip

    def assertSameAgreement(self, got, agreement, missing_text=None):
        def same(key, value):
            expected = value if value not in (None, "") else missing_text
            self.assertEqual(got.get(key, missing_text), expected, "%s of %s" % (key, agreement["id"]))

        source = agreement.get("source") or {}
        same("agreement_id", agreement["id"])
        same("date", agreement.get("date"))
        same("end_date", agreement.get("end"))
        same("kind", agreement["kind"])
        same("domains", joined(agreement.get("domains")))
        same("note", agreement.get("note"))
        same("source_document", source.get("document"))
        same("source_location", source.get("location"))
        same("source_quote", source.get("quote"))
        same("source_url", source.get("url"))
        if agreement.get("date"):
            self.assertEqual(got["year"], int(agreement["date"][:4]))
            self.assertIsInstance(got["year"], int if missing_text is None else float)
        else:
            self.assertTrue("year" not in got or math.isnan(got["year"]))
        if source.get("line"):
            self.assertEqual(got["source_line"], source["line"])

    def assertGraphmlIntact(self, path, data, agreements=None, nodes=None):
        """NetworkX and python-igraph find every node and agreement of data with its values."""
        nodes = nodes if nodes is not None else data["nodes"]
        agreements = agreements if agreements is not None else data["agreements"]
        by_id = {n["id"]: n for n in nodes}

        G = nx.read_graphml(path)
        pairs = [frozenset(a["parties"]) for a in agreements]
        parallel = len(set(pairs)) < len(pairs)
        self.assertEqual(G.is_multigraph(), parallel, "a multigraph when a pair has two agreements")
        got = {decode_id(k): v for k, v in G.nodes(data=True)}
        self.assertEqual(set(got), set(by_id))
        for k, v in G.nodes(data=True):
            self.assertEqual(v["dataset_id"], decode_id(k), "the dataset's id as an attribute")
        for node_id, node in by_id.items():
            self.assertSameNode(got[node_id], node)
        edges = {d["agreement_id"]: (decode_id(u), decode_id(v), d)
                 for u, v, d in G.edges(data=True)}
        self.assertEqual(set(edges), {a["id"] for a in agreements})
        for a in agreements:
            u, v, d = edges[a["id"]]
            self.assertEqual({u, v}, set(a["parties"]))
            self.assertSameAgreement(d, a)
        if data.get("title"):
            self.assertEqual(G.graph["title"], data["title"])

        with warnings.catch_warnings():
            warnings.simplefilter("error")  # python-igraph takes the file without complaint
            g = igraph.Graph.Read_GraphML(path)
        self.assertEqual(g.vcount(), len(by_id))
        self.assertEqual(g.ecount(), len(agreements))
        for vertex in g.vs:
            self.assertEqual(vertex["dataset_id"], decode_id(vertex["id"]))
            self.assertSameNode(vertex.attributes(), by_id[vertex["dataset_id"]], "")
        by_agreement = {a["id"]: a for a in agreements}
        for e in g.es:
            a = by_agreement[e["agreement_id"]]
            self.assertEqual({decode_id(g.vs[e.source]["id"]), decode_id(g.vs[e.target]["id"])},
                             set(a["parties"]))
            self.assertSameAgreement(e.attributes(), a, "")
        return G


class GraphML(Exported):
    def test_every_node_agreement_and_value_reads_back_intact(self):
        for data_path in (CIS, EXAMPLE, NAMES):
            with self.subTest(dataset=os.path.basename(data_path)):
                out = self.path(os.path.basename(data_path) + ".graphml")
                self.export(data_path, "--graphml", out)
                self.assertGraphmlIntact(out, load(data_path))

    def test_names_with_markup_quotes_and_other_scripts_survive(self):
        out = self.path("names.graphml")
        self.export(NAMES, "--graphml", out)
        G = nx.read_graphml(out)
        names = {decode_id(k): d["name"] for k, d in G.nodes(data=True)}
        self.assertEqual(names["by-a&b"], "A & B <Oblast>")
        self.assertEqual(names["by-minsk"], "Мінск \"горад-герой\"")
        self.assertEqual(names["am-yerevan"], "Երևան")
        self.assertEqual(names["ge-tbilisi"], "თბილისი")
        self.assertIn("US:New_x0020_York", G.nodes, "an id with a space is escaped")
        self.assertIn("by_x005F_xtra", G.nodes, "so is the _ of _x")
        self.assertIn("by-minsk", G.nodes, "a valid id stays as it is")

    def test_keys_are_typed(self):
        out = self.path("types.graphml")
        self.export(NAMES, "--graphml", out, "--with-metrics", "degree,pagerank,community")
        keys = {k.get("attr.name") + "/" + k.get("for"): k.get("attr.type")
                for k in ET.parse(out).getroot()
                if k.tag == "{http://graphml.graphdrawing.org/xmlns}key"}
        for name in ("year/edge", "source_line/edge", "degree/node", "community/node"):
            self.assertEqual(keys[name], "int", name)
        for name in ("lat/node", "lon/node", "pagerank/node"):
            self.assertEqual(keys[name], "double", name)
        self.assertEqual(keys["first_level/node"], "boolean")
        self.assertEqual(keys["date/edge"], "string")

    def test_a_snapshot_holds_the_agreements_in_force(self):
        data = load(NAMES)
        for as_of, active in (("2010", False), ("2010", True), ("2006-05", False)):
            with self.subTest(as_of=as_of, active=active):
                out = self.path("snapshot.graphml")
                args = ["--graphml", out, "--as-of", as_of] + (["--active"] if active else [])
                self.export(NAMES, *args)
                expected = [a for a in data["agreements"] if in_view(a, as_of, active)]
                self.assertGraphmlIntact(out, data, agreements=expected)

    def test_a_country_keeps_its_partnerships(self):
        data = load(NAMES)
        out = self.path("ge.graphml")
        self.export(NAMES, "--graphml", out, "--country", "GE")
        by_id = {n["id"]: n for n in data["nodes"]}
        expected = [a for a in data["agreements"]
                    if "GE" in (by_id[p]["country"] for p in a["parties"])]
        parties = {p for a in expected for p in a["parties"]}
        nodes = [n for n in data["nodes"] if n["id"] in parties or n["country"] == "GE"]
        self.assertGraphmlIntact(out, data, agreements=expected, nodes=nodes)

    def test_metrics_match_networkx_and_igraph(self):
        data = load(CIS)
        out = self.path("metrics.graphml")
        self.export(CIS, "--graphml", out, "--with-metrics", "degree,betweenness,pagerank,community")
        G = nx.read_graphml(out)
        simple = simple_graph(data)
        betweenness = nx.betweenness_centrality(simple, normalized=False)
        order = list(simple.nodes)
        ig = igraph.Graph(n=len(order), edges=[(order.index(u), order.index(v))
                                               for u, v in simple.edges])
        pagerank = dict(zip(order, ig.pagerank(weights=[d["weight"] for _, _, d in
                                                        simple.edges(data=True)])))
        for key, d in G.nodes(data=True):
            node = decode_id(key)
            self.assertEqual(d["degree"], simple.degree(node), node)
            self.assertIsInstance(d["degree"], int)
            self.assertAlmostEqual(d["betweenness"], betweenness[node], places=9, msg=node)
            self.assertAlmostEqual(d["pagerank"], pagerank[node], places=9, msg=node)
            self.assertGreaterEqual(d["community"], 1)

        r = run("--data", CIS, "clusters", "--by-node", "--format", "csv", "--seed", "1")
        self.assertEqual(r.returncode, 0, r.stderr)
        clusters = {row["id"]: int(row["community"]) for row in
                    csv.DictReader(r.stdout.decode().splitlines())}
        self.assertEqual({decode_id(k): d["community"] for k, d in G.nodes(data=True)}, clusters,
                         "the same Louvain partition as `partnet clusters --seed 1`")

    def test_the_seed_is_printed_and_repeats(self):
        one, two = self.path("one.graphml"), self.path("two.graphml")
        r = self.export(CIS, "--graphml", one, "--with-metrics", "community", "--seed", "7")
        self.assertIn("seed 7", r.stderr.decode())
        self.export(CIS, "--graphml", two, "--with-metrics", "community", "--seed", "7")
        with open(one, "rb") as a, open(two, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_goes_to_standard_output(self):
        r = run("--data", NAMES, "export", "--graphml", "-")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = self.path("stdout.graphml")
        with open(out, "wb") as f:
            f.write(r.stdout)
        self.assertValid(out, GRAPHML_XSD)
        self.assertGraphmlIntact(out, load(NAMES))


# What Gephi does not keep as an attribute, transcribed from its source (gephi/gephi,
# ImporterGraphML's constructor and graphstore's GraphStoreConfiguration), compared ignoring case:
# a GraphML key whose id or attr.name is one of these becomes the element's label, position,
# size, colour, id or weight; a GEXF attribute whose id is a column every Gephi graph has is not
# added.
GEPHI_GRAPHML_NODE = {"label", "d3", "x", "y", "xpos", "ypos", "z", "size", "r", "g", "b"}
GEPHI_GRAPHML_EDGE = {"label", "edgelabel", "d7", "weight", "edge weight", "id", "edgeid",
                      "r", "g", "b"}
GEPHI_COLUMNS = {"id", "label", "timeset"}
GEPHI_EDGE_COLUMNS = GEPHI_COLUMNS | {"weight"}


class GephiNames(Exported):
    """Every attribute partnet writes survives Gephi's importers as an attribute, but the ones
    meant for Gephi: a node's label and a pair's weight."""

    def check(self, *args, meant=()):
        graphml, gexf = self.path("net.graphml"), self.path("net.gexf")
        self.export(NAMES, "--graphml", graphml, "--gexf", gexf, "--with-metrics", "all", *args)
        ns = "{http://graphml.graphdrawing.org/xmlns}"
        seen = set()
        for key in ET.parse(graphml).getroot().iter(ns + "key"):
            reserved = {"node": GEPHI_GRAPHML_NODE | GEPHI_COLUMNS,
                        "edge": GEPHI_GRAPHML_EDGE | GEPHI_EDGE_COLUMNS}.get(key.get("for"), set())
            for name in (key.get("id"), key.get("attr.name")):
                seen.add((key.get("for"), name))
                if (key.get("for"), key.get("attr.name")) not in meant:
                    self.assertNotIn(name.lower(), reserved, key.attrib)
        root = ET.parse(gexf).getroot()
        for attributes in root.iter("{%s}attributes" % root.tag[1:].split("}")[0]):
            reserved = GEPHI_EDGE_COLUMNS if attributes.get("class") == "edge" else GEPHI_COLUMNS
            for a in attributes:
                self.assertNotIn(a.get("id").lower(), reserved, a.attrib)
        return seen

    def test_nodes_and_agreements(self):
        seen = self.check(meant={("node", "label")})
        self.assertIn(("edge", "agreement_id"), seen)
        self.assertIn(("node", "dataset_id"), seen)

    def test_countries(self):
        self.check("--by-country", meant={("node", "label"), ("edge", "weight")})

    def test_pairs(self):
        self.check("--simple", meant={("node", "label"), ("edge", "weight")})


def read_gexf_13(path):
    """NetworkX's GEXF reader on a GEXF 1.3 file: NetworkX 2.8 knows the 1.1draft and 1.2draft
    namespaces only, so its reader is given 1.3's (as NetworkX 3 does)."""
    reader = nx.readwrite.gexf.GEXFReader(version="1.2draft")
    reader.set_version("1.2draft")
    reader.NS_GEXF = GEXF13_NS["g"]
    reader.NS_VIZ = "http://gexf.net/1.3/viz"
    reader.VERSION = "1.3"
    reader.xml = ET.parse(path)
    return reader.make_graph(reader.xml.find("{%s}graph" % reader.NS_GEXF))


class Gexf(Exported):
    def read(self, path, ns=GEXF_NS, version="1.2"):
        root = ET.parse(path).getroot()
        self.assertEqual(root.tag, "{%s}gexf" % ns["g"])
        self.assertEqual(root.get("version"), version)
        graph = root.find("g:graph", ns)
        self.assertEqual(graph.get("mode"), "dynamic")
        self.assertEqual(graph.get("timeformat"), "date")
        return graph

    @staticmethod
    def values(element):
        return {v.get("for"): v.get("value") for v in element.iterfind("g:attvalues/g:attvalue",
                                                                        GEXF_NS)}

    def test_each_agreement_lives_from_its_date_to_its_end(self):
        for data_path in (CIS, NAMES):
            with self.subTest(dataset=os.path.basename(data_path)):
                data = load(data_path)
                out = self.path("net.gexf")
                self.export(data_path, "--gexf", out)
                graph = self.read(out)
                edges = {self.values(e)["agreement_id"]: e
                         for e in graph.iterfind("g:edges/g:edge", GEXF_NS)}
                self.assertEqual(set(edges), {a["id"] for a in data["agreements"]})
                starts = {}
                for a in data["agreements"]:
                    e = edges[a["id"]]
                    self.assertEqual({e.get("source"), e.get("target")}, set(a["parties"]))
                    date, end = a.get("date"), a.get("end")
                    self.assertEqual(e.get("start"), first_day(date) if date else None, a["id"])
                    self.assertEqual(e.get("end"), last_day(end) if end else None, a["id"])
                    self.assertEqual(self.values(e).get("date"), date)
                    self.assertEqual(self.values(e).get("end_date"), end)
                    for p in a["parties"]:
                        starts.setdefault(p, []).append(first_day(date) if date else "")
                nodes = {n.get("id"): n for n in graph.iterfind("g:nodes/g:node", GEXF_NS)}
                self.assertEqual(set(nodes), {n["id"] for n in data["nodes"]})
                for n in data["nodes"]:
                    node = nodes[n["id"]]
                    self.assertEqual(node.get("label"), n["name"])
                    self.assertEqual(self.values(node)["country"], n["country"])
                    # from the first agreement; from the beginning with an undated one or none
                    first = min(starts.get(n["id"], [""]))
                    self.assertEqual(node.get("start"), first or None, n["id"])

    def assertNetworkxIntact(self, G, data):
        """What NetworkX's GEXF reader gives: every node and agreement with its values."""
        by_id = {n["id"]: n for n in data["nodes"]}
        self.assertEqual(set(G.nodes), set(by_id))
        for node_id, d in G.nodes(data=True):
            node = by_id[node_id]
            self.assertEqual(d["label"], node["name"])
            self.assertEqual(d["country"], node["country"])
            self.assertEqual(d["level"], node["level"])
            self.assertIs(d["first_level"], bool(node.get("first_level")))
            for key in ("lat", "lon"):
                self.assertEqual(d.get(key), node.get(key), key)
        edges = {d["agreement_id"]: (u, v, d) for u, v, d in G.edges(data=True)}
        self.assertEqual(set(edges), {a["id"] for a in data["agreements"]})
        for a in data["agreements"]:
            u, v, d = edges[a["id"]]
            self.assertEqual({u, v}, set(a["parties"]))
            self.assertEqual(d.get("date"), a.get("date"))
            self.assertEqual(d.get("end_date"), a.get("end"), "not overwritten by the end")
            self.assertEqual(d.get("end"), last_day(a["end"]) if a.get("end") else None)
            self.assertEqual(d["kind"], a["kind"])
            if a.get("date"):
                self.assertEqual(d["year"], int(a["date"][:4]))

    def test_networkx_reads_the_default_gexf_1_2(self):
        for data_path in (CIS, NAMES):
            with self.subTest(dataset=os.path.basename(data_path)):
                out = self.path("net.gexf")
                self.export(data_path, "--gexf", out)
                self.read(out)
                G = nx.read_gexf(out)
                pairs = [frozenset(a["parties"]) for a in load(data_path)["agreements"]]
                self.assertEqual(G.is_multigraph(), len(set(pairs)) < len(pairs))
                self.assertEqual(G.graph["mode"], "dynamic")
                self.assertNetworkxIntact(G, load(data_path))

    def test_gexf_1_3_on_request(self):
        for data_path in (CIS, NAMES):
            with self.subTest(dataset=os.path.basename(data_path)):
                out = self.path("net.gexf")
                self.export(data_path, "--gexf", out, "--gexf-version", "1.3")
                self.read(out, GEXF13_NS, "1.3")
                self.assertNetworkxIntact(read_gexf_13(out), load(data_path))
        r = run("--data", NAMES, "export", "--gexf", self.path("x.gexf"), "--gexf-version", "2")
        self.assertEqual(r.returncode, 2)
        self.assertIn("expected 1.2 or 1.3", r.stderr.decode())

    def test_countries_carry_weights_and_domestic_agreements(self):
        data = load(NAMES)
        out_gexf, out_graphml = self.path("countries.gexf"), self.path("countries.graphml")
        self.export(NAMES, "--by-country", "--gexf", out_gexf, "--graphml", out_graphml,
                    "--with-metrics", "degree,agreements")
        country = {n["id"]: n["country"] for n in data["nodes"]}
        weights, domestic = {}, {}
        for a in data["agreements"]:
            u, v = (country[p] for p in a["parties"])
            if u == v:
                domestic[u] = domestic.get(u, 0) + 1
            else:
                key = frozenset((u, v))
                weights[key] = weights.get(key, 0) + 1
        graph = self.read(out_gexf)
        got = {frozenset((e.get("source"), e.get("target"))): float(e.get("weight"))
               for e in graph.iterfind("g:edges/g:edge", GEXF_NS)}
        self.assertEqual(got, weights)
        G = nx.read_graphml(out_graphml)
        self.assertEqual(set(G.nodes), set(country.values()))
        for code, d in G.nodes(data=True):
            self.assertEqual(d["domestic"], domestic.get(code, 0), code)
            self.assertEqual(d["agreements"], sum(w for k, w in weights.items() if code in k))
        self.assertEqual({frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)},
                         weights)
        self.assertEqual({frozenset((u, v)): d["agreements"] for u, v, d in G.edges(data=True)},
                         weights)


class Simple(Exported):
    """--simple: one edge per pair of partners, as the metrics see the network (NetworkX: the
    Graph with weight = number of agreements)."""

    def assertSamePairs(self, got, expected):
        self.assertFalse(got.is_multigraph())
        self.assertEqual(set(got.nodes), set(expected.nodes))
        self.assertEqual({frozenset(e) for e in got.edges}, {frozenset(e) for e in expected.edges})
        for u, v, d in got.edges(data=True):
            self.assertIsInstance(d["weight"], float)
            self.assertEqual(d["weight"], expected[u][v]["weight"])
            self.assertIsInstance(d["agreements"], int)
            self.assertEqual(d["agreements"], expected[u][v]["weight"])

    def test_graphml_and_gexf_hold_the_weighted_simple_graph(self):
        for data_path in (CIS, NAMES):
            with self.subTest(dataset=os.path.basename(data_path)):
                data = load(data_path)
                graphml, gexf = self.path("s.graphml"), self.path("s.gexf")
                self.export(data_path, "--simple", "--graphml", graphml, "--gexf", gexf,
                            "--with-metrics", "degree,betweenness")
                expected = simple_graph(data)
                G = nx.read_graphml(graphml)
                G = nx.relabel_nodes(G, {k: d["dataset_id"] for k, d in G.nodes(data=True)})
                self.assertSamePairs(G, expected)
                self.assertSamePairs(nx.read_gexf(gexf), expected)
                betweenness = nx.betweenness_centrality(expected, normalized=False)
                for node, d in G.nodes(data=True):
                    self.assertEqual(d["degree"], expected.degree(node))
                    self.assertAlmostEqual(d["betweenness"], betweenness[node], places=9)
                g = igraph.Graph.Read_GraphML(graphml)
                self.assertEqual(g.ecount(), expected.number_of_edges())
                self.assertEqual(sum(g.es["weight"]), len(data["agreements"]))

    def test_the_edge_table_has_one_row_per_pair(self):
        data = load(NAMES)
        edges = self.path("pairs.csv")
        self.export(NAMES, "--simple", "--edges-csv", edges)
        with open(edges, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(list(rows[0]), ["source", "target", "weight", "agreements", "first_date"])
        expected = simple_graph(data)
        got = {frozenset((r["source"], r["target"])): r for r in rows}
        self.assertEqual(len(got), len(rows))
        self.assertEqual(set(got), {frozenset(e) for e in expected.edges})
        for (u, v), r in ((tuple(k), r) for k, r in got.items()):
            self.assertEqual(int(r["agreements"]), expected[u][v]["weight"])
            dates = [a["date"] for a in data["agreements"]
                     if set(a["parties"]) == {u, v} and a.get("date")]
            self.assertEqual(r["first_date"], min(dates, key=first_day) if dates else "")


class Tables(Exported):
    def test_the_tables_read_back_into_partnet_unchanged(self):
        data = load(NAMES)
        nodes, edges = self.path("nodes.csv"), self.path("edges.csv")
        self.export(NAMES, "--nodes-csv", nodes, "--edges-csv", edges)
        with open(nodes, encoding="utf-8", newline="") as f:
            rows = {r["id"]: r for r in csv.DictReader(f)}
        self.assertEqual(rows["by-a&b"]["name"], "A & B <Oblast>")
        self.assertEqual(rows["by-a&b"]["aliases"], 'A and B|"AB"')
        self.assertEqual(rows["by-town"]["lon"], "-0.30000000000000004")
        with open(edges, encoding="utf-8", newline="") as f:
            rows = {r["id"]: r for r in csv.DictReader(f)}
        self.assertEqual(rows["a1"]["note"], "first line\nsecond line")
        self.assertEqual(rows["a1"]["source_quote"], 'signed "in Yerevan" <2004>')
        # read back by partnet and exported again: the same nodes and agreements
        again = self.path("again.graphml")
        r = run("--data", edges, "--nodes", nodes, "export", "--graphml", again)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertValid(again, GRAPHML_XSD)
        self.assertGraphmlIntact(again, dict(data, title=None))

    def test_the_countries_registry_is_written_beside_and_read_back(self):
        data = load(CIS)
        folder = self.path("tables")
        os.mkdir(folder)
        self.export(CIS, "--nodes-csv", os.path.join(folder, "nodes.csv"),
                    "--edges-csv", os.path.join(folder, "edges.csv"))
        with open(os.path.join(folder, "countries.csv"), encoding="utf-8", newline="") as f:
            rows = {r["code"]: r for r in csv.DictReader(f)}
        for c in data["countries"]:
            regions = c.get("regions")
            count = regions.get("count") if isinstance(regions, dict) else regions
            extra = regions if isinstance(regions, dict) else {}
            self.assertEqual(rows[c["code"]]["regions"], "" if count is None else str(count))
            self.assertEqual(rows[c["code"]]["regions_year"], str(extra.get("year") or ""))
            self.assertEqual(rows[c["code"]]["regions_source"], extra.get("source") or "")
            if c.get("name"):
                self.assertEqual(rows[c["code"]]["name"], c["name"])
        # the same coverage (regions from the dataset) read from the JSON and from the tables
        for command in (["coverage", "--rollup"], ["info"]):
            from_json = run("--data", CIS, *command, "--format", "json")
            from_tables = run("--data", folder, *command, "--format", "json")
            self.assertEqual(from_tables.returncode, 0, from_tables.stderr.decode())
            got, expected = json.loads(from_tables.stdout), json.loads(from_json.stdout)
            if command[0] == "info":
                got, expected = got["countries"], expected["countries"]
            else:  # the reported figures came through reported.csv
                self.assertTrue(any(row.get("reported") for row in got))
            self.assertEqual(got, expected, command[0])

    def spaced_and_formula_tables(self):
        """Tables whose ids and names start or end with spaces, or with what a spreadsheet
        runs as a formula."""
        folder = self.path("hostile")
        os.mkdir(folder)
        with open(os.path.join(folder, "nodes.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)
            w.writerow(["id", "name", "country", "lat", "lon"])
            w.writerows([[" minsk ", " Minsk ", "BY", "53.9", "27.5"],
                         ["minsk", "Minsk", "BY", "", ""],
                         ["=cmd", '=HYPERLINK("http://x")', "BY", "", ""],
                         ["@sum", "+Kapan", "AM", "-39.2", "-46.4"],
                         ["tab", "\tTab", "AM", "", ""]])
        with open(os.path.join(folder, "edges.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)
            w.writerow(["source", "target", "note"])
            w.writerows([[" minsk ", "minsk", "-1 day"], ["=cmd", "@sum", " kept "],
                         ["tab", "minsk", "=1+1"]])
        return folder

    def test_spaces_at_either_end_read_back(self):
        """" Minsk " was written unquoted and read back as "Minsk": ids that differ by a
        space collided."""
        data = self.spaced_and_formula_tables()
        nodes, edges = self.path("nodes.csv"), self.path("edges.csv")
        self.export(data, "--nodes-csv", nodes, "--edges-csv", edges)
        with open(nodes, encoding="utf-8") as f:
            text = f.read()
        self.assertIn('" minsk "," Minsk "', text)
        again = self.path("again.csv")
        r = run("--data", edges, "--nodes", nodes, "export", "--nodes-csv", again)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        with open(again, encoding="utf-8") as f:
            self.assertEqual(f.read(), text, "read back and written again: the same bytes")

    def test_formulas_are_kept_exact_unless_asked(self):
        data = self.spaced_and_formula_tables()
        nodes, edges = self.path("nodes.csv"), self.path("edges.csv")
        self.export(data, "--nodes-csv", nodes, "--edges-csv", edges)
        with open(nodes, encoding="utf-8", newline="") as f:
            rows = {r["id"]: r for r in csv.DictReader(f)}
        self.assertEqual(rows["=cmd"]["name"], '=HYPERLINK("http://x")', "partnet's round trip")
        self.assertEqual(rows["@sum"]["name"], "+Kapan")

    def test_spreadsheet_safe_writes_formulas_as_text(self):
        data = self.spaced_and_formula_tables()
        nodes, edges = self.path("nodes.csv"), self.path("edges.csv")
        r = run("--data", data, "--spreadsheet-safe", "export", "--nodes-csv", nodes,
                "--edges-csv", edges)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        r = run("--data", data, "--spreadsheet-safe", "--format", "csv", "rank")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        ranked = self.path("rank.csv")
        with open(ranked, "wb") as f:
            f.write(r.stdout)
        for path in (nodes, edges, ranked):
            with open(path, encoding="utf-8", newline="") as f:
                cells = [c for row in csv.reader(f) for c in row]
            with self.subTest(path=os.path.basename(path)):
                for c in cells:
                    number = re.fullmatch(r"[-+]?[0-9.]+(e[-+]?[0-9]+)?", c)
                    self.assertFalse(c[:1] in ("=", "+", "-", "@", "\t", "\r") and not number,
                                     "a spreadsheet would run %r" % c)
                self.assertIn("'=cmd", cells)
        with open(nodes, encoding="utf-8", newline="") as f:
            rows = {r["id"]: r for r in csv.DictReader(f)}
        self.assertEqual(rows["'@sum"]["name"], "'+Kapan")
        self.assertEqual(rows["'@sum"]["lat"], "-39.2", "numbers stay numbers")
        self.assertEqual(rows["tab"]["name"], "'\tTab")

    def test_the_companion_tables_are_spreadsheet_safe_when_asked(self):
        data = self.path("formulas.json")
        with open(data, "w", encoding="utf-8") as f:
            json.dump({"format": "partnet/1", "title": "=1+1", "license": "@licence",
                       "documents": [{"id": "@doc", "title": "+title", "author": "-author"}],
                       "countries": [{"code": "BY", "note": "=note",
                                      "memberships": [{"org": "=org", "from": 1991}]}],
                       "nodes": [{"id": "=a", "name": "A", "country": "BY", "level": "city"},
                                 {"id": "b", "name": "B", "country": "BY", "level": "city"}],
                       "agreements": [{"id": "=x", "parties": ["=a", "b"], "kind": "twinning",
                                       "sources": [{"document": "@doc", "quote": "=q1"},
                                                   {"document": "@doc", "quote": "-q2"}]}],
                       "reported": [{"id": "r", "metric": "agreements", "countries": ["BY"],
                                     "value": 3, "description": "+d", "party": "=a",
                                     "source": {"document": "@doc", "location": "@p"}}]}, f)
        folder = self.path("safe")
        os.mkdir(folder)
        r = run("--data", data, "--spreadsheet-safe", "export", "--nodes-csv",
                os.path.join(folder, "nodes.csv"), "--edges-csv", os.path.join(folder, "edges.csv"))
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        for name in COMPANIONS:
            with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            with self.subTest(name=name):
                self.assertGreater(len(rows), 1 if name != "countries.csv" else 0)
                for c in (c for row in rows for c in row):
                    self.assertFalse(c[:1] in ("=", "+", "-", "@", "\t", "\r"),
                                     "a spreadsheet would run %r" % c)
        with open(os.path.join(folder, "sources.csv"), encoding="utf-8", newline="") as f:
            self.assertEqual(list(csv.reader(f))[1], ["'=x", "'@doc", "", "", "'-q2", ""])

    def test_pajek_reads_in_networkx_and_igraph(self):
        data = load(CIS)
        out = self.path("cis.net")
        self.export(CIS, "--pajek", out)
        G = nx.read_pajek(out)
        self.assertEqual(set(G.nodes), {n["id"] for n in data["nodes"]})
        self.assertEqual(sum(d["weight"] for _, _, d in G.edges(data=True)),
                         len(data["agreements"]))
        g = igraph.Graph.Read_Pajek(out)
        self.assertEqual(g.vcount(), len(data["nodes"]))
        self.assertEqual(sum(g.es["weight"]), len(data["agreements"]))


class Failures(Exported):
    def assertNothingLeft(self, keep=()):
        self.assertEqual(sorted(os.listdir(self.dir.name)), sorted(keep),
                         "no partial or temporary file")

    def test_usage_errors_are_exit_2(self):
        cases = [((), "nothing to write"),
                 (("--graphml", "-", "--gexf", "-"), "only one format"),
                 (("--graphml", "x.graphml", "--with-metrics", "degree,fame"), '"fame"'),
                 (("--graphml", "x.graphml", "--with-metrics", "degree,degree"), "twice"),
                 (("--graphml", "x.graphml", "--active"), "--active needs --as-of"),
                 (("--graphml", "x.graphml", "--country", "XX"), 'no country "XX"'),
                 (("--graphml", "x.graphml", "extra"), 'unexpected argument "extra"')]
        for args, message in cases:
            with self.subTest(args=args):
                r = run("--data", NAMES, "export", *args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr.decode())
                self.assertFalse(os.path.exists("x.graphml"))

    def test_a_missing_folder_is_exit_1_and_writes_nothing(self):
        target = self.path("missing/out.graphml")
        r = run("--data", NAMES, "export", "--graphml", target)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("missing/out.graphml: cannot write here", r.stderr.decode())
        self.assertNothingLeft()

    def test_a_full_disk_is_exit_1(self):
        r = run("--data", CIS, "export", "--gexf", "/dev/full")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("/dev/full: write failed", r.stderr.decode())
        with open("/dev/full", "wb") as full:
            r = run("--data", CIS, "export", "--graphml", "-", stdout=full)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("write", r.stderr.decode())

    def test_a_write_failing_midway_keeps_the_existing_file(self):
        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

        for option, name in (("--graphml", "out.graphml"), ("--gexf", "out.gexf"),
                             ("--edges-csv", "out.csv"), ("--pajek", "out.net")):
            with self.subTest(option=option):
                target = self.path(name)
                with open(target, "w") as f:
                    f.write("precious")
                r = run("--data", CIS, "export", option, target, preexec=small_files)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn("write failed", r.stderr.decode())
                with open(target) as f:
                    self.assertEqual(f.read(), "precious")
                os.unlink(target)
                self.assertNothingLeft()

    def test_same_input_same_bytes(self):
        names = ("a.graphml", "a.gexf", "a-nodes.csv", "a-edges.csv", "a.net")
        for prefix in ("one", "two"):
            self.export(CIS, "--with-metrics", "all",
                        *[arg for n in names for arg in
                          ({"graphml": "--graphml", "gexf": "--gexf", "net": "--pajek"}.get(
                              n.rsplit(".", 1)[1],
                              "--nodes-csv" if "nodes" in n else "--edges-csv"),
                           self.path(prefix + "-" + n))])
        for n in names:
            with open(self.path("one-" + n), "rb") as a, open(self.path("two-" + n), "rb") as b:
                self.assertEqual(a.read(), b.read(), n)




class RoundTrip(Exported):
    """JSON -> tables -> JSON: the companion tables beside edges.csv hold all that nodes.csv and
    edges.csv cannot (figures, memberships, documents, every source, title and licence), so the
    dataset read back from the tables writes the same native JSON, byte for byte."""

    def json_of(self, *data_args):
        out = self.path("out-%d.json" % len(os.listdir(self.dir.name)))
        r = run(*data_args, "export", "--json", out)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        with open(out, "rb") as f:
            return f.read()

    def tables(self, data, name):
        folder = self.path(name)
        os.makedirs(folder, exist_ok=True)
        nodes, edges = os.path.join(folder, "nodes.csv"), os.path.join(folder, "edges.csv")
        self.export(data, "--nodes-csv", nodes, "--edges-csv", edges)
        return folder, nodes, edges

    def test_json_tables_json_gives_the_same_bytes(self):
        for data in (CIS, CIS_WORLD, HOSTILE, NAMES):
            with self.subTest(data=os.path.basename(data)):
                folder, nodes, edges = self.tables(data, os.path.basename(data) + ".tables")
                self.assertEqual(sorted(os.listdir(folder)),
                                 sorted(COMPANIONS + ["nodes.csv", "edges.csv"]))
                expected = self.json_of("--data", data)
                for form in (("--data", folder), ("--data", edges),
                             ("--data", edges, "--nodes", nodes)):
                    self.assertEqual(self.json_of(*form), expected, " ".join(form))

    def test_what_the_round_trip_carries(self):
        """The datasets of the round trip have what the tables used to lose."""
        world = load(CIS_WORLD)
        several = [a for a in world["agreements"] if len(a.get("sources", [])) > 1]
        self.assertTrue(several and world["reported"] and world["documents"] and
                        world["license"] and any(c.get("memberships") for c in world["countries"])
                        and any(n.get("note") for n in world["nodes"]))
        folder, _, _ = self.tables(CIS_WORLD, "world")
        with open(os.path.join(folder, "sources.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), sum(len(a["sources"]) - 1 for a in several))
        a = several[0]
        self.assertEqual([r["document"] for r in rows if r["agreement"] == a["id"]],
                         [s["document"] for s in a["sources"][1:]])
        again = json.loads(self.json_of("--data", folder))
        self.assertEqual(again["reported"], world["reported"])
        self.assertEqual(again["documents"], world["documents"])
        self.assertEqual(again["license"], world["license"])

    def test_the_nodes_may_sit_elsewhere(self):
        """The companions are read beside the edge table, wherever nodes.csv is."""
        folder, nodes, edges = self.tables(CIS, "cis")
        elsewhere = self.path("elsewhere")
        os.mkdir(elsewhere)
        os.rename(nodes, os.path.join(elsewhere, "nodes.csv"))
        self.assertEqual(self.json_of("--data", edges, "--nodes",
                                      os.path.join(elsewhere, "nodes.csv")),
                         self.json_of("--data", CIS))

    def test_older_companions_are_replaced(self):
        """Every companion is written, a header alone when there is nothing to list, so that
        the world's sources and figures do not stay beside the tables of another dataset."""
        self.tables(CIS_WORLD, "t")
        folder, _, _ = self.tables(EXAMPLE, "t")
        with open(os.path.join(folder, "sources.csv"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "agreement,document,line,location,quote,url\n")
        self.assertEqual(self.json_of("--data", folder), self.json_of("--data", EXAMPLE))

    def test_missing_companions_mean_none(self):
        folder, _, _ = self.tables(CIS, "cis")
        for name in COMPANIONS:
            os.remove(os.path.join(folder, name))
        again = json.loads(self.json_of("--data", folder))
        self.assertEqual(again["reported"], [])
        self.assertEqual(again["documents"], [])
        self.assertNotIn("title", again)
        self.assertEqual(len(again["agreements"]), len(load(CIS)["agreements"]))

    def test_json_takes_no_view_option(self):
        r = run("--data", CIS, "export", "--as-of", "2010", "--json", self.path("x.json"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("--json writes the whole dataset", r.stderr.decode())
        self.assertFalse(os.path.exists(self.path("x.json")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
