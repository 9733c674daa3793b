// projector: never silent. The page loads this script first (in its head), so it runs even when the rest of the
// page never arrives. If a view has drawn no figure 30 s after it was opened (a failed widget connection, a
// stalled kernel or a very busy computer), it reloads the page once, saying so; if the figure has still not
// arrived 45 s after that reload, it says so and offers a reload button. The note goes away by itself if the
// figure arrives after all. Once drawn, the live figures report a lost connection themselves
// (swleadership/render.py). window.SWL_WATCHDOG_S and SWL_WATCHDOG_AGAIN_S (seconds) shorten the waits for tests.
(function () {
  var ID = "swl-connection-banner";
  var FIRST_S = window.SWL_WATCHDOG_S || 30, AGAIN_S = window.SWL_WATCHDOG_AGAIN_S || 45;
  var KEY = "swl-watchdog-reloaded:" + location.pathname;
  function show(text, withButton) {
    var b = document.getElementById(ID);
    if (!b) {
      b = document.createElement("div");
      b.id = ID;
      b.className = "swl-connection-banner";
      b.setAttribute("role", "alert");
      b.appendChild(document.createElement("span"));
      document.body.insertBefore(b, document.body.firstChild);
    }
    b.firstChild.textContent = text;
    if (withButton && !b.querySelector("button")) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = "Reload the page";
      btn.addEventListener("click", function () { location.reload(); });
      b.appendChild(btn);
    }
    return b;
  }
  function drawn() {
    var plots = document.querySelectorAll(".swl-projector .js-plotly-plot");
    return plots.length > 0 && Array.prototype.every.call(plots, function (gd) { return !!gd._fullLayout; });
  }
  function reloaded() {
    try { return sessionStorage.getItem(KEY) === "1"; } catch (e) { return true; }  // no storage: never loop
  }
  function remember(on) {
    try { if (on) sessionStorage.setItem(KEY, "1"); else sessionStorage.removeItem(KEY); } catch (e) { /* none */ }
  }
  document.addEventListener("swl:figure-ready", function () {
    if (!drawn()) return;
    remember(false);  // this view works: a later stall may reload it once again
    var b = document.getElementById(ID);
    if (b && b.dataset.kind === "slow") b.remove();
  });
  if (!reloaded()) {
    setTimeout(function () {
      if (drawn()) return;
      remember(true);
      show("The figure has not arrived after " + FIRST_S + " seconds: reloading the page once.", false).dataset.kind = "slow";
      setTimeout(function () { location.reload(); }, 2500);
    }, FIRST_S * 1000);
  } else {
    setTimeout(function () {
      if (drawn()) return;
      show("The figure has still not arrived after a reload: the connection to Python may have failed, or the " +
           "computer is very busy. Reload the page if nothing appears.", true).dataset.kind = "slow";
    }, AGAIN_S * 1000);
  }
})();
