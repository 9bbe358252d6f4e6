# language: de
Funktionalität: Steuersatz einer steuerpflichtigen Leistung (§ 12 Abs. 1 und 2 UStG)
  Eine steuerpflichtige Leistung trägt 19 % Umsatzsteuer (§ 12 Abs. 1 UStG), 7 %, wo § 12 Abs. 2
  UStG die Leistung nennt – für die interkommunale Zusammenarbeit vor allem die Lieferung von Wasser
  (Nr. 1 mit Anlage 2 Nr. 34) und die Personenbeförderung im Nahverkehr (Nr. 10). Welcher Satz gilt,
  sagt die Fallakte (steuersatz) oder der Katalog der Aufgabenfelder; die Kalkulation rechnet mit
  diesem Satz, und die Bewertung nennt ihn mit seiner Norm.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Kosten betragen jährlich 50.000,00 € und werden spitz abgerechnet
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und der Umfang der Anhang-I-Tätigkeit ist nicht unbedeutend

  Szenario: Eine gewöhnliche Leistung trägt den Regelsteuersatz
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und ein Hinweis nennt "Steuersatz 19 % nach § 12 Abs. 1 UStG"
    Und die Kalkulation rechnet mit 19 % Umsatzsteuer

  Szenariogrundriss: Wasser und Nahverkehr tragen nach dem Katalog den ermäßigten Satz
    Angenommen die Leistung gehört zum Aufgabenfeld "<feld>"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und ein Hinweis nennt "Steuersatz 7 % nach <norm>"
    Und die Kalkulation rechnet mit 7 % Umsatzsteuer

    Beispiele:
      | feld             | norm                                            |
      | wasserversorgung | § 12 Abs. 2 Nr. 1 UStG i. V. m. Anlage 2 Nr. 34 |
      | oepnv            | § 12 Abs. 2 Nr. 10 UStG                         |

  Szenario: Die Fallakte kann den Satz des Katalogs überschreiben
    Angenommen die Leistung gehört zum Aufgabenfeld "wasserversorgung"
    Und für die Leistung gilt der Regelsteuersatz
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und ein Hinweis nennt "Steuersatz 19 % nach § 12 Abs. 1 UStG"
    Und die Kalkulation rechnet mit 19 % Umsatzsteuer

  Szenario: Den ermäßigten Satz ohne Katalogvorgabe belegt die Fallakte
    Angenommen für die Leistung gilt der ermäßigte Steuersatz
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ein Hinweis nennt "Steuersatz 7 % nach § 12 Abs. 2 UStG (ermäßigter Steuersatz laut Fallakte)"
    Und die Kalkulation rechnet mit 7 % Umsatzsteuer

  Szenario: Im zweiten Halbjahr 2020 galten 16 % und 5 %
    Angenommen die Leistung gehört zum Aufgabenfeld "wasserversorgung"
    Und die Stadt Aheim hat keine Option nach § 27 Abs. 22 UStG erklärt
    Und der Stichtag ist der 01.07.2020
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ein Hinweis nennt "Steuersatz 5 %"
    Und die Kalkulation rechnet mit 5 % Umsatzsteuer
