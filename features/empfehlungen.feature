# language: de
Funktionalität: Empfehlungen – die kleinste Änderung, die die Umsatzsteuer vermeidet
  Ist eine Leistung steuerpflichtig oder offen, probiert die Bewertung die Hebel aus
  rules/empfehlungen.yaml: Jede Änderung wird mit denselben Regeln neu bewertet (nicht geraten) und
  nur empfohlen, wenn die Leistung danach sicher nicht steuerbar oder steuerfrei ist. Mit einer
  Kostenkalkulation nennt jede Empfehlung die Mehrbelastung, die sie vermeidet. Ein Hebel wird nur
  angeboten, wo er für diese Leistung rechtlich möglich ist: keine delegierende Vereinbarung für
  Vermietung, Verkauf oder eigene Arbeitgeberpflichten, kein § 4 Nr. 29 für Lieferungen oder
  Nichtmitglieder – und nie ein Hebel, der eine Tatsache über Beweggründe „festlegt“: Ob die Befreiung
  ausschlaggebend war, wird erfragt, nicht gewählt.

  Grundlage: Eine mandatierende Zusammenarbeit nach Abs. 3 Nr. 2, aber mit privatem Wettbewerb
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Kosten betragen jährlich 100.000,00 € und werden spitz abgerechnet
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 250.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Aufgabe geht nicht mit befreiender Wirkung über
    Und die Vereinbarung beginnt am 01.01.2027 und ist unbefristet
    Und die Leistung dient dem Erhalt der öffentlichen Infrastruktur
    Und die Leistung erfüllt eine allen Beteiligten obliegende öffentliche Aufgabe
    Und der Anteil gleichartiger Leistungen an juristische Personen des öffentlichen Rechts beträgt 100 %
    Und die Leistung ist keine Hilfstätigkeit
    Und private Anbieter könnten die Leistung realistisch erbringen

  Szenario: Delegierende statt mandatierende Vereinbarung
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und empfohlen wird "delegierende_vereinbarung" mit dem Ergebnis "nicht_steuerbar"
    Und empfohlen wird "zweckverband_kostenteilung" mit dem Ergebnis "steuerfrei"
    Und nicht empfohlen wird "oeffentlich_rechtliche_form"
    Und die Empfehlung "delegierende_vereinbarung" vermeidet eine Mehrbelastung von 19.000,00 €
    Und die Empfehlung "delegierende_vereinbarung" setzt voraus, dass "befreiung_ausschlaggebend" geklärt ist
    Und die Empfehlung "delegierende_vereinbarung" ändert "befreiung_ausschlaggebend" nicht

  Szenario: Eine schon delegierende Vereinbarung wird nicht noch einmal empfohlen
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf delegierender Vereinbarung
    Und die befreiende Wirkung war für die Wahl des Partners nicht ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und nicht empfohlen wird "delegierende_vereinbarung"

  Szenario: Eine nicht steuerbare Leistung braucht keine Empfehlung
    Angenommen private Anbieter könnten die Leistung nicht realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und es wird nichts empfohlen

  Szenario: Öffentlich-rechtliche statt privatrechtlicher Grundlage
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und die Vereinbarung beginnt am 01.01.2027 und endet mit Ablauf des 31.12.2028
    Und private Anbieter könnten die Leistung nicht realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und empfohlen wird "oeffentlich_rechtliche_form" mit dem Ergebnis "nicht_steuerbar"

  Szenariogrundriss: Hebel für die Kostenteilungsgemeinschaft eines Zweckverbands
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und <aenderung>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 4 Nr. 29 UStG“ ist nicht erfüllt
    Und empfohlen wird "<hebel>" mit dem Ergebnis "steuerfrei"

    Beispiele:
      | aenderung                                                               | hebel                  |
      | die Kalkulation enthält einen Gewinnaufschlag von 5 %                   | ohne_gewinn_und_wagnis |
      | die Kalkulation enthält einen allgemeinen Wagniszuschlag von 2.000,00 € | ohne_gewinn_und_wagnis |
      | die Leistung wird gegen einen Marktpreis erbracht                       | spitzabrechnung        |

  Szenario: Ein nachgewiesenes Einzelwagnis ist Kosten und bleibt, wenn Gewinnaufschlag und Wagnis gestrichen werden
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und die Kalkulation enthält einen Gewinnaufschlag von 5 %
    Und die Kalkulation enthält ein Einzelwagnis von 2.000,00 € mit dem Nachweis „Forderungsausfälle 2023–2025“
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und empfohlen wird "ohne_gewinn_und_wagnis" mit dem Ergebnis "steuerfrei"
    Und die Empfehlung "ohne_gewinn_und_wagnis" vermeidet eine Mehrbelastung von 19.380,00 €

  Szenario: Ein allgemeines Wagnis ohne Nachweis wird mit dem Gewinnaufschlag gestrichen
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und die Kalkulation enthält einen Gewinnaufschlag von 5 %
    Und die Kalkulation enthält einen allgemeinen Wagniszuschlag von 2.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und empfohlen wird "ohne_gewinn_und_wagnis" mit dem Ergebnis "steuerfrei"
    Und die Empfehlung "ohne_gewinn_und_wagnis" vermeidet eine Mehrbelastung von 19.000,00 €

  Szenario: Ein nachgewiesenes Einzelwagnis allein braucht keine Empfehlung
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Mitglieder handeln dafür nichtunternehmerisch
    Und die Leistungen sind auf die Mitglieder zugeschnitten
    Und die Kalkulation enthält ein Einzelwagnis von 2.000,00 € mit dem Nachweis „Forderungsausfälle 2023–2025“
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und es wird nichts empfohlen

  Szenario: Einem privaten Erbringer wird weder Delegation noch Zweckverband empfohlen
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist ein privates Unternehmen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und nicht empfohlen wird "delegierende_vereinbarung"
    Und nicht empfohlen wird "zweckverband_kostenteilung"

  Szenario: Geht die Leistung auch an Private, wird keine Delegation empfohlen
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung geht auch an ein privates Unternehmen
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 60.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und nicht empfohlen wird "delegierende_vereinbarung"

  Szenario: Steht fest, dass die Befreiung ausschlaggebend wäre, entfällt die Voraussetzung
    Angenommen die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und empfohlen wird "delegierende_vereinbarung" mit dem Ergebnis "nicht_steuerbar"
    Und die Empfehlung "delegierende_vereinbarung" hat keine offene Voraussetzung

  Szenario: War die Befreiung nicht ausschlaggebend, wird keine Delegation empfohlen
    Angenommen die befreiende Wirkung war für die Wahl des Partners nicht ausschlaggebend
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und nicht empfohlen wird "delegierende_vereinbarung"

  Szenario: Für die Entgeltabrechnung eines Arbeitgebers wird keine Delegation empfohlen, aber der Zusammenschluss
    Angenommen die Leistung gehört zum Aufgabenfeld "personalabrechnung"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und nicht empfohlen wird "delegierende_vereinbarung"
    Und empfohlen wird "zweckverband_kostenteilung" mit dem Ergebnis "steuerfrei"
    Und die Empfehlung "zweckverband_kostenteilung" setzt voraus, dass "mitglieder_nichtunternehmerisch" geklärt ist

  Szenario: Für eine Lieferung wird kein Zusammenschluss nach § 4 Nr. 29 UStG empfohlen
    Angenommen die Leistung gehört zum Aufgabenfeld "beschaffung"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und nicht empfohlen wird "zweckverband_kostenteilung"

  Szenario: Wissen die Mitglieder, dass sie unternehmerisch handeln, wird der Zusammenschluss nicht empfohlen
    Angenommen die Mitglieder handeln dafür unternehmerisch
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und nicht empfohlen wird "zweckverband_kostenteilung"

  Szenario: Eine ohnehin steuerfreie Vermietung braucht keine Empfehlung und keine Mehrbelastung
    Angenommen die Leistung gehört zum Aufgabenfeld "raumueberlassung"
    Und die Empfänger nutzen die Leistung hoheitlich
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und es wird nichts empfohlen
