# language: de
Funktionalität: Bei Privaten zwingend steuerfreie Leistungen (§ 2b Abs. 2 Nr. 2 UStG)
  Keine größere Wettbewerbsverzerrung, wenn dieselbe Leistung von einem privaten Anbieter
  steuerfrei wäre, ohne dass er auf die Befreiung verzichten könnte (z. B. Kinderbetreuung,
  § 4 Nr. 25 UStG).

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 250.000,00 €

  Szenario: Die Leistung wäre bei Privaten zwingend steuerfrei
    Angenommen die Leistung wäre bei einem privaten Anbieter zwingend steuerfrei
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 2 UStG“
    Und das Risiko ist "gering"

  Szenario: Kinderbetreuung ist nach dem Katalog bei Privaten steuerfrei
    Angenommen die Leistung gehört zum Aufgabenfeld "kinderbetreuung"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 2 UStG“
    Und die Angabe "privat_steuerfrei_ohne_option" stammt aus dem Katalog
    Und das Risiko ist "mittel"
    Und es wird keine Frage gestellt

  Szenario: Nicht zwingend steuerfrei – die weiteren Tatbestände entscheiden
    Angenommen die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2b Abs. 2 Nr. 2 UStG“ ist nicht erfüllt
