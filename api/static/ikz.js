/* IKZ-Berater: live assessment while the form is filled in. Progressive enhancement only — the
   form works without this script (server-side buttons and full-page submit). No dependencies. */
(function () {
  "use strict";
  var form = document.getElementById("fallakte-formular");
  if (!form || !window.fetch || !window.FormData) { return; }
  var region = document.getElementById("live-ergebnis");
  var url = form.getAttribute("data-live-url");
  var timer = null;
  var laufend = null;
  var nummer = 0;

  function beschreibung(feld, id, an) {
    var ids = (feld.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    var hat = ids.indexOf(id) !== -1;
    if (an && !hat) { ids.push(id); }
    if (!an && hat) { ids.splice(ids.indexOf(id), 1); }
    if (ids.length) { feld.setAttribute("aria-describedby", ids.join(" ")); }
    else { feld.removeAttribute("aria-describedby"); }
  }

  function setze(selektor, werte, praefix) {
    var knoten = form.querySelectorAll(selektor);
    for (var i = 0; i < knoten.length; i++) {
      var el = knoten[i];
      var fuer = el.getAttribute(selektor === "[data-frage-fuer]" ? "data-frage-fuer" : "data-katalog-fuer");
      var text = werte[fuer] || "";
      el.textContent = "";
      if (text) {
        if (praefix) {
          var stark = document.createElement("strong");
          stark.textContent = praefix;
          el.appendChild(stark);
          el.appendChild(document.createTextNode(" "));
        }
        el.appendChild(document.createTextNode(text));
      }
      el.hidden = !text;
      var feld = document.getElementById(fuer);
      if (feld) { beschreibung(feld, el.id, !!text); }
    }
  }

  function aktualisiere() {
    var meine = ++nummer;
    if (laufend && laufend.abort) { laufend.abort(); }
    laufend = window.AbortController ? new AbortController() : null;
    var daten = new URLSearchParams(new FormData(form));
    daten.delete("aktion");
    region.setAttribute("aria-busy", "true");
    fetch(url, {
      method: "POST",
      body: daten,
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      signal: laufend ? laufend.signal : undefined
    }).then(function (antwort) {
      if (!antwort.ok) { throw new Error("HTTP " + antwort.status); }
      return antwort.json();
    }).then(function (json) {
      if (meine !== nummer) { return; }
      region.innerHTML = json.html;  /* server-rendered and escaped by Jinja2 */
      setze("[data-frage-fuer]", json.fragen || {}, "Offene Frage:");
      setze("[data-katalog-fuer]", json.katalog || {}, "");
      region.setAttribute("aria-busy", "false");
    }).catch(function (fehler) {
      if (fehler && fehler.name === "AbortError") { return; }
      region.setAttribute("aria-busy", "false");
      region.innerHTML = "";
      var p = document.createElement("p");
      p.className = "meldung meldung--fehler";
      p.textContent = "Das Zwischenergebnis konnte nicht aktualisiert werden. Ihre Eingaben bleiben erhalten; „Zwischenergebnis aktualisieren“ prüft sie erneut.";
      region.appendChild(p);
    });
  }

  function spaeter() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(aktualisiere, 500);
  }

  form.addEventListener("input", spaeter);
  form.addEventListener("change", spaeter);
})();
