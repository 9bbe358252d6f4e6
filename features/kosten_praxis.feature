# language: de
Funktionalität: Kostenschlüssel und Rechnungen, wie Kommunen sie vereinbaren
  Veröffentlichte Vereinbarungen teilen Kosten nach gemischten Schlüsseln, mit festen Anteilen
  einzelner Beteiligter oder zu einem Stückpreis je Fall. Jede Abschlagsrechnung trägt die
  Umsatzsteuer ihres eigenen Nettobetrags; die Schlussrechnung zieht die Abschläge mit Entgelt und
  Steuer getrennt ab (§ 14 Abs. 5 Satz 2 UStG).

  Szenario: ÖPNV – 70 % Linienfahrzeit und 30 % Fahrzeugkilometer
    Angenommen Kosten von 1.000.000,00 Euro und der gemischte Schlüssel 70 % "Linienfahrzeit" und 30 % "Fahrzeugkilometer" mit den Werten:
      | beteiligter | Linienfahrzeit | Fahrzeugkilometer |
      | stadt-a     | 3000           | 200000            |
      | stadt-b     | 2000           | 150000            |
      | stadt-c     | 5000           | 650000            |
    Wenn gerechnet wird
    # 0,7 × 0,3 + 0,3 × 0,2 = 0,27; 0,7 × 0,2 + 0,3 × 0,15 = 0,185; 0,7 × 0,5 + 0,3 × 0,65 = 0,545
    Dann zahlt "stadt-a" 270.000,00 Euro
    Und zahlt "stadt-b" 185.000,00 Euro
    Und zahlt "stadt-c" 545.000,00 Euro

  Szenario: Eine Gemeinde zahlt fest 15 %, den Rest trägt die Stadt, die die Beschaffungsstelle betreibt
    Angenommen Kosten von 120.000,00 Euro, die Gemeinde "gemeinde-g" zahlt fest 15 % und der Erbringer trägt den Rest
    Wenn gerechnet wird
    Dann zahlt "gemeinde-g" 18.000,00 Euro
    Und trägt der Erbringer selbst 102.000,00 Euro

  Szenario: Stückpreis von 21 Euro je bearbeitetem Antrag
    Angenommen Kosten von 41.000,00 Euro und ein Stückpreis von 21,00 Euro bei den Mengen:
      | beteiligter | menge |
      | stadt-a     | 1200  |
      | stadt-b     | 800   |
    Wenn gerechnet wird
    Dann zahlt "stadt-a" 25.200,00 Euro
    Und zahlt "stadt-b" 16.800,00 Euro
    Und warnt die Kalkulation vor einer Überdeckung von 1.000,00 Euro

  Szenario: Jede Abschlagsrechnung trägt 19 % ihres eigenen Nettobetrags
    Angenommen Kosten von 86.492,03 Euro für einen Empfänger mit vierteljährlichen Abschlägen
    Wenn gerechnet wird
    # 19 % von 21.623,01 = 4.108,3719 → 4.108,37 (die verteilte Jahressteuer ergäbe 4.108,38)
    Dann weist die erste Abschlagsrechnung 21.623,01 Euro netto und 4.108,37 Euro Umsatzsteuer aus
    Und zieht die Schlussrechnung Abschläge von 86.492,03 Euro netto und 16.433,48 Euro Umsatzsteuer ab
    Und bleiben in der Schlussrechnung 0,00 Euro netto und 0,01 Euro Umsatzsteuer

  Szenario: Abschläge im Voraus zum 15. des ersten Quartalsmonats
    Angenommen Kosten von 1.000,00 Euro für einen Empfänger mit vierteljährlichen Abschlägen im Voraus zum 15.
    Wenn gerechnet wird
    Dann sind die Abschläge fällig am 15.01.2027, 15.04.2027, 15.07.2027 und 15.10.2027

  Szenario: Die Schlussrechnung der Spitzabrechnung zieht Entgelt und Steuer der Abschläge getrennt ab
    Angenommen Kosten von 10.000,00 Euro für einen Empfänger mit vierteljährlichen Abschlägen
    Wenn das steuerpflichtige Jahr mit Ist-Kosten von 12.000,00 Euro abgerechnet wird und die Abschläge 10.000,00 Euro netto und 1.900,00 Euro Umsatzsteuer betrugen
    Dann stellt die Schlussrechnung 12.000,00 Euro netto und 2.280,00 Euro Umsatzsteuer fest
    Und verbleiben 2.000,00 Euro netto und 380,00 Euro Umsatzsteuer

  Szenario: Abschläge nur als ein Betrag erfasst – keine Schlussrechnung, aber ein Hinweis
    Angenommen Kosten von 10.000,00 Euro für einen Empfänger mit vierteljährlichen Abschlägen
    Wenn das steuerpflichtige Jahr mit Ist-Kosten von 12.000,00 Euro abgerechnet wird und die Abschläge als ein Betrag von 11.900,00 Euro erfasst sind
    Dann muss "stadt-a" 2.380,00 Euro nachzahlen
    Und gibt es keine Schlussrechnung, sondern den Hinweis auf § 14 Abs. 5 Satz 2 UStG
