// Filters of the evidence map, offline: window.LITGRAPH_MAP (assets/map-data.js) gives each
// finding's filter values; every map cell lists its findings in data-findings. The filter
// state is the query string (map.html?design=...&trial-evidence=no), so a view can be shared.
(function () {
  "use strict";
  var MARKS = {"facilitator": "+", "barrier": "\u2212", "benefit": "+", "harm": "\u2212",
               "no difference": "=", "mixed": "\u00b1"};
  var ORDER = {"domain": ["facilitator", "barrier"], "outcome": ["benefit", "mixed", "no difference", "harm"]};

  function wanted(form) {
    var state = {};
    form.querySelectorAll("select[data-filter]").forEach(function (s) { if (s.value) state[s.name] = s.value; });
    return state;
  }

  function passes(id, state) {
    var values = window.LITGRAPH_MAP[id];
    if (!values) return false;
    return Object.keys(state).every(function (key) {
      var have = values[key];
      return Array.isArray(have) ? have.indexOf(state[key]) >= 0 : have === state[key];
    });
  }

  function chips(ids, axis) {
    var key = axis === "outcome" ? "direction" : "polarity", counts = {};
    ids.forEach(function (id) { var v = window.LITGRAPH_MAP[id].mark[key]; if (v) counts[v] = (counts[v] || 0) + 1; });
    return ORDER[axis].filter(function (v) { return counts[v]; }).map(function (v) {
      return '<span class="chip d-' + v.replace(/ /g, "-") + '">' + MARKS[v] + counts[v] + "</span>";
    }).join("");
  }

  function update(cell, state, axis) {
    var all = cell.getAttribute("data-findings").split(" ");
    var kept = all.filter(function (id) { return passes(id, state); });
    var n = cell.querySelector(".n");
    if (n) n.textContent = String(kept.length);
    else cell.textContent = String(kept.length);
    var c = cell.querySelector(".chips");
    if (c) c.innerHTML = chips(kept, axis);
    cell.classList.toggle("filtered-out", kept.length === 0);
    return kept.length;
  }

  function apply(form) {
    var state = wanted(form), shown = 0;
    document.querySelectorAll("table.map").forEach(function (table) {
      var axis = table.id === "outcome-map" ? "outcome" : "domain";
      table.querySelectorAll("[data-findings]").forEach(function (cell) { shown += update(cell, state, axis); });
    });
    var query = new URLSearchParams(state).toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    var keys = Object.keys(state);
    document.getElementById("filter-status").textContent = keys.length
      ? "Filtered: " + keys.map(function (k) { return k + " = " + state[k]; }).join(", ") + "."
      : "";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("map-filters");
    if (!form || !window.LITGRAPH_MAP) return;
    var params = new URLSearchParams(location.search);
    form.querySelectorAll("select[data-filter]").forEach(function (s) {
      if (params.get(s.name)) s.value = params.get(s.name);
    });
    form.hidden = false;
    form.addEventListener("change", function () { apply(form); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(form); }, 0); });
    apply(form);
  });
})();
