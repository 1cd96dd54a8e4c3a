// litgraph report: offline search over titles, authors and topics (index: search-index.js).
(function () {
  "use strict";
  var index = window.LITGRAPH_SEARCH || [];
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var KINDS = { work: "Work", factor: "Factor", domain: "Domain", outcome: "Outcome" };

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  index.forEach(function (e) {
    e.title = fold(e.t);
    e.all = fold(e.t + " " + e.a + " " + (e.y || ""));
  });

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      if (entry.all.indexOf(words[i]) < 0) return -1;
      total += entry.title.indexOf(words[i]) >= 0 ? 2 : 1;
    }
    return total;
  }

  function item(entry) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = entry.u;
    a.textContent = entry.t;
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = KINDS[entry.k] + " ";
    li.appendChild(kind);
    li.appendChild(a);
    if (entry.a || entry.y) {
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + [entry.a, entry.y].filter(Boolean).join(", ");
      li.appendChild(meta);
    }
    return li;
  }

  function run() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = "Type to search " + index.length + " entries."; return; }
    var hits = index.map(function (e) { return { e: e, s: score(e, words) }; })
      .filter(function (h) { return h.s >= 0; })
      .sort(function (x, y) { return y.s - x.s || x.e.title.localeCompare(y.e.title, undefined, { ignorePunctuation: true }); });
    hits.slice(0, 100).forEach(function (h) { list.appendChild(item(h.e)); });
    status.textContent = hits.length + (hits.length === 1 ? " match" : " matches") +
      (hits.length > 100 ? " (first 100 shown)" : "");
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  input.addEventListener("input", run);
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file: URLs */ }
    run();
  });
  run();
})();
