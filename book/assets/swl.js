/* The book's interactive components, for the static book (no kernel, no network).
 *
 * Every component is plain HTML written by the Python package (swleadership) with its data in a
 * <script type="application/json">; this script finds them (elements with data-swl) and wires native controls:
 *   explorer   - labelled <select>/<input type=range>/radio/checkbox -> Plotly.restyle/relayout of precomputed states
 *   quiz       - radio buttons + "Check answer" -> feedback per answer in a live region
 *   sorter     - a <select> per item + "Check my answers" -> feedback per item and a score
 *   journal    - <textarea>s saved to localStorage; export all reflections as Markdown; clear this chapter
 *   assessment - ratings -> radar chart, gap table, downloadable action plan; saved to localStorage
 *   theme      - every plotly figure follows the theme's light/dark switch (and prints light)
 * Nothing is sent anywhere. Loaded once per page by the book; inlined by the package in JupyterLab/Voila.
 */
(function () {
  "use strict";
  if (window.SWL && window.SWL.version) { return; }

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

  function watchFigure(gd) {
    if (!gd || gd._swlWatched) { return; }
    whenPlotted(gd, function () {
      if (gd._swlWatched) { return; }
      gd._swlWatched = true;
      // Other code (an explorer's state) restyles traces: theme them again afterwards.
      if (gd.on) {
        gd.on("plotly_restyle", function () { if (!gd._swlTheming) { themeFigure(gd); } });
        gd.on("plotly_relayout", function () { if (!gd._swlTheming) { themeFigure(gd); } });
      }
      themeFigure(gd);
    });
  }
  function allFigures() { return Array.prototype.slice.call(document.querySelectorAll(".js-plotly-plot, .plotly-graph-div")); }
  function themeAll() { allFigures().forEach(function (gd) { if (gd._swlWatched) { themeFigure(gd); } else { watchFigure(gd); } }); }

  function initTheme() {
    if (initTheme.done) { return; }
    initTheme.done = true;
    document.addEventListener("swl:figure-ready", function (e) { watchFigure(e.target); });
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
  var INIT = { explorer: initExplorer, question: initQuestion, sorter: initSorter, journal: initJournal, assessment: initAssessment };

  function scan() {
    initTheme();
    Object.keys(INIT).forEach(function (kind) {
      var els = document.querySelectorAll('[data-swl="' + kind + '"]:not([data-swl-ready])');
      Array.prototype.forEach.call(els, function (el) {
        el.setAttribute("data-swl-ready", "1");
        try { INIT[kind](el); } catch (e) { if (window.console) { console.error("swl: " + kind, e); } }
      });
    });
  }

  window.SWL = { version: 1, scan: scan, gaps: gaps, planMarkdown: planMarkdown, journalMarkdown: journalMarkdown,
    themeFigure: themeFigure };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", scan); } else { scan(); }
})();
