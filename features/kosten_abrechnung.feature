# language: de
Funktionalität: Spitzabrechnung am Jahresende
  Die Beteiligten zahlen Abschläge; am Jahresende werden die Ist-Kosten nach dem Schlüssel
  verteilt. Ist-Anteil minus gezahlte Abschläge ergibt die Nachzahlung (negativ: Erstattung).
  Alle Spalten gehen auf den Cent auf.

  Grundlage:
    Angenommen eine Leistung mit Kosten von 90.000,00 Euro ohne Vorsteuer
    Und die Empfänger mit Werten:
      | beteiligter | wert |
      | stadt-a     | 2    |
      | gemeinde-b  | 1    |
    Und der Schlüssel "fallzahlen"

  Szenario: Höhere Ist-Kosten führen zu Nachzahlungen
    Wenn das Jahr mit Ist-Kosten von 99.000,00 Euro abgerechnet wird und gezahlt wurden:
      | beteiligter | gezahlt   |
      | stadt-a     | 60.000,00 |
      | gemeinde-b  | 30.000,00 |
    Dann muss "stadt-a" 6.000,00 Euro nachzahlen
    Und muss "gemeinde-b" 3.000,00 Euro nachzahlen

  Szenario: Geänderte Fallzahlen führen zu Nachzahlung und Erstattung
    Wenn das Jahr mit Ist-Kosten von 90.000,00 Euro und den Ist-Werten stadt-a 1 und gemeinde-b 1 abgerechnet wird und gezahlt wurden:
      | beteiligter | gezahlt   |
      | stadt-a     | 60.000,00 |
      | gemeinde-b  | 30.000,00 |
    Dann muss "stadt-a" -15.000,00 Euro nachzahlen
    Und muss "gemeinde-b" 15.000,00 Euro nachzahlen
    Und gehen Nachzahlungen und Erstattungen zusammen in 0,00 Euro auf

  Szenario: Fehlende Abschlagsangabe wird abgelehnt
    Wenn das Jahr mit Ist-Kosten von 90.000,00 Euro abgerechnet wird und gezahlt wurden:
      | beteiligter | gezahlt   |
      | stadt-a     | 60.000,00 |
    Dann wird die Abrechnung abgelehnt mit einem Fehler bei "leistungen[0].abschlaege_gezahlt.gemeinde-b"
