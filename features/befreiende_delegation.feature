# language: de
Funktionalität: Befreiende Aufgabenübertragung (Verwaltungsauffassung, BayLfSt vom 15.02.2023)
  Keine größere Wettbewerbsverzerrung sieht die Finanzverwaltung, wenn drei Voraussetzungen
  zusammenkommen: (1) eine kommunale (Pflicht-)Aufgabe geht mit befreiender Wirkung auf eine andere
  juristische Person des öffentlichen Rechts über (delegierende Vereinbarung nach § 23 Abs. 1
  Alt. 1 GkG NRW, Zweckverband, gemeinsames Kommunalunternehmen), (2) das Landesrecht lässt diese
  befreiende Übertragung nur auf eine juristische Person des öffentlichen Rechts zu, und (3) die
  Befreiung war für die Wahl des öffentlichen Partners ausschlaggebend. Das ist
  Verwaltungsauffassung, keine gesetzliche Regel: Risiko mittel. Bayern liest „Aufgabe“ weit
  (Art. 56 Abs. 2 GO BY: auch die Reinigung gemeindlicher Gebäude); außerhalb Bayerns ist das für
  unterstützende Funktionen nicht bestätigt: Risiko hoch. Vermietung, Verkauf und eigene Pflichten
  eines Arbeitgebers sind keine Aufgabenübertragung – die Regel gilt dort nicht.

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
    Und die entscheidende Regel ist „<regel>“

    Beispiele:
      | grundlage                                        | ergebnis        | regel                          |
      | delegierender Vereinbarung                       | nicht_steuerbar | Befreiende Aufgabenübertragung |
      | Grundlage einer Zweckverbandssatzung             | nicht_steuerbar | Befreiende Aufgabenübertragung |
      | Grundlage eines gemeinsamen Kommunalunternehmens | nicht_steuerbar | Befreiende Aufgabenübertragung |
      | mandatierender Vereinbarung                      | steuerpflichtig | § 2b Abs. 1 Satz 2 UStG        |

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
    Und die Regel „Befreiende Aufgabenübertragung“ ist nicht erfüllt

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
    Und die Regel „Befreiende Aufgabenübertragung“ ist nicht anwendbar

  Szenario: Lässt das Landesrecht die befreiende Übertragung auch auf Private zu, greift die Delegation nicht
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Und das Landesrecht lässt die befreiende Übertragung auch auf Private zu
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „Befreiende Aufgabenübertragung“ ist nicht erfüllt

  Szenariogrundriss: Vermietung, Verkauf und die Entgeltabrechnung eines Arbeitgebers sind keine Aufgabenübertragung
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Leistung gehört zum Aufgabenfeld "<feld>"
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist die Regel „Befreiende Aufgabenübertragung“ nicht anwendbar
    Und die Angabe "kommunale_aufgabe_uebertragbar" stammt aus dem Katalog

    Beispiele:
      | feld                 |
      | raumueberlassung     |
      | verkauf_gegenstaende |
      | personalabrechnung   |

  Szenario: Eine Aufgabe, die die Fallakte als nicht übertragbar beschreibt, wird nicht übertragen
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Leistung ist keine übertragbare kommunale Aufgabe der Empfänger
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „Befreiende Aufgabenübertragung“ ist nicht anwendbar

  Szenariogrundriss: Gebäudereinigung – in Bayern nach Verwaltungsauffassung, anderswo mit hohem Risiko
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Beteiligten liegen in <land>
    Und die Leistung gehört zum Aufgabenfeld "gebaeudereinigung"
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „Befreiende Aufgabenübertragung“
    Und das Risiko ist "<risiko>"

    Beispiele:
      | land                | risiko |
      | Bayern              | mittel |
      | Nordrhein-Westfalen | hoch   |

  Szenario: Der Bauhof bleibt auch in Nordrhein-Westfalen bei mittlerem Risiko (BayLfSt vom 18.06.2021)
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Beteiligten liegen in Nordrhein-Westfalen
    Und die Leistung gehört zum Aufgabenfeld "bauhof"
    Und die Leistung ist keine Hilfstätigkeit
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "Verwaltungsauffassung"

  Szenario: Das Kriterium nennt die Verfügung mit Aktenzeichen
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die Aufgabe geht mit befreiender Wirkung auf den Erbringer über
    Und die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann die Regel „Befreiende Aufgabenübertragung“ nennt die Quelle "S 7107.1.1-30/4 St33"
