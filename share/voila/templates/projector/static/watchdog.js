// projector: never silent. If a view has drawn no figure 45 s after it was opened (a very busy computer, a
// failed widget connection or a dead kernel), say so and offer a reload; the note goes away by itself if the
// figure arrives after all. Once drawn, the live figures report a lost connection themselves
// (swleadership/render.py).
(function () {
  var ID = "swl-connection-banner";
  function show(text) {
    var b = document.getElementById(ID);
    if (!b) {
      b = document.createElement("div");
      b.id = ID;
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
    return b;
  }
  function drawn() {
    var plots = document.querySelectorAll(".swl-projector .js-plotly-plot");
    return plots.length > 0 && Array.prototype.every.call(plots, function (gd) { return !!gd._fullLayout; });
  }
  setTimeout(function () {
    if (drawn()) return;
    var b = show("The figure has not arrived after 45 seconds: the connection to Python may have failed, or the " +
                 "computer is very busy. Reload the page if nothing appears.");
    b.dataset.kind = "slow";
    document.addEventListener("swl:figure-ready", function () {
      if (b.dataset.kind === "slow" && drawn()) b.remove();
    });
  }, 45000);
})();
