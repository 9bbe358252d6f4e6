# language: de
Funktionalität: Steuerbefreiung für Kostenteilungsgemeinschaften (§ 4 Nr. 29 UStG)
  Ist eine Leistung steuerbar, kann sie steuerfrei sein, wenn ein selbständiger Zusammenschluss von
  mindestens zwei Mitgliedern (Zweckverband, gemeinsames Kommunalunternehmen – keine Anstalt mit nur
  einem Träger, keine Stadt, nur weil die Zusammenarbeit Zweckverband heißt) eine sonstige Leistung
  (nie eine Lieferung von Wasser, Energie oder Waren) an seine Mitglieder erbringt, die Mitglieder
  dafür nichtunternehmerisch handeln, die Leistungen auf sie zugeschnitten sind und nur die genaue
  Erstattung ihres Kostenanteils verlangt wird – Spitzabrechnung oder eine an die Ist-Kosten
  angepasste Pauschale; ein Festpreis ohne Anpassung genügt nicht (BMF 19.07.2022). Ob die Befreiung
  den Wettbewerb verzerrt, lässt sich aus den Angaben nicht abschließend prüfen: Risiko mittel.

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
    Und die entscheidende Regel ist „§ 4 Nr. 29 UStG“
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "Wettbewerbsverzerrung"

  Szenariogrundriss: Fehlt eine Voraussetzung, bleibt die Leistung steuerpflichtig
    Angenommen die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und <aenderung>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 4 Nr. 29 UStG“ ist nicht erfüllt
    Und die Regel „Keine Steuerbefreiung“ ist erfüllt

    Beispiele:
      | aenderung                                                             |
      | die Mitglieder handeln dafür unternehmerisch                          |
      | die Leistungen sind allgemein am Markt angebotene Standardleistungen  |
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
    Und die Regel „§ 4 Nr. 29 UStG“ ist nicht erfüllt
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
    Und die entscheidende Regel ist „§ 4 Nr. 29 UStG“
    Und ein Risikogrund nennt "kalkulatorische Zinsen"

  Szenario: Eine Lieferung ist nie nach § 4 Nr. 29 UStG befreit
    Angenommen die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und die Leistung ist eine Lieferung
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 4 Nr. 29 UStG“ ist nicht erfüllt

  Szenario: Trinkwasser eines Zweckverbands an seine Mitglieder – Lieferung, 7 % Umsatzsteuer
    Angenommen die Leistung gehört zum Aufgabenfeld "wasserversorgung"
    Und der Umfang der Anhang-I-Tätigkeit ist nicht unbedeutend
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 4 Nr. 5 UStG i. V. m. Anhang I MwStSystRL“
    Und die Regel „§ 4 Nr. 29 UStG“ ist nicht erfüllt
    Und die Angabe "leistungsart" stammt aus dem Katalog
    Und ein Hinweis nennt "Steuersatz 7 % nach § 12 Abs. 2 Nr. 1 UStG i. V. m. Anlage 2 Nr. 34"
    Und die Kalkulation rechnet mit 7 % Umsatzsteuer
    Und nicht empfohlen wird "zweckverband_kostenteilung"

  Szenariogrundriss: Eine Anstalt ist nur mit mindestens zwei Trägern ein Zusammenschluss
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist eine Anstalt des öffentlichen Rechts
    Und der Erbringer hat <anzahl> Träger
    Und die Gemeinde Bedorf ist Mitglied des Erbringers
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und die Regel „§ 4 Nr. 29 UStG“ ist <status>

    Beispiele:
      | anzahl | ergebnis        | status        |
      | 1      | steuerpflichtig | nicht erfüllt |
      | 2      | steuerfrei      | erfüllt       |

  Szenario: Eine Anstalt, die ihre Träger nicht nennt, wird danach gefragt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist eine Anstalt des öffentlichen Rechts
    Und die Gemeinde Bedorf ist Mitglied des Erbringers
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "erbringer_ist_zusammenschluss"
    Und die Frage nach "erbringer_ist_zusammenschluss" verweist auf das Feld "beteiligte[0].anzahl_mitglieder"

  Szenario: Eine Stadt ist kein Zusammenschluss, auch wenn die Zusammenarbeit als Zweckverband bezeichnet ist
    Angenommen der Erbringer ist eine Stadt
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 4 Nr. 29 UStG“ ist nicht erfüllt

  Szenario: Leistungen an Nichtmitglieder sind nicht befreit
    Angenommen die Gemeinde Bedorf ist kein Mitglied des Erbringers
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 4 Nr. 29 UStG“ ist nicht erfüllt

  Szenariogrundriss: Genaue Kostenerstattung – ein Festpreis ohne Anpassung scheitert, eine angepasste Pauschale nicht
    Angenommen die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und die Leistung wird gegen einen Pauschalpreis erbracht
    Und <abrechnung>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und die Regel „§ 4 Nr. 29 UStG“ ist <status>

    Beispiele:
      | abrechnung                                                                  | ergebnis        | status        |
      | abgerechnet wird zum Festpreis ohne Anpassung                               | steuerpflichtig | nicht erfüllt |
      | abgerechnet wird als Pauschale, die regelmäßig an die Kosten angepasst wird | steuerfrei      | erfüllt       |

  Szenario: Die vermiedene Mehrbelastung berücksichtigt den verlorenen Vorsteuerabzug
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist eine Stadt
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Kosten betragen jährlich 75.000,00 € und werden spitz abgerechnet
    Und die Kalkulation enthält Sachkosten von 21.008,40 € zuzüglich 3.991,60 € Vorsteuer
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und empfohlen wird "zweckverband_kostenteilung" mit dem Ergebnis "steuerfrei"
    Und die Empfehlung "zweckverband_kostenteilung" vermeidet eine Mehrbelastung von 14.250,00 €

  Szenario: Das Kriterium nennt das BMF-Schreiben mit Aktenzeichen
    Angenommen die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann die Regel „§ 4 Nr. 29 UStG“ nennt die Quelle "III C 3 - S 7189/20/10001"
