/* IKZ-Berater: sort a table by a column when its header button is pressed (screening result).
   Progressive enhancement; without JavaScript the table stays in the order of the action list. */
(function () {
  "use strict";
  var tabelle = document.getElementById("screening-tabelle");
  if (!tabelle) { return; }
  var risiko = { "hoch": 3, "mittel": 2, "gering": 1 };
  tabelle.querySelectorAll("th button[data-sort]").forEach(function (knopf) {
    knopf.addEventListener("click", function () {
      var th = knopf.parentElement;
      var auf = th.getAttribute("aria-sort") !== "ascending";
      tabelle.querySelectorAll("th").forEach(function (x) { x.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", auf ? "ascending" : "descending");
      var index = Array.prototype.indexOf.call(th.parentElement.children, th);
      var art = knopf.getAttribute("data-sort");
      var koerper = tabelle.tBodies[0];
      var zeilen = Array.prototype.slice.call(koerper.rows);
      zeilen.sort(function (a, b) {
        var x = a.cells[index].getAttribute("data-wert") || a.cells[index].textContent.trim();
        var y = b.cells[index].getAttribute("data-wert") || b.cells[index].textContent.trim();
        var v;
        if (art === "zahl") { v = (parseFloat(x) || -1) - (parseFloat(y) || -1); }
        else if (art === "risiko") { v = (risiko[x] || 0) - (risiko[y] || 0); }
        else { v = x.localeCompare(y, "de"); }
        return auf ? v : -v;
      });
      zeilen.forEach(function (z) { koerper.appendChild(z); });
    });
  });
})();
