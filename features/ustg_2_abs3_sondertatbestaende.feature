# language: de
Funktionalität: Altes Recht – Tätigkeiten, die auch ohne Betrieb gewerblicher Art unternehmerisch sind (§ 2 Abs. 3 Satz 2 UStG a. F.)
  Nach altem Recht (Leistungen vor dem 01.01.2027 eines Erbringers mit fortgeltender Option) ist die
  juristische Person nur mit ihren Betrieben gewerblicher Art Unternehmer. § 2 Abs. 3 Satz 2 UStG
  a. F. macht einige Tätigkeiten dennoch unternehmerisch – vor allem Nr. 4, die Leistungen der
  Vermessungs- und Katasterbehörden bei Aufgaben der Landesvermessung und des
  Liegenschaftskatasters (außer Amtshilfe); daneben Nr. 2 (Notare im Landesdienst, Ratschreiber in
  Baden-Württemberg), Nr. 3 (Brillenabgabe der Sozialversicherungsträger) und Nr. 5 (Bundesanstalt
  für Landwirtschaft und Ernährung). Für sie gilt die Umsatzgrenze des Betriebs gewerblicher Art
  nicht; auch ihre Leistungen durchlaufen die Steuerbefreiungen.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Stichtag ist der 31.12.2026
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 10.000,00 €
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei

  Szenario: Eine Katastervermessung ist nach altem Recht auch unter der Umsatzgrenze steuerpflichtig
    Angenommen eine Katasterbehörde vermisst für das Liegenschaftskataster
    Und die Leistung wird nicht im Wege der Amtshilfe erbracht
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Regime ist "altes_recht"
    Und die entscheidende Regel ist „§ 2 Abs. 3 Satz 2 Nr. 4 UStG a. F.“
    Und die Regel „Betrieb gewerblicher Art (altes Recht)“ ist nicht erfüllt

  Szenario: Im Wege der Amtshilfe gilt die Ausnahme nicht – dann entscheidet der Betrieb gewerblicher Art
    Angenommen eine Katasterbehörde vermisst für das Liegenschaftskataster
    Und die Leistung wird im Wege der Amtshilfe erbracht
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die Regel „§ 2 Abs. 3 Satz 2 Nr. 4 UStG a. F.“ ist nicht erfüllt
    Und die entscheidende Regel ist „Kein Betrieb gewerblicher Art (altes Recht)“

  Szenario: Die Brillenabgabe der Sozialversicherung ist nach altem Recht stets unternehmerisch
    Angenommen die Leistung ist die nach altem Recht stets unternehmerische Tätigkeit "brillenabgabe"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2 Abs. 3 Satz 2 Nr. 2, 3 und 5 UStG a. F.“

  Szenario: Ein gewöhnliches Aufgabenfeld gehört nicht dazu – ohne danach zu fragen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die Regel „§ 2 Abs. 3 Satz 2 Nr. 2, 3 und 5 UStG a. F.“ ist nicht erfüllt
    Und die Angabe "sondertaetigkeit_altes_recht" stammt aus dem Katalog
    Und es wird keine Frage gestellt

  Szenario: Ab dem 01.01.2027 gilt stattdessen § 2b Abs. 4 Nr. 3 UStG
    Angenommen eine Katasterbehörde vermisst für das Liegenschaftskataster
    Und die Leistung wird nicht im Wege der Amtshilfe erbracht
    Und der Stichtag ist der 01.01.2027
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Regime ist "ustg_2b"
    Und die entscheidende Regel ist „§ 2b Abs. 4 Nr. 3 UStG“
