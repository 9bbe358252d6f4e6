# language: de
Funktionalität: Altes Recht – Betrieb gewerblicher Art (§ 2 Abs. 3 UStG a. F., § 4 KStG, R 4.1 KStR)
  Nur für Leistungen vor dem 01.01.2027 eines Erbringers mit fortgeltender Option. Nach altem
  Recht ist die juristische Person nur mit ihren Betrieben gewerblicher Art Unternehmer;
  wirtschaftliches Gewicht wird ab einem Jahresumsatz über 45.000 € vermutet (R 4.1 Abs. 5 KStR,
  seit 2022; davor 35.000 €). Hoheitsbetriebe (§ 4 Abs. 5 KStG) sind kein Betrieb gewerblicher Art.
  Beistand, den eine juristische Person des öffentlichen Rechts einer anderen auf
  öffentlich-rechtlicher Grundlage für deren Hoheitsbereich leistet, begründet nach der
  Verwaltungsauffassung zum alten Recht keinen Betrieb gewerblicher Art (OFD Rostock 21.11.2002);
  nutzt der Empfänger die Leistung in seinem Betrieb gewerblicher Art, entscheidet die Umsatzgrenze.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Stichtag ist der 31.12.2026
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und die Empfänger nutzen die Leistung für ihr Unternehmen

  Szenariogrundriss: Umsatzgrenze des Betriebs gewerblicher Art
    Angenommen kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt <umsatz>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "<ergebnis>"
    Und das Regime ist "altes_recht"
    Und die entscheidende Regel ist „<regel>“

    Beispiele:
      | umsatz      | ergebnis        | regel                                       |
      | 45.000,00 € | nicht_steuerbar | Kein Betrieb gewerblicher Art (altes Recht) |
      | 45.000,01 € | steuerpflichtig | Betrieb gewerblicher Art (altes Recht)      |

  Szenario: Vor 2022 galt die Grenze von 35.000 €
    Angenommen kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 40.000,00 €
    Und der Stichtag ist der 31.12.2021
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „Betrieb gewerblicher Art (altes Recht)“
    Und die Begründung zu „Betrieb gewerblicher Art (altes Recht)“ enthält "35.000,00 €"

  Szenario: Ein Hoheitsbetrieb ist kein Betrieb gewerblicher Art, auch bei hohem Umsatz
    Angenommen ein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2 Abs. 3 UStG a. F. i. V. m. § 4 Abs. 5 KStG“

  Szenario: Über der Grenze, aber offen, ob ein Hoheitsbetrieb vorliegt
    Angenommen der Umsatz aus gleichartigen Tätigkeiten beträgt 45.000,01 €
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "gesetzlicher_vorbehalt_jpoer"

  Szenariogrundriss: Die gleichartigen Leistungen des Erbringers zählen auch für den Betrieb gewerblicher Art zusammen
    Angenommen kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und die Kosten betragen jährlich 25.000,00 € und werden spitz abgerechnet
    Und eine zweite Leistung der Stadt Aheim im Aufgabenfeld "sonstiges" kostet jährlich <zweite>
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis der Leistung "leistung" "<ergebnis>"
    Und zur Leistung "leistung" <fragen>

    Beispiele:
      | zweite      | ergebnis        | fragen                                                   |
      | 20.000,00 € | offen           | wird nur nach "umsatz_gleichartige_taetigkeiten" gefragt |
      | 20.000,01 € | steuerpflichtig | wird keine Frage gestellt                                |

  Szenario: Beistand für den Hoheitsbereich einer anderen Körperschaft ist kein Betrieb gewerblicher Art
    Angenommen kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 900.000,00 €
    Und die Empfänger nutzen die Leistung hoheitlich
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2 Abs. 3 UStG a. F. i. V. m. § 4 KStG (Beistandsleistung)“
    Und das Risiko ist "mittel"
    Und ein Risikogrund nennt "V R 41/10"

  Szenario: Ist offen, wie der Empfänger die Leistung nutzt, wird danach gefragt
    Angenommen kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 45.000,01 €
    Und die Angabe "nutzung_beim_empfaenger" fehlt
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "nutzung_beim_empfaenger"

  Szenario: Auf privatrechtlicher Grundlage gilt die Beistandsregel nicht
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 45.000,01 €
    Und die Empfänger nutzen die Leistung hoheitlich
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2 Abs. 3 UStG a. F. i. V. m. § 4 KStG (Beistandsleistung)“ ist nicht erfüllt
    Und die entscheidende Regel ist „Betrieb gewerblicher Art (altes Recht)“

  Szenario: An ein privates Unternehmen ist Beistand kein Thema
    Angenommen die Leistung geht auch an ein privates Unternehmen
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 45.000,01 €
    Und die Empfänger nutzen die Leistung hoheitlich
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2 Abs. 3 UStG a. F. i. V. m. § 4 KStG (Beistandsleistung)“ ist nicht erfüllt
