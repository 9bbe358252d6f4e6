# language: de
Funktionalität: Befreiende Aufgabenübertragung (Verwaltungsauffassung, BayLfSt vom 15.02.2023)
  Geht eine Aufgabe mit befreiender Wirkung auf eine andere juristische Person des öffentlichen
  Rechts über (delegierende Vereinbarung nach § 23 Abs. 1 Alt. 1 GkG NRW, Zweckverband,
  gemeinsames Kommunalunternehmen) und war diese Befreiung für die Wahl eines öffentlichen
  Partners ausschlaggebend, sieht die Finanzverwaltung keine größere Wettbewerbsverzerrung. Das
  ist Verwaltungsauffassung, keine gesetzliche Regel: Risiko mittel.

  Grundlage:
    Angenommen die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 250.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen

  Szenariogrundriss: Befreiende und ausschlaggebende Übertragung
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf <grundlage>
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und die entscheidende Regel ist "<regel>"

    Beispiele:
      | grundlage                                        | ergebnis        | regel                                   |
      | delegierender Vereinbarung                       | nicht_steuerbar | bylfst_2023_02_15_befreiende_delegation |
      | Grundlage einer Zweckverbandssatzung             | nicht_steuerbar | bylfst_2023_02_15_befreiende_delegation |
      | Grundlage eines gemeinsamen Kommunalunternehmens | nicht_steuerbar | bylfst_2023_02_15_befreiende_delegation |
      | mandatierender Vereinbarung                      | steuerpflichtig | ustg_2b_abs1_s2_wettbewerb              |

  Szenario: Die Delegation trägt ein Risiko, weil sie auf Verwaltungsauffassung beruht
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Risiko "mittel"
    Und ein Risikogrund nennt "Verwaltungsauffassung"
    Und es wird nichts empfohlen

  Szenario: War die Befreiung nicht ausschlaggebend, greift die Delegation nicht
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des Partners nicht ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Kriterium "bylfst_2023_02_15_befreiende_delegation" ist "nicht_erfuellt"

  Szenario: Ob die Befreiung ausschlaggebend war, ist offen – genau danach wird gefragt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "befreiung_ausschlaggebend"

  Szenario: Bei einem privaten Empfänger gilt die Delegationsregel nicht
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Leistung geht auch an ein privates Unternehmen
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Kriterium "bylfst_2023_02_15_befreiende_delegation" ist "nicht_anwendbar"
