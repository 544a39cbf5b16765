// Search as you type: the box asks /search?format=json and lists the matches.
// Every string goes into the page as text (textContent); a link's address is
// only ever one of the explorer's own paths.
(function () {
  "use strict";
  var box = document.getElementById("kg-q"), list = document.getElementById("kg-suggest");
  if (!box || !list) return;
  var timer = null, asked = 0, active = -1;

  function own(path) { return typeof path === "string" && path.charAt(0) === "/" && path.charAt(1) !== "/"; }

  function show(results) {
    list.textContent = "";
    active = -1;
    results.forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.textContent = r.label;
      if (own(r.href)) a.href = r.href;
      li.appendChild(a);
      var extra = [r.kindLabel, r.province, r.post].filter(Boolean).join(" · ");
      var span = document.createElement("span");
      span.className = "kind";
      span.textContent = " " + extra;
      li.appendChild(span);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); if (own(r.href)) location.href = r.href; });
      list.appendChild(li);
    });
    list.hidden = results.length === 0;
  }

  function ask() {
    var q = box.value.trim(), mine = ++asked;
    if (!q) { show([]); return; }
    fetch("/search?format=json&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { if (mine === asked) show(data.results); })
      .catch(function () { /* the form still works */ });
  }

  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 120); });
  box.addEventListener("keydown", function (ev) {
    var items = list.querySelectorAll("li");
    if (!items.length) return;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.classList.toggle("active", i === active); });
    } else if (ev.key === "Enter" && active >= 0) {
      ev.preventDefault();
      var a = items[active].querySelector("a");
      if (a && a.getAttribute("href")) location.href = a.getAttribute("href");
    } else if (ev.key === "Escape") {
      list.hidden = true;
    }
  });
  box.addEventListener("blur", function () { setTimeout(function () { list.hidden = true; }, 150); });
})();
