// The graph that grows: the page's node and its neighbours, drawn as `kg viz`
// draws them (groups, edge styles and words come from kg.view through
// #kg-config); clicking a node fetches /graph/neighbours and adds what is new;
// the filters hide activity edges by document, kind and year; "save" posts the
// shown nodes to /graph/save, which answers with the offline page `kg viz` writes.
// Strings reach the page only as text (textContent, vis-network labels drawn on
// the canvas); links are only the explorer's own paths.
(function () {
  "use strict";
  var container = document.getElementById("kg-graph");
  if (!container || typeof vis === "undefined") return;
  var CONFIG = JSON.parse(document.getElementById("kg-config").textContent);
  var status = document.getElementById("kg-graph-status"), info = document.getElementById("kg-graph-info");
  var fDoc = document.getElementById("kg-f-doc"), fKind = document.getElementById("kg-f-kind"),
      fYear = document.getElementById("kg-f-year");
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var expanded = new Set(), hrefs = new Map(), docColours = new Map(), choices = { doc: new Set(), kind: new Set(), year: new Set() };
  // phase marks (ms since navigation start), read by bench/bench_explore.py
  // (ready: the first neighbours are in; settling: the layout is still moving)
  var api = window.__kgExplore = { ready: false, settling: false, expanded: expanded, pending: 0, times: {} };

  function own(path) { return typeof path === "string" && path.charAt(0) === "/" && path.charAt(1) !== "/"; }

  function shown(edge) {
    var a = edge.act;
    if (!a) return true;
    return (!fDoc.value || a.d === fDoc.value) && (!fKind.value || a.k === fKind.value) &&
           (!fYear.value || String(a.y) === fYear.value);
  }
  var edgesView = new vis.DataView(edges, { filter: shown });
  var options = CONFIG.options;
  options.physics = { enabled: true, solver: "barnesHut",
                      barnesHut: { gravitationalConstant: -6000, springLength: 140, avoidOverlap: 0.2 },
                      stabilization: { enabled: true, iterations: 150, fit: true } };
  // each stabilisation step costs about n log n: a busy official's neighbourhood
  // (hundreds of nodes) took 1.3 s to draw with 120 steps, so a big graph gets
  // fewer; a small one keeps 120 (as the offline view does, kg.view.fr_iterations)
  function stabilisationSteps(count) {
    return Math.max(20, Math.min(120, Math.round(12000 / Math.max(1, count))));
  }
  options.interaction = Object.assign({}, options.interaction, { hover: true, tooltipDelay: 100000 });
  var network = new vis.Network(container, { nodes: nodes, edges: edgesView }, options);
  // the layout stands still once the bounded stabilisation is done: physics off, so that
  // nodes stay where the user drags them
  function settled() {
    network.setOptions({ physics: { enabled: false } });
    api.settling = false;
    api.times.stabilized = performance.now();
  }
  network.on("stabilizationIterationsDone", settled);
  network.on("stabilized", settled);

  function docColour(code) {
    if (!docColours.has(code)) {
      var i = docColours.size, pal = CONFIG.palette;
      docColours.set(code, i < pal.length ? pal[i] : "hsl(" + Math.round((i * 137.5) % 360) + ",60%,40%)");
    }
    return docColours.get(code);
  }

  function addChoice(select, set, value, text) {
    if (value === undefined || value === null || set.has(String(value))) return;
    set.add(String(value));
    var opt = document.createElement("option");
    opt.value = String(value);
    opt.textContent = text;
    select.appendChild(opt);
  }

  function edgeItem(e) {
    var style = CONFIG.styles[e.kind] || ["#9e9e9e", null, 1, ""];
    var item = { id: e.id, from: e.from, to: e.to, kind: e.kind, act: e.act, arrows: "to",
                 color: { color: style[0] }, dashes: style[1] || false, width: style[2] };
    if (e.act) {
      if (e.act.d) item.color = { color: docColour(e.act.d) };
      item.label = [e.act.d, e.act.dt].filter(Boolean).join(" · ") || CONFIG.words[e.act.k];
      addChoice(fDoc, choices.doc, e.act.d, e.act.d);
      addChoice(fKind, choices.kind, e.act.k, CONFIG.words[e.act.k] || e.act.k);
      addChoice(fYear, choices.year, e.act.y, String(e.act.y));
    } else if (e.lbl) {
      item.label = e.lbl;
    } else if (e.relation) {
      item.label = e.relation;
    }
    return item;
  }

  function say() {
    status.textContent = nodes.length + " nút (nodes), " + edgesView.length + "/" + edges.length + " cạnh (edges)";
  }

  function expand(iri) {
    if (expanded.has(iri)) return Promise.resolve();
    expanded.add(iri);
    api.pending += 1;
    status.textContent = "đang tải… (loading)";
    var at = nodes.get(iri) ? network.getPosition(iri) : { x: 0, y: 0 };
    return fetch("/graph/neighbours?iri=" + encodeURIComponent(iri), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var fresh = data.nodes.filter(function (n) { return !nodes.get(n.id); }).map(function (n, i) {
          hrefs.set(n.id, n.href);
          var angle = (2 * Math.PI * i) / Math.max(1, data.nodes.length);
          return { id: n.id, label: n.label, group: n.group, kind: n.kind,
                   x: at.x + 120 * Math.cos(angle), y: at.y + 120 * Math.sin(angle) };
        });
        nodes.add(fresh);
        edges.update(data.edges.map(edgeItem));
        if (data.truncated) info.textContent = "Chỉ hiện một phần các liên kết của nút này (only part of this node's links shown).";
        if (fresh.length) {
          api.settling = true;
          network.setOptions({ physics: { enabled: true } });
          network.stabilize(stabilisationSteps(nodes.length));
        }
        say();
      })
      .catch(function (err) { status.textContent = "lỗi (error) " + err.message; expanded.delete(iri); })
      .finally(function () { api.pending -= 1; });
  }

  function describe(id) {
    info.textContent = "";
    var n = nodes.get(id);
    if (!n) return;
    var strong = document.createElement("strong");
    strong.textContent = n.label;
    info.appendChild(strong);
    var href = hrefs.get(id);
    if (own(href)) {
      info.appendChild(document.createTextNode(" · "));
      var a = document.createElement("a");
      a.href = href;
      a.textContent = "mở trang (open its page)";
      info.appendChild(a);
    }
  }

  network.on("click", function (params) {
    if (params.nodes.length) { describe(params.nodes[0]); expand(params.nodes[0]); }
  });
  network.on("doubleClick", function (params) {
    var href = params.nodes.length && hrefs.get(params.nodes[0]);
    if (own(href)) location.href = href;
  });
  [fDoc, fKind, fYear].forEach(function (s) { s.addEventListener("change", function () { edgesView.refresh(); say(); }); });

  document.getElementById("kg-save").addEventListener("click", function () {
    var form = document.getElementById("kg-save-form");
    form.elements.nodes.value = nodes.getIds().join("\n");
    form.elements.expanded.value = Array.from(expanded).join("\n");
    form.submit();
  });

  api.nodes = function () { return nodes.get().map(function (n) { return { id: n.id, label: n.label, group: n.group }; }); };
  api.visibleEdges = function () { return edgesView.get().map(function (e) { return { id: e.id, act: e.act || null }; }); };
  api.expand = expand;
  api.network = network;
  expand(container.getAttribute("data-iri")).then(function () {
    api.times.ready = performance.now();
    api.ready = true;
  });
})();
