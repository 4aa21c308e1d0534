// Search by name or alias, ignoring case and accents ("minsk" finds "Minsk", "bagcilar"
// finds "Bağcılar"): the exact name first, then names that start with the text, then names
// with a word that does, then names that contain it; among equals, the best connected first.

export function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/ı/g, "i").replace(/\s+/g, " ").trim();
}

export function searchIndex(m) {
  const names = new Array(m.n), aliases = new Array(m.n);
  for (let v = 0; v < m.n; v++) {
    names[v] = fold(m.name[v]);
    aliases[v] = (m.aliases[v] || []).map(fold);
  }
  return { names, aliases };
}

function score(text, query) {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  const at = text.indexOf(query);
  if (at < 0) return -1;
  return /[\s\-'(.,/]/.test(text[at - 1]) ? 2 : 3;
}

// Up to `limit` matches: {node, score, alias (the alias matched, or null)}.
export function search(m, index, query, order, limit) {
  const q = fold(query);
  if (!q) return [];
  const found = [];
  for (let v = 0; v < m.n; v++) {
    let best = score(index.names[v], q), alias = null;
    const list = index.aliases[v];
    for (let k = 0; k < list.length; k++) {
      const s = score(list[k], q);
      if (s >= 0 && (best < 0 || s + 0.5 < best)) {
        best = s + 0.5;
        alias = m.aliases[v][k];
      }
    }
    if (best >= 0) found.push({ node: v, score: best, alias });
  }
  found.sort((x, y) => x.score - y.score || order[x.node] - order[y.node]);
  return found.slice(0, limit);
}
