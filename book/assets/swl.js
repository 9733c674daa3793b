/* The book's interactive components, for the static book (no kernel, no network).
 *
 * Every component is plain HTML written by the Python package (swleadership) with its data in a
 * <script type="application/json">; this script finds them (elements with data-swl) and wires native controls:
 *   figures    - every plotly figure is an empty graph div plus its JSON (script.swl-plotly). plotly.js (the
 *                book's partial bundle, vendor/plotly-swl.min.js) is fetched only when the first figure of a
 *                page comes near the screen; then every figure is drawn, one per task, and a bubbling
 *                "swl:figure-ready" event is dispatched on each graph div (.js-plotly-plot) once it is drawn.
 *   explorer   - labelled <select>/<input type=range>/radio/checkbox -> Plotly.restyle/relayout of precomputed states
 *   quiz       - radio buttons + "Check answer" -> feedback per answer in a live region
 *   sorter     - a <select> per item + "Check my answers" -> feedback per item and a score
 *   journal    - <textarea>s saved to localStorage; export all reflections as Markdown; clear this chapter
 *   assessment - ratings -> radar chart, gap table, downloadable action plan; saved to localStorage
 * Nothing is sent anywhere. Loaded once per page by the book; inlined by the package in JupyterLab/Voila.
 */
(function () {
  "use strict";
  if (window.SWL && window.SWL.version) { return; }

  var SELF = document.currentScript && document.currentScript.src;
  var PLOTLY_SRC = SELF ? SELF.replace(/swl\.js(\?.*)?$/, "vendor/plotly-swl.min.js") : null;
  var JOURNAL_PREFIX = "swl-journal:";
  var ASSESS_PREFIX = "swl-assessment:";

  function data(el, cls) {
    var s = el.querySelector("script.swl-" + cls);
    return s ? JSON.parse(s.textContent) : null;
  }

  function store() {
    try { var k = "__swl"; window.localStorage.setItem(k, k); window.localStorage.removeItem(k); return window.localStorage; }
    catch (e) { return null; }
  }

  function download(filename, text) {
    var blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  /* ------------------------------------------------------------------ figures */
  var plotlyLoading = null;

  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        if (!PLOTLY_SRC) { reject(new Error("swl: no plotly.js on this page")); return; }
        var s = document.createElement("script");
        s.src = PLOTLY_SRC;
        s.async = true;
        s.onload = function () { resolve(window.Plotly); };
        s.onerror = function () { plotlyLoading = null; reject(new Error("swl: could not load " + PLOTLY_SRC)); };
        document.head.appendChild(s);
      });
    }
    return plotlyLoading;
  }

  function figureSpec(gd) {
    var s = gd.parentNode && gd.parentNode.querySelector("script.swl-plotly");
    return s ? JSON.parse(s.textContent) : null;
  }

  function drawFigure(gd) {
    if (gd.getAttribute("data-swl-drawn")) { return; }
    var spec = figureSpec(gd);
    if (!spec) { return; }
    gd.setAttribute("data-swl-drawn", "1");
    window.Plotly.newPlot(gd, spec.data, spec.layout, spec.config).then(function () {
      gd.dispatchEvent(new CustomEvent("swl:figure-ready", { bubbles: true }));
    }, function (e) { if (window.console) { console.error("swl: figure " + gd.id, e); } });
  }

  function drawAll() {
    return loadPlotly().then(function () {
      var pending = Array.prototype.slice.call(document.querySelectorAll(".plotly-graph-div:not([data-swl-drawn])"))
        .filter(figureSpec);
      /* One figure per task, so that the page stays responsive while a chapter's figures are drawn. */
      return new Promise(function (resolve) {
        (function next() {
          if (!pending.length) { resolve(); return; }
          drawFigure(pending.shift());
          setTimeout(next, 0);
        })();
      });
    }, function (e) { if (window.console) { console.error(e); } });
  }

  function initFigures() {
    var gds = Array.prototype.slice.call(document.querySelectorAll(".plotly-graph-div:not([data-swl-drawn])")).filter(figureSpec);
    if (!gds.length) { return; }
    if (!("IntersectionObserver" in window)) { drawAll(); return; }
    var io = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); drawAll(); }
    }, { rootMargin: "1200px 0px 1200px 0px" });
    gds.forEach(function (gd) { io.observe(gd); });
  }

  /* Run fn once gd is drawn: at once if it is, else after its swl:figure-ready (it is drawn near the screen). */
  function whenPlotted(gd, fn) {
    if (!gd) { return; }
    if (window.Plotly && gd._fullLayout) { fn(); return; }
    gd.addEventListener("swl:figure-ready", function () { fn(); }, { once: true });
  }

  /* ------------------------------------------------------------------ explorer */
  function initExplorer(root) {
    var payload = data(root, "states");
    var gd = root.querySelector(".plotly-graph-div");
    var summary = root.querySelector(".swl-summary");
    var controls = Array.prototype.slice.call(root.querySelectorAll(".swl-control"));
    if (!payload || !gd) { return; }

    function indexOf(ctrl) {
      var kind = ctrl.getAttribute("data-kind");
      if (kind === "select") { return ctrl.querySelector("select").selectedIndex; }
      if (kind === "range") { return parseInt(ctrl.querySelector("input").value, 10); }
      if (kind === "checkbox") { return ctrl.querySelector("input").checked ? 1 : 0; }
      if (kind === "radio") {
        var c = ctrl.querySelector("input:checked");
        return c ? parseInt(c.value, 10) : 0;
      }
      return 0;
    }

    function apply() {
      var key = controls.map(indexOf).join("|");
      var st = payload.states[key];
      if (!st) { return; }
      whenPlotted(gd, function () {
        Object.keys(st.traces).forEach(function (i) {
          var patch = st.traces[i], upd = {};
          Object.keys(patch).forEach(function (attr) { upd[attr] = [patch[attr]]; });
          window.Plotly.restyle(gd, upd, [parseInt(i, 10)]);
        });
        if (st.layout && Object.keys(st.layout).length) { window.Plotly.relayout(gd, st.layout); }
        gd.setAttribute("data-swl-state", key);
      });
      if (summary) { summary.textContent = st.summary || ""; }
    }

    controls.forEach(function (ctrl) {
      var range = ctrl.getAttribute("data-kind") === "range" ? ctrl.querySelector("input") : null;
      var output = ctrl.querySelector("output");
      function onChange() {
        if (range) {
          var vals = JSON.parse(range.getAttribute("data-values"));
          var text = vals[parseInt(range.value, 10)] + (range.getAttribute("data-unit") || "");
          range.setAttribute("aria-valuetext", text);
          if (output) { output.textContent = text; }
        }
        apply();
      }
      ctrl.addEventListener("input", onChange);
      ctrl.addEventListener("change", onChange);
    });
    gd.setAttribute("data-swl-state", payload.initial);
  }

  /* ------------------------------------------------------------------ quiz */
  function initQuestion(q) {
    var d = data(q, "data");
    var fb = q.querySelector(".swl-feedback");
    var btn = q.querySelector(".swl-check");
    function check() {
      var c = q.querySelector("input:checked");
      if (!c) { fb.className = "swl-feedback swl-none"; fb.textContent = "Choose an answer first."; return; }
      var i = parseInt(c.value, 10);
      var right = d.correct.indexOf(i) >= 0;
      fb.className = "swl-feedback " + (right ? "swl-right" : "swl-wrong");
      fb.textContent = (right ? "Correct. " : "Not quite. ") + d.feedback[i];
      q.setAttribute("data-answered", right ? "right" : "wrong");
    }
    btn.addEventListener("click", check);
    q.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target && e.target.type === "radio") { e.preventDefault(); check(); }
    });
  }

  /* ------------------------------------------------------------------ sorter */
  function initSorter(root) {
    var d = data(root, "data");
    var items = root.querySelectorAll(".swl-sort-item");
    var score = root.querySelector(".swl-score");
    root.querySelector(".swl-check").addEventListener("click", function () {
      var right = 0, answered = 0;
      Array.prototype.forEach.call(items, function (li, n) {
        var sel = li.querySelector("select"), fb = li.querySelector(".swl-feedback");
        if (!sel.value) { fb.className = "swl-feedback swl-none"; fb.textContent = "Not sorted yet."; return; }
        answered += 1;
        var ok = d[n].answers.indexOf(sel.value) >= 0;
        if (ok) { right += 1; }
        fb.className = "swl-feedback " + (ok ? "swl-right" : "swl-wrong");
        fb.textContent = (ok ? "Correct. " : "Not quite: the suggested answer is " + d[n].answers.join(" or ") + ". ") + d[n].feedback;
      });
      score.textContent = right + " of " + items.length + " match the suggested answers" +
        (answered < items.length ? " (" + (items.length - answered) + " not sorted yet)." : ".");
    });
  }

  /* ------------------------------------------------------------------ journal */
  function initJournal(root) {
    var ls = store();
    var chapter = root.getAttribute("data-chapter"), title = root.getAttribute("data-title");
    var status = root.querySelector(".swl-jstatus");
    var areas = Array.prototype.slice.call(root.querySelectorAll("textarea"));
    if (!ls) { status.textContent = "This browser does not allow local storage: your answers will not be kept."; }
    areas.forEach(function (ta) {
      var key = JOURNAL_PREFIX + ta.getAttribute("data-key");
      if (ls && ls.getItem(key)) { ta.value = JSON.parse(ls.getItem(key)).text; }
      ta.addEventListener("input", function () {
        if (!ls) { return; }
        if (ta.value) {
          ls.setItem(key, JSON.stringify({ text: ta.value, prompt: ta.getAttribute("data-prompt"),
            chapter: chapter, title: title, saved: new Date().toISOString() }));
        } else { ls.removeItem(key); }
      });
    });
    root.querySelector(".swl-export").addEventListener("click", function () {
      var md = SWL.journalMarkdown();
      download("my-reflections.md", md);
      status.textContent = "Exported your reflections as my-reflections.md.";
    });
    root.querySelector(".swl-clear").addEventListener("click", function () {
      areas.forEach(function (ta) { ta.value = ""; if (ls) { ls.removeItem(JOURNAL_PREFIX + ta.getAttribute("data-key")); } });
      status.textContent = "Cleared your answers on this page.";
    });
  }

  function journalMarkdown() {
    var ls = store(), entries = [];
    if (ls) {
      for (var i = 0; i < ls.length; i++) {
        var k = ls.key(i);
        if (k && k.indexOf(JOURNAL_PREFIX) === 0) {
          try { var e = JSON.parse(ls.getItem(k)); e.key = k.slice(JOURNAL_PREFIX.length); entries.push(e); } catch (err) { /* skip */ }
        }
      }
    }
    entries.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
    var out = ["# My reflections: Leadership in social work", "", "Exported " + new Date().toISOString().slice(0, 10) + ".", ""];
    var last = null;
    entries.forEach(function (e) {
      if (e.chapter !== last) { out.push("## " + (e.title || e.chapter), ""); last = e.chapter; }
      out.push("**" + e.prompt + "**", "", e.text, "");
    });
    if (!entries.length) { out.push("(No reflections saved in this browser yet.)", ""); }
    return out.join("\n");
  }

  /* ------------------------------------------------------------------ self-assessment */
  var BANDS = [[2, "Priority to develop"], [1, "Worth developing"], [-99, "Strength to keep using"]];

  /* Mirrors swleadership.explore.assessment_gaps (tested against it in the browser tests). */
  function gaps(items, now, imp) {
    var rows = items.map(function (it, pos) {
      var n = now[pos], i = imp[pos];
      if (n === null || i === null || n === undefined || i === undefined) {
        return { sort: [1, 0, 0, pos], key: it.key, name: it.name, now: n, importance: i, gap: null, band: "Not rated yet", action: it.action || "" };
      }
      var g = i - n, band = null;
      for (var b = 0; b < BANDS.length; b++) { if (g >= BANDS[b][0]) { band = BANDS[b][1]; break; } }
      return { sort: [0, -g, -i, pos], key: it.key, name: it.name, now: n, importance: i, gap: g, band: band, action: it.action || "" };
    });
    rows.sort(function (a, b) {
      for (var k = 0; k < 4; k++) { if (a.sort[k] !== b.sort[k]) { return a.sort[k] - b.sort[k]; } }
      return 0;
    });
    rows.forEach(function (r) { delete r.sort; });
    return rows;
  }

  function planMarkdown(title, rows, top) {
    top = top || 3;
    var out = ["# " + title + ": my self-assessment", "", "| Item | Now | Importance | Gap | Band |", "| --- | --- | --- | --- | --- |"];
    rows.forEach(function (g) {
      out.push("| " + g.name + " | " + (g.now || "–") + " | " + (g.importance || "–") + " | " + (g.gap === null ? "" : g.gap) + " | " + g.band + " |");
    });
    out.push("", "## My action plan", "");
    var chosen = rows.filter(function (g) { return g.gap !== null && g.gap >= 1; }).slice(0, top);
    if (!chosen.length) { out.push("No gaps of 1 or more: choose one strength to share with a colleague."); }
    chosen.forEach(function (g, n) { out.push(((n + 1) + ". **" + g.name + "** (gap " + g.gap + "). " + g.action).trim()); });
    out.push("");
    return out.join("\n");
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]; });
  }

  function initAssessment(root) {
    var d = data(root, "data"), ls = store();
    var key = ASSESS_PREFIX + root.getAttribute("data-id");
    var gd = root.querySelector(".plotly-graph-div");
    var out = root.querySelector(".swl-gaps");
    var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr[data-key]"));
    function sel(tr, scale) { return tr.querySelector('select[data-scale="' + scale + '"]'); }
    function val(s) { return s.value === "" ? null : parseInt(s.value, 10); }
    if (ls && ls.getItem(key)) {
      try {
        var saved = JSON.parse(ls.getItem(key));
        rows.forEach(function (tr, n) {
          if (saved.now[n] !== null) { sel(tr, "now").value = String(saved.now[n]); }
          if (saved.importance[n] !== null) { sel(tr, "importance").value = String(saved.importance[n]); }
        });
      } catch (e) { /* ignore a damaged entry */ }
    }
    function current() {
      return { now: rows.map(function (tr) { return val(sel(tr, "now")); }),
               importance: rows.map(function (tr) { return val(sel(tr, "importance")); }) };
    }
    function refresh(save) {
      var c = current();
      if (save && ls) { ls.setItem(key, JSON.stringify(c)); }
      var g = gaps(d.items, c.now, c.importance);
      var closed = function (a) { var r = a.map(function (v) { return v || 0; }); r.push(r[0]); return r; };
      whenPlotted(gd, function () {
        window.Plotly.restyle(gd, { r: [closed(c.now), closed(c.importance)] }, [0, 1]);
      });
      var html = '<table class="swl-table"><caption>Your gaps, largest first (gap = importance − now)</caption>' +
        '<thead><tr><th scope="col">Item</th><th scope="col">Now</th><th scope="col">Importance</th><th scope="col">Gap</th><th scope="col">Band</th></tr></thead><tbody>';
      g.forEach(function (r) {
        html += '<tr><th scope="row">' + esc(r.name) + "</th><td>" + (r.now || "–") + "</td><td>" + (r.importance || "–") +
          "</td><td>" + (r.gap === null ? "" : r.gap) + "</td><td>" + esc(r.band) + "</td></tr>";
      });
      out.innerHTML = html + "</tbody></table>";
      root.setAttribute("data-swl-gaps", JSON.stringify(g));
    }
    rows.forEach(function (tr) {
      ["now", "importance"].forEach(function (s) { sel(tr, s).addEventListener("change", function () { refresh(true); }); });
    });
    root.querySelector(".swl-download").addEventListener("click", function () {
      var c = current();
      download(root.getAttribute("data-id") + "-action-plan.md", planMarkdown(d.title, gaps(d.items, c.now, c.importance)));
    });
    root.querySelector(".swl-clear").addEventListener("click", function () {
      rows.forEach(function (tr) { sel(tr, "now").value = ""; sel(tr, "importance").value = ""; });
      if (ls) { ls.removeItem(key); }
      refresh(false);
    });
    refresh(false);
  }

  /* ------------------------------------------------------------------ wiring */
  var INIT = { explorer: initExplorer, question: initQuestion, sorter: initSorter, journal: initJournal, assessment: initAssessment };

  function scan() {
    initFigures();
    Object.keys(INIT).forEach(function (kind) {
      var els = document.querySelectorAll('[data-swl="' + kind + '"]:not([data-swl-ready])');
      Array.prototype.forEach.call(els, function (el) {
        el.setAttribute("data-swl-ready", "1");
        try { INIT[kind](el); } catch (e) { if (window.console) { console.error("swl: " + kind, e); } }
      });
    });
  }

  window.addEventListener("beforeprint", function () { drawAll(); });
  window.SWL = { version: 1, scan: scan, drawFigures: drawAll, gaps: gaps, planMarkdown: planMarkdown, journalMarkdown: journalMarkdown };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", scan); } else { scan(); }
})();
