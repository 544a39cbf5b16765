"""``kg explore``: a local, read-only web app over the store for staff who
start from a name: search as you type, a page for every entity at a path that
mirrors its IRI (HTML, Turtle or JSON-LD by content negotiation), a graph
that grows from the page, and the country's oversight aggregated by level.

Flask and Jinja2 (autoescaping) serve templates and static files shipped in
this package; every query is a named ``.rq`` file in ``queries/`` whose
values are bound (kg.binding), never pasted. See docs/explore.md.
"""
