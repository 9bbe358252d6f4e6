# language: de
Funktionalität: Gesetzlicher Vorbehalt für die öffentliche Hand (§ 2b Abs. 3 Nr. 1 UStG)
  Nur bei Leistungen an andere juristische Personen des öffentlichen Rechts: keine größere
  Wettbewerbsverzerrung, wenn ein Gesetz die Leistung juristischen Personen des öffentlichen
  Rechts vorbehält. Eine allgemeine Pflicht zur Zusammenarbeit, die erst durch Vertrag oder Praxis
  ausgefüllt wird, genügt nicht (UStAE 2b.1 Abs. 8).

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 250.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei

  Szenario: Ein Gesetz behält die Leistung der öffentlichen Hand vor
    Angenommen ein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 1 UStG“
    Und das Risiko ist "gering"

  Szenario: Standesamt – Vorbehalt aus dem Katalog
    Angenommen die Leistung gehört zum Aufgabenfeld "standesamt"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 1 UStG“
    Und die Angabe "gesetzlicher_vorbehalt_jpoer" stammt aus dem Katalog
    Und das Risiko ist "mittel"

  Szenario: Geht die Leistung auch an ein privates Unternehmen, gilt Abs. 3 nicht
    Angenommen die Leistung geht auch an ein privates Unternehmen
    Und ein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2b Abs. 3 Nr. 1 UStG“ ist nicht anwendbar
    Und die Regel „§ 2b Abs. 3 Nr. 2 UStG“ ist nicht anwendbar
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“
