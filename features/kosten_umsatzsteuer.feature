# language: de
Funktionalität: Was die Umsatzsteuer zur Kostenerstattung hinzufügt
  Ist die Leistung steuerpflichtig, darf der Erbringer die Vorsteuer abziehen und stellt 19 %
  Umsatzsteuer auf die Nettoerstattung in Rechnung; ein Empfänger im hoheitlichen Bereich kann sie
  nicht abziehen (§ 12 Abs. 1, § 15 UStG). Die Umsatzsteuer wird je Zahler auf dessen eigenen
  Nettoanteil gerechnet und kaufmännisch gerundet.

  Szenario: Das Rechenbeispiel – 100.000 Euro werden bei Steuerpflicht 114.250 Euro
    Angenommen eine Leistung mit 75.000,00 Euro Personalkosten und 21.008,40 Euro Sachkosten mit 3.991,60 Euro Vorsteuer
    Und die Empfänger mit Werten:
      | beteiligter | wert |
      | stadt-a     | 1    |
    Und der Schlüssel "gleiche_teile"
    Wenn die Kosten berechnet werden
    Dann zahlt "stadt-a" ohne Umsatzsteuer 100.000,00 Euro
    Und zahlt "stadt-a" bei Steuerpflicht netto 96.008,40 Euro, Umsatzsteuer 18.241,60 Euro, brutto 114.250,00 Euro
    Und beträgt die Mehrbelastung von "stadt-a" 14.250,00 Euro

  Szenario: Auf den eigenen Anteil des Erbringers fällt keine Umsatzsteuer
    Angenommen eine Leistung mit 75.000,00 Euro Personalkosten und 21.008,40 Euro Sachkosten mit 3.991,60 Euro Vorsteuer
    Und die Empfänger mit Werten:
      | beteiligter | wert |
      | stadt-a     | 1    |
    Und der Schlüssel "frei"
    Und der Erbringer trägt einen eigenen Anteil mit dem Wert 1
    Wenn die Kosten berechnet werden
    Dann trägt der Erbringer 50.000,00 Euro selbst
    Und zahlt "stadt-a" bei Steuerpflicht netto 48.004,20 Euro, Umsatzsteuer 9.120,80 Euro, brutto 57.125,00 Euro
    Und ist nur die Vorsteuer von 1.995,80 Euro abziehbar
