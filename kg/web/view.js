(function () {
  "use strict";
  // phase marks (ms since navigation start), read by bench/bench_view.py
  var T = window.__kgTimes = { start: performance.now() };
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  T.parsed = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fold(s) {
    return String(s).replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  // Every string from the data goes in as text; a link is an <a> whose href
  // is set only for http(s).
  function infoElement(info) {
    var box = el("div", "kg-info");
    box.appendChild(el("div", "tip-title", info.t));
    (info.l || []).forEach(function (pair) {
      var row = el("div");
      row.appendChild(el("span", "tip-key", pair[0] + ": "));
      row.appendChild(document.createTextNode(pair[1]));
      box.appendChild(row);
    });
    (info.e || []).forEach(function (sentence) { box.appendChild(el("blockquote", null, sentence)); });
    (info.s || []).forEach(function (source) {
      var row = el("div");
      row.appendChild(el("span", "tip-key", "Nguồn: "));
      if (/^https?:\/\//i.test(source[0])) {
        var a = el("a", null, source[1]);
        a.href = source[0];
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        row.appendChild(a);
      } else {
        row.appendChild(document.createTextNode(source[1] + " (" + source[0] + ")"));
      }
      box.appendChild(row);
    });
    return box;
  }

  // What the data leaves to the page (every MB of it is read, decoded and
  // parsed before anything is drawn): an edge's id is its place in the
  // list, its colour its kind's; an activity's edges take their kind of activity,
  // document, year and label from the activity, and an inspection's edge
  // its document's colour. A small view's edges take their width and
  // dashes by kind, and a curve when second or later between the same two
  // nodes (a big view's lines take theirs in rebuildOverview and paintLines).
  var docColours = new Map(DATA.legend.documents.map(function (d) { return [d[0], d[1]]; }));
  DATA.edges.forEach(function (e, i) {
    var style = DATA.styles[e.kind];
    e.id = i;
    e.color = style[3];
    if (e.act !== undefined) {
      var act = DATA.acts[e.act];
      e.akind = act.k;
      if (act.d) e.doc = act.d;
      if (act.y) e.year = act.y;
      if (e.kind === "led") {
        e.lbl = DATA.words.led + (act.dt ? " · " + act.dt : "");
      } else {
        if (act.d) e.color = docColours.get(act.d);
        e.lbl = [act.d, act.dt].filter(Boolean).join(" · ") || DATA.words[act.k];
      }
    }
    if (DATA.detailed) {
      if (e.lbl !== undefined) { e.label = e.lbl; delete e.lbl; }
      e.width = style[0];
      if (style[1]) e.dashes = style[1];
      if (e.sm) e.smooth = { enabled: true, type: "curvedCW", roundness: 0.25 * e.sm };
    }
  });
  // a node's name is its label; a big view gives the network a label only
  // for the nodes in sight once they are big enough to read (labelInView)
  DATA.nodes.forEach(function (n) { n.name = n.label; if (DATA.lazyLabels) delete n.label; });
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  T.datasets = performance.now();
  var visibleNodes = null, visibleEdges = null;   // null: no in-page filter
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return !visibleNodes || visibleNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return !visibleEdges || visibleEdges.has(e.id); } });
  // A big view gives vis-network no edges to build (its cost per edge:
  // EDGE_DETAIL_LIMIT in kg/view.py). The page joins all edges of one kind
  // and colour between the same two nodes into one line (overview), paints
  // the lines itself, one path per stroke style, before vis-network draws
  // the nodes on top (paintLines), and finds the line under the pointer
  // itself (lineAt). Only the lines around a clicked node go to vis-network
  // (drawn), which draws them with labels and arrows. Hovering or clicking
  // a line shows every edge it stands for. A small view gives vis-network
  // every edge.
  var big = !DATA.detailed;
  var drawn = big ? new vis.DataSet() : null;
  // line: {from, to, kind, colour, k: its place among the lines between the
  // same two nodes (0 straight, then curved further and further), members:
  // the ids of the edges it stands for}
  var overview = [];
  var strokes = [];   // {colour, width, dashes, lines: [index into overview]}
  function rebuildOverview() {
    var lineOf = new Map(), pairs = new Map(), strokeAt = new Map();
    overview.length = 0;
    strokes.length = 0;
    // (straight from the data: a DataView's forEach copies every item)
    DATA.edges.forEach(function (e) {
      if (visibleEdges && !visibleEdges.has(e.id)) return;
      // (e.color: a string; only a small view dims its edges, making it an object)
      var c = e.color, key = e.from + ">" + e.to + ">" + e.kind + ">" + c, i = lineOf.get(key);
      if (i === undefined) {
        var pair = Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to), k = pairs.get(pair) || 0;
        pairs.set(pair, k + 1);
        i = overview.length;
        overview.push({ from: e.from, to: e.to, kind: e.kind, colour: c, k: k, members: [] });
        lineOf.set(key, i);
        var style = c + ">" + e.kind, stroke = strokeAt.get(style);
        if (stroke === undefined) {
          stroke = { colour: c, width: DATA.styles[e.kind][0], dashes: DATA.styles[e.kind][1] || [], lines: [] };
          strokeAt.set(style, stroke);
          strokes.push(stroke);
        }
        stroke.lines.push(i);
      }
      overview[i].members.push(e.id);
    });
  }
  if (big) rebuildOverview();
  // the edges a line (big view) or edge (small view) stands for
  function edgesOf(id) { return big ? overview[id].members.map(function (i) { return edges.get(i); }) : [edges.get(id)]; }
  function drawnLabel(id) {
    var list = edgesOf(id), first = list[0].lbl;
    return first === undefined ? undefined : first + (list.length > 1 ? " (+" + (list.length - 1) + ")" : "");
  }
  // A physics view needs the lines as springs while it settles: it gives
  // them to vis-network hidden (hidden edges still pull), and takes them
  // back once the simulation stops.
  if (big && DATA.layout === "physics") {
    drawn.add(overview.map(function (line, i) { return { id: i, from: line.from, to: line.to, hidden: true }; }));
  }
  var network = new vis.Network($("kg-network"), { nodes: nodesView, edges: drawn || edgesView }, DATA.options);
  T.network = performance.now();

  // --- a big view's lines, painted by the page ----------------------------------
  // vis-network's curvedCW control point for roundness 0.25 k (the curve a
  // second or later edge between two nodes gets in a small view), so that a
  // line keeps its shape when a click hands it to vis-network
  function control(line, a, b) {
    var round = 0.25 * line.k, dx = b.x - a.x, dy = a.y - b.y, reach = (0.5 * round + 0.5) * Math.sqrt(dx * dx + dy * dy);
    var angle = Math.atan2(dy, dx) + (0.5 * round + 0.5) * Math.PI;
    return { x: a.x + reach * Math.sin(angle), y: a.y + reach * Math.cos(angle) };
  }
  var LOOP = 12;   // a line from a node to itself: a circle of this radius (k: a wider one) by the node
  function loopOf(line, a) { var r = LOOP * (line.k + 1); return { x: a.x + 0.7 * r, y: a.y - 0.7 * r, r: r }; }
  var lit = new Set();   // the lines vis-network draws (around a clicked node): not painted
  // vis-network calls this with its context in network coordinates, before
  // it draws the nodes. Node positions are read from vis-network's own node
  // objects (network.body.nodes), as it draws them: a node being dragged
  // takes its lines along, and getPositions() would copy every node each frame.
  function paintLines(ctx) {
    var at = network.body.nodes, scale = network.getScale();
    ctx.save();
    // while a node's neighbourhood is lit, every painted line is dimmed
    ctx.globalAlpha = highlighted ? 0.08 : 1;
    strokes.forEach(function (stroke) {
      ctx.beginPath();
      stroke.lines.forEach(function (i) {
        if (lit.has(i)) return;
        var line = overview[i], a = at[line.from], b = at[line.to];
        if (a === undefined || b === undefined) return;
        if (a === b) {
          var o = loopOf(line, a);
          ctx.moveTo(o.x + o.r, o.y);
          ctx.arc(o.x, o.y, o.r, 0, 2 * Math.PI);
        } else {
          ctx.moveTo(a.x, a.y);
          if (line.k) { var c = control(line, a, b); ctx.quadraticCurveTo(c.x, c.y, b.x, b.y); }
          else ctx.lineTo(b.x, b.y);
        }
      });
      ctx.strokeStyle = stroke.colour;
      // widths in network units, as vis-network draws edges: lines thicken
      // as one zooms in, never thinner than 0.3 screen pixels
      ctx.lineWidth = Math.max(stroke.width, 0.3 / scale);
      ctx.setLineDash(stroke.dashes);
      ctx.stroke();
    });
    ctx.restore();
  }
  // squared distance from (x, y) to the segment from (x1, y1) to (x2, y2)
  function segmentDistance2(x, y, x1, y1, x2, y2) {
    var dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
    var t = len2 ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2)) : 0;
    var ex = x1 + t * dx - x, ey = y1 + t * dy - y;
    return ex * ex + ey * ey;
  }
  var CURVE_STEPS = 8;
  // The painted line nearest (x, y), in network coordinates, within 6 screen
  // pixels, or null. A curve is measured as 8 chords along it: they stray
  // from it by 1/128 of the control point's distance from the middle of
  // the straight line, well within the tolerance, where that one straight
  // line would miss a curve's middle entirely.
  function lineAt(x, y) {
    var at = network.body.nodes, tolerance = 6 / network.getScale(), best = null, bestDistance = tolerance * tolerance;
    for (var i = 0; i < overview.length; i++) {
      var line = overview[i], a = at[line.from], b = at[line.to], d;
      if (a === undefined || b === undefined) continue;
      if (a === b) {
        var o = loopOf(line, a), off = Math.sqrt((x - o.x) * (x - o.x) + (y - o.y) * (y - o.y)) - o.r;
        d = off * off;
      } else if (!line.k) {
        d = segmentDistance2(x, y, a.x, a.y, b.x, b.y);
      } else {
        var c = control(line, a, b), px = a.x, py = a.y;
        d = Infinity;
        for (var s = 1; s <= CURVE_STEPS; s++) {
          var t = s / CURVE_STEPS, u = 1 - t;
          var qx = u * u * a.x + 2 * u * t * c.x + t * t * b.x, qy = u * u * a.y + 2 * u * t * c.y + t * t * b.y;
          d = Math.min(d, segmentDistance2(x, y, px, py, qx, qy));
          px = qx; py = qy;
        }
      }
      if (d <= bestDistance) { bestDistance = d; best = i; }
    }
    return best;
  }
  if (big) network.on("beforeDrawing", paintLines);

  window.kgView = { network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, drawn: drawn,
                   overview: overview, lineAt: lineAt,
                   info: function (id) { return nodeInfo(nodes.get(id)); },
                   edgeInfo: function (id) { return edgeInfo(edges.get(id)); } };

  function ready() {
    if (window.__kgReady !== undefined) return;
    window.__kgReady = T.drawn = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  if (DATA.layout === "physics") {
    // bounded: after the fixed stabilisation iterations the simulation stops
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      if (big) drawn.clear();   // the springs: from now on the lines are painted
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.fit({ animation: false });
    // fit() knows the nodes but not their labels: leave room for those
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
    network.once("afterDrawing", ready);
  }

  // --- legend ----------------------------------------------------------------
  var legend = $("kg-legend");
  legend.appendChild(el("h2", null, "Nút (nodes)"));
  DATA.legend.nodes.forEach(function (g) {
    var row = el("div", "row");
    var glyph = el("span", "glyph", g[2]);
    glyph.style.color = g[3];
    row.appendChild(glyph);
    row.appendChild(document.createTextNode(" " + g[1]));
    legend.appendChild(row);
  });
  legend.appendChild(el("h2", null, "Cạnh (edges)"));
  DATA.legend.edges.forEach(function (k) {
    var row = el("div", "row");
    var line = el("span", "line");
    line.style.borderTopStyle = k[3] ? "dashed" : "solid";
    line.style.borderTopColor = k[2];
    row.appendChild(line);
    row.appendChild(document.createTextNode(k[1]));
    legend.appendChild(row);
  });
  if (DATA.legend.documents.length) {
    legend.appendChild(el("h2", null, "Văn bản (documents)"));
    DATA.legend.documents.slice(0, 15).forEach(function (d) {
      var row = el("div", "row");
      var line = el("span", "line");
      line.style.borderTopStyle = "solid";
      line.style.borderTopColor = d[1];
      row.appendChild(line);
      row.appendChild(document.createTextNode(d[0] + " (" + d[2] + ")"));
      legend.appendChild(row);
    });
    if (DATA.legend.documents.length > 15) {
      legend.appendChild(el("div", "row", "… và " + (DATA.legend.documents.length - 15) + " văn bản khác: chọn ở bộ lọc"));
    }
  }

  // --- hover tooltips and click details --------------------------------------
  var tooltip = $("kg-tooltip"), details = $("kg-details"), detailsBody = $("kg-details-body");
  // one info, or a list of them (a drawn edge that stands for several)
  function infoBox(infos) {
    if (!Array.isArray(infos)) return infoElement(infos);
    var box = el("div");
    infos.slice(0, 12).forEach(function (info) { box.appendChild(infoElement(info)); });
    if (infos.length > 12) box.appendChild(el("div", "tip-key", "… và " + (infos.length - 12) + " cạnh khác"));
    return box;
  }
  function edgeInfos(id) {
    var list = edgesOf(id);
    return list.length === 1 ? edgeInfo(list[0]) : list.map(edgeInfo);
  }
  function showTooltip(info, pointer) {
    tooltip.replaceChildren(infoBox(info));
    var main = $("kg-main");
    tooltip.style.display = "block";
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tooltip.offsetWidth > main.clientWidth) x = Math.max(0, pointer.x - tooltip.offsetWidth - 14);
    if (y + tooltip.offsetHeight > main.clientHeight) y = Math.max(0, pointer.y - tooltip.offsetHeight - 14);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTooltip(nodeInfo(nodes.get(p.node)), p.pointer.DOM); });
  // --- what a tooltip shows, made when it is shown --------------------------
  function labelOf(id) { return nodes.get(id).name; }
  function lines(pairs) {
    return pairs.filter(function (p) { return p[1] !== undefined && p[1] !== null && p[1] !== ""; })
                .map(function (p) { return [p[0], String(p[1])]; });
  }
  function period(a, b) { return a || b ? (a || "…") + " – " + (b || "nay") : null; }
  var adjacency = null;   // node id -> {in: [edges], out: [edges]}, made at the first hover
  function around(id, kind, incoming) {
    if (!adjacency) {
      adjacency = new Map();
      var slot = function (n) { var s = adjacency.get(n); if (!s) { s = { in: [], out: [] }; adjacency.set(n, s); } return s; };
      edges.forEach(function (e) { slot(e.from).out.push(e); slot(e.to).in.push(e); });
    }
    var s = adjacency.get(id);
    return s ? s[incoming ? "in" : "out"].filter(function (e) { return e.kind === kind; }) : [];
  }
  function names(id, kind, incoming) {
    return around(id, kind, incoming).map(function (e) { return labelOf(incoming ? e.from : e.to); }).join(", ");
  }
  function nodeInfo(n) {
    var f = n.f || {}, id = n.id, info = { t: f.title || n.name, l: [] };
    if (n.kind === "organisation") {
      info.l = lines([["Loại", DATA.orgKinds[n.group] || n.group], ["Trực thuộc", names(id, "sub_organisation", true)],
                      ["Địa bàn", names(id, "jurisdiction", false)]].concat(
        around(id, "holds", true).map(function (e) { return ["Cán bộ", (e.label || e.lbl || "") + " – " + labelOf(e.from)]; })));
    } else if (n.kind === "place") {
      info.l = lines([["Loại", f.ut], ["Mã", f.code], ["Thuộc", names(id, "contains", true)], ["Hiệu lực", period(f.vf, f.vt)]]);
    } else if (n.kind === "official") {
      info.l = lines([["Danh xưng", f.hon]].concat(around(id, "holds", false).map(function (e) {
        var h = e.f || {};
        return ["Chức vụ", (h.post || "") + (h.vf || h.vt ? " (" + period(h.vf, h.vt) + ")" : "")
                           + (h.att ? " – ghi nhận " + h.att : "")];
      })));
    } else if (n.kind === "document") {
      info.l = lines([["Ngày", f.date], ["Trích yếu", f.subj], ["Ban hành", names(id, "issued", true)]]);
      info.e = f.ev || []; info.s = f.src || [];
    }
    return info;
  }
  function edgeInfo(e) {
    if (e.act === undefined) {
      var a = labelOf(e.from), b = labelOf(e.to);
      if (e.kind === "holds") {
        var h = e.f || {};
        return { t: h.post || (e.label || e.lbl || "") + " " + b,
                 l: lines([["Cán bộ", a], ["Từ", h.vf], ["Đến", h.vt], ["Ghi nhận ngày", h.att]]),
                 e: h.ev || [], s: h.src || [] };
      }
      if (e.kind === "document_link") return { t: a + " " + (e.label || e.lbl) + " " + b };
      return { t: a + " → " + b, l: [["Quan hệ", DATA.styles[e.kind][2]]] };
    }
    var act = DATA.acts[e.act];
    return { t: DATA.words[act.k] + ": " + (act.i || "") + " → " + labelOf(e.to),
             l: lines([["Văn bản", act.d], ["Ngày", act.dt], ["Trưởng đoàn", act.ld], ["Nội dung", act.tp]]),
             e: act.e || [], s: act.s || [] };
  }
  network.on("hoverEdge", function (p) { showTooltip(edgeInfos(p.edge), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  // vis-network knows nothing of the painted lines: the page hit-tests them
  // under the pointer, once a frame, whenever vis-network has no node or
  // edge of its own there (those have their own tooltips)
  if (big) {
    var box = $("kg-network"), onVis = { node: false, edge: false }, hoveredLine = null, pointerEvent = null, frame = 0;
    network.on("hoverNode", function () { onVis.node = true; });
    network.on("blurNode", function () { onVis.node = false; });
    network.on("hoverEdge", function () { onVis.edge = true; });
    network.on("blurEdge", function () { onVis.edge = false; });
    var hoverLine = function () {
      frame = 0;
      var r = box.getBoundingClientRect(), at = { x: pointerEvent.clientX - r.left, y: pointerEvent.clientY - r.top };
      var onLine = null;
      if (!pointerEvent.buttons && !onVis.node && !onVis.edge) {
        var c = network.DOMtoCanvas(at);
        onLine = lineAt(c.x, c.y);
      }
      if (onLine === hoveredLine) return;
      if (onLine !== null) showTooltip(edgeInfos(onLine), at);
      else if (!onVis.node && !onVis.edge) hideTooltip();
      hoveredLine = onLine;
    };
    box.addEventListener("mousemove", function (e) {
      pointerEvent = e;
      if (!frame) frame = requestAnimationFrame(hoverLine);
    });
    box.addEventListener("mouseleave", function () {
      if (frame) { cancelAnimationFrame(frame); frame = 0; }
      if (hoveredLine !== null) { hoveredLine = null; hideTooltip(); }
    });
    // a drag or zoom hides the tooltip: the line under the pointer is shown again at the next move
    network.on("dragStart", function () { hoveredLine = null; });
    network.on("zoom", function () { hoveredLine = null; });
  }

  // --- a big view's node labels, given when they can be read -------------------
  // vis-network measures every label it is given while it builds the network
  // and fits the view, even those too small to draw (under 5 px on screen,
  // as all are when 2,000 nodes fit the screen); a big view gives labels
  // only to the nodes in sight once the zoom makes them readable.
  var labelled = new Set(), labelTimer = null;
  function labelInView() {
    labelTimer = null;
    if (!DATA.lazyLabels || network.getScale() * 14 < 5) return;
    var box = $("kg-network"), pad = 150;
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
    var positions = network.getPositions(), todo = [];
    Object.keys(positions).forEach(function (key) {
      var p = positions[key], id = Number(key);
      if (labelled.has(id) || p.x < a.x - pad || p.x > b.x + pad || p.y < a.y - pad || p.y > b.y + pad) return;
      labelled.add(id);
      todo.push({ id: id, label: nodes.get(id).name });
    });
    if (todo.length) nodes.update(todo);
  }
  function labelSoon() { if (DATA.lazyLabels && !labelTimer) labelTimer = setTimeout(labelInView, 100); }
  network.on("zoom", labelSoon);
  network.on("dragEnd", labelSoon);
  function showDetails(info) {
    detailsBody.replaceChildren(infoBox(info));
    details.style.display = "block";
  }
  $("kg-details-close").addEventListener("click", function () { details.style.display = "none"; clearHighlight(); });

  // --- neighbourhood highlight -------------------------------------------------
  var highlighted = false;
  // A small view dims the edges outside the neighbourhood. An edge's colour
  // is a string as the data gives it, an object once dimmed.
  function colourOf(e) { return typeof e.color === "string" ? e.color : e.color.color; }
  function dimEdges(nodeId) {
    var keepEdges = new Set(network.getConnectedEdges(nodeId));
    edges.update(edges.get().map(function (e) {
      var on = keepEdges.has(e.id), c = colourOf(e);
      return { id: e.id, font: { color: on ? "#37474f" : "rgba(55,71,79,0.12)" },
               color: { color: c, highlight: c, hover: c, opacity: on ? 1 : 0.08 } };
    }));
  }
  // A big view hands the lines touching the node to vis-network, which
  // draws them with labels and arrows; the page paints the others dimmed.
  // The neighbours come from those lines: vis-network holds no others.
  function lightLines(nodeId) {
    var keepNodes = new Set([nodeId]), items = [];
    lit.clear();
    overview.forEach(function (line, i) {
      if (line.from !== nodeId && line.to !== nodeId) return;
      keepNodes.add(line.from);
      keepNodes.add(line.to);
      lit.add(i);
      var style = DATA.styles[line.kind], label = drawnLabel(i);
      var item = { id: i, from: line.from, to: line.to, color: line.colour, width: style[0],
                   arrows: { to: { enabled: true, scaleFactor: 0.5 } } };
      if (style[1]) item.dashes = style[1];
      if (line.k) item.smooth = { enabled: true, type: "curvedCW", roundness: 0.25 * line.k };
      if (label !== undefined) item.label = label;
      items.push(item);
    });
    drawn.clear();
    drawn.add(items);
    return keepNodes;
  }
  function highlight(nodeId) {
    var keepNodes = big ? lightLines(nodeId) : new Set(network.getConnectedNodes(nodeId).concat([nodeId]));
    nodes.update(nodes.get({ fields: ["id"] }).map(function (n) {
      var on = keepNodes.has(n.id);
      return { id: n.id, opacity: on ? 1 : 0.15, font: { color: on ? "#263238" : "#cfd8dc" } };
    }));
    if (!big) dimEdges(nodeId);
    highlighted = true;
  }
  function clearHighlight() {
    if (!highlighted) return;
    nodes.update(nodes.get({ fields: ["id"] }).map(function (n) { return { id: n.id, opacity: 1, font: { color: "#263238" } }; }));
    if (big) {
      lit.clear();
      drawn.clear();
    } else {
      edges.update(edges.get().map(function (e) {
        var c = colourOf(e);
        return { id: e.id, font: { color: "#37474f" }, color: { color: c, highlight: c, hover: c, opacity: 1 } };
      }));
    }
    highlighted = false;
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    labelInView();
    highlight(id);
    showDetails(nodeInfo(nodes.get(id)));
  }
  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) { highlight(p.nodes[0]); showDetails(nodeInfo(nodes.get(p.nodes[0]))); }
    else if (p.edges.length) { clearHighlight(); showDetails(edgeInfos(p.edges[0])); }
    else {
      clearHighlight();
      var line = big ? lineAt(p.pointer.canvas.x, p.pointer.canvas.y) : null;
      if (line !== null) showDetails(edgeInfos(line));
      else details.style.display = "none";
    }
  });

  // --- search ------------------------------------------------------------------
  var search = $("kg-search"), status = $("kg-status"), matches = [], matchAt = -1, lastQuery = null;
  function runSearch() {
    var q = fold(search.value.trim());
    if (!q) return;
    if (q !== lastQuery) {
      lastQuery = q;
      matches = nodesView.getIds({ filter: function (n) { return fold(n.name).indexOf(q) >= 0; } });
      matchAt = -1;
    }
    if (!matches.length) { status.textContent = "Không tìm thấy (no match)"; return; }
    matchAt = (matchAt + 1) % matches.length;
    focusNode(matches[matchAt]);
    status.textContent = (matchAt + 1) + "/" + matches.length + ": " + nodes.get(matches[matchAt]).name;
  }
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") runSearch(); });
  $("kg-search-go").addEventListener("click", runSearch);

  // --- in-page filters ---------------------------------------------------------
  function addOptions(select, values, text) {
    values.forEach(function (v) { var o = el("option", null, text(v)); o.value = String(v); select.appendChild(o); });
  }
  var docSel = $("kg-doc"), kindSel = $("kg-kind"), yearSel = $("kg-year");
  addOptions(docSel, DATA.legend.documents.map(function (d) { return d[0]; }), function (v) { return v; });
  addOptions(kindSel, DATA.kinds, function (v) { return DATA.words[v] || v; });
  addOptions(yearSel, DATA.years, function (v) { return v; });
  function applyFilters() {
    var doc = docSel.value, kind = kindSel.value, year = yearSel.value;
    clearHighlight();
    if (!doc && !kind && !year) {
      visibleNodes = visibleEdges = null;
    } else {
      visibleNodes = new Set(); visibleEdges = new Set();
      edges.forEach(function (e) {
        if (e.akind && (!doc || e.doc === doc) && (!kind || e.akind === kind) && (!year || String(e.year) === year)) {
          visibleEdges.add(e.id); visibleNodes.add(e.from); visibleNodes.add(e.to);
        }
      });
      if (doc) nodes.forEach(function (n) { if (n.kind === "document" && n.name === doc) visibleNodes.add(n.id); });
      edges.forEach(function (e) {
        if (!e.akind && visibleNodes.has(e.from) && visibleNodes.has(e.to)) visibleEdges.add(e.id);
      });
    }
    nodesView.refresh(); edgesView.refresh();
    if (big) {
      rebuildOverview();
      network.redraw();
    }
    lastQuery = null;
    status.textContent = nodesView.length + " nút, " + edgesView.length + " cạnh";
  }
  [docSel, kindSel, yearSel].forEach(function (s) { s.addEventListener("change", applyFilters); });
  status.textContent = nodes.length + " nút, " + edges.length + " cạnh";
})();
