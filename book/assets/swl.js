/* The book's interactive components, for the static book (no kernel, no network).
 *
 * Every component is plain HTML written by the Python package (swleadership) with its data in a
 * <script type="application/json">; this script finds them (elements with data-swl) and wires native controls:
 *   explorer   - labelled <select>/<input type=range>/radio/checkbox -> Plotly.restyle/relayout of precomputed states
 *   quiz       - radio buttons or checkboxes + "Check answer" -> feedback in a live region; a score at the end,
 *                "Try again"; the latest score is saved to localStorage (swl-quiz:<chapter>)
 *   sorter     - a <select> per item + "Check my answers" -> feedback per item and a score
 *   journal    - <textarea>s saved to localStorage (swl-journal:<chapter>:<n>); export all reflections as
 *                Markdown; clear this chapter after an in-page confirmation
 *   assessment - ratings -> radar chart, gap table, downloadable action plan; saved to localStorage
 *                (swl-assessment:<id>, with the title and items so the portfolio can rebuild the plan)
 *   portfolio  - the "My portfolio" page: gathers all of the above from localStorage; export and print
 * Nothing is sent anywhere. Loaded once per page by the book; inlined by the package in JupyterLab/Voila.
 */
(function () {
  "use strict";
  if (window.SWL && window.SWL.version) { return; }

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

  function whenPlotted(gd, fn, tries) {
    tries = tries || 0;
    if (window.Plotly && gd && gd._fullLayout) { fn(); return; }
    if (tries > 200) { return; }
    setTimeout(function () { whenPlotted(gd, fn, tries + 1); }, 25);
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
      view.innerHTML = h.join("");
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

  /* ------------------------------------------------------------------ wiring */
  var INIT = { explorer: initExplorer, question: initQuestion, sorter: initSorter, journal: initJournal, assessment: initAssessment,
               quiz: initQuiz, portfolio: initPortfolio };

  function scan() {
    Object.keys(INIT).forEach(function (kind) {
      var els = document.querySelectorAll('[data-swl="' + kind + '"]:not([data-swl-ready])');
      Array.prototype.forEach.call(els, function (el) {
        el.setAttribute("data-swl-ready", "1");
        try { INIT[kind](el); } catch (e) { if (window.console) { console.error("swl: " + kind, e); } }
      });
    });
  }

  window.SWL = { version: 1, scan: scan, gaps: gaps, planMarkdown: planMarkdown, journalMarkdown: journalMarkdown,
                 portfolioMarkdown: portfolioMarkdown };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", scan); } else { scan(); }
})();
