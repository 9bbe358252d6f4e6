# language: de
Funktionalität: Haushaltsansätze für Haushaltsjahr und Planjahre (§ 84 GO NRW)
  Die Kämmerei braucht je Beteiligtem die erwarteten Zahlungen des Haushaltsjahres und der drei
  Planjahre: netto, Umsatzsteuer, brutto und die Abschläge nach Fälligkeit. Jede Fortschreibung ist
  eine ausgewiesene, datierte Annahme; jedes Jahr wird für sich auf den Cent gerundet, und die
  Zahlungen aller Zahler eines Jahres ergeben genau die Erstattung an den Erbringer.

  Grundlage:
    Angenommen eine Leistung mit 100.000,00 Euro Personalkosten und 10.000,00 Euro Sachkosten, kalkuliert für 2027
    Und zwei Empfänger zu gleichen Teilen mit vierteljährlichen Abschlägen

  Szenario: Ohne Angabe gelten Haushaltsjahr und drei Planjahre mit den ausgewiesenen Vorgaben
    Wenn die Haushaltsansätze ohne Jahresangabe berechnet werden
    Dann umfassen sie die Jahre 2027 bis 2030
    Und betragen die Kosten 2028 113.000,00 Euro
    Und ist jede Annahme mit Grundlage und Datum ausgewiesen

  Szenario: Eigene Steigerung wird je Jahr gerundet fortgeschrieben
    Wenn die Haushaltsansätze 2027 bis 2030 mit 2,5 Prozent Personalkostensteigerung und 0 Prozent Sachkostensteigerung berechnet werden
    Dann betragen die Kosten 2028 112.500,00 Euro
    Und betragen die Kosten 2029 115.062,50 Euro
    Und betragen die Kosten 2030 117.689,06 Euro

  Szenario: Eine Laufzeit bis zum 30.06. halbiert das letzte Jahr und seine Abschläge
    Angenommen die Laufzeit endet mit Ablauf des 30.06.2029
    Wenn die Haushaltsansätze 2027 bis 2030 mit 0 Prozent Personalkostensteigerung und 0 Prozent Sachkostensteigerung berechnet werden
    Dann betragen die Kosten 2029 55.000,00 Euro
    Und hat jeder Zahler 2029 zwei Abschläge
    Und ist 2030 nicht geplant, weil es außerhalb der Laufzeit liegt

  Szenario: Die Erstattung an den Erbringer ist die Summe der Zahlungen
    Wenn die Haushaltsansätze 2027 bis 2030 berechnet werden
    Dann ergeben in jedem Jahr die Zahlungen der Zahler brutto genau den Ertrag des Erbringers

  Szenario: Ist die Steuerbarkeit offen, wird vorsichtshalber mit Umsatzsteuer geplant
    Angenommen die Bewertung ist "offen"
    Wenn die Haushaltsansätze 2027 bis 2027 berechnet werden
    Dann plant jeder Zahler 2027 Umsatzsteuer ein und die Zeile ist als offen gekennzeichnet
