# language: de
Funktionalität: Personalgestellung (BMF 09.12.2022; LfSt Niedersachsen 15.07.2019)
  Bei der auf Dauer angelegten oder wiederholten Gestellung von Personal gegen Kostenerstattung ist
  die juristische Person Unternehmer, wenn private Anbieter (z. B. Zeitarbeitsunternehmen) die
  Tätigkeit ebenso erbringen könnten – auch bei Amtshilfe, Zuweisung oder Abordnung (BMF
  09.12.2022). Könnten Private sie nicht erbringen, entscheiden die übrigen Tatbestände des § 2b
  UStG. Werden Beamtinnen und Beamte für Aufgaben gestellt, die Beamten vorbehalten sind, kann kein
  Privater die Leistung erbringen: nicht steuerbar (Verwaltungsauffassung eines Landesamts, für NRW
  nicht ausdrücklich bestätigt: Risiko mittel). Eine kurzfristige Hilfe im Einzelfall, zu der ein
  Gesetz die Körperschaften gegenseitig verpflichtet (überörtliche Feuerwehrhilfe nach dem BHKG
  NRW), ist weder auf Dauer angelegt noch wiederholt und keine nachhaltige Tätigkeit.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 120.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Leistung besteht in der Gestellung von Personal

  Szenario: Gestellung von Beschäftigten ohne Beamtenvorbehalt, die Private ebenso stellen könnten, ist steuerpflichtig
    Angenommen die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG (Personalgestellung)“
    Und die Regel „§ 2b Abs. 1 Satz 2 UStG (Personalgestellung)“ nennt die Quelle "III C 2 - S 7107/19/10004"

  Szenario: Könnten Private die Tätigkeit nicht erbringen, entscheidet nicht die Personalgestellung
    Angenommen die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Und private Anbieter könnten die Leistung nicht realistisch erbringen
    Und die Leistung ist keine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die Regel „§ 2b Abs. 1 Satz 2 UStG (Personalgestellung)“ ist nicht erfüllt
    Und die entscheidende Regel ist „Öffentliche Gewalt ohne größere Wettbewerbsverzerrung“

  Szenario: Ist offen, ob Private die Tätigkeit erbringen könnten, wird danach gefragt
    Angenommen die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Und die Leistung ist keine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "private_anbieter_am_markt"

  Szenario: Im Aufgabenfeld Personalgestellung kommt der Markt aus dem Katalog und wird nicht erfragt
    Angenommen die Angabe "personalgestellung" fehlt
    Und die Leistung gehört zum Aufgabenfeld "personalgestellung"
    Und die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG (Personalgestellung)“
    Und die Angabe "personalgestellung" stammt aus dem Katalog
    Und die Angabe "private_anbieter_am_markt" stammt aus dem Katalog
    Und es wird keine Frage gestellt

  Szenario: Gestellung von Beamten für Aufgaben mit Beamtenvorbehalt ist nicht steuerbar
    Angenommen die gestellten Beschäftigten nehmen Aufgaben mit Beamtenvorbehalt wahr
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 1 UStG (Gestellung von Beamten)“
    Und das Risiko ist "mittel"

  Szenario: Ist der Beamtenvorbehalt offen, wird nur danach gefragt
    Angenommen private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "beamtenvorbehalt"

  Szenario: Die Personalgestellung geht der befreienden Übertragung vor
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Und die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG (Personalgestellung)“

  Szenariogrundriss: Kurzfristige Hilfe im Einzelfall aufgrund gesetzlicher Hilfspflicht gegen wiederholte Gestellung
    Angenommen die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und <art>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und die entscheidende Regel ist „<regel>“

    Beispiele:
      | art                                                                                             | ergebnis        | regel                                         |
      | die Leistung ist eine kurzfristige Hilfe im Einzelfall aufgrund einer gesetzlichen Hilfspflicht | nicht_steuerbar | § 2 Abs. 1 UStG (keine nachhaltige Tätigkeit) |
      | die Leistung wird auf Dauer oder wiederholt erbracht                                            | steuerpflichtig | § 2b Abs. 1 Satz 2 UStG (Personalgestellung)  |

  Szenario: Die Feuerwehrhilfe im Einzelfall trägt ein Risiko, weil keine ausdrückliche Verwaltungsäußerung bekannt ist
    Angenommen die Leistung ist eine kurzfristige Hilfe im Einzelfall aufgrund einer gesetzlichen Hilfspflicht
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "auf Dauer angelegte oder wiederholte"
