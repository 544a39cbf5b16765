// The country by level: one node per level (central at the top, then
// province, district, commune, and officials), one edge per pair of levels
// with the number of activities as its label and width. Data comes from the
// page's JSON (#kg-flows) and reaches the canvas as text only.
(function () {
  "use strict";
  var container = document.getElementById("kg-levels");
  if (!container || typeof vis === "undefined") return;
  var DATA = JSON.parse(document.getElementById("kg-flows").textContent);
  var used = new Set();
  DATA.flows.forEach(function (f) { used.add(f.from); used.add(f.to); });
  // a level is [key, label, shape, colour] (kg/explore/overview.py's, from the schema's view styles)
  var nodes = DATA.levels.filter(function (l) { return used.has(l[0]); }).map(function (l, i) {
    // levels zigzag down the page so that an edge that skips a level is not hidden behind one
    var official = l[0] === "official";
    return { id: l[0], label: l[1], x: official ? 520 : (i % 2 ? 260 : -60), y: official ? 200 : i * 150,
             shape: l[2], size: 22, color: l[3] };
  });
  var max = Math.max.apply(null, DATA.flows.map(function (f) { return f.n; }).concat([1]));
  var edges = DATA.flows.map(function (f, i) {
    return { id: i, from: f.from, to: f.to, label: String(f.n), arrows: "to",
             width: 1 + 6 * Math.log(1 + f.n) / Math.log(1 + max), smooth: { type: "curvedCW", roundness: 0.2 },
             color: { color: "#546e7a" }, font: { size: 14, strokeWidth: 4, strokeColor: "#ffffff", background: "#ffffff" } };
  });
  var network = new vis.Network(container, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) },
    { physics: false, interaction: { hover: true }, nodes: { font: { size: 15 } }, edges: { selfReference: { size: 28 } } });
  network.fit();
  window.__kgOverview = { ready: true, edges: edges.length };
})();
