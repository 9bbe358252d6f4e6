# language: de
Funktionalität: Stets unternehmerische Tätigkeiten (§ 2b Abs. 4 UStG)
  Für Vermessungs- und Katasterleistungen (Nr. 3, außer Amtshilfe) und Tätigkeiten nach Anhang I
  der MwStSystRL in nicht unbedeutendem Umfang (Nr. 5) gilt die juristische Person „stets als
  Unternehmer“ – auch unter der Umsatzgrenze und auch bei befreiender Aufgabenübertragung. Die
  Leistung ist damit steuerbar; steuerpflichtig ist sie, wenn keine Steuerbefreiung greift. Ob ein Aufgabenfeld zu diesem
  Katalog gehört, entscheidet der Katalog der Aufgabenfelder; für ein gewöhnliches Aufgabenfeld
  wird danach nicht gefragt.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei

  Szenario: Vermessung ist auch unter 17.500 € steuerpflichtig
    Angenommen eine Katasterbehörde vermisst für das Liegenschaftskataster
    Und die Leistung wird nicht im Wege der Amtshilfe erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 1.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 4 Nr. 3 UStG“
    Und die Begründung zu „§ 2b Abs. 4 Nr. 3 UStG“ enthält "gilt stets als Unternehmer"
    Und die Regel „Keine Steuerbefreiung“ ist erfüllt
    Und es wird keine Frage gestellt

  Szenario: Vermessung im Wege der Amtshilfe fällt nicht unter Abs. 4
    Angenommen eine Katasterbehörde vermisst für das Liegenschaftskataster
    Und die Leistung wird im Wege der Amtshilfe erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 1.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die Regel „§ 2b Abs. 4 Nr. 3 UStG“ ist nicht erfüllt
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 1 UStG“

  Szenario: Nicht jede Vermessung fällt unter Abs. 4 Nr. 3 – nur Landesvermessung und Liegenschaftskataster
    Angenommen die Vermessung dient nicht der Landesvermessung oder dem Liegenschaftskataster
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 100.000,00 €
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung nicht realistisch erbringen
    Und die Leistung ist keine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die Regel „§ 2b Abs. 4 Nr. 3 UStG“ ist nicht erfüllt
    Und die Begründung zu „§ 2b Abs. 4 Nr. 3 UStG“ enthält "Liegenschaftskataster"

  Szenario: Bei Vermessung wird nur nach der Amtshilfe gefragt
    Angenommen die Leistung gehört zum Aufgabenfeld "vermessung_kataster"
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 1.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "amtshilfe"
    Und die Angabe "vermessung_kataster" stammt aus dem Katalog
    Und ein Hinweis nennt "Nicht jede Vermessung"

  Szenario: Anhang I geht der befreienden Aufgabenübertragung vor
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Und die Leistung ist die Anhang-I-Tätigkeit "wasser"
    Und der Umfang der Anhang-I-Tätigkeit ist nicht unbedeutend
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 100.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 4 Nr. 5 UStG i. V. m. Anhang I MwStSystRL“
    Und die Regel „Befreiende Aufgabenübertragung“ ist erfüllt

  Szenario: Eine unbedeutende Anhang-I-Tätigkeit fällt nicht unter Abs. 4
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Und die Leistung ist die Anhang-I-Tätigkeit "wasser"
    Und der Umfang der Anhang-I-Tätigkeit ist unbedeutend
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 100.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die Regel „§ 2b Abs. 4 Nr. 5 UStG i. V. m. Anhang I MwStSystRL“ ist nicht erfüllt
    Und die entscheidende Regel ist „Befreiende Aufgabenübertragung“

  Szenario: Trinkwasser ist nach dem Katalog eine Anhang-I-Tätigkeit
    Angenommen die Leistung gehört zum Aufgabenfeld "wasserversorgung"
    Und der Umfang der Anhang-I-Tätigkeit ist nicht unbedeutend
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 5.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 4 Nr. 5 UStG i. V. m. Anhang I MwStSystRL“
    Und die Angabe "anhang_i_taetigkeit" stammt aus dem Katalog
    Und das Risiko ist "mittel"
