# language: de
Funktionalität: Verteilung der Kostenerstattung auf die Beteiligten
  Die Kosten einer Leistung werden nach dem vereinbarten Schlüssel verteilt (§ 19 Abs. 1 GkG NRW:
  Nutzen als Regelschlüssel). Die Anteile ergeben zusammen genau den Gesamtbetrag – kein Cent
  entsteht oder geht verloren (Verfahren der größten Reste). Fehlende oder unzulässige Werte sind
  ein Fehler mit Feldangabe, nie eine stille Null.

  Grundlage:
    Angenommen eine Leistung mit Kosten von 100.000,00 Euro ohne Vorsteuer

  Szenario: Verteilung nach Einwohnern
    Angenommen die Empfänger mit Einwohnern:
      | beteiligter | einwohner |
      | stadt-a     | 30000     |
      | gemeinde-b  | 10000     |
    Und der Schlüssel "einwohner"
    Wenn die Kosten berechnet werden
    Dann zahlt "stadt-a" ohne Umsatzsteuer 75.000,00 Euro
    Und zahlt "gemeinde-b" ohne Umsatzsteuer 25.000,00 Euro

  Szenario: Verteilung nach Fallzahlen
    Angenommen die Empfänger mit Werten:
      | beteiligter | wert |
      | stadt-a     | 610  |
      | gemeinde-b  | 205  |
    Und der Schlüssel "fallzahlen"
    Wenn die Kosten berechnet werden
    Dann zahlt "stadt-a" ohne Umsatzsteuer 74.846,63 Euro
    Und zahlt "gemeinde-b" ohne Umsatzsteuer 25.153,37 Euro
    Und ergeben die Anteile zusammen genau 100.000,00 Euro

  Szenario: Drei gleiche Teile – gleiche Beträge, den Restcent trägt der Erbringer
    Angenommen die Empfänger mit Werten:
      | beteiligter | wert |
      | a           | 1    |
      | b           | 1    |
      | c           | 1    |
    Und der Schlüssel "gleiche_teile"
    Wenn die Kosten berechnet werden
    Dann zahlt "a" ohne Umsatzsteuer 33.333,33 Euro
    Und zahlt "b" ohne Umsatzsteuer 33.333,33 Euro
    Und zahlt "c" ohne Umsatzsteuer 33.333,33 Euro
    Und trägt der Erbringer einen Restcent von 0,01 Euro
    Und nennt die Kalkulation die Restcent-Regel

  Szenario: Sockel zu gleichen Teilen und Rest nach Einwohnern
    Angenommen die Empfänger mit Einwohnern:
      | beteiligter | einwohner |
      | stadt-a     | 30000     |
      | gemeinde-b  | 10000     |
    Und der Schlüssel "sockel_plus_variabel" mit 20 % Sockel und variablem Schlüssel "einwohner"
    Wenn die Kosten berechnet werden
    Dann zahlt "stadt-a" ohne Umsatzsteuer 70.000,00 Euro
    Und zahlt "gemeinde-b" ohne Umsatzsteuer 30.000,00 Euro

  Szenario: Der Erbringer nutzt die Leistung selbst und trägt einen Anteil
    Angenommen die Empfänger mit Werten:
      | beteiligter | wert |
      | stadt-a     | 1    |
    Und der Schlüssel "frei"
    Und der Erbringer trägt einen eigenen Anteil mit dem Wert 3
    Wenn die Kosten berechnet werden
    Dann trägt der Erbringer 75.000,00 Euro selbst
    Und zahlt "stadt-a" ohne Umsatzsteuer 25.000,00 Euro

  Szenario: Ein Schlüssel ohne Werte wird abgelehnt
    Angenommen die Empfänger mit Einwohnern:
      | beteiligter | einwohner |
      | stadt-a     | 30000     |
    Und der Schlüssel "nutzung"
    Wenn die Kosten berechnet werden
    Dann wird die Eingabe abgelehnt mit einem Fehler bei "leistungen[0].kosten.verteilung.werte"

  Szenariogrundriss: Ein Gewicht von null oder darunter wird abgelehnt
    Angenommen die Empfänger mit Werten:
      | beteiligter | wert     |
      | stadt-a     | <gewicht> |
      | gemeinde-b  | 5        |
    Und der Schlüssel "frei"
    Wenn die Kosten berechnet werden
    Dann wird die Eingabe abgelehnt mit einem Fehler bei "leistungen[0].kosten.verteilung.werte.stadt-a"

    Beispiele:
      | gewicht |
      | 0       |
      | -1      |

  Szenario: Werte für einen Beteiligten, den es nicht gibt, werden abgelehnt
    Angenommen die Empfänger mit Werten:
      | beteiligter | wert |
      | stadt-a     | 1    |
    Und der Schlüssel "frei"
    Und ein zusätzlicher Wert 4 für "stadt-x"
    Wenn die Kosten berechnet werden
    Dann wird die Eingabe abgelehnt mit einem Fehler bei "leistungen[0].kosten.verteilung.werte.stadt-x"
