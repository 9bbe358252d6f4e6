# language: de
Funktionalität: Umsatzgrenze von 17.500 € (§ 2b Abs. 2 Nr. 1 UStG)
  Größere Wettbewerbsverzerrungen liegen nicht vor, wenn der voraussichtliche Nettoumsatz des
  Erbringers aus allen gleichartigen Tätigkeiten im Kalenderjahr 17.500 € nicht übersteigt.
  Maßgeblich ist der Umsatz aus ALLEN gleichartigen Tätigkeiten, nicht nur aus dieser Leistung: Er
  ist mindestens die Summe der jährlichen Erstattungen aller Leistungen desselben Erbringers im
  selben Aufgabenfeld, die die Fallakte enthält. Übersteigt schon diese Summe die Grenze, ist sie
  ohne weitere Angaben überschritten.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht

  Szenario: Umsatz genau an der Grenze
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt 17.500,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 1 UStG“
    Und die Regel „§ 2b Abs. 2 Nr. 1 UStG“ ist erfüllt
    Und die Begründung zu „§ 2b Abs. 2 Nr. 1 UStG“ enthält "17.500,00 €"

  Szenario: Umsatz einen Cent über der Grenze
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt 17.500,01 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2b Abs. 2 Nr. 1 UStG“ ist nicht erfüllt
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“

  Szenario: Kein Umsatz aus gleichartigen Tätigkeiten
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt 0,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 1 UStG“
    Und das Risiko ist "gering"

  Szenariogrundriss: Ein Umsatz weniger als 10 % unter der Grenze ist ein Risiko
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt <umsatz>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 1 UStG“
    Und das Risiko ist "<risiko>"

    Beispiele:
      | umsatz      | risiko | Bemerkung                  |
      | 15.750,00 € | gering | genau 90 % der Grenze      |
      | 15.750,01 € | mittel | knapp über 90 % der Grenze |
      | 17.500,00 € | mittel | an der Grenze              |

  Szenario: Die Erstattung dieser Leistung allein überschreitet die Grenze – keine Frage nach dem Umsatz
    Angenommen die Kosten betragen jährlich 17.500,01 € und werden spitz abgerechnet
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2b Abs. 2 Nr. 1 UStG“ ist nicht erfüllt
    Und es wird keine Frage gestellt

  Szenario: Die Erstattung liegt unter der Grenze, der übrige Umsatz ist unbekannt – danach wird gefragt
    Angenommen die Kosten betragen jährlich 12.000,00 € und werden spitz abgerechnet
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und die Regel „§ 2b Abs. 2 Nr. 1 UStG“ ist offen
    Und gefragt wird nur nach "umsatz_gleichartige_taetigkeiten"
    Und die Frage nach "umsatz_gleichartige_taetigkeiten" verweist auf das Feld "leistungen[0].umsatz_gleichartige_taetigkeiten"

  Szenario: Ein privatrechtlicher Vertrag ist auch unter der Grenze steuerpflichtig
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 10.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „Handeln auf privatrechtlicher Grundlage“

  Szenario: Zwei gleichartige Leistungen zu 10.000 € und 9.000 € überschreiten die Grenze zusammen – ohne Frage nach dem Umsatz
    Angenommen die Kosten betragen jährlich 10.000,00 € und werden spitz abgerechnet
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und eine zweite Leistung der Stadt Aheim im Aufgabenfeld "sonstiges" kostet jährlich 9.000,00 €
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis der Leistung "leistung" "steuerpflichtig"
    Und ist das Ergebnis der Leistung "zweite" "steuerpflichtig"
    Und zur Leistung "leistung" wird keine Frage gestellt
    Und zur Leistung "zweite" wird keine Frage gestellt

  Szenariogrundriss: Die Summe der Erstattungen an der Grenze und einen Cent darüber
    Angenommen die Kosten betragen jährlich 8.750,00 € und werden spitz abgerechnet
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und eine zweite Leistung der Stadt Aheim im Aufgabenfeld "sonstiges" kostet jährlich <zweite>
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis der Leistung "leistung" "<ergebnis>"
    Und zur Leistung "leistung" <fragen>

    Beispiele:
      | zweite     | ergebnis        | fragen                                                   | Bemerkung                                                                           |
      | 8.750,00 € | offen           | wird nur nach "umsatz_gleichartige_taetigkeiten" gefragt | genau 17.500 €: weitere Umsätze außerhalb der Akte könnten die Grenze überschreiten |
      | 8.750,01 € | steuerpflichtig | wird keine Frage gestellt                                | 17.500,01 €: die Grenze ist sicher überschritten                                    |

  Szenariogrundriss: Nur gleichartige Leistungen desselben Erbringers zählen
    Angenommen die Kosten betragen jährlich 10.000,00 € und werden spitz abgerechnet
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und eine zweite Leistung <von> im Aufgabenfeld "<feld>" kostet jährlich 9.000,00 €
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis der Leistung "leistung" "offen"
    Und zur Leistung "leistung" wird nur nach "umsatz_gleichartige_taetigkeiten" gefragt

    Beispiele:
      | von                 | feld       |
      | der Stadt Aheim     | it_support |
      | der Gemeinde Bedorf | sonstiges  |
