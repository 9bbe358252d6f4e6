# language: de
Funktionalität: Der Steuerliche Prüfvermerk enthält die ganze Würdigung
  Der Prüfvermerk ist intern (Kämmerei, Rechtsamt, Tax Compliance) und Grundlage der
  USt-Freigabe. Geprüft wird darin: jedes Kriterium mit Norm, Status, Begründung und Quelle, die
  Risiken, die offenen Fragen, der Stand des Regelwerks mit Prüfsumme, die Umsatzsteuerwirkung je
  Beteiligtem, der Vergleich mit der Eigenerstellung, die Annahmen aus dem Aufgabenfeld-Katalog
  und was am Vereinbarungsentwurf vor Unterzeichnung zu prüfen ist.

  Szenario: Jedes Kriterium mit Norm, Status und Quelle, dazu Regelwerk und Prüfsumme
    Angenommen die Fallakte "standesamt-delegierend"
    Wenn das Dokument "pruefvermerk" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Interner Vermerk"
    Und enthält das PDF jedes Kriterium der Würdigung mit Norm und Status
    Und enthält das PDF den Text "Inhalts-Prüfsumme (SHA-256)"
    Und enthält das PDF die Prüfsumme des Regelwerks
    Und enthält das PDF den Text "Aus dem Aufgabenfeld-Katalog"

  Szenario: Offene Fragen und die Wirkung der Umsatzsteuer je Beteiligtem
    Angenommen die Fallakte "hochwasserschutz-offen"
    Wenn das Dokument "pruefvermerk" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Offene Fragen"
    Und enthält das PDF den Text "Könnten private Unternehmen diese Art von Leistung realistisch anbieten"
    Und enthält das PDF den Text "Umsatzsteuerliche Auswirkung je Beteiligtem"
    Und enthält das PDF den Text "33.738,30 €"
    Und enthält das PDF den Text "Ein Vereinbarungsentwurf kann nicht erstellt werden"

  Szenario: Zusammenarbeit oder Eigenerstellung
    Angenommen die Fallakte "personalabrechnung-mandatierend"
    Wenn das Dokument "pruefvermerk" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Zusammenarbeit oder Eigenerstellung"
    Und enthält das PDF den Text "Ersparnis bei Steuerpflicht"

  Szenario: Ungeprüfte Fundstellen des Entwurfs werden zur Prüfung genannt
    Angenommen die Fallakte "standesamt-delegierend"
    Wenn das Dokument "pruefvermerk" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Fundstelle „§ 25 GkG NRW“: nur die Überschrift geprüft"
    Und enthält das PDF den Text "USt-Freigabe"
