// The query page of `kg serve`: sends the query to /query and shows the
// answer. Every value goes into the page as text (textContent), never as
// HTML, whatever the store holds.
"use strict";

function cell(term) {
  if (!term) return "";
  if (term.type === "uri") return "<" + term.value + ">";
  if (term.type === "bnode") return "_:" + term.value;
  return term.value;
}

function showTable(answer, results) {
  const table = document.createElement("table");
  if (typeof answer.boolean === "boolean") {
    table.insertRow().insertCell().textContent = String(answer.boolean);
  } else {
    const head = table.createTHead().insertRow();
    for (const name of answer.head.vars) {
      const th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of answer.results.bindings) {
      const row = body.insertRow();
      for (const name of answer.head.vars) row.insertCell().textContent = cell(binding[name]);
    }
  }
  results.replaceChildren(table);
}

async function run(event) {
  event.preventDefault();
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  status.textContent = "…";
  const started = performance.now();
  const response = await fetch("/query", {
    method: "POST",
    headers: {"Accept": "application/sparql-results+json, application/n-triples;q=0.9"},
    body: new URLSearchParams({query: document.getElementById("query").value}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  if (response.ok && type.startsWith("application/sparql-results+json")) {
    const answer = await response.json();
    showTable(answer, results);
    const rows = answer.results ? answer.results.bindings.length : 1;
    status.textContent = rows + " rows, " + seconds + " s";
  } else {
    const pre = document.createElement("pre");
    pre.className = response.ok ? "" : "error";
    pre.textContent = await response.text();
    results.replaceChildren(pre);
    status.textContent = response.status + ", " + seconds + " s";
  }
}

document.getElementById("query-form").addEventListener("submit", run);
