# language: de
Funktionalität: Öffentliche Gewalt und größere Wettbewerbsverzerrungen (§ 2b Abs. 1 UStG)
  Nur wer im Rahmen der öffentlichen Gewalt handelt, fällt unter § 2b UStG; ein privatrechtlicher
  Vertrag ist das nicht (BMF 16.12.2016 Rz. 6; UStAE 2b.1 Abs. 7). Im Übrigen ist die Leistung
  steuerpflichtig, wenn ihre Behandlung als nicht unternehmerisch zu größeren
  Wettbewerbsverzerrungen führen würde: realistischer tatsächlicher oder möglicher privater
  Wettbewerb für diese Art von Tätigkeit (EuGH C-288/07; C-344/15). Hilfstätigkeiten werden
  regelmäßig auch am Markt angeboten.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 250.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Leistung dient nicht dem Erhalt der öffentlichen Infrastruktur

  Szenario: Privater Wettbewerb macht die Leistung steuerpflichtig
    Angenommen private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“
    Und das Risiko ist "gering"
    Und die Regel „§ 2b Abs. 1 Satz 2 UStG“ nennt die Quelle "C-288/07"

  Szenario: Eine Hilfstätigkeit ist steuerpflichtig
    Angenommen private Anbieter könnten die Leistung nicht realistisch erbringen
    Und die Leistung ist eine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“

  Szenario: Ohne privaten Wettbewerb nicht steuerbar, aber mit Risiko
    Angenommen private Anbieter könnten die Leistung nicht realistisch erbringen
    Und die Leistung ist keine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „Öffentliche Gewalt ohne größere Wettbewerbsverzerrung“
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "C-344/15"

  Szenario: Ist der Wettbewerb unbekannt, wird genau danach gefragt – nach realem, nicht theoretischem Wettbewerb
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und es gibt keine entscheidende Regel
    Und gefragt wird nur nach "private_anbieter_am_markt", "hilfstaetigkeit"
    Und die Frage nach "private_anbieter_am_markt" enthält "nicht nur theoretisch"
    Und die Regel „§ 2b Abs. 1 Satz 2 UStG“ nennt die Quelle "C-344/15"
    Und die Regel „§ 2b Abs. 1 Satz 2 UStG“ nennt die Quelle "III C 2 - S 7107/16/10001"

  Szenario: Der Katalog kennt den Wettbewerb für die Entgeltabrechnung – mit Risikohinweis
    Angenommen die Leistung gehört zum Aufgabenfeld "personalabrechnung"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“
    Und die Angabe "private_anbieter_am_markt" stammt aus dem Katalog
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "Vorgaben des Katalogs"

  Szenario: Ein privatrechtlicher Vertrag ist kein Handeln im Rahmen der öffentlichen Gewalt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und private Anbieter könnten die Leistung nicht realistisch erbringen
    Und die Leistung ist keine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „Handeln auf privatrechtlicher Grundlage“
    Und empfohlen wird "oeffentlich_rechtliche_form" mit dem Ergebnis "nicht_steuerbar"
