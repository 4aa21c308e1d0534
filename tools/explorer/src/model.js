// The network the page shows, read from the payload partnet writes (see payload.md): nodes,
// agreements, the partner pairs behind the edges, and what each filter needs, in flat arrays.

export const MEASURES = ["degree", "agreements", "betweenness", "closeness", "harmonic",
  "eigenvector", "pagerank", "coreness"];

function column(table, name, length, fill) {
  const values = table && table[name];
  return values || new Array(length).fill(fill);
}

function yearOf(date) {
  return date ? parseInt(date.slice(0, 4), 10) : NaN;
}

export function readModel(payload) {
  if (!payload || payload.format !== "partnet-explorer" || payload.version !== 1)
    throw new Error("this page's data is not partnet explorer data of version 1");
  const nodes = payload.nodes, agreements = payload.agreements;
  const n = nodes.id.length, a = agreements.a.length;
  const m = {
    payload,
    n,
    a,
    id: nodes.id,
    name: nodes.name,
    country: nodes.country,
    level: nodes.level,
    aliases: column(nodes, "aliases", n, []),
    lat: column(nodes, "lat", n, null),
    lon: column(nodes, "lon", n, null),
    countries: payload.countries,
    levels: payload.levels,
    kinds: payload.kinds,
    partyA: agreements.a,
    partyB: agreements.b,
    kind: agreements.kind,
    date: column(agreements, "date", a, null),
    end: column(agreements, "end", a, null),
    agreementId: column(agreements, "id", a, null),
    document: column(agreements, "document", a, null),
    line: column(agreements, "line", a, null),
    location: column(agreements, "location", a, null),
    quote: column(agreements, "quote", a, null),
    url: column(agreements, "url", a, null),
    note: column(agreements, "note", a, null),
    documents: payload.documents || { id: [] },
  };
  m.year = new Float64Array(a);
  m.endYear = new Float64Array(a);
  let first = Infinity, last = -Infinity, undated = 0;
  for (let i = 0; i < a; i++) {
    const y = yearOf(m.date[i]);
    m.year[i] = y;
    m.endYear[i] = m.end[i] ? yearOf(m.end[i]) : Infinity;
    if (Number.isNaN(y)) undated++;
    else {
      first = Math.min(first, y);
      last = Math.max(last, y);
    }
  }
  m.firstYear = first === Infinity ? null : first;
  m.lastYear = last === -Infinity ? null : last;
  m.undated = undated;

  // one edge per partner pair, as partnet's graph view merges them
  const pairIndex = new Map();
  m.pairOf = new Int32Array(a);
  const pairA = [], pairB = [], pairCount = [];
  m.nodeAgreements = Array.from({ length: n }, () => []);
  for (let i = 0; i < a; i++) {
    const u = m.partyA[i], v = m.partyB[i];
    const lo = Math.min(u, v), hi = Math.max(u, v), key = lo * n + hi;
    let p = pairIndex.get(key);
    if (p === undefined) {
      p = pairA.length;
      pairIndex.set(key, p);
      pairA.push(lo);
      pairB.push(hi);
      pairCount.push(0);
    }
    pairCount[p]++;
    m.pairOf[i] = p;
    m.nodeAgreements[u].push(i);
    m.nodeAgreements[v].push(i);
  }
  m.pairA = pairA;
  m.pairB = pairB;
  m.pairCount = pairCount;
  m.p = pairA.length;

  m.measures = MEASURES.filter((k) => payload.measures && payload.measures[k]);
  m.layouts = Object.keys(payload.layouts || {});
  m.community = payload.communities ? payload.communities.membership : null;

  // nodes per country, level, community; agreements per kind: for the counts beside filters
  m.countryNodes = new Array(m.countries.code.length).fill(0);
  m.levelNodes = new Array(m.levels.length).fill(0);
  for (let v = 0; v < n; v++) {
    m.countryNodes[m.country[v]]++;
    m.levelNodes[m.level[v]]++;
  }
  m.kindAgreements = new Array(m.kinds.length).fill(0);
  for (let i = 0; i < a; i++) m.kindAgreements[m.kind[i]]++;
  if (m.community) {
    m.communitySize = new Array(payload.communities.count).fill(0);
    for (let v = 0; v < n; v++) m.communitySize[m.community[v]]++;
  }
  return m;
}

// Which agreements, pairs and nodes a filter state keeps. An agreement is kept when its kind
// is kept, both its parties' levels are, it was signed by the end of the year (undated ones
// only without a year) and, with "in force", it has not ended before that year; with
// countries, when a party is in one of them (both, with "between").
export function visibility(m, s) {
  const agreements = new Uint8Array(m.a), pairs = new Uint8Array(m.p), nodes = new Uint8Array(m.n);
  const kinds = s.kinds, levels = s.levels, countries = s.countries;
  const year = s.year;
  let shownAgreements = 0, shownPairs = 0, shownNodes = 0;
  for (let i = 0; i < m.a; i++) {
    if (kinds && !kinds.has(m.kind[i])) continue;
    if (year !== null) {
      if (!(m.year[i] <= year)) continue;
      if (s.active && m.endYear[i] < year) continue;
    }
    const u = m.partyA[i], v = m.partyB[i];
    if (levels && !(levels.has(m.level[u]) && levels.has(m.level[v]))) continue;
    if (countries) {
      const cu = countries.has(m.country[u]), cv = countries.has(m.country[v]);
      if (s.between ? !(cu && cv) : !(cu || cv)) continue;
    }
    agreements[i] = 1;
    shownAgreements++;
    const p = m.pairOf[i];
    if (!pairs[p]) {
      pairs[p] = 1;
      shownPairs++;
    }
    if (!nodes[u]) {
      nodes[u] = 1;
      shownNodes++;
    }
    if (!nodes[v]) {
      nodes[v] = 1;
      shownNodes++;
    }
  }
  return { agreements, pairs, nodes, shownAgreements, shownPairs, shownNodes };
}
