# language: de
Funktionalität: Offene Ergebnisse – gefragt wird nur, was das Ergebnis ändern kann
  Unbekannt ist eine zulässige Antwort. Das Ergebnis ist „offen“ nur, wenn eine unbekannte Angabe
  es noch ändern kann; dann nennt die Bewertung genau diese Angaben mit einer deutschen Frage und
  dem Feld der Fallakte, in das die Antwort gehört. Angaben, die das Ergebnis nicht ändern können,
  werden nicht erfragt – auch wenn sie für einzelne Kriterien fehlen.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht

  Szenario: Entscheidet die Umsatzgrenze, wird nach nichts anderem gefragt
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt 9.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und es wird keine Frage gestellt

  Szenario: Bei privatem Erbringer sind die Tatbestände des § 2b UStG ohne Belang – gefragt wird nur nach einer Steuerbefreiung
    Angenommen der Erbringer ist ein privates Unternehmen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "privat_steuerfrei_ohne_option"

  Szenario: Bei privatem Erbringer ohne Steuerbefreiung wird nichts gefragt
    Angenommen der Erbringer ist ein privates Unternehmen
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und es wird keine Frage gestellt

  Szenario: Steht privater Wettbewerb fest, werden die Buchstaben des Abs. 3 Nr. 2 nicht erfragt
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt 60.000,00 €
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "gesetzlicher_vorbehalt_jpoer", "privat_steuerfrei_ohne_option"
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. a UStG“ ist offen

  Szenario: Steht fest, dass kein privater Wettbewerb droht, ist das Ergebnis ohne weitere Fragen sicher
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt 60.000,00 €
    Und private Anbieter könnten die Leistung nicht realistisch erbringen
    Und die Leistung ist keine Hilfstätigkeit
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und es wird keine Frage gestellt

  Szenario: Ist fast nichts bekannt, wird nur nach den entscheidenden Angaben gefragt
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "umsatz_gleichartige_taetigkeiten", "privat_steuerfrei_ohne_option", "gesetzlicher_vorbehalt_jpoer", "private_anbieter_am_markt", "hilfstaetigkeit"

  Szenario: Jede Frage nennt das Feld der Fallakte, in das die Antwort gehört
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 60.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "befreiung_ausschlaggebend"
    Und die Frage nach "befreiung_ausschlaggebend" verweist auf das Feld "leistungen[0].befreiung_ausschlaggebend"

  Szenario: Nicht steuerbar oder steuerfrei – beides ohne Umsatzsteuer, daher nicht offen
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Leistung wird gegen eine Umlage nach Nutzung erbracht
    Und die Kosten betragen jährlich 12.000,00 € und werden spitz abgerechnet
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Aufgabe geht nicht mit befreiender Wirkung über
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist „§ 4 Nr. 29 UStG“
    Und es wird keine Frage gestellt
    Und ein Hinweis nennt "An der Umsatzsteuerfreiheit der Leistung ändert das nichts"
    Und ein Hinweis nennt "Umsatz aus gleichartigen Tätigkeiten"
