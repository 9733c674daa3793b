/* The workforce pressures explorer in the static book: every area, every measure, computed in the browser.
 *
 * The page carries the area table once, as compact JSON (<script type="application/json" class="swl-areas-data">),
 * and this script draws from it: the figure's traces, the summary sentence and the data table come from the same
 * numbers. It mirrors swleadership.explorers.pressures.pressures_update(short=True) exactly, including Python's
 * rounding, and the tests compare the two for several areas and measures.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script && script.closest(".swl-areas");
  if (!root || root.getAttribute("data-ready")) { return; }
  root.setAttribute("data-ready", "1");
  var D = JSON.parse(root.querySelector("script.swl-areas-data").textContent);
  var T = D.traces;  // trace indices: area, england, adult, area_yoy, england_yoy
  var years = D.years;
  var byId = {}, M = {}, ORDER = [];
  D.measures.forEach(function (m, i) { M[m[0]] = { i: i, label: m[1], unit: m[2], kind: m[3] }; ORDER.push(m[0]); });
  D.series.forEach(function (s) {  // short keys on the page (see pressures.areas_payload); long names here
    s.id = s.i; s.label = s.l; s.group = s.g; s.years = s.y || years; s.notes = s.n;
    s.level = { N: "National", R: "Regional", L: "Local authority" }[s.k];
    s.vals = s.v.map(function (row) { return row.map(function (x) { return x === null ? null : x / 10; }); });
    var c = {};  // codes arrive as [measure index, year index, code]: index them
    s.c.forEach(function (t) { (c[ORDER[t[0]]] = c[ORDER[t[0]]] || {})[t[1]] = t[2]; });
    s.codes = c;
    byId[s.id] = s;
  });
  var q = function (sel) { return root.querySelector(sel); };
  var measureSel = q(".swl-areas-measure"), areaSel = q(".swl-areas-area"), find = q(".swl-areas-find");
  var status = q(".swl-areas-status"), summary = q(".swl-summary"), notes = q(".swl-areas-notes");
  var tableBox = q(".swl-areas-table"), gd = q(".js-plotly-plot") || q(".plotly-graph-div");

  /* Python's round(): half to even when the scaled value is exactly halfway, else to nearest. */
  function pyRound(x, nd) {
    var f = Math.pow(10, nd || 0), s = x * f, fl = Math.floor(s), r;
    if (s - fl === 0.5) { r = (fl % 2 === 0) ? fl : fl + 1; } else { r = Math.round(s); }
    r = r / f;
    return (r === 0 && (x < 0 || Object.is(x, -0))) ? -0 : r;
  }
  function fixed(x, nd) {
    var v = pyRound(x, nd), neg = v < 0 || Object.is(v, -0);
    var s = Math.abs(v).toLocaleString("en-GB", { minimumFractionDigits: nd, maximumFractionDigits: nd });
    return (neg ? "-" : "") + s;
  }
  function fmtNum(x) {  // swleadership.explorers._base.fmt_num
    if (x === null || x === undefined) { return "–"; }
    return (Math.abs(x) >= 1000 || Number.isInteger(x)) ? fixed(x, 0) : fixed(x, 1);
  }
  function signed(x) { var s = fixed(x, 1); return s.charAt(0) === "-" ? s : "+" + s; }
  function level(v, kind) { return v.map(function (x) { return x === null ? null : (kind === "count" ? pyRound(x, 0) : pyRound(x, 1)); }); }
  function yoy(v, kind) {  // swleadership.models.yoy_change, then round(., 1)
    var out = [null];
    for (var i = 1; i < v.length; i++) {
      var a = v[i - 1], b = v[i], d;
      if (a === null || b === null) { d = null; }
      else if (kind === "count") { d = a === 0 ? null : 100 * (b - a) / a; }
      else { d = b - a; }
      out.push(d === null ? null : pyRound(d, 1));
    }
    return out;
  }
  function values(s, m) { return s.vals[M[m].i]; }
  function code(s, m, i) {  // as pressures._values: the row's code, "x" if none, "no row" for a year the area lacks
    if (s.years.indexOf(years[i]) < 0) { return "no row"; }
    return (s.codes[m] && s.codes[m][i]) || (values(s, m)[i] === null ? "x" : "");
  }

  function state(m, sid) {
    var label = M[m].label, unit = M[m].unit, kind = M[m].kind;
    var s = byId[sid], e = byId[D.england], isEng = sid === D.england;
    var av = values(s, m), ev = values(e, m);
    var ad = D.adult[m];
    var traces = {};
    traces[T.area] = { y: level(av, kind) };
    traces[T.england] = { y: level(ev, kind), visible: !isEng };
    traces[T.area_yoy] = { y: yoy(av, kind) };
    traces[T.england_yoy] = { y: yoy(ev, kind), visible: !isEng };
    traces[T.adult] = ad ? { x: ad.x, y: ad.y, visible: true } : { x: [], y: [], visible: false };
    var changeUnit = kind === "count" ? "% change" : (unit === "%" ? "change in points" : "change (" + unit + ")");
    var layout = { "title.text": label + ": " + s.label,
                   "yaxis.title.text": unit !== "FTE" ? unit : "FTE (full-time equivalent)",
                   "yaxis2.title.text": changeUnit };
    var u = unit === "%" ? "%" : " " + unit, last = null, i;
    for (i = years.length - 1; i >= 0; i--) { if (av[i] !== null) { last = i; break; } }
    var parts = [];
    if (last !== null) {
      var y = years[last], v = av[last], ee = ev[last];
      parts.push(s.label + ", " + y + ": " + fmtNum(v) + u + ((isEng || ee === null) ? "" : " (England " + fmtNum(ee) + u + ")"));
      var yo = yoy(av, kind)[last];
      if (yo !== null) {
        parts.push("change on " + (y - 1) + ": " + signed(yo) + (kind === "count" ? "%" : (unit === "%" ? " points" : " " + unit)));
      }
    } else {
      parts.push(s.label + ": no value for these years");
    }
    var text = parts.join("; ") + ".";
    var missing = [];
    for (i = 0; i < years.length; i++) {
      if (av[i] === null) {
        var c = code(s, m, i);
        missing.push(c === "no row" ? years[i] + " (area not in the data that year)" : years[i] + " (" + c + ": " + (D.codes[c] || c) + ")");
      }
    }
    if (missing.length) { text += " Gaps, not zeros: " + missing.join(", ") + "."; }
    return { traces: traces, layout: layout, summary: text };
  }

  function esc(t) { return String(t).replace(/[&<>"]/g, function (ch) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[ch]; }); }
  function table(sid) {
    var s = byId[sid], ms = ORDER;
    var head = "<tr><th scope=\"col\">Year</th>" + ms.map(function (m) { return "<th scope=\"col\">" + esc(M[m].label) + "</th>"; }).join("") + "</tr>";
    var rows = years.map(function (y, i) {
      return "<tr><th scope=\"row\">" + y + "</th>" + ms.map(function (m) {
        var v = values(s, m)[i], c = code(s, m, i);
        return "<td>" + (v !== null ? esc(fmtNum(v)) : esc(c === "no row" ? "no row" : c + " (" + (D.codes[c] || c) + ")")) + "</td>";
      }).join("") + "</tr>";
    }).join("");
    return "<table class=\"swl-table\"><caption>" + esc(s.label) + ": every measure and year (DfE)</caption><thead>" + head +
      "</thead><tbody>" + rows + "</tbody></table>";
  }

  function draw() {
    var m = measureSel.value, sid = areaSel.value;
    if (!byId[sid] || !M[m]) { return; }
    var st = state(m, sid), s = byId[sid];
    summary.textContent = st.summary;
    notes.innerHTML = s.notes.length ? "<p><strong>About this area:</strong></p><ul>" + s.notes.map(function (n) { return "<li>" + esc(D.notes[n]) + "</li>"; }).join("") + "</ul>" : "";
    tableBox.innerHTML = table(sid);
    function apply() {
      var P = window.Plotly;
      Object.keys(st.traces).forEach(function (i) {
        var upd = {}, patch = st.traces[i];
        Object.keys(patch).forEach(function (k) { upd[k] = [patch[k]]; });
        P.restyle(gd, upd, [parseInt(i, 10)]);
      });
      P.relayout(gd, st.layout);
      root.setAttribute("data-drawn", m + "|" + sid);
    }
    if (window.Plotly && gd && gd.data) { apply(); }
    else if (gd) { gd.addEventListener("swl:figure-ready", apply, { once: true }); }
  }

  function fill(filter) {
    var f = (filter || "").trim().toLowerCase(), groups = {}, order = [], n = 0;
    D.series.forEach(function (s) {
      if (f && s.label.toLowerCase().indexOf(f) < 0) { return; }
      var g = s.group;
      if (!groups[g]) { groups[g] = []; order.push(g); }
      groups[g].push(s);
      n += 1;
    });
    var keep = areaSel.value, html = "";
    order.forEach(function (g) {
      html += "<optgroup label=\"" + esc(g) + "\">" + groups[g].map(function (s) {
        return "<option value=\"" + esc(s.id) + "\">" + esc(s.label) + "</option>";
      }).join("") + "</optgroup>";
    });
    areaSel.innerHTML = html;
    var kept = Array.prototype.filter.call(areaSel.options, function (o) { return o.value === keep; })[0];
    if (kept && (!f || kept.text.toLowerCase().indexOf(f) === 0)) {
      areaSel.value = keep;  // still the best match: stay
    } else if (n) {
      areaSel.value = f ? matchFirst(f) : D.england;
    }
    return n;
  }
  function matchFirst(f) {  // prefer a name that starts with the text, then any match
    var opts = Array.prototype.slice.call(areaSel.options);
    var starts = opts.filter(function (o) { return o.text.toLowerCase().indexOf(f) === 0; });
    return (starts[0] || opts[0]).value;
  }

  measureSel.addEventListener("change", draw);
  areaSel.addEventListener("change", draw);
  var timer = null;
  find.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var f = find.value.trim(), before = areaSel.value, n = fill(f);
      if (!f) { status.textContent = "Showing every area (" + D.series.length + ")."; }
      else if (!n) { status.textContent = "No area matches “" + f + "”. Try fewer letters."; fill(""); areaSel.value = before; return; }
      else { status.textContent = n + (n === 1 ? " area matches" : " areas match") + " “" + f + "”: showing " + areaSel.options[areaSel.selectedIndex].text + "."; }
      draw();
    }, 120);
  });
  fill("");
  areaSel.value = D.england;
  root.swlAreas = { state: state, ids: D.series.map(function (s) { return s.id; }) };  // for the tests
  draw();
})();
