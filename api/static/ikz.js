/* IKZ-Berater: progressive enhancement of the pages — the form works without this script
   (server-side buttons and full-page submit). No dependencies, no inline handlers (strict CSP).

   - every page: an error summary (data-fokus) gets the focus, so screen readers read it;
   - the form: live assessment while typing (questions, catalogue defaults, warnings at the
     fields), partner names typed in step 1 shown at once in the provider choice, the recipient
     boxes and the cost table, and a warning before leaving unsaved entries. */
(function () {
  "use strict";

  var zuerst = document.querySelector("[data-fokus]");
  if (zuerst) { zuerst.focus(); }

  var form = document.getElementById("fallakte-formular");
  if (!form) { return; }

  /* --- unsaved entries ------------------------------------------------------------------ */
  var ungespeichert = form.getAttribute("data-ungespeichert") === "ja";
  form.addEventListener("input", function () { ungespeichert = true; });
  form.addEventListener("change", function () { ungespeichert = true; });
  form.addEventListener("submit", function () { ungespeichert = false; });
  window.addEventListener("beforeunload", function (ereignis) {
    if (!ungespeichert) { return; }
    ereignis.preventDefault();
    ereignis.returnValue = "";
  });

  /* --- partner names ---------------------------------------------------------------------- */
  var NAME = /^beteiligte\[(\d+)\]\.name$/;
  form.addEventListener("input", function (ereignis) {
    var m = NAME.exec(ereignis.target.name || "");
    if (!m) { return; }
    var zeile = m[1];
    var name = ereignis.target.value.trim();
    var text = name || ("Beteiligter " + (Number(zeile) + 1) + " (noch ohne Namen)");
    form.querySelectorAll('[data-partner-name="' + zeile + '"]').forEach(function (el) { el.textContent = text; });
    form.querySelectorAll('[data-partner-titel="' + zeile + '"]').forEach(function (el) {
      el.textContent = name ? ": " + name : "";
    });
  });

  /* --- live assessment -------------------------------------------------------------------- */
  if (!window.fetch || !window.FormData) { return; }
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

  function setze(attribut, werte, praefix) {
    var knoten = form.querySelectorAll("[" + attribut + "]");
    for (var i = 0; i < knoten.length; i++) {
      var el = knoten[i];
      var fuer = el.getAttribute(attribut);
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
      /* a question in a folded group (e.g. the rarer cases) opens the group */
      var gruppe = text && praefix && el.closest ? el.closest("details") : null;
      if (gruppe && !gruppe.open) { gruppe.open = true; }
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
      headers: {
        "Accept": "application/json",
        /* the session's CSRF token, written into the form by the server (also in the body) */
        "X-CSRF-Token": form.elements.csrf_token ? form.elements.csrf_token.value : ""
      },
      credentials: "same-origin",
      signal: laufend ? laufend.signal : undefined
    }).then(function (antwort) {
      if (!antwort.ok) { throw new Error("HTTP " + antwort.status); }
      return antwort.json();
    }).then(function (json) {
      if (meine !== nummer) { return; }
      region.innerHTML = json.html;  /* server-rendered and escaped by Jinja2 */
      setze("data-frage-fuer", json.fragen || {}, "Offene Frage:");
      setze("data-katalog-fuer", json.katalog || {}, "");
      setze("data-warnung-fuer", json.warnungen || {}, "");
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
