"""The explorer's Flask app: routes, content negotiation, and the guards
(Host check, read-only, a strict Content-Security-Policy).

The store is opened read-only by the caller and shared by the request
threads (pyoxigraph reads concurrently). Nothing here writes: every route is
a GET but ``/graph/save``, a POST whose answer is a download made from the
shown nodes.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
from functools import cache

import pyoxigraph as ox
from flask import Flask, Response, abort, jsonify, render_template, request

from kg.endpoint import allowed_hosts, host_allowed
from kg.explore import entity, neighbours, sparql
from kg.explore.entity import ACTIVITY_WORDS
from kg.explore.links import href, iri_of_path
from kg.explore.overview import LEVEL_LABELS, LEVEL_ORDER, LEVEL_STYLES, Overview
from kg.explore.search import Searcher
from kg.view import DOC_PALETTE, EDGE_STYLES, GROUPS, legend_entry, vis_options
from kg.vocab import PREFIXES

CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
RDF_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD}
FORMAT_NAMES = {"ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@cache
def _vis_files() -> tuple[str, str]:
    from kg.view import _vis_assets   # the vis-network that pyvis bundles: nothing is downloaded
    return _vis_assets()


def graph_config() -> dict:
    """What the page needs to draw like `kg viz`: node groups, edge styles, words."""
    return {"options": vis_options("physics", 0), "styles": {k: [s[0], s[1] or None, s[2], s[3]]
                                                            for k, s in EDGE_STYLES.items()},
            "groups": {g: legend_entry(g) for g in GROUPS}, "words": ACTIVITY_WORDS,
            "palette": DOC_PALETTE}


def create_app(store, *, host: str = "127.0.0.1", port: int = 7879, extra_hosts=(), warm: bool = False) -> Flask:
    """The explorer over ``store`` (opened read-only by the caller). With
    ``warm``, the search keys are read and the overview counted in a
    background thread at once (seconds on the national graph), so that the
    first keystroke and the first overview do not wait for them."""
    app = Flask(__name__)
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False
    hosts = allowed_hosts(host, port, extra_hosts)
    wildcard = host in ("0.0.0.0", "::")
    searcher = Searcher(store)
    overview = Overview(store)
    app.extensions["kg_explore"] = {"store": store, "searcher": searcher, "overview": overview}
    if warm:
        threading.Thread(target=lambda: (searcher.index, overview.counts), name="kg-explore-warm", daemon=True).start()

    @app.before_request
    def check_host():
        # a page of another site cannot reach us through a name it controls (DNS rebinding)
        if not host_allowed(request.headers.get("Host"), hosts, wildcard):
            abort(403, description="this explorer answers only for the address it is bound to")

    @app.after_request
    def guard(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.errorhandler(400)
    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(405)
    def error(exc):
        return render_template("error.html", code=exc.code, message=exc.description), exc.code

    @app.get("/")
    def home():
        return render_template("home.html")

    @app.get("/search")
    def search():
        q = request.args.get("q", "")[:200]
        results = searcher.results(q) if q.strip() else []
        wants_json = request.args.get("format") == "json" or \
            request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"
        if wants_json:
            return jsonify({"q": q, "results": results})
        return render_template("search.html", q=q, results=results)

    def entity_response(iri: str):
        on = request.args.get("on")
        if on is not None and not DATE.match(on):
            abort(400, description=f"on={on!r}: give a date as YYYY-MM-DD")
        wanted = FORMAT_NAMES.get(request.args.get("format", ""))
        if wanted is None:
            best = request.accept_mimetypes.best_match(["text/html", *RDF_TYPES])
            wanted = best if best in RDF_TYPES and request.accept_mimetypes[best] > \
                request.accept_mimetypes["text/html"] else None
        try:
            if wanted:
                body = ox.serialize(entity.describe(store, iri), format=RDF_TYPES[wanted],
                                    **({"prefixes": PREFIXES} if wanted == "text/turtle" else {}))
                response = Response(body, mimetype=wanted)
            else:
                page = entity.page(store, iri, on=on)
                response = Response(render_template("entity.html", page=page, config=graph_config(),
                                                    self_href=href(iri), today=on or dt.date.today().isoformat()))
        except entity.NotFound:
            abort(404, description=f"nothing in the graph is called {iri}")
        response.headers["Vary"] = "Accept"
        return response

    @app.get("/id/<path:rest>")
    def by_path(rest: str):
        return entity_response(iri_of_path(rest))

    @app.get("/entity")
    def by_iri():
        iri = request.args.get("iri", "")
        if not iri:
            abort(400, description="give iri=…")
        return entity_response(iri)

    @app.get("/graph/neighbours")
    def graph_neighbours():
        iri = request.args.get("iri", "")
        try:
            ox.NamedNode(iri)
        except ValueError:
            abort(400, description="iri=… must be an IRI")
        return jsonify(neighbours.neighbourhood(store, iri).to_json())

    @app.post("/graph/save")
    def graph_save():
        iris = request.form.get("nodes", "").split()[:neighbours.MAX_SAVED_NODES]
        expanded = request.form.get("expanded", "").split()[:neighbours.MAX_SAVED_NODES]
        try:
            [ox.NamedNode(i) for i in iris + expanded]
        except ValueError:
            abort(400, description="nodes must be IRIs, one a line")
        if not iris:
            abort(400, description="nothing to save: the graph is empty")
        title = (request.form.get("title") or "Party KG")[:200]
        page = neighbours.saved_page(store, iris, expanded or iris, title)
        return Response(page, mimetype="text/html",
                        headers={"Content-Disposition": 'attachment; filename="party-kg.html"'})

    @app.get("/overview")
    def country():
        year = request.args.get("year", "")
        kind = request.args.get("kind", "")
        if year and not year.isdigit():
            abort(400, description=f"year={year!r}: give a year such as 2023")
        if kind and kind not in ACTIVITY_WORDS:
            abort(400, description=f"kind={kind!r}: one of {', '.join(ACTIVITY_WORDS)}")
        province = request.args.get("province", "")
        year_n, kind_v = (int(year) if year else None), (kind or None)
        years, kinds = overview.years_and_kinds()
        context = {"years": years, "kinds": kinds, "year": year_n, "kind": kind_v, "words": ACTIVITY_WORDS,
                   "levels": [[key, LEVEL_LABELS[key], *LEVEL_STYLES[key]] for key in LEVEL_ORDER]}
        if province:
            if overview.counts.province_of.get(province) != province:
                abort(404, description=f"no province in the graph is called {province}")
            units = sparql.select(store, "children", x=ox.NamedNode(province))
            context.update(province={"iri": province, "title": overview.counts.labels[province]}, provinceHref=href(province),
                           flows=overview.flows(year_n, kind_v, province), bodies=overview.bodies_in(province),
                           units=sorted(({"href": href(r["child"]), "text": r["label"] or r["child"]} for r in units),
                                        key=lambda u: u["text"]))
        else:
            context.update(flows=overview.flows(year_n, kind_v),
                           provinces=overview.provinces(year_n, kind_v))
        return render_template("overview.html", **context)

    @app.get("/vis/vis-network.min.js")
    def vis_script():
        return Response(_vis_files()[0], mimetype="text/javascript",
                        headers={"Cache-Control": "max-age=86400"})

    @app.get("/vis/vis-network.css")
    def vis_style():
        return Response(_vis_files()[1], mimetype="text/css", headers={"Cache-Control": "max-age=86400"})

    return app
