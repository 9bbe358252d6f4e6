# language: de
Funktionalität: Vertragsregister der Steuerbeauftragten
  Die gespeicherten Fälle einer Organisation sind ihr Vertragsregister mit den Feldern des
  Tax-Compliance-Management-Systems. Eine geprüfte Bestandsliste wird in einem Schritt zu
  Registereinträgen, jeder mit seiner Zeile als Herkunft. Eine andere Organisation sieht nichts davon.

  Szenario: Eine Bestandsliste wird zu Registereinträgen mit Herkunft
    Angenommen eine Bestandsliste mit zwei gültigen Bauhof-Zeilen und einer Zeile mit unbekanntem Aufgabenfeld
    Wenn das Fachamt die Liste ins Register übernimmt
    Dann enthält das Register zwei Einträge mit der Herkunft "bestand.csv, Zeile 2" und "bestand.csv, Zeile 3"
    Und wird die Zeile 4 mit ihrem Problem gemeldet
    Und sieht eine andere Organisation ein leeres Register

  Szenario: Der Export neutralisiert Formeln
    Angenommen eine Bestandsliste mit einer Zeile, deren Bezeichnung mit "=" beginnt
    Wenn das Fachamt die Liste ins Register übernimmt
    Und die Steuerbeauftragte das Register als CSV exportiert
    Dann beginnt die Bezeichnung in der CSV-Datei mit einem Apostroph
