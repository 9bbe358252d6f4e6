# language: de
Funktionalität: Zusammenarbeit nach § 2b Abs. 3 Nr. 2 UStG und gesonderte Wettbewerbsprüfung
  Bei Leistungen an andere juristische Personen des öffentlichen Rechts liegt keine größere
  Wettbewerbsverzerrung vor, wenn alle vier Voraussetzungen zugleich erfüllt sind:
    a) langfristige öffentlich-rechtliche Vereinbarung (mindestens 5 Jahre oder unbefristet),
    b) Erhalt der öffentlichen Infrastruktur UND eine allen Beteiligten obliegende öffentliche Aufgabe,
    c) ausschließlich gegen Kostenerstattung (kein Gewinnaufschlag, kein Wagniszuschlag, kein Marktpreis),
    d) gleichartige Leistungen im Wesentlichen an die öffentliche Hand (Annahme: mehr als 80 %).
  Auch dann prüft die Finanzverwaltung den Wettbewerb gesondert (BMF 14.11.2019): Hilfstätigkeiten
  und Leistungen, die Private realistisch erbringen könnten, bleiben steuerpflichtig. Ob Abs. 3
  Nr. 2 mit dem Unionsrecht vereinbar ist, ist ungeklärt: ein Ergebnis, das darauf beruht, trägt
  ein Risiko. „Endet mit Ablauf des …“ ist der letzte Tag der Laufzeit.

  Grundlage: Alle vier Voraussetzungen liegen vor, privater Wettbewerb ist nicht zu erwarten
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Kosten betragen jährlich 50.000,00 € und werden spitz abgerechnet
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 250.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Aufgabe geht nicht mit befreiender Wirkung über
    Und die Vereinbarung beginnt am 01.01.2027 und ist unbefristet
    Und die Leistung dient dem Erhalt der öffentlichen Infrastruktur
    Und die Leistung erfüllt eine allen Beteiligten obliegende öffentliche Aufgabe
    Und der Anteil gleichartiger Leistungen an juristische Personen des öffentlichen Rechts beträgt 100 %
    Und private Anbieter könnten die Leistung nicht realistisch erbringen
    Und die Leistung ist keine Hilfstätigkeit

  Szenario: Alle vier Voraussetzungen, kein privater Wettbewerb
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 2 UStG“
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. a UStG“ ist erfüllt
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. b UStG“ ist erfüllt
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. c UStG“ ist erfüllt
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. d UStG“ ist erfüllt
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "Unionsrecht"
    Und ein Risikogrund nennt "Beschwerde des BDE"
    Und die Regel „§ 2b Abs. 3 Nr. 2 UStG“ nennt die Quelle "Beschwerde des BDE bei der Europäischen Kommission"
    Und die Regel „§ 2b Abs. 3 Nr. 2 UStG“ nennt die Quelle "EU-Pilotverfahren"

  Szenariogrundriss: Jeder Buchstabe, der allein fehlt, schließt Abs. 3 Nr. 2 aus
    Angenommen <aenderung>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist die Regel „<buchstabe>“ nicht erfüllt
    Und die entscheidende Regel ist „Öffentliche Gewalt ohne größere Wettbewerbsverzerrung“
    Und das Ergebnis ist "nicht_steuerbar"

    Beispiele:
      | buchstabe                        | aenderung                                                                                        |
      | § 2b Abs. 3 Nr. 2 Buchst. a UStG | die Vereinbarung beginnt am 01.01.2027 und endet mit Ablauf des 30.12.2031                       |
      | § 2b Abs. 3 Nr. 2 Buchst. b UStG | die Leistung dient nicht dem Erhalt der öffentlichen Infrastruktur                               |
      | § 2b Abs. 3 Nr. 2 Buchst. b UStG | die Leistung erfüllt keine allen Beteiligten obliegende öffentliche Aufgabe                      |
      | § 2b Abs. 3 Nr. 2 Buchst. c UStG | die Leistung wird gegen einen Marktpreis erbracht                                                |
      | § 2b Abs. 3 Nr. 2 Buchst. c UStG | die Kalkulation enthält einen Gewinnaufschlag von 3 %                                            |
      | § 2b Abs. 3 Nr. 2 Buchst. c UStG | die Kalkulation enthält einen allgemeinen Wagniszuschlag von 1.000,00 €                          |
      | § 2b Abs. 3 Nr. 2 Buchst. d UStG | der Anteil gleichartiger Leistungen an juristische Personen des öffentlichen Rechts beträgt 80 % |

  Szenariogrundriss: Laufzeit – 4 gegen 5 Jahre (Buchst. a)
    Angenommen die Vereinbarung beginnt am 01.01.2027 und endet mit Ablauf des <letzter_tag>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist die Regel „§ 2b Abs. 3 Nr. 2 Buchst. a UStG“ <status>
    Und die entscheidende Regel ist „<regel>“

    Beispiele:
      | letzter_tag | status        | regel                                                 | Bemerkung        |
      | 31.12.2031  | erfüllt       | § 2b Abs. 3 Nr. 2 UStG                                | genau fünf Jahre |
      | 30.12.2031  | nicht erfüllt | Öffentliche Gewalt ohne größere Wettbewerbsverzerrung | ein Tag weniger  |
      | 31.12.2030  | nicht erfüllt | Öffentliche Gewalt ohne größere Wettbewerbsverzerrung | vier Jahre       |
      | 31.12.2046  | erfüllt       | § 2b Abs. 3 Nr. 2 UStG                                | zwanzig Jahre    |

  Szenariogrundriss: Anteil an die öffentliche Hand – 79 gegen 80 % (Buchst. d) und das Risiko knapp darüber
    Angenommen der Anteil gleichartiger Leistungen an juristische Personen des öffentlichen Rechts beträgt <anteil>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist die Regel „§ 2b Abs. 3 Nr. 2 Buchst. d UStG“ <status>
    Und die entscheidende Regel ist „<regel>“
    Und das Risiko ist "<risiko>"

    Beispiele:
      | anteil  | status        | regel                                                 | risiko | Bemerkung                                |
      | 79 %    | nicht erfüllt | Öffentliche Gewalt ohne größere Wettbewerbsverzerrung | mittel |                                          |
      | 80 %    | nicht erfüllt | Öffentliche Gewalt ohne größere Wettbewerbsverzerrung | mittel | „mehr als 80 %“: genau 80 % genügt nicht |
      | 80,01 % | erfüllt       | § 2b Abs. 3 Nr. 2 UStG                                | hoch   | knapp über der Grenze                    |
      | 87,99 % | erfüllt       | § 2b Abs. 3 Nr. 2 UStG                                | hoch   | weniger als 10 % über der Grenze         |
      | 88 %    | erfüllt       | § 2b Abs. 3 Nr. 2 UStG                                | mittel | nur noch das Risiko aus Abs. 3 Nr. 2     |

  Szenario: Die Begründung nennt die angenommene Grenze als „mehr als 80 %“
    Angenommen der Anteil gleichartiger Leistungen an juristische Personen des öffentlichen Rechts beträgt 80 %
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann die Begründung zu „§ 2b Abs. 3 Nr. 2 Buchst. d UStG“ enthält "nicht mehr als 80 %"

  Szenario: Privater Wettbewerb trotz Buchst. a bis d (BMF 14.11.2019)
    Angenommen private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 2 UStG i. V. m. BMF-Schreiben vom 14.11.2019“
    Und die Regel „§ 2b Abs. 3 Nr. 2 UStG“ ist nicht erfüllt

  Szenario: Eine Hilfstätigkeit bleibt trotz Buchst. a bis d steuerpflichtig
    Angenommen die Leistung ist eine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 2 UStG i. V. m. BMF-Schreiben vom 14.11.2019“

  Szenario: Ein Festpreis ohne Anpassung ist kaum als Kostenerstattung erkennbar
    Angenommen abgerechnet wird zum Festpreis ohne Anpassung
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 2 UStG“
    Und das Risiko ist "hoch"
    Und ein Risikogrund nennt "Festpreis"

  Szenario: Kalkulatorische Zinsen auf Eigenkapital sind ein Risiko
    Angenommen die Kalkulation enthält kalkulatorische Zinsen auf Eigenkapital von 2.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 2 UStG“
    Und ein Risikogrund nennt "kalkulatorische Zinsen"

  Szenariogrundriss: Ein Pauschalpreis ist Kostenerstattung nur, wenn er an die Kosten angepasst wird
    Angenommen die Leistung wird gegen einen Pauschalpreis erbracht
    Und <abrechnung>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist die Regel „§ 2b Abs. 3 Nr. 2 Buchst. c UStG“ <status>

    Beispiele:
      | abrechnung                                                                  | status        |
      | abgerechnet wird als Pauschale, die regelmäßig an die Kosten angepasst wird | erfüllt       |
      | abgerechnet wird zum Festpreis ohne Anpassung                               | nicht erfüllt |

  Szenario: Ohne Kostenkalkulation ist Buchst. c offen
    Angenommen die Angabe "kosten" fehlt
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist die Regel „§ 2b Abs. 3 Nr. 2 Buchst. c UStG“ offen
    Und das Ergebnis ist "nicht_steuerbar"
    Und es wird keine Frage gestellt
