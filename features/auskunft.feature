# language: de
Funktionalität: Der Antrag auf verbindliche Auskunft enthält, was § 1 Abs. 1 StAuskV verlangt
  Für Fälle mit offenen Punkten oder Risiko entsteht der Entwurf eines Antrags nach § 89 Abs. 2
  AO. Geprüft wird: der Antragsteller, ein vollständiger Sachverhalt ohne Annahmen (was die
  Fallakte offen lässt oder aus dem Katalog annimmt, steht als Platzhalter für den Antragsteller),
  das besondere steuerliche Interesse, das Rechtsproblem mit eigener begründeter Auffassung und
  Quellen, konkrete Rechtsfragen und die Erklärungen nach Nr. 6 und 7.

  Szenario: Die Gliederung nach § 1 Abs. 1 StAuskV
    Angenommen die Fallakte "hochwasserschutz-offen"
    Wenn das Dokument "auskunft" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "nach § 89 Abs. 2 AO in Verbindung mit § 1 Abs. 1 StAuskV"
    Und enthält das PDF den Text "1. Antragsteller"
    Und enthält das PDF den Text "2. Sachverhalt"
    Und enthält das PDF den Text "3. Besonderes steuerliches Interesse"
    Und enthält das PDF den Text "4. Rechtsproblem und Rechtsauffassung des Antragstellers"
    Und enthält das PDF den Text "5. Rechtsfragen"
    Und enthält das PDF den Text "bei keiner anderen der in § 89 Abs. 2 AO genannten Finanzbehörden"
    Und enthält das PDF den Text "versichert, dass alle für die Erteilung der Auskunft"

  Szenario: Unbekannte Tatsachen werden nicht angenommen, sondern als Platzhalter erfragt
    Angenommen die Fallakte "hochwasserschutz-offen"
    Wenn das Dokument "auskunft" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Könnten private Unternehmen diese Art von Leistung realistisch anbieten"
    Und nennt das Verzeichnis der zu ergänzenden Stellen "Private Anbieter am Markt"
    Und nennt das Verzeichnis der zu ergänzenden Stellen "[Steuernummer ergänzen]"

  Szenario: Die Rechtsfrage folgt aus dem offenen Kriterium
    Angenommen die Fallakte "hochwasserschutz-offen"
    Wenn das Dokument "auskunft" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "das Merkmal „Größere Wettbewerbsverzerrungen (allgemeiner Wettbewerbstest)“ (§ 2b Abs. 1 Satz 2 UStG) vor?"
    Und enthält das PDF den Text "die der Wasserverband Obere Erft auf der Grundlage der geplanten Regelung"

  Szenario: Bei einer Verwaltungsauffassung wird die eigene Auffassung mit Quellen begründet
    Angenommen die Fallakte "standesamt-delegierend"
    Wenn das Dokument "auskunft" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Auffassung des Antragstellers:"
    Und enthält das PDF den Text "Quellen: BayLfSt vom 15.02.2023"
    Und enthält das PDF den Text "Antragsteller Stadt Aheim"
