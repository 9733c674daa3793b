/* The book's interactive components, for the static book (no kernel, no network).
 *
 * Every component is plain HTML written by the Python package (swleadership) with its data in a
 * <script type="application/json">; this script finds them (elements with data-swl) and wires native controls:
 *   figures    - every plotly figure is an empty graph div plus its JSON (script.swl-plotly). plotly.js (the
 *                book's partial bundle, vendor/plotly-swl.min.js) is fetched only when the first figure of a
 *                page comes near the screen; then every figure is drawn, one per task, and a bubbling
 *                "swl:figure-ready" event is dispatched on each graph div (.js-plotly-plot) once it is drawn.
 *   explorer   - labelled <select>/<input type=range>/radio/checkbox -> Plotly.restyle/relayout of precomputed states
 *   quiz       - radio buttons or checkboxes + "Check answer" -> feedback in a live region; a score at the end,
 *                "Try again"; the latest score is saved to localStorage (swl-quiz:<chapter>)
 *   sorter     - a <select> per item + "Check my answers" -> feedback per item and a score
 *   journal    - <textarea>s saved to localStorage (swl-journal:<chapter>:<n>); export all reflections as
 *                Markdown; clear this chapter after an in-page confirmation
 *   assessment - ratings -> radar chart, gap table, downloadable action plan; saved to localStorage
 *                (swl-assessment:<id>, with the title and items so the portfolio can rebuild the plan)
 *   portfolio  - the "My portfolio" page: gathers all of the above from localStorage; export and print
 *   theme      - every plotly figure follows the theme's light/dark switch (and prints light)
 * Nothing is sent anywhere. Loaded once per page by the book; inlined by the package in JupyterLab/Voila.
 */
(function () {
  "use strict";
  if (window.SWL && window.SWL.version) { return; }

  var SELF = document.currentScript && document.currentScript.src;
  var PLOTLY_SRC = SELF ? SELF.replace(/swl\.js(\?.*)?$/, "vendor/plotly-swl.min.js") : null;
  var JOURNAL_PREFIX = "swl-journal:";
  var ASSESS_PREFIX = "swl-assessment:";
  var QUIZ_PREFIX = "swl-quiz:";

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
  /* The component says "Correct." / "Not quite." itself; the feedback in the YAML starts with the reason. */
  function initQuestion(q) {
    var d = data(q, "data");
    var fb = q.querySelector(".swl-feedback");
    var btn = q.querySelector(".swl-check");
    var inputs = Array.prototype.slice.call(q.querySelectorAll("input"));
    function check() {
      var chosen = inputs.filter(function (i) { return i.checked; }).map(function (i) { return parseInt(i.value, 10); });
      if (!chosen.length) {
        fb.className = "swl-feedback swl-none";
        fb.textContent = d.multi ? "Choose at least one answer first." : "Choose an answer first.";
        return;
      }
      var right;
      if (d.multi) {
        var hits = chosen.filter(function (i) { return d.correct.indexOf(i) >= 0; }).length;
        var extra = chosen.length - hits;
        right = hits === d.correct.length && extra === 0;
        fb.textContent = right ? "Correct: you chose all " + d.correct.length + " answers that apply." :
          "Not quite: you chose " + hits + " of the " + d.correct.length + " answers that apply" +
          (extra ? ", and " + extra + " that " + (extra === 1 ? "does" : "do") + " not." : ".") +
          " The feedback under each answer explains.";
        inputs.forEach(function (inp) {
          var i = parseInt(inp.value, 10), box = inp.parentNode.querySelector(".swl-optfb");
          var applies = d.correct.indexOf(i) >= 0;
          box.className = "swl-optfb " + (applies ? "swl-right" : "swl-wrong");
          box.textContent = (applies ? "Applies. " : "Does not apply. ") + d.feedback[i];
        });
      } else {
        var i = chosen[0];
        right = d.correct.indexOf(i) >= 0;
        fb.textContent = (right ? "Correct. " : "Not quite. ") + d.feedback[i];
      }
      fb.className = "swl-feedback " + (right ? "swl-right" : "swl-wrong");
      q.setAttribute("data-answered", right ? "right" : "wrong");
      q.dispatchEvent(new CustomEvent("swl:checked", { bubbles: true }));
    }
    btn.addEventListener("click", check);
    q.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target && (e.target.type === "radio" || e.target.type === "checkbox")) {
        e.preventDefault(); check();
      }
    });
    q.swlReset = function () {
      inputs.forEach(function (i) { i.checked = false; });
      Array.prototype.forEach.call(q.querySelectorAll(".swl-optfb"), function (b) { b.textContent = ""; b.className = "swl-optfb"; });
      fb.textContent = ""; fb.className = "swl-feedback";
      q.removeAttribute("data-answered");
    };
  }

  function initQuiz(root) {
    var ls = store();
    var chapter = root.getAttribute("data-chapter"), title = root.getAttribute("data-title");
    var qs = Array.prototype.slice.call(root.querySelectorAll('[data-swl="question"]'));
    var out = root.querySelector(".swl-score");
    function score(save) {
      var right = 0, answered = 0;
      qs.forEach(function (q) {
        var a = q.getAttribute("data-answered");
        if (a) { answered += 1; }
        if (a === "right") { right += 1; }
      });
      out.textContent = "Your score: " + right + " of " + qs.length + " right." +
        (answered < qs.length ? " " + (qs.length - answered) + " not checked yet." : "") +
        (right < qs.length ? " Read the feedback, then press Try again to have another go." : "");
      root.setAttribute("data-score", right + "/" + qs.length);
      if (save && ls && answered) {
        ls.setItem(QUIZ_PREFIX + chapter, JSON.stringify({ right: right, total: qs.length, answered: answered,
          chapter: chapter, title: title, saved: new Date().toISOString() }));
      }
    }
    root.addEventListener("swl:checked", function () {
      var all = qs.every(function (q) { return q.getAttribute("data-answered"); });
      if (all) { score(true); }
    });
    root.querySelector(".swl-score-btn").addEventListener("click", function () { score(true); });
    root.querySelector(".swl-retry").addEventListener("click", function () {
      qs.forEach(function (q) { if (q.swlReset) { q.swlReset(); } });
      out.textContent = "Answers cleared: start again at question 1.";
      root.removeAttribute("data-score");
      var first = root.querySelector('[data-swl="question"] input');
      if (first) { first.focus(); }
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
        var also = d[n].answers.filter(function (a) { return a !== sel.value; });
        fb.className = "swl-feedback " + (ok ? "swl-right" : "swl-wrong");
        fb.textContent = (ok ? "Correct" + (also.length ? " (" + also.join(" or ") + " would also be right). " : ". ") :
          "Not quite: the suggested answer is " + d[n].answers.join(" or ") + ". ") + d[n].feedback;
        li.setAttribute("data-sorted", ok ? "right" : "wrong");
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
    /* Clearing asks first, in the page (keyboard-accessible): focus goes to "No, keep them"; Escape keeps them. */
    var clear = root.querySelector(".swl-clear"), confirm = root.querySelector(".swl-confirm");
    function closeConfirm(msg) {
      confirm.hidden = true; clear.setAttribute("aria-expanded", "false");
      status.textContent = msg; clear.focus();
    }
    clear.addEventListener("click", function () {
      confirm.hidden = false; clear.setAttribute("aria-expanded", "true");
      status.textContent = "";
      confirm.querySelector(".swl-confirm-no").focus();
    });
    confirm.querySelector(".swl-confirm-no").addEventListener("click", function () { closeConfirm("Nothing was deleted."); });
    confirm.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); closeConfirm("Nothing was deleted."); }
    });
    confirm.querySelector(".swl-confirm-yes").addEventListener("click", function () {
      areas.forEach(function (ta) { ta.value = ""; if (ls) { ls.removeItem(JOURNAL_PREFIX + ta.getAttribute("data-key")); } });
      closeConfirm("Deleted your answers on this page.");
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
      if (save && ls) {
        ls.setItem(key, JSON.stringify({ now: c.now, importance: c.importance, title: d.title, items: d.items,
          saved: new Date().toISOString() }));
      }
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

  /* ------------------------------------------------------------------ portfolio */
  /* Everything this browser holds for the book: quiz scores, reflections, self-assessments. Read-only here. */
  function saved(prefix) {
    var ls = store(), out = [];
    if (!ls) { return out; }
    for (var i = 0; i < ls.length; i++) {
      var k = ls.key(i);
      if (k && k.indexOf(prefix) === 0) {
        try { var e = JSON.parse(ls.getItem(k)); e.key = k.slice(prefix.length); out.push(e); } catch (err) { /* skip */ }
      }
    }
    out.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
    return out;
  }

  function collect() {
    var reflections = [], last = null;
    saved(JOURNAL_PREFIX).forEach(function (e) {
      if (e.chapter !== last) { reflections.push({ chapter: e.chapter, title: e.title || e.chapter, entries: [] }); last = e.chapter; }
      reflections[reflections.length - 1].entries.push({ prompt: e.prompt, text: e.text });
    });
    var plans = saved(ASSESS_PREFIX).filter(function (a) { return a.items && a.now && a.importance; }).map(function (a) {
      return { id: a.key, title: a.title || a.key, rows: gaps(a.items, a.now, a.importance) };
    });
    return { scores: saved(QUIZ_PREFIX), reflections: reflections, plans: plans };
  }

  function portfolioMarkdown() {
    var c = collect();
    var out = ["# My portfolio: Leadership in social work", "", "Exported " + new Date().toISOString().slice(0, 10) +
      " from this browser.", "", "## Quiz scores", ""];
    if (c.scores.length) {
      out.push("| Chapter | Latest score |", "| --- | --- |");
      c.scores.forEach(function (s) { out.push("| " + (s.title || s.key) + " | " + s.right + " of " + s.total + " |"); });
    } else { out.push("(No quiz scores saved yet.)"); }
    out.push("", "## Reflections", "");
    if (!c.reflections.length) { out.push("(No reflections saved yet.)", ""); }
    c.reflections.forEach(function (r) {
      out.push("### " + r.title, "");
      r.entries.forEach(function (e) { out.push("**" + e.prompt + "**", "", e.text, ""); });
    });
    out.push("## Self-assessments and action plans", "");
    if (!c.plans.length) { out.push("(No self-assessments saved yet.)", ""); }
    c.plans.forEach(function (p) {
      planMarkdown(p.title, p.rows).split("\n").forEach(function (line) { out.push(line.charAt(0) === "#" ? "##" + line : line); });
    });
    return out.join("\n");
  }

  function initPortfolio(root) {
    var view = root.querySelector(".swl-portfolio-view"), status = root.querySelector(".swl-pstatus");
    function render() {
      var c = collect(), h = [];
      h.push('<section aria-labelledby="swl-p-scores"><h2 id="swl-p-scores">Quiz scores</h2>');
      if (c.scores.length) {
        h.push('<table class="swl-table"><caption>Your latest score in each chapter\'s self-check quiz</caption>' +
          '<thead><tr><th scope="col">Chapter</th><th scope="col">Latest score</th><th scope="col">Date</th></tr></thead><tbody>');
        c.scores.forEach(function (s) {
          h.push('<tr><th scope="row">' + esc(s.title || s.key) + "</th><td>" + s.right + " of " + s.total + "</td><td>" +
            esc(String(s.saved || "").slice(0, 10)) + "</td></tr>");
        });
        h.push("</tbody></table>");
      } else { h.push("<p>No quiz scores yet. Each chapter's quiz saves your latest score here when you check every answer or press Show my score.</p>"); }
      h.push('</section><section aria-labelledby="swl-p-refl"><h2 id="swl-p-refl">Reflections</h2>');
      if (!c.reflections.length) { h.push("<p>No reflections yet. Answer the reflection prompts at the end of a chapter and they appear here.</p>"); }
      c.reflections.forEach(function (r) {
        h.push("<h3>" + esc(r.title) + "</h3>");
        r.entries.forEach(function (e) { h.push('<p class="swl-pprompt">' + esc(e.prompt) + '</p><p class="swl-ptext">' + esc(e.text) + "</p>"); });
      });
      h.push('</section><section aria-labelledby="swl-p-plans"><h2 id="swl-p-plans">Self-assessments and action plans</h2>');
      if (!c.plans.length) { h.push("<p>No self-assessments yet. Rate yourself in chapters 31 and 41 and your action plans appear here.</p>"); }
      c.plans.forEach(function (p) {
        h.push("<h3>" + esc(p.title) + "</h3>");
        var chosen = p.rows.filter(function (g) { return g.gap !== null && g.gap >= 1; }).slice(0, 3);
        if (!chosen.length) { h.push("<p>No gaps of 1 or more: choose one strength to share with a colleague.</p>"); }
        else {
          h.push("<ol>");
          chosen.forEach(function (g) { h.push("<li><strong>" + esc(g.name) + "</strong> (gap " + g.gap + "). " + esc(g.action || "") + "</li>"); });
          h.push("</ol>");
        }
      });
      h.push("</section>");
      var html = h.join("");
      // The page carries the empty portfolio as its own markup, so that nothing moves as the page loads;
      // it is replaced only when this browser has saved something.
      if (view.innerHTML !== html) { view.innerHTML = html; }
    }
    render();
    if (!store()) { status.textContent = "This browser does not allow saving, so there is nothing to gather here."; }
    root.querySelector(".swl-export").addEventListener("click", function () {
      download("my-portfolio.md", portfolioMarkdown());
      status.textContent = "Exported your portfolio as my-portfolio.md.";
    });
    root.querySelector(".swl-print").addEventListener("click", function () { window.print(); });
    window.addEventListener("storage", render);
  }

  /* ------------------------------------------------------------------ figure fit (phone and laptop)
   * Plotly redraws a responsive figure at its new width but never re-wraps text. fitFigure() adapts each of the
   * book's figures (.swl-plot) to the width it is drawn at, after it is drawn, on resize, and after every
   * explorer state, in a few passes that each read where plotly put things in the last drawing (_size):
   * - it wraps the title (placed at the top, measured), legend entries, category labels, axis titles, panel
   *   titles and notes, heatmap cell text and bar values to the room they have inside the figure;
   * - it puts legends that sit below the plot at the foot of the figure, and thins crowded numeric ticks;
   * - bar values go beside the bar, inside it, or onto two lines, whichever fits;
   * - on narrow screens (< 560 px) it shrinks fixed margins, starts panel titles at the figure's left edge,
   *   applies the figure's own narrow overrides (layout.meta.swl_narrow = {layout: {...}, traces: {"0": {...}}},
   *   set by swleadership.render.narrow()) and makes the figure taller, so that the plot keeps the height the
   *   figure gave it after the legend and labels take their room, stacked panels keep room between them for
   *   their labels, and each category keeps room for its label's lines. The figure's box follows its height.
   * When it is done it marks the graph div data-swl-fit="narrow|wide" (the browser tests wait for that). */
  var NARROW = 560;
  var measureCtx = null;

  function stripTags(s) { return String(s).replace(/<[^>]+>/g, ""); }
  function plainText(s) { return String(s == null ? "" : s).replace(/<br\s*\/?>/gi, " ").replace(/\s+/g, " ").trim(); }
  function textWidth(s, size, family) {
    if (!measureCtx) { measureCtx = document.createElement("canvas").getContext("2d"); }
    measureCtx.font = size + "px " + (family || "sans-serif");
    return measureCtx.measureText(stripTags(s)).width;
  }
  function wrapText(text, maxWidth, size, family) {
    var words = plainText(text).split(" "), lines = [], cur = "";
    words.forEach(function (w) {
      var cand = cur ? cur + " " + w : w;
      if (!cur || textWidth(cand, size, family) <= maxWidth) { cur = cand; } else { lines.push(cur); cur = w; }
    });
    if (cur) { lines.push(cur); }
    return lines.join("<br>");
  }

  /* A list that stands in for a categorical figure on narrow screens (the comparison matrix): its items
   * (data-cat = a category) follow the axis' order, range (how many are shown) and highlight (marked "▶"). */
  function syncCategoryList(gd) {
    var root = gd.closest("[data-swl]"), list = root ? root.querySelector(".swl-cat-list") : null;
    if (!list || !gd.layout) { return; }
    var ax = gd.layout[list.getAttribute("data-for-axis") || "yaxis"] || {};
    var cats = ax.categoryarray || [], range = ax.range || [cats.length - 0.5, -0.5];
    var shown = Math.round(Math.abs(range[0] - range[1])), marked = null;
    (ax.ticktext || []).forEach(function (s, i) { if (String(s).indexOf("\u25b6") >= 0) { marked = (ax.tickvals || [])[i]; } });
    var items = {};
    Array.prototype.forEach.call(list.children, function (li) { items[li.getAttribute("data-cat")] = li; });
    cats.forEach(function (c, i) {
      var li = items[c];
      if (!li) { return; }
      list.appendChild(li);
      li.hidden = i >= shown;
      if (c === marked) { li.classList.add("swl-current"); li.setAttribute("aria-current", "true"); }
      else { li.classList.remove("swl-current"); li.removeAttribute("aria-current"); }
    });
  }

  /* The room a piece of text anchored at `px` (from the figure's left) has inside a figure `W` px wide. */
  function roomAt(px, anchor, W) {
    if (anchor === "left") { return W - px; }
    if (anchor === "right") { return px; }
    return 2 * Math.min(px, W - px);
  }
  /* The pixel position (from the figure's left) of an annotation's x, and its anchor as plotly resolves it. */
  function annotationX(fl, a) {
    var S = fl._size, ref = a.xref || "x", x = a.x == null ? 0.5 : a.x, px;
    if (ref === "paper") { px = S.l + x * S.w; }
    else {
      var ax = fl[ref.replace(/ domain$/, "").replace(/^x/, "xaxis")];
      if (!ax || !ax._length) { return null; }
      px = / domain$/.test(ref) ? ax._offset + x * ax._length : ax._offset + ax.l2p(ax.d2l ? ax.d2l(x) : x);
    }
    var anchor = a.xanchor || "auto";
    if (anchor === "auto") { anchor = ref === "paper" ? (x < 1 / 3 ? "left" : x > 2 / 3 ? "right" : "center") : "center"; }
    return { px: px, anchor: anchor };
  }
  function linesOf(s) { return String(s == null ? "" : s).split(/<br\s*\/?>/i); }
  function widest(texts, size, family) {
    var w = 0;
    texts.forEach(function (s) { linesOf(s).forEach(function (l) { w = Math.max(w, textWidth(l, size, family)); }); });
    return w;
  }

  var MAX_PASSES = 4;

  /* A title placed from the top of the figure: where its anchor must go (px from the top) for the text to start
   * 8 px down, and how tall it is. plotly places a title of several lines about its first line, whatever the
   * anchor, so this is measured on the drawing when it shows the same text (else estimated from `height`). */
  function titleBlock(gd, text, height) {
    var fl = gd._fullLayout, el = gd.querySelector(".g-gtitle .gtitle");
    if (el && fl.title && fl.title.yref === "container" && fl.title.text === text) {
      var r = el.getBoundingClientRect(), g = gd.getBoundingClientRect();
      if (r.height > 0) {
        var anchor = (1 - fl.title.y) * fl.height, off = (r.top - g.top) - anchor;
        return { down: 8 - off, height: r.height };
      }
    }
    return { down: 10 + height, height: height };
  }

  /* Fit one figure to the width it is drawn at. Each pass reads where plotly put things in the last drawing
   * (`_fullLayout._size`, after automargin) and corrects what does not fit; it runs again until nothing changes. */
  function fitFigure(gd, pass) {
    if (!window.Plotly || !gd || !gd._fullLayout) { return; }
    if (gd._swlBusy) { gd._swlFitAgain = true; return; }
    pass = pass || 0;
    syncCategoryList(gd);
    var L = gd.layout, fl = gd._fullLayout, W = gd.clientWidth || fl.width;
    if (!W) { return; }
    var S = fl._size || { l: 0, r: 0, t: 0, b: 0, w: W, h: fl.height };
    var narrow = W < NARROW, family = fl.font.family, meta = (L.meta && L.meta.swl_narrow) || null;
    var metaLayout = (meta && meta.layout) || {};
    var lay = {}, traces = {};
    if (!gd._swlBase) {
      var m = L.margin || {};
      gd._swlBase = {
        margin: { l: m.l == null ? 80 : m.l, r: m.r == null ? 80 : m.r, t: m.t == null ? 100 : m.t, b: m.b == null ? 80 : m.b },
        titleSize: getPath(L, "title.font.size") || (fl.font.size || 12) * 1.4,
        legend: JSON.parse(JSON.stringify(L.legend || {})),
        height: L.height != null ? L.height : fl.height,
        meta: {}, metaTraces: {}, barText: {}
      };
      if (meta) {
        Object.keys(metaLayout).forEach(function (k) { gd._swlBase.meta[k] = getPath(L, k); });
        Object.keys(meta.traces || {}).forEach(function (i) {
          gd._swlBase.metaTraces[i] = {};
          Object.keys(meta.traces[i]).forEach(function (k) { gd._swlBase.metaTraces[i][k] = getPath(gd.data[+i], k); });
        });
      }
    }
    var base = gd._swlBase;
    // A height set by the figure's own code (an explorer's state) is its height from now on; this fit's is not.
    if (L.height != null && L.height !== gd._swlFitH && L.height !== metaLayout.height) { base.height = L.height; }
    // The figure's own overrides for narrow screens (or its original values on wide ones).
    if (meta) {
      Object.keys(base.meta).forEach(function (k) { if (k !== "height") { lay[k] = narrow ? metaLayout[k] : base.meta[k]; } });
      Object.keys(base.metaTraces).forEach(function (i) {
        traces[i] = traces[i] || {};
        Object.keys(base.metaTraces[i]).forEach(function (k) {
          traces[i][k] = narrow ? meta.traces[i][k] : base.metaTraces[i][k];
        });
      });
    }
    var ownH = (narrow && metaLayout.height) || base.height;
    var margin = narrow ? { l: Math.min(base.margin.l, 10), r: Math.min(base.margin.r, 20), t: Math.min(base.margin.t, 30), b: Math.min(base.margin.b, 20) }
                        : base.margin;
    ["l", "r", "t", "b"].forEach(function (k) { if (lay["margin." + k] === undefined) { lay["margin." + k] = margin[k]; } });
    var drawnHere = Math.abs(fl.width - W) < 1;  // the last drawing was at this width: its sizes are real
    var plotW = Math.max(60, Math.min(W - margin.l - margin.r, drawnHere ? S.w : Infinity));
    // Title: left-aligned above the plot, wrapped clear of the toolbar, pushing the margin as it needs.
    var title = getPath(L, "title.text");
    if (title) {
      var size = narrow ? Math.min(base.titleSize, 15) : base.titleSize;
      lay["title.text"] = wrapText(title, W - 56, size, getPath(fl, "title.font.family") || family);
      lay["title.font.size"] = size;
      lay["title.x"] = 0; lay["title.xref"] = "container"; lay["title.xanchor"] = "left";
      lay["title.yref"] = "container"; lay["title.yanchor"] = "bottom"; lay["title.automargin"] = false;
      lay["title.pad"] = { l: 8 };
    }
    // Legends below the plot sit at the foot of the figure; on a narrow screen every legend goes there.
    var leg = base.legend, below = (leg.y != null && leg.y < 0) || (leg.orientation === "h" && leg.yanchor === "top");
    if (fl.showlegend && (narrow || below)) {
      lay["legend.orientation"] = "h"; lay["legend.x"] = 0; lay["legend.xanchor"] = "left";
      lay["legend.yref"] = "container"; lay["legend.y"] = 0; lay["legend.yanchor"] = "bottom";
      var legSize = getPath(fl, "legend.font.size") || fl.font.size || 12;
      (gd.data || []).forEach(function (t, i) {
        if (t.showlegend === false || t.name == null || t.visible === false) { return; }
        var wrapped = wrapText(t.name, W - 70, legSize, family);
        if (wrapped !== t.name) { traces[i] = traces[i] || {}; traces[i].name = wrapped; }
      });
    }
    // Category labels wrap to the room they have; crowded numeric ticks thin out.
    var needPlotH = 0;
    Object.keys(fl).forEach(function (k) {
      if (!/^[xy]axis\d*$/.test(k)) { return; }
      var ax = fl[k], axL = L[k] || {};
      if (!ax.visible) { return; }
      var isY = k.charAt(0) === "y", tsize = (ax.tickfont && ax.tickfont.size) || fl.font.size || 12;
      var frac = (ax.domain[1] - ax.domain[0]) || 1;
      var vals = axL.ticktext ? axL.tickvals : (ax.type === "category" ? ax._categories : null);
      var texts = axL.ticktext || (ax.type === "category" ? ax._categories : null);
      if (ax.showticklabels !== false && vals && texts && vals.length) {
        var room = isY ? (narrow ? 0.42 * W : Math.max(base.margin.l - 12, 0.28 * W))
                       : Math.max(40, (plotW * frac) / vals.length - 8);
        var wrapped = texts.map(function (s) { return wrapText(s, room, tsize, family); });
        if (wrapped.join("|") !== texts.join("|")) {
          lay[k + ".tickvals"] = vals.slice(); lay[k + ".ticktext"] = wrapped; lay[k + ".tickmode"] = "array";
        }
        lay[k + ".automargin"] = true;
        if (isY) {
          // Each category needs the height of its wrapped label: the plot grows on a narrow screen if it must.
          var nl = Math.max.apply(null, wrapped.map(function (s) { return linesOf(s).length; }));
          needPlotH = Math.max(needPlotH, (vals.length * (nl * tsize * 1.25 + 4)) / frac);
        } else {
          lay[k + ".tickangle"] = widest(wrapped, tsize, family) > room + 4 ? -90 : 0;
        }
      } else if (ax.showticklabels !== false && !isY && drawnHere && ax._length && (ax.type === "linear" || ax.type === "date")) {
        // Numbers and dates: as many ticks as fit side by side (the figure's own step, or a multiple of it).
        var own = base.dtick = base.dtick || {};
        if (!(k in own)) { own[k] = axL.dtick === undefined ? null : axL.dtick; }
        var labels = (ax._vals || []).map(function (v) { return v.text; });
        var perTick = widest(labels.length ? labels : ["0000"], tsize, family) + 12;
        var fit = Math.max(2, Math.floor(ax._length / perTick));
        if (own[k] != null && typeof own[k] === "number") {
          var span = Math.abs(ax.range[1] - ax.range[0]), step = own[k], mult = 1;
          while (span / (step * mult) + 1 > fit && mult < 100) { mult = mult === 1 ? 2 : mult === 2 ? 5 : mult * 2; }
          lay[k + ".dtick"] = step * mult;
        } else if (own[k] == null) {
          lay[k + ".nticks"] = narrow ? fit : (axL.nticks || 0);
        }
        lay[k + ".tickangle"] = narrow ? 0 : axL.tickangle;
        if (lay[k + ".tickangle"] === undefined) { delete lay[k + ".tickangle"]; }
      }
      // Axis titles wrap to the room they have: along the axis, and inside the figure for a centred title.
      var at = axL.title && (typeof axL.title === "string" ? axL.title : axL.title.text);
      if (at) {
        // (An x axis' title is centred under it and may run past its ends, within the figure.)
        var len = isY ? S.h * frac : plotW * frac;
        if (!isY && drawnHere) { len = roomAt(S.l + ((ax.domain[0] + ax.domain[1]) / 2) * S.w, "center", W) - 8; }
        var asz = (ax.title && ax.title.font && ax.title.font.size) || fl.font.size || 12;
        var aw = wrapText(at, Math.max(60, len - 10), asz, family);
        if (aw !== at) { lay[k + ".title.text"] = aw; }
      }
    });
    // Tick labels on top of the plot: the title goes above them, with room for both. A title placed from the top
    // of the figure (titleDown px to its baseline) gets its position once the height is known.
    var titleDown = 0, titleBelow = 0;
    var topAx = Object.keys(fl).filter(function (k) { return /^xaxis\d*$/.test(k) && fl[k].side === "top" && fl[k].visible; });
    if (title && topAx.length) {
      var tl = (lay["title.text"] || "").split("<br>").length, ts = lay["title.font.size"];
      var depth = 0;
      topAx.forEach(function (k) {
        var tt = lay[k + ".ticktext"] || (L[k] && L[k].ticktext) || fl[k]._categories || [""];
        var fs = (fl[k].tickfont && fl[k].tickfont.size) || 12;
        var n = Math.max.apply(null, tt.map(function (s) { return String(s).split(/<br\s*\/?>/i).length; }));
        var vert = lay[k + ".tickangle"] === -90 ? Math.max.apply(null, tt.map(function (s) { return textWidth(s, fs, family); })) : 0;
        depth = Math.max(depth, Math.max(n * fs * 1.3, vert) + 14);
      });
      titleBelow = depth;
    }
    // Annotations without arrows (subplot titles, notes) wrap to the width they have inside the figure.
    // On a narrow screen a panel's title (centred over its panel, as make_subplots puts it) starts at the left edge
    // of the figure instead, with the whole width for its lines; `_swl` keeps where it was, for wider screens.
    var annots = L.annotations || [], newAnn = null, annTop = 0;
    function edit(i) { newAnn = newAnn || annots.map(function (x) { return Object.assign({}, x); }); return newAnn[i]; }
    annots.forEach(function (a, i) {
      if (!a.text || a.showarrow !== false) { return; }
      var asz = (a.font && a.font.size) || fl.font.size || 12;
      var panelTitle = a.xref === "paper" && a.yref === "paper" && a.yanchor === "bottom" && (a._swl || a.xanchor === "center");
      if (panelTitle && narrow && drawnHere && S.w > 0) {
        var left = (8 - S.l) / S.w;
        if (!a._swl || Math.abs(a.x - left) > 1e-3) {
          var e = edit(i);
          e._swl = a._swl || { x: a.x, xanchor: a.xanchor, align: a.align, yshift: a.yshift };
          e.x = left; e.xanchor = "left"; e.align = "left"; e.yshift = 8;  // clear of the top tick label
        }
        a = (newAnn && newAnn[i]) || a;
      } else if (a._swl && !narrow) {
        var r = edit(i);
        r.x = a._swl.x; r.xanchor = a._swl.xanchor; r.align = a._swl.align; r.yshift = a._swl.yshift; delete r._swl;
        a = r;
      }
      var room = (a.xref || "x").indexOf("paper") === 0 && (a.xanchor === "center" || a.xanchor == null) ? plotW - 10 : plotW / 2;
      var where = drawnHere ? annotationX(fl, a) : null;
      if (where) { room = (a._swl ? W - 16 : Math.min(room, roomAt(where.px, where.anchor, W) - 8)); }
      var w = wrapText(a.text, Math.max(60, room), asz, family);
      if (w !== a.text) { edit(i).text = w; }
      if (a.yref === "paper" && a.y >= 0.98) { annTop = Math.max(annTop, w.split("<br>").length * asz * 1.3 + 10 + (a.yshift || 0)); }
    });
    if (newAnn) { lay.annotations = newAnn; }
    var polar = Object.keys(fl).some(function (k) { return /^polar\d*$/.test(k); });
    if (title && !topAx.length && (annTop || polar)) {
      titleBelow = polar ? (lay["margin.t"] || base.margin.t) * 0.6 : annTop;
    }
    // The title sits at the top of the figure, 8 px down; the plot starts below it and whatever sits between
    // them (tick labels on top, panel titles, a polar plot's labels, a legend above the plot).
    if (title) {
      var tlines = linesOf(lay["title.text"]).length, tb = titleBlock(gd, lay["title.text"], tlines * lay["title.font.size"] * 1.3);
      var legAbove = fl.showlegend && !(narrow || below) && fl.legend && fl.legend.yref !== "container" && fl.legend.y >= 1;
      if (legAbove && !titleBelow) { titleBelow = (fl.legend._height || 0) + 6; }
      titleDown = tb.down;
      lay["margin.t"] = Math.ceil(Math.max(titleBelow ? 0 : margin.t, tb.height + 16 + titleBelow));
    }
    // Stacked panels: the gap between two holds the upper one's tick labels and axis title and the lower one's
    // title (an annotation at its top); on a narrow screen the plot grows until it does.
    var anns = lay.annotations || annots, panels = [];
    Object.keys(fl).forEach(function (k) {
      var ax = fl[k];
      if (!/^xaxis\d*$/.test(k) || !ax.visible || ax.side === "top") { return; }
      var ya = fl[String(ax.anchor || "y").replace(/^y/, "yaxis")];
      if (ya && ya.domain) { panels.push({ k: k, ax: ax, y: ya.domain, x: ax.domain }); }
    });
    panels.forEach(function (p) {
      var q = null;
      panels.forEach(function (c) {
        var side = c.x[0] < p.x[1] && p.x[0] < c.x[1];
        if (side && c.y[1] <= p.y[0] + 1e-6 && (!q || c.y[1] > q.y[1])) { q = c; }
      });
      var gap = q ? p.y[0] - q.y[1] : 0;
      if (!q || gap <= 0.001) { return; }
      var ax = p.ax, axL = L[p.k] || {}, tsize = (ax.tickfont && ax.tickfont.size) || fl.font.size || 12;
      var below = 0;
      if (ax.showticklabels !== false) {
        var tt = lay[p.k + ".ticktext"] || axL.ticktext || (ax._vals || []).map(function (v) { return v.text; });
        var ang = lay[p.k + ".tickangle"] !== undefined ? lay[p.k + ".tickangle"] : ax.tickangle;
        below += Math.abs(ang) === 90 ? widest(tt, tsize, family)
          : Math.max.apply(null, [1].concat(tt.map(function (s) { return linesOf(s).length; }))) * tsize * 1.3;
        below += 8;
      }
      var at = lay[p.k + ".title.text"] || (axL.title && (typeof axL.title === "string" ? axL.title : axL.title.text));
      if (at) { below += linesOf(at).length * ((ax.title && ax.title.font && ax.title.font.size) || fl.font.size || 12) * 1.3 + 10; }
      var above = 0;
      anns.forEach(function (a) {
        if (!a.text || a.yref !== "paper" || Math.abs(a.y - q.y[1]) > 0.02) { return; }
        above = Math.max(above, linesOf(a.text).length * ((a.font && a.font.size) || fl.font.size || 12) * 1.3 + 6 + (a.yshift || 0));
      });
      needPlotH = Math.max(needPlotH, (below + above + 8) / gap);
    });
    // Bar values written outside the bars: beside the bar where there is room, else inside it, else wrapped.
    fitBarText(gd, fl, W, narrow, family, traces);
    // Scatter text a figure asks to wrap on narrow screens (its narrow override "_wrap": width in px).
    // The figure's own text (as its code or an explorer's state last set it) is kept, for wider screens.
    var wrapSet = gd._swlWrapSet = gd._swlWrapSet || {}, wrapOwn = base.wrapOwn = base.wrapOwn || {};
    Object.keys((meta && meta.traces) || {}).forEach(function (i) {
      var px = meta.traces[i]._wrap, t = gd.data[+i];
      if (traces[i]) { delete traces[i]._wrap; }
      if (!px || !t || !Array.isArray(t.text)) { return; }
      if (!wrapSet[i] || JSON.stringify(t.text) !== JSON.stringify(wrapSet[i])) { wrapOwn[i] = t.text.slice(); }
      var sz = getPath(t, "textfont.size") || fl.font.size || 12;
      var text = wrapOwn[i].map(function (s) { return narrow ? wrapText(s, px, typeof sz === "number" ? sz : 12, family) : s; });
      wrapSet[i] = text;
      if (JSON.stringify(text) !== JSON.stringify(t.text)) { traces[i] = traces[i] || {}; traces[i].text = text; }
    });
    // Heatmap cell text wraps to its cell.
    (gd.data || []).forEach(function (t, i) {
      if (t.type !== "heatmap" || !t.text || !t.texttemplate) { return; }
      var cols = (t.z && t.z[0] && t.z[0].length) || 1, size = (t.textfont && t.textfont.size) || 12;
      var cellW = plotW / cols - (t.xgap || 0) - 6;
      var text = t.text.map(function (row) { return row.map(function (s) { return wrapText(s, cellW, size, family); }); });
      if (JSON.stringify(text) !== JSON.stringify(t.text)) { traces[i] = traces[i] || {}; traces[i].text = text; }
    });
    // Height: the figure's own, grown on a narrow screen so that the plot keeps the height the figure gave it
    // (and each category its label's lines) after the title, legend and labels take their room.
    var H = ownH;
    if (narrow && drawnHere) {
      var plotH = Math.max(ownH - base.margin.t - base.margin.b, needPlotH);
      var legH = (fl.showlegend && fl.legend && fl.legend._height) || 0;
      var tb = S.t + Math.max(S.b, legH + 16);
      H = Math.max(ownH, Math.ceil(plotH + tb));
      if (Math.abs(H - (L.height || fl.height)) < 4) { H = L.height || fl.height; }  // no creeping by a few px
    }
    lay.height = H;
    gd._swlFitH = H;
    if (titleDown) { lay["title.y"] = 1 - titleDown / H; }
    var box = gd.parentNode;
    if (box && box.style && box.style.height !== H + "px") { box.style.height = H + "px"; }
    Object.keys(lay).forEach(function (k) {
      var cur = getPath(L, k);
      if (JSON.stringify(cur) === JSON.stringify(lay[k])) { delete lay[k]; }
    });
    var todo = [];
    Object.keys(traces).forEach(function (i) {
      var upd = {};
      Object.keys(traces[i]).forEach(function (k) {
        var v = traces[i][k];
        if (JSON.stringify(getPath(gd.data[+i], k)) !== JSON.stringify(v)) { upd[k] = [v]; }
      });
      if (Object.keys(upd).length) { todo.push([upd, +i]); }
    });
    if (!todo.length && !Object.keys(lay).length) {
      gd.setAttribute("data-swl-fit", narrow ? "narrow" : "wide");
      return;
    }
    gd._swlBusy = true;
    gd.removeAttribute("data-swl-fit");
    var chain = Promise.resolve();
    todo.forEach(function (u) { chain = chain.then(function () { return window.Plotly.restyle(gd, u[0], [u[1]]); }); });
    chain.then(function () { return Object.keys(lay).length ? window.Plotly.relayout(gd, lay) : null; })
      .catch(function (e) { if (window.console) { console.error("swl: fit", e); } })
      .then(function () {
        gd._swlBusy = false;
        var again = gd._swlFitAgain;
        gd._swlFitAgain = false;
        // What moved may change what fits (a wider label margin, a taller legend): look again, a few times at most.
        if (again) { fitFigure(gd, 0); }
        else if (pass + 1 < MAX_PASSES) { fitFigure(gd, pass + 1); }
        else { gd.setAttribute("data-swl-fit", narrow ? "narrow" : "wide"); }
      });
  }

  /* Text written outside bars (textposition "outside"): per bar, beside its end where it fits inside the figure
   * (not over the other axis' labels), else inside the bar, else wrapped onto lines to the larger of the two.
   * The figure's own text is kept (base.barText) and restored on wide screens. */
  function fitBarText(gd, fl, W, narrow, family, traces) {
    var base = gd._swlBase, set = gd._swlBarSet = gd._swlBarSet || {};
    (gd.data || []).forEach(function (t, i) {
      if (t.type !== "bar" || t.visible === false) { return; }
      var own = base.barText[i];
      var mine = set[i] && JSON.stringify(t.text) === JSON.stringify(set[i].text) &&
                 JSON.stringify(t.textposition) === JSON.stringify(set[i].pos);
      if (!mine) {  // new text from the figure's code (a state change): it is the figure's own from now on
        if (t.textposition !== "outside" && !(own && own.outside)) { return; }
        own = base.barText[i] = { text: t.text, pos: t.textposition, outside: t.textposition === "outside" || (own && own.outside) };
        if (t.textposition !== "outside") { own.pos = "outside"; }
      }
      var text = own.text, horiz = t.orientation === "h";
      var vals = horiz ? t.x : t.y, cats = horiz ? t.y : t.x;
      var ax = fl[(horiz ? (t.xaxis || "x") : (t.yaxis || "y")).replace(/^([xy])/, "$1axis")];
      var cd = gd.calcdata && gd.calcdata[i];
      var size = getPath(t, "textfont.size") || (fl.font && fl.font.size) || 12;
      var outText = [], outPos = [];
      if (!narrow || !horiz || !ax || !ax._length || !Array.isArray(text) || !Array.isArray(vals)) {
        outText = text; outPos = narrow && !horiz ? "auto" : own.pos;
      } else {
        var zero = ax._offset + ax.l2p(0), lo = ax._offset;
        var other = fl[(t.yaxis || "y").replace(/^y/, "yaxis")];
        var thick = cd && cd[0] && cd[0].t && cd[0].t.barwidth && other && other._m ? Math.abs(other._m * cd[0].t.barwidth) : 24;
        text.forEach(function (s, n) {
          var v = vals[n];
          if (s == null || s === "" || v == null) { outText.push(s); outPos.push("none"); return; }
          var end = ax._offset + ax.l2p(v);
          var beside = v >= 0 ? W - end - 4 : end - lo - 4;  // a negative bar's text stops at the plot's edge
          var inside = Math.abs(end - zero) - 8;
          var flat = plainText(s), tw = textWidth(flat, size, family);
          if (tw <= beside) { outText.push(flat); outPos.push("outside"); return; }
          if (tw <= inside) { outText.push(flat); outPos.push("inside"); return; }
          var wrapped = wrapText(flat, Math.max(beside, inside, 30), size, family);
          var tall = linesOf(wrapped).length * size * 1.25 <= thick + 6;
          outText.push(wrapped); outPos.push(tall && widest([wrapped], size, family) <= beside ? "outside" : "inside");
        });
      }
      set[i] = { text: outText, pos: outPos };
      traces[i] = traces[i] || {};
      traces[i].text = outText; traces[i].textposition = outPos;
    });
  }

  /* Named apart from the theme's watchTheme (below): both once shared one name and flag, and the later
   * declaration silently replaced this one, so figures were never re-fitted after a resize or a state change. */
  function watchFit(gd) {
    if (!gd || gd._swlFitWatched || !gd.closest(".swl-plot")) { return; }
    gd._swlFitWatched = true;
    var timer = null;
    function later() {
      if (gd._swlBusy) { return; }
      gd.removeAttribute("data-swl-fit");
      clearTimeout(timer); timer = setTimeout(function () { fitFigure(gd); }, 30);
    }
    whenPlotted(gd, function () {
      fitFigure(gd);
      if (gd.on) { gd.on("plotly_relayout", later); gd.on("plotly_restyle", later); }
      if (window.ResizeObserver) {
        var w = gd.clientWidth;
        new ResizeObserver(function () { if (gd.clientWidth !== w) { w = gd.clientWidth; later(); } }).observe(gd);
      }
    });
  }

  function watchFigures() {
    Array.prototype.forEach.call(document.querySelectorAll(".swl-plot .plotly-graph-div"), watchFit);
  }
  document.addEventListener("swl:figure-ready", function (e) {
    var gd = e.target && e.target.closest ? e.target.closest(".js-plotly-plot") : null;
    if (gd) { watchFit(gd); fitFigure(gd); }
  });

  /* ------------------------------------------------------------------ figures follow the light/dark theme
   * The theme's switch sets <html data-theme="light|dark">. In dark mode every plotly figure takes the page's
   * background and text colours, dark grid lines, and any trace colour below 3:1 against the background is
   * lightened; the light values are kept and put back when the reader switches to light, and for printing.
   * Figures are themed when drawn (the `swl:figure-ready` event, or already drawn at load) and again after any
   * restyle/relayout by other code (an explorer's state), so a state change never brings back a dark trace. */
  var colourCtx = null;
  function rgba(c) {
    colourCtx = colourCtx || document.createElement("canvas").getContext("2d");
    colourCtx.fillStyle = "#000"; colourCtx.fillStyle = String(c);
    var s = colourCtx.fillStyle;
    if (s.charAt(0) === "#") { return [parseInt(s.substr(1, 2), 16), parseInt(s.substr(3, 2), 16), parseInt(s.substr(5, 2), 16), 1]; }
    var m = s.match(/[\d.]+/g).map(Number);
    return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
  }
  function lum(c) {
    var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function contrast(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  /* The colour with the same hue, made lighter until it reaches `min`:1 against `bg`. */
  function lighten(col, bg, min) {
    var c = rgba(col);
    if (c[3] === 0 || contrast(c, bg) >= min) { return col; }
    var r = c[0] / 255, g = c[1] / 255, b = c[2] / 255, mx = Math.max(r, g, b), mn = Math.min(r, g, b);
    var l = (mx + mn) / 2, d = mx - mn, s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1)), h = 0;
    if (d) { h = mx === r ? ((g - b) / d) % 6 : mx === g ? (b - r) / d + 2 : (r - g) / d + 4; h *= 60; if (h < 0) { h += 360; } }
    for (var L = Math.max(l, 1 - l); L <= 1.0001; L += 0.04) {
      var out = "hsla(" + h.toFixed(0) + "," + (s * 100).toFixed(0) + "%," + (Math.min(L, 1) * 100).toFixed(0) + "%," + c[3] + ")";
      if (contrast(rgba(out), bg) >= min) { return out; }
    }
    return "#ffffff";
  }
  function getPath(obj, path) {
    return path.split(".").reduce(function (o, k) {
      if (o === undefined || o === null) { return undefined; }
      var m = k.match(/^(\w+)\[(\d+)\]$/);
      return m ? (o[m[1]] || [])[parseInt(m[2], 10)] : o[k];
    }, obj);
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  var printing = false, PRINT_WIDTH = 660;  /* px: the text width of an A4 page in Chromium's print */
  function darkMode() { return !printing && document.documentElement.getAttribute("data-theme") === "dark"; }

  /* What dark mode sets in a figure's layout: {path: value}. `light(path)` reads the light value of a path. */
  function darkLayout(gd, bg, fg, light) {
    var fl = gd._fullLayout, grid = "#3a4048", line = "#8a8f98", p = {};
    p.paper_bgcolor = bg; p.plot_bgcolor = bg; p["font.color"] = fg; p["title.font.color"] = fg;
    if (fl.showlegend) { p["legend.bgcolor"] = "rgba(0,0,0,0)"; p["legend.font.color"] = fg; }
    var axis = function (k) {
      p[k + ".gridcolor"] = grid; p[k + ".linecolor"] = line; p[k + ".tickcolor"] = line;
      p[k + ".tickfont.color"] = fg; p[k + ".title.font.color"] = fg;
    };
    Object.keys(fl).forEach(function (k) {
      if (/^[xy]axis\d*$/.test(k)) { axis(k); p[k + ".zerolinecolor"] = line; }
      if (/^polar\d*$/.test(k)) { p[k + ".bgcolor"] = bg; axis(k + ".radialaxis"); axis(k + ".angularaxis"); }
    });
    (fl.annotations || []).forEach(function (a, i) {
      var at = "annotations[" + i + "].", font = light(at + "font.color"), arrow = light(at + "arrowcolor");
      var onPaper = !a.bgcolor || rgba(a.bgcolor)[3] === 0;
      if (onPaper && font && contrast(rgba(font), rgba(bg)) < 4.5) { p[at + "font.color"] = lighten(font, rgba(bg), 4.5); }
      if (a.showarrow && arrow && contrast(rgba(arrow), rgba(bg)) < 3) { p[at + "arrowcolor"] = lighten(arrow, rgba(bg), 3); }
    });
    return p;
  }

  /* What dark mode sets in one trace (`t`: its full data): {path: value}; only colours below 3:1 against the
   * background change. `light(path)` reads the light value of a colour. */
  function darkTrace(t, bg, light) {
    var p = {}, mode = t.mode || "", pos = String(t.textposition || "");
    var fix = function (path, min) {
      var v = light(path);
      if (typeof v === "string") { var n = lighten(v, bg, min); if (n !== v) { p[path] = n; } }
      else if (Array.isArray(v) && v.length && typeof v[0] === "string") {
        var arr = v.map(function (x) { return lighten(x, bg, min); });
        if (!same(arr, v)) { p[path] = arr; }
      }
    };
    if (t.visible === false || t.type === "heatmap") { return p; }
    if (t.type === "bar") { fix("marker.color", 3); }
    if (mode.indexOf("lines") >= 0) { fix("line.color", 3); }
    if (mode.indexOf("markers") >= 0) { fix("marker.color", 3); if (t.marker && t.marker.line && t.marker.line.width) { fix("marker.line.color", 3); } }
    if (t.fill && t.fill !== "none" && t.fill !== "toself") { fix("fillcolor", 1.5); }
    // Text beside its point (or with no marker under it) sits on the background; bar text outside its bar too.
    var beside = [].concat(t.textposition || []).some(function (q) { return q !== "middle center"; });
    if ((t.type === "scatter" || t.type === "scatterpolar") && mode.indexOf("text") >= 0 &&
        (mode.indexOf("markers") < 0 || beside)) { fix("textfont.color", 4.5); }
    if (t.type === "bar" && /outside|auto/.test(pos)) { fix("textfont.color", 4.5); }
    return p;
  }

  /* The light value of `path`: what the figure shows now, unless dark mode replaced it (then what it replaced). */
  function lightValue(current, full, memo, path) {
    var m = memo[path];
    return m && same(getPath(current, path), m.set) ? m.light : getPath(full, path);
  }

  /* Apply `patch` ({path: value}) to one place (layout or a trace), remembering the value it replaces; with no
   * patch, put back every remembered value. `memo` maps path -> {orig (as set by the figure), light (as drawn),
   * set (by dark mode)}. */
  function plan(current, full, memo, patch) {
    var upd = {};
    if (patch) {
      Object.keys(patch).forEach(function (k) {
        var cur = getPath(current, k), m = memo[k];
        if (!m || !same(cur, m.set)) {
          memo[k] = m = { orig: cur === undefined ? null : cur, light: getPath(full, k), set: patch[k] };
        }
        m.set = patch[k];
        if (!same(cur, patch[k])) { upd[k] = patch[k]; }
      });
    }
    Object.keys(memo).forEach(function (k) {
      if (patch && k in patch) { return; }
      var cur = getPath(current, k);
      if (same(cur, memo[k].set)) { upd[k] = memo[k].orig; }
      delete memo[k];
    });
    return upd;
  }

  function themeFigure(gd) {
    if (!gd || !gd._fullLayout || !window.Plotly || gd._swlTheming) { return; }
    // The theme's own colour variables (the body's computed colours may be mid-transition after a switch).
    var dark = darkMode(), vars = window.getComputedStyle(document.documentElement);
    var bg = vars.getPropertyValue("--pst-color-background").trim() || "#121212";
    var fg = vars.getPropertyValue("--pst-color-text-base").trim() || "#ced6dd";
    gd._swlMemo = gd._swlMemo || { layout: {}, traces: [] };
    var memo = gd._swlMemo, jobs = [];
    var lay = plan(gd.layout, gd._fullLayout, memo.layout, dark ? darkLayout(gd, bg, fg, function (path) {
      return lightValue(gd.layout, gd._fullLayout, memo.layout, path);
    }) : null);
    if (Object.keys(lay).length) { jobs.push(function () { return window.Plotly.relayout(gd, lay); }); }
    var plotBg = rgba(bg);
    (gd.data || []).forEach(function (t, i) {
      memo.traces[i] = memo.traces[i] || {};
      var full = (gd._fullData || [])[i] || t, tm = memo.traces[i];
      var patch = dark ? darkTrace(full, plotBg, function (path) { return lightValue(t, full, tm, path); }) : null;
      var upd = plan(t, full, tm, patch), wrapped = {};
      Object.keys(upd).forEach(function (k) { wrapped[k] = [upd[k]]; });
      if (Object.keys(wrapped).length) { jobs.push(function () { return window.Plotly.restyle(gd, wrapped, [i]); }); }
    });

    if (!jobs.length) { return; }
    gd._swlTheming = true;
    jobs.reduce(function (p, job) { return p.then(job); }, Promise.resolve())
      .catch(function (e) { if (window.console) { console.error("swl: theme", e); } })
      .then(function () { gd._swlTheming = false; gd.setAttribute("data-swl-theme", dark ? "dark" : "light"); });
  }

  function watchTheme(gd) {
    if (!gd || gd._swlThemeWatched) { return; }
    whenPlotted(gd, function () {
      if (gd._swlThemeWatched) { return; }
      gd._swlThemeWatched = true;
      // Other code (an explorer's state) restyles traces: theme them again afterwards.
      if (gd.on) {
        gd.on("plotly_restyle", function () { if (!gd._swlTheming) { themeFigure(gd); } });
        gd.on("plotly_relayout", function () { if (!gd._swlTheming) { themeFigure(gd); } });
      }
      themeFigure(gd);
    });
  }
  function allFigures() { return Array.prototype.slice.call(document.querySelectorAll(".js-plotly-plot, .plotly-graph-div")); }
  function themeAll() { allFigures().forEach(function (gd) { if (gd._swlThemeWatched) { themeFigure(gd); } else { watchTheme(gd); } }); }

  function initTheme() {
    if (initTheme.done) { return; }
    initTheme.done = true;
    document.addEventListener("swl:figure-ready", function (e) { watchTheme(e.target); });
    if (window.MutationObserver) {
      new MutationObserver(themeAll).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    }
    // Paper is white: print figures in their light colours and no wider than an A4 page's text, then put the
    // reader's mode and widths back.
    window.addEventListener("beforeprint", function () {
      printing = true;
      allFigures().forEach(function (gd) {
        if (window.Plotly && gd._fullLayout && gd._fullLayout.width > PRINT_WIDTH) {
          gd._swlWidth = { width: gd.layout.width === undefined ? null : gd.layout.width };
          window.Plotly.relayout(gd, { width: PRINT_WIDTH });
        }
      });
      themeAll();
    });
    window.addEventListener("afterprint", function () {
      printing = false;
      allFigures().forEach(function (gd) {
        if (gd._swlWidth) { window.Plotly.relayout(gd, gd._swlWidth); delete gd._swlWidth; }
      });
      themeAll();
    });
    window.addEventListener("load", themeAll);
    themeAll();
  }

  /* ------------------------------------------------------------------ wiring */
  var INIT = { explorer: initExplorer, question: initQuestion, sorter: initSorter, journal: initJournal, assessment: initAssessment,
               quiz: initQuiz, portfolio: initPortfolio };

  function scan() {
    initFigures();
    watchFigures();
    initTheme();
    Object.keys(INIT).forEach(function (kind) {
      var els = document.querySelectorAll('[data-swl="' + kind + '"]:not([data-swl-ready])');
      Array.prototype.forEach.call(els, function (el) {
        el.setAttribute("data-swl-ready", "1");
        try { INIT[kind](el); } catch (e) { if (window.console) { console.error("swl: " + kind, e); } }
      });
    });
  }

  window.addEventListener("beforeprint", function () { drawAll(); });
  window.SWL = { version: 1, scan: scan, drawFigures: drawAll, fitFigure: fitFigure, themeFigure: themeFigure, gaps: gaps,
                 planMarkdown: planMarkdown, journalMarkdown: journalMarkdown, portfolioMarkdown: portfolioMarkdown };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", scan); } else { scan(); }
})();
