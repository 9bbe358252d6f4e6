# language: de
Funktionalität: Die Beschlussvorlage sagt dem Rat, was er beschließt und was es kostet
  Die Vorlage für Rat, Kreistag oder Verbandsversammlung enthält den Beschlusstext, den Zweck,
  die Rechtsform, die Kosten je Jahr und je Beteiligtem, das steuerliche Ergebnis in einem Absatz
  mit seinem Risiko und den Zeitplan bis zu Genehmigung und Bekanntmachung gegen den 01.01.2027.

  Szenario: Beschlusstext und Kosten je Beteiligtem
    Angenommen die Fallakte "personalabrechnung-mandatierend"
    Wenn das Dokument "beschlussvorlage" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Der Kreistag stimmt dem Abschluss der mandatierenden öffentlich-rechtlichen Vereinbarung"
    Und enthält das PDF den Text "Der Landrat wird ermächtigt, die Vereinbarung zu unterzeichnen"
    Und enthält das PDF den Text "Kosten je Jahr und Beteiligtem"
    Und enthält das PDF jeden Jahresanteil der Kalkulation

  Szenario: Das steuerliche Ergebnis in einem Absatz mit seinem Risiko
    Angenommen die Fallakte "standesamt-delegierend"
    Wenn das Dokument "beschlussvorlage" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "ist nach der steuerlichen Würdigung nicht steuerbar"
    Und enthält das PDF den Text "Das Risiko einer abweichenden Beurteilung durch die Finanzverwaltung ist mittel"
    Und enthält das PDF den Text "eine verbindliche Auskunft (§ 89 Abs. 2 AO) zu beantragen"

  Szenario: Der Zeitplan rechnet vom 01.01.2027 zurück
    Angenommen die Fallakte "standesamt-delegierend"
    Wenn das Dokument "beschlussvorlage" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "spätestens 02.12.2026, wenn die Genehmigungsfiktion abgewartet wird"
    Und enthält das PDF den Text "ist nur erreichbar, wenn die Aufsichtsbehörde vor Ablauf der Vierwochenfrist ausdrücklich genehmigt"
    Und enthält das PDF den Text "Ab dem 01.01.2027 ist § 2b UStG ohne Übergangsregelung anzuwenden (§ 27 Abs. 22a UStG)"

  Szenario: Beim Wasserverband beschließt der Rat einen öffentlich-rechtlichen Vertrag
    Angenommen die Fallakte "hochwasserschutz-offen"
    Wenn das Dokument "beschlussvorlage" mit Stand "05.12.2026" für "kreis-eu" erstellt wird
    Dann enthält das PDF den Text "Der Kreistag stimmt dem Abschluss eines öffentlich-rechtlichen Vertrags nach §§ 54 ff. VwVfG NRW"
    Und enthält das PDF den Text "nimmt zur Kenntnis, dass der Wasserverband Obere Erft eine verbindliche Auskunft"
    Und enthält das PDF den Text "Die Aufwendungen von 38.370,00 € jährlich werden im Haushalt veranschlagt"

  Szenario: Beim Zweckverband beschließt die Verbandsversammlung die Satzung
    Angenommen die Fallakte "it-zweckverband"
    Wenn das Dokument "beschlussvorlage" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Die Verbandsversammlung beschließt die Neufassung der Verbandssatzung"
    Und enthält das PDF den Text "Änderung der Aufgaben bedarf eines einstimmigen Beschlusses"
