# language: de
Funktionalität: Leistungsaustausch (§ 1 Abs. 1 Nr. 1 UStG) und privater Erbringer (§ 2 Abs. 1 UStG)
  Steuerbar ist nur eine Leistung gegen Entgelt. Unentgeltliche Leistungen und die allgemeine
  Umlage eines Zweckverbands, die nicht an die Nutzung des einzelnen Mitglieds anknüpft, sind kein
  Leistungsaustausch (BayLfSt vom 27.04.2020). Eine nach der Nutzung bemessene Umlage ist dagegen
  Entgelt (BFH V R 35/78). Ein privater Erbringer ist gewöhnlicher Unternehmer: § 2b UStG gilt nur
  für juristische Personen des öffentlichen Rechts.

  Szenario: Die allgemeine Umlage eines Zweckverbands ist keine Leistung gegen Entgelt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Leistung wird gegen eine allgemeine Umlage erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist "ustg_1_abs1_nr1_kein_leistungsaustausch"
    Und es wird keine Frage gestellt
    Und es wird nichts empfohlen

  Szenario: Eine Umlage nach Nutzung ist Entgelt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Leistung wird gegen eine Umlage nach Nutzung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Aufgabe geht nicht mit befreiender Wirkung über
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und die Mitglieder handeln dafür unternehmerisch
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Kriterium "ustg_1_abs1_nr1_kein_leistungsaustausch" ist "nicht_erfuellt"
    Und die entscheidende Regel ist "ustg_2b_abs1_s2_wettbewerb"

  Szenario: Eine unentgeltliche Leistung ist nicht steuerbar
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird unentgeltlich erbracht
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist "ustg_1_abs1_nr1_kein_leistungsaustausch"
    Und es wird keine Frage gestellt

  Szenario: Ist die Vergütung unbekannt, wird danach gefragt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Angabe "entgelt" fehlt
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "entgelt"

  Szenario: Ein privater Erbringer ist auch unter 17.500 € steuerpflichtig
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist ein privates Unternehmen
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 10.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist "ustg_2_abs1_privater_erbringer"
    Und das Kriterium "ustg_4_keine_befreiung" ist "erfuellt"
    Und es wird keine Frage gestellt
