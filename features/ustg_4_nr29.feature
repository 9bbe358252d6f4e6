# language: de
Funktionalität: Steuerbefreiung für Kostenteilungsgemeinschaften (§ 4 Nr. 29 UStG)
  Ist eine Leistung steuerbar und steuerpflichtig, kann sie steuerfrei sein, wenn ein
  Zusammenschluss (Zweckverband, gemeinsames Kommunalunternehmen) sie an seine Mitglieder
  erbringt, die Mitglieder dafür nichtunternehmerisch handeln, die Leistungen auf sie
  zugeschnitten sind und nur die exakten Kostenanteile erstattet werden (BMF 19.07.2022). Ob die
  Befreiung den Wettbewerb verzerrt, lässt sich aus den Angaben nicht abschließend prüfen:
  Risiko mittel.

  Grundlage: Ein IT-Zweckverband, dessen Leistungen Private ebenfalls anbieten
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Leistung wird gegen eine Umlage nach Nutzung erbracht
    Und die Kosten betragen jährlich 80.000,00 € und werden spitz abgerechnet
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Aufgabe geht nicht mit befreiender Wirkung über
    Und private Anbieter könnten die Leistung realistisch erbringen

  Szenario: Alle Voraussetzungen liegen vor
    Angenommen die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist "ustg_4_nr29"
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "Wettbewerbsverzerrung"

  Szenariogrundriss: Fehlt eine Voraussetzung, bleibt die Leistung steuerpflichtig
    Angenommen die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und <aenderung>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Kriterium "ustg_4_nr29" ist "nicht_erfuellt"
    Und das Kriterium "ustg_4_keine_befreiung" ist "erfuellt"

    Beispiele:
      | aenderung                                                            |
      | die Mitglieder handeln dafür unternehmerisch                          |
      | die Leistungen sind allgemein am Markt angebotene Standardleistungen |
      | die Kalkulation enthält einen Gewinnaufschlag von 2 %                 |
      | die Kalkulation enthält einen allgemeinen Wagniszuschlag von 500,00 € |
      | die Leistung wird gegen einen Marktpreis erbracht                     |

  Szenario: Eine Stadt ist kein Zusammenschluss ihrer Mitglieder
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist eine Stadt
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Kriterium "ustg_4_nr29" ist "nicht_erfuellt"
    Und empfohlen wird "zweckverband_kostenteilung" mit dem Ergebnis "steuerfrei"

  Szenario: Offene Voraussetzungen der Befreiung werden erfragt
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "mitglieder_nichtunternehmerisch", "leistungen_mitgliedsbezogen"
    Und die Frage nach "mitglieder_nichtunternehmerisch" verweist auf das Feld "leistungen[0].kostenteilungsgemeinschaft.mitglieder_nichtunternehmerisch"

  Szenario: Eine nicht steuerbare Leistung braucht keine Befreiung
    Angenommen die Leistung wird gegen eine allgemeine Umlage erbracht
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und es wird keine Frage gestellt

  Szenario: Kalkulatorische Zinsen lassen die Befreiung bestehen, machen sie aber riskanter
    Angenommen die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und die Kalkulation enthält kalkulatorische Zinsen auf Eigenkapital von 2.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist "ustg_4_nr29"
    Und ein Risikogrund nennt "kalkulatorische Zinsen"
