# language: de
Funktionalität: Bestandsscreening – Umsatzgrenze über alle gleichartigen Leistungen eines Erbringers
  Die Grenze von 17.500 € (§ 2b Abs. 2 Nr. 1 UStG) gilt für den Umsatz des Erbringers aus ALLEN
  gleichartigen Tätigkeiten. Das Screening fasst deshalb die Leistungen eines Erbringers (gleicher
  Name) im selben Aufgabenfeld zusammen: Eine Leistung, die allein unter der Grenze liegt, kann
  wegen ihrer Geschwister steuerpflichtig sein. Die Bestandsliste gilt als vollständige Liste der
  gleichartigen Tätigkeiten, solange keine Zeile den Umsatz des Erbringers selbst angibt.

  Grundlage:
    Angenommen eine Bestandsliste mit Bauhofleistungen der Gemeinde Adorf an ihre Nachbarn

  Szenario: Drei Leistungen zu je 8.000 € sind zusammen steuerpflichtig
    Angenommen die Gemeinde Adorf erbringt 3 Leistungen zu je 8.000,00 €
    Wenn der Bestand geprüft wird
    Dann ist jede Leistung "steuerpflichtig"
    Und der Umsatz gleichartiger Tätigkeiten jeder Leistung ist 24.000,00 € aus dem Bestand
    Und die Mehrbelastung durch Umsatzsteuer beträgt insgesamt 4.560,00 €

  Szenario: Eine einzelne Leistung zu 8.000 € bleibt unter der Grenze
    Angenommen die Gemeinde Adorf erbringt 1 Leistungen zu je 8.000,00 €
    Wenn der Bestand geprüft wird
    Dann ist jede Leistung "nicht_steuerbar"
    Und die entscheidende Regel jeder Leistung ist „§ 2b Abs. 2 Nr. 1 UStG“

  Szenario: Zwei Leistungen zu je 8.750 € erreichen die Grenze genau und bleiben nicht steuerbar
    Angenommen die Gemeinde Adorf erbringt 2 Leistungen zu je 8.750,00 €
    Wenn der Bestand geprüft wird
    Dann ist jede Leistung "nicht_steuerbar"

  Szenario: Ein angegebener Umsatz des Erbringers geht der Summe der Liste vor
    Angenommen die Gemeinde Adorf erbringt 1 Leistungen zu je 8.000,00 €
    Und die erste Zeile gibt einen Umsatz gleichartiger Tätigkeiten von 50.000,00 € an
    Wenn der Bestand geprüft wird
    Dann ist jede Leistung "steuerpflichtig"

  Szenario: Fehlerhafte Zeilen halten die Prüfung nicht auf
    Angenommen die Gemeinde Adorf erbringt 3 Leistungen zu je 8.000,00 €
    Und eine weitere Zeile nennt keinen Erbringer
    Wenn der Bestand geprüft wird
    Dann werden 3 Leistungen geprüft
    Und Zeile 5 wird mit der Spalte "Erbringer" gemeldet
