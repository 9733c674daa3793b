// projector: never silent. If no live figure has been drawn 25 s after Voilà finished running the view (the
// widget connection failed, or the kernel died), say so and offer a reload. The live figures themselves report
// a lost connection later on (swleadership/render.py).
(function () {
  function banner(text) {
    if (window.swlConnectionBanner) { window.swlConnectionBanner(text); return; }
    var b = document.getElementById("swl-connection-banner");
    if (!b) {
      b = document.createElement("div");
      b.id = "swl-connection-banner";
      b.className = "swl-connection-banner";
      b.setAttribute("role", "alert");
      var msg = document.createElement("span");
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = "Reload the page";
      btn.addEventListener("click", function () { location.reload(); });
      b.appendChild(msg);
      b.appendChild(btn);
      document.body.insertBefore(b, document.body.firstChild);
    }
    b.firstChild.textContent = text;
  }
  window.swlConnectionBanner = window.swlConnectionBanner || banner;
  function drawn() {
    var plots = document.querySelectorAll(".swl-projector .js-plotly-plot");
    return plots.length > 0 && Array.prototype.every.call(plots, function (gd) { return !!gd._fullLayout; });
  }
  setTimeout(function () {
    if (!drawn()) {
      banner("The figure did not arrive: the connection to Python failed. Reload the page to try again.");
    }
  }, 25000);
})();
