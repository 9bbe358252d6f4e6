# language: de
Funktionalität: Steuerbefreiungen für jede steuerbare Leistung (§ 4 Nr. 12, 14, 21, 25 UStG)
  Ist die juristische Person für eine Leistung Unternehmer – als privater Erbringer, nach § 2b
  Abs. 4, wegen eines privatrechtlichen Vertrags, wegen größerer Wettbewerbsverzerrungen oder als
  Betrieb gewerblicher Art nach altem Recht –, ist die Leistung steuerbar. Steuerpflichtig ist sie
  erst, wenn keine Steuerbefreiung greift: Die Befreiungen knüpfen an die Leistung an, nicht an den
  Leistenden. Wäre dieselbe Leistung bei einem privaten Anbieter ohne Verzichtsmöglichkeit
  steuerfrei (Kinderbetreuung § 4 Nr. 25, Unterricht § 4 Nr. 21, Heilbehandlung § 4 Nr. 14), ist
  sie auch hier steuerfrei. Die Vermietung von Grundstücken und Räumen ist steuerfrei (§ 4 Nr. 12
  Satz 1 Buchst. a); auf die Befreiung verzichten kann der Vermieter nur gegenüber einem Mieter,
  der die Räume für sein Unternehmen nutzt (§ 9 UStG) – nicht gegenüber einer Gemeinde, die sie
  hoheitlich nutzt. Kurzfristige Beherbergung, Stellplätze, Betriebsvorrichtungen (Satz 2) und die
  Überlassung von Sportanlagen an ihre Nutzer (UStAE 4.12.11 Abs. 1) sind nicht befreit.

  Grundlage:
    Angenommen die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 250.000,00 €

  Szenario: Kinderbetreuung auf privatrechtlichem Vertrag ist steuerbar, aber steuerfrei
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und die Leistung gehört zum Aufgabenfeld "kinderbetreuung"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist „§ 4 UStG (z. B. Nr. 14, 21, 25)“
    Und die Regel „Handeln auf privatrechtlicher Grundlage“ ist erfüllt
    Und es wird nichts empfohlen

  Szenario: Dieselbe Kinderbetreuung auf öffentlich-rechtlicher Grundlage ist schon nicht steuerbar
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung gehört zum Aufgabenfeld "kinderbetreuung"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 2 UStG“

  Szenario: Ein privater Erbringer von Unterricht ist Unternehmer, die Leistung aber steuerfrei
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist ein privates Unternehmen
    Und die Leistung wäre bei einem privaten Anbieter zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist „§ 4 UStG (z. B. Nr. 14, 21, 25)“
    Und die Regel „§ 2 Abs. 1 UStG“ ist erfüllt

  Szenario: Nach altem Recht ist die Leistung eines Betriebs gewerblicher Art ebenso steuerfrei
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Stichtag ist der 31.12.2026
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Leistung wäre bei einem privaten Anbieter zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und das Regime ist "altes_recht"
    Und die Regel „Betrieb gewerblicher Art (altes Recht)“ ist erfüllt
    Und die entscheidende Regel ist „§ 4 UStG (z. B. Nr. 14, 21, 25)“

  Szenario: Die Vermietung von Räumen an eine Gemeinde ist steuerfrei, auch bei privatem Wettbewerb
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung gehört zum Aufgabenfeld "raumueberlassung"
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und die Empfänger nutzen die Leistung hoheitlich
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist „§ 4 Nr. 12 Satz 1 Buchst. a UStG“
    Und die Regel „§ 2b Abs. 1 Satz 2 UStG“ ist erfüllt
    Und die Regel „Befreiende Aufgabenübertragung“ ist nicht anwendbar
    Und die Angabe "vermietung_gegenstand" stammt aus dem Katalog
    Und es wird nichts empfohlen

  Szenariogrundriss: Ein Verzicht auf die Befreiung (§ 9 UStG) wirkt nur gegenüber einem Unternehmer
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und der Erbringer vermietet Räume
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und der Erbringer hat nach § 9 UStG auf die Steuerbefreiung verzichtet
    Und <nutzung>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und die Regel „§ 4 Nr. 12 Satz 1 Buchst. a UStG“ ist <status>

    Beispiele:
      | nutzung                                               | ergebnis        | status        |
      | die Empfänger nutzen die Leistung hoheitlich          | steuerfrei      | erfüllt       |
      | die Empfänger nutzen die Leistung für ihr Unternehmen | steuerpflichtig | nicht erfüllt |

  Szenario: Ohne Verzicht bleibt die Vermietung steuerfrei, gleich wie der Empfänger sie nutzt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und der Erbringer vermietet Räume
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und der Erbringer hat nicht nach § 9 UStG auf die Steuerbefreiung verzichtet
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und es wird keine Frage gestellt

  Szenario: Ist weder ein Verzicht noch die Nutzung bekannt, wird nach beidem gefragt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und der Erbringer vermietet Räume
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "verzicht_nach_9", "nutzung_beim_empfaenger"

  Szenariogrundriss: Was nach § 4 Nr. 12 Satz 2 UStG und UStAE 4.12.11 nicht befreit ist
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und der Erbringer vermietet <gegenstand>
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und die Empfänger nutzen die Leistung hoheitlich
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und die Regel „§ 4 Nr. 12 Satz 1 Buchst. a UStG“ ist <status>

    Beispiele:
      | gegenstand                            | ergebnis        | status        |
      | Räume                                 | steuerfrei      | erfüllt       |
      | ein Grundstück                        | steuerfrei      | erfüllt       |
      | Zimmer zur kurzfristigen Beherbergung | steuerpflichtig | nicht erfüllt |
      | Stellplätze für Fahrzeuge             | steuerpflichtig | nicht erfüllt |
      | Betriebsvorrichtungen                 | steuerpflichtig | nicht erfüllt |
      | eine Sportanlage an ihre Nutzer       | steuerpflichtig | nicht erfüllt |

  Szenario: Eine steuerbare Leistung ohne Befreiung ist steuerpflichtig – erst die Befreiungskette entscheidet
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“
    Und die Regel „§ 4 Nr. 12 Satz 1 Buchst. a UStG“ ist nicht erfüllt
    Und die Regel „§ 4 UStG (z. B. Nr. 14, 21, 25)“ ist nicht erfüllt
    Und die Regel „Keine Steuerbefreiung“ ist erfüllt
    Und die Begründung zu „§ 2b Abs. 1 Satz 2 UStG“ enthält "steuerbar"
