# language: de
Funktionalität: Leistungsaustausch (§ 1 Abs. 1 Nr. 1 UStG) und privater Erbringer (§ 2 Abs. 1 UStG)
  Steuerbar ist nur eine Leistung eines Unternehmers an einen anderen gegen Entgelt – geprüft vor
  § 2b UStG. Innerhalb einer juristischen Person gibt es keinen Austausch: Verrechnet ein
  Eigenbetrieb oder Amt einer Stadt Leistungen mit anderen Ämtern derselben Stadt, ist das ein nicht
  steuerbarer Innenumsatz (SWR § 2b Rz. 49); ein Zweckverband und eine Anstalt sind dagegen eigene
  juristische Personen. Die allgemeine Umlage eines Zweckverbands, die nicht an die Nutzung des
  einzelnen Mitglieds anknüpft (BayLfSt vom 27.04.2020), und eine Abgabe, die aus einem anderen
  Grund als der Nutzung geschuldet wird (EuGH C-344/22: Kurbeitrag für den Aufenthalt), sind kein
  Entgelt; eine nach der Nutzung bemessene Umlage ist es (BFH V R 35/78). Eine unentgeltliche
  Leistung ist nicht steuerbar, wenn sie aus dem hoheitlichen Bereich kommt; aus einem
  unternehmerischen Bereich kann sie als unentgeltliche Wertabgabe steuerbar sein (§ 3 Abs. 1b,
  9a UStG). Ein privater Erbringer ist gewöhnlicher Unternehmer: § 2b UStG gilt nur für juristische
  Personen des öffentlichen Rechts.

  Szenario: Die allgemeine Umlage eines Zweckverbands ist keine Leistung gegen Entgelt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf Grundlage einer Zweckverbandssatzung
    Und der Erbringer ist ein Zweckverband
    Und die Leistung wird gegen eine allgemeine Umlage erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „Kein Entgelt für die Leistung (allgemeine Umlage, nutzungsunabhängige Abgabe)“
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
    Und die Regel „Kein Entgelt für die Leistung (allgemeine Umlage, nutzungsunabhängige Abgabe)“ ist nicht erfüllt
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“

  Szenario: Eine unentgeltliche Leistung aus dem hoheitlichen Bereich ist nicht steuerbar
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird unentgeltlich erbracht
    Und die unentgeltliche Leistung stammt aus dem hoheitlichen Bereich des Erbringers
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „Unentgeltliche Leistung aus dem hoheitlichen Bereich“
    Und es wird keine Frage gestellt

  Szenario: Aus einem unternehmerischen Bereich ist die unentgeltliche Leistung eine steuerbare Wertabgabe
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird unentgeltlich erbracht
    Und die unentgeltliche Leistung stammt aus einem unternehmerischen Bereich des Erbringers
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 3 Abs. 1b und 9a UStG“
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "Zwecken außerhalb des Unternehmens"

  Szenario: Woher die unentgeltliche Leistung kommt, wird gefragt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird unentgeltlich erbracht
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "unentgeltlich_aus_unternehmensbereich"

  Szenariogrundriss: Eine Abgabe, die nicht für die Nutzung geschuldet wird, ist kein Entgelt (EuGH C-344/22)
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen <entgelt> erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und die Regel „Kein Entgelt für die Leistung (allgemeine Umlage, nutzungsunabhängige Abgabe)“ ist <status>

    Beispiele:
      | entgelt                                                     | ergebnis        | status        |
      | eine Abgabe, die unabhängig von der Nutzung geschuldet wird | nicht_steuerbar | erfüllt       |
      | eine Umlage nach Nutzung                                    | steuerpflichtig | nicht erfüllt |

  Szenario: Ist die Vergütung unbekannt, wird danach gefragt
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Angabe "entgelt" fehlt
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und die unentgeltliche Leistung stammt aus dem hoheitlichen Bereich des Erbringers
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "entgelt"

  Szenario: Ein Eigenbetrieb, der seiner Stadt Leistungen verrechnet, erbringt einen Innenumsatz
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und der Erbringer gehört als Eigenbetrieb zur Gemeinde Bedorf
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „Innenumsatz innerhalb einer juristischen Person“
    Und es wird keine Frage gestellt
    Und es wird nichts empfohlen

  Szenario: Eine Stadt, die sich selbst eine Leistung verrechnet, erbringt einen Innenumsatz
    Angenommen die Stadt Aheim erbringt die Leistung an sich selbst
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „Innenumsatz innerhalb einer juristischen Person“

  Szenario: Auch nach altem Recht ist der Innenumsatz nicht steuerbar
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer gehört als Eigenbetrieb zur Gemeinde Bedorf
    Und die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Stichtag ist der 31.12.2026
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und das Regime ist "altes_recht"
    Und die entscheidende Regel ist „Innenumsatz innerhalb einer juristischen Person“

  Szenario: Eine Anstalt des öffentlichen Rechts ist eine eigene juristische Person – kein Innenumsatz
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist eine Anstalt des öffentlichen Rechts
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und der Erbringer hat 1 Träger
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „Innenumsatz innerhalb einer juristischen Person“ ist nicht erfüllt

  Szenario: Geht die Leistung auch an die eigene Stadt, ist dieser Anteil Innenumsatz – bewertet wird der Rest
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung geht auch an ein Amt der Stadt Aheim
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „Innenumsatz innerhalb einer juristischen Person“ ist nicht erfüllt
    Und ein Hinweis nennt "Innenumsatz"

  Szenario: Stellt der Empfänger dem Erbringer Personal nur bei, ist das keine eigene Leistung
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung besteht in der Gestellung von Personal
    Und das Personal wird nur als Beistellung zu einer Leistung an den Gestellenden eingesetzt
    Und private Anbieter könnten die Leistung realistisch erbringen
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 1 Abs. 1 Nr. 1 UStG i. V. m. UStAE 1.1 Abs. 6 und 7“

  Szenario: Ein privater Erbringer ist auch unter 17.500 € steuerpflichtig
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und der Erbringer ist ein privates Unternehmen
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 10.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2 Abs. 1 UStG“
    Und die Regel „Keine Steuerbefreiung“ ist erfüllt
    Und es wird keine Frage gestellt
