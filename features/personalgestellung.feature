# language: de
Funktionalität: Personalgestellung (BMF 09.12.2022; LfSt Niedersachsen 15.07.2019)
  Die Gestellung von Personal ist regelmäßig steuerpflichtig, weil auch private
  Personaldienstleister sie anbieten könnten. Werden Beamtinnen und Beamte für Aufgaben gestellt,
  die Beamten vorbehalten sind, kann kein Privater die Leistung erbringen: nicht steuerbar
  (Verwaltungsauffassung eines Landesamts, für NRW nicht ausdrücklich bestätigt: Risiko mittel).

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 120.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Leistung besteht in der Gestellung von Personal

  Szenario: Gestellung von Beschäftigten ohne Beamtenvorbehalt ist steuerpflichtig
    Angenommen die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist "bmf_2022_12_09_personalgestellung"

  Szenario: Gestellung von Beamten für Aufgaben mit Beamtenvorbehalt ist nicht steuerbar
    Angenommen die gestellten Beschäftigten nehmen Aufgaben mit Beamtenvorbehalt wahr
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist "lfst_ni_2019_07_15_beamtenvorbehalt"
    Und das Risiko ist "mittel"

  Szenario: Ist der Beamtenvorbehalt offen, wird nur danach gefragt
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "beamtenvorbehalt"

  Szenario: Die Personalgestellung geht der befreienden Übertragung vor
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Und die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist "bmf_2022_12_09_personalgestellung"

  Szenario: Im Aufgabenfeld Personalgestellung kommt die Gestellung aus dem Katalog
    Angenommen die Angabe "personalgestellung" fehlt
    Und die Leistung gehört zum Aufgabenfeld "personalgestellung"
    Und die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist "bmf_2022_12_09_personalgestellung"
    Und die Angabe "personalgestellung" stammt aus dem Katalog
