"""CSV tables for spreadsheet users, in a Popolo-like shape.

``export_csv(store, folder)`` writes six files, one SELECT each, from any
store (embedded or remote): persons, organizations, posts, memberships
(Popolo's membership-with-dates), activities and documents. The ``id``
column is the IRI, so the tables join on it and link back to the graph;
a cell with several values joins them with `` | ``. Files are UTF-8
(RFC 4180 quoting), dates ISO 8601 at the precision the sources give. A
cell a spreadsheet would run as a formula (a name beginning with ``=``,
``+``, ``-`` or ``@``) begins with a single quote
(kg.safe_output.spreadsheet_cell).
"""
from __future__ import annotations

import csv
from pathlib import Path

from kg.safe_output import spreadsheet_cell
from kg.schema import schema, specific_body_kinds

SEP = " | "


def _iris(entries) -> str:
    """``<iri>, <iri>, …`` of schema entries: the schema's terms, never user text."""
    return ", ".join(f"<{entry.iri}>" for entry in entries)


def _value_of_class(entries) -> str:
    """``IF(?class = <iri>, "value", IF(…))``: each class's schema value."""
    *firsts, last = entries
    return "".join(f'IF(?class = <{e.iri}>, "{e.value}", ' for e in firsts) + f'"{last.value}"' + ")" * len(firsts)


def _documents_query() -> str:
    """The documents table: a column of linked documents (``<relation>_ids``)
    for every relation between documents in kg/schema.yaml. A replacement
    is a repeal too (party:replaces ⊑ eli:repeals), so it is in both columns."""
    relations = [(entry.value, entry.iri) for entry in schema().document_relations]
    columns = "\n".join(f'       (GROUP_CONCAT(DISTINCT ?{name}; separator="{SEP}") AS ?{name}_ids)'
                        for name, _ in relations)
    links = "\n".join(f"  OPTIONAL {{ ?id <{iri}> ?{name}_doc BIND(STR(?{name}_doc) AS ?{name}) }}"
                      for name, iri in relations)
    return f"""
SELECT ?id ?identifier ?type ?date ?issuer_id ?issuer ?subject
{columns}
WHERE {{
  ?id a eli:LegalResource ; eli:id_local ?identifier .
  OPTIONAL {{ ?id eli:type_document/skos:notation ?type }}
  OPTIONAL {{ ?id eli:date_document ?date }}
  OPTIONAL {{ ?id eli:passed_by ?issuer_id OPTIONAL {{ ?issuer_id rdfs:label ?issuer }} }}
  OPTIONAL {{ ?id dcterms:subject ?subject }}
{links}
}}
GROUP BY ?id ?identifier ?type ?date ?issuer_id ?issuer ?subject
ORDER BY ?identifier ?id"""


# file name -> query; the columns are the query's variables, in order
TABLES: dict[str, str] = {
    "persons": f"""
SELECT ?id ?name (GROUP_CONCAT(DISTINCT ?prefix; separator="{SEP}") AS ?honorific_prefix)
       (GROUP_CONCAT(DISTINCT STR(?same); separator="{SEP}") AS ?same_as)
WHERE {{
  ?id a party:Official ; foaf:name ?name .
  OPTIONAL {{ ?id schema:honorificPrefix ?prefix }}
  OPTIONAL {{ ?id owl:sameAs|^owl:sameAs ?same }}
}}
GROUP BY ?id ?name ORDER BY ?name ?id""",
    "organizations": f"""
SELECT ?id ?name ?classification ?parent_id ?jurisdiction_id ?jurisdiction
       (GROUP_CONCAT(DISTINCT ?alt; separator="{SEP}") AS ?other_names)
WHERE {{
  ?id a org:Organization ; rdfs:label ?name .
  OPTIONAL {{ ?id a ?class FILTER(?class IN ({_iris(specific_body_kinds())})) }}
  BIND(COALESCE(STRAFTER(STR(?class), "#"), "Organization") AS ?classification)
  OPTIONAL {{ ?id org:subOrganizationOf ?parent_id }}
  OPTIONAL {{ ?id party:jurisdiction ?jurisdiction_id OPTIONAL {{ ?jurisdiction_id rdfs:label ?jurisdiction }} }}
  OPTIONAL {{ ?id skos:altLabel ?alt }}
}}
GROUP BY ?id ?name ?classification ?parent_id ?jurisdiction_id ?jurisdiction ORDER BY ?name ?id""",
    "posts": """
SELECT ?id ?label ?organization_id ?role_id ?role
WHERE {
  ?id a org:Post ; rdfs:label ?label ; org:postIn ?organization_id .
  OPTIONAL { ?id org:role ?role_id OPTIONAL { ?role_id skos:prefLabel ?role FILTER(LANG(?role) = "vi") } }
}
ORDER BY ?label ?id""",
    "memberships": f"""
SELECT ?id ?person_id ?post_id ?organization_id ?start_date ?end_date
       (MIN(?attested) AS ?attested_on) (MAX(?attested) AS ?last_attested)
       (GROUP_CONCAT(DISTINCT STR(?source); separator="{SEP}") AS ?sources)
WHERE {{
  ?id a org:Membership ; org:member ?person_id ; opengov:post ?post_id ; org:organization ?organization_id .
  OPTIONAL {{ ?id schema:validFrom ?start_date }}
  OPTIONAL {{ ?id schema:validThrough ?end_date }}
  # each source's dates from its own graph: a holding stated by many sources
  # is one row, and its dates are not multiplied by its sources
  OPTIONAL {{ ?id prov:wasDerivedFrom ?source OPTIONAL {{ GRAPH ?source {{ ?id party:attestedOn ?attested }} }} }}
}}
GROUP BY ?id ?person_id ?post_id ?organization_id ?start_date ?end_date
ORDER BY ?person_id ?start_date ?id""",
    "activities": f"""
SELECT ?id ?classification ?start_date ?end_date ?inspector_id ?inspector ?delegation_id ?leader_id ?leader
       (GROUP_CONCAT(DISTINCT STR(?target); separator="{SEP}") AS ?target_ids)
       (GROUP_CONCAT(DISTINCT ?targetLabel; separator="{SEP}") AS ?targets)
       ?document_id ?document
       (GROUP_CONCAT(DISTINCT ?topicText; separator="{SEP}") AS ?topic)
       (GROUP_CONCAT(DISTINCT STR(?source); separator="{SEP}") AS ?sources)
WHERE {{
  # classes by FILTER, not VALUES: pyoxigraph plans a VALUES list as a scan
  ?id party:inspector ?inspector_id ; a ?class .
  FILTER(?class IN ({_iris(schema().activity_kinds)}))
  BIND({_value_of_class(schema().activity_kinds)} AS ?classification)
  OPTIONAL {{ ?inspector_id rdfs:label ?inspector }}
  OPTIONAL {{ ?id schema:startDate ?start_date }}
  OPTIONAL {{ ?id schema:endDate ?end_date }}
  OPTIONAL {{ ?id party:delegation ?delegation_id }}
  OPTIONAL {{ ?id party:leader ?leader_id OPTIONAL {{ ?leader_id foaf:name ?leader }} }}
  OPTIONAL {{ ?id party:target ?target OPTIONAL {{ ?target rdfs:label ?targetLabel }} }}
  OPTIONAL {{ ?id party:underDocument ?document_id OPTIONAL {{ ?document_id eli:id_local ?document }} }}
  # sources that report one event word its topic each their own way: one row, every wording
  OPTIONAL {{ ?id party:topic ?topicText }}
  OPTIONAL {{ ?id prov:wasDerivedFrom ?source }}
}}
GROUP BY ?id ?classification ?start_date ?end_date ?inspector_id ?inspector ?delegation_id ?leader_id ?leader
         ?document_id ?document
ORDER BY ?start_date ?id""",
    "documents": _documents_query(),
}


def export_csv(store, folder: str | Path) -> list[Path]:
    """Write the six tables into ``folder`` (created if needed); returns the files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, query in TABLES.items():
        results = store.query(query)
        columns = [v.value for v in results.variables]
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for row in results:
                writer.writerow(["" if row[c] is None else spreadsheet_cell(row[c].value) for c in columns])
        written.append(path)
    return written
