# language: de
Funktionalität: Auswirkungen einer Regeländerung auf gespeicherte Fälle
  Ändert sich das Regelwerk (ein BMF-Schreiben, ein Urteil, ein Landeserlass), bewertet der
  IKZ-Berater jeden gespeicherten Fall der Organisation neu. Der Bericht zeigt je Fall, was sich an
  Ergebnis, Risiko oder offenen Fragen ändert, die Regel, die den Unterschied macht, mit Norm und
  Quelle. Gespeichertes wird nie überschrieben: die neue Bewertung ist eine neue Version mit dem
  Anlass „Regeländerung“.

  Szenario: Eine geänderte Umsatzgrenze ändert genau einen von drei Bauhof-Fällen
    Angenommen drei Bauhof-Fälle mit 10.000, 30.000 und 60.000 Euro Umsatz aus gleichartigen Tätigkeiten, gespeichert mit einem Regelwerk, dessen Umsatzgrenze 50.000 Euro beträgt
    Wenn das aktuelle Regelwerk mit der Umsatzgrenze von 17.500 Euro die gespeicherten Fälle neu bewertet
    Dann ändert sich genau der Fall mit 30.000 Euro von "nicht_steuerbar" zu "steuerpflichtig"
    Und nennt der Bericht die Regel „§ 2b Abs. 2 Nr. 1 UStG“ mit Norm und Quelle
    Und hat dieser Fall eine neue Version 2 mit dem Anlass Regeländerung, Version 1 ist unverändert
    Und bleiben die beiden anderen Fälle ohne neue Version
