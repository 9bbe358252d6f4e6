# language: de
Funktionalität: Übergang zu § 2b UStG (§ 27 Abs. 22 und 22a UStG)
  Eine juristische Person des öffentlichen Rechts, die die Option nach § 27 Abs. 22 UStG erklärt
  und nie widerrufen hat, besteuert ihre Leistungen vor dem 01.01.2027 noch nach altem Recht
  (§ 2 Abs. 3 UStG a. F.). Ab dem 01.01.2027 gilt § 2b UStG für jede juristische Person des
  öffentlichen Rechts. Das Ende des Optionszeitraums ist ein datierter Parameter
  (ende_optionszeitraum). Die meisten juristischen Personen haben die Option erklärt: Sagt die
  Fallakte nichts dazu, ist sie für eine Leistung vor 2027 unbekannt – nicht „nein“ – und wird
  erfragt, wenn sie das Ergebnis ändern kann. Eine Bewertung nach altem Recht heißt so und zeigt
  § 2b UStG nie als anwendbar.

  Grundlage:
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf mandatierender Vereinbarung
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 10.000,00 €

  Szenariogrundriss: Mit Option entscheidet der Stichtag über das Regime
    Angenommen die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Stichtag ist der <stichtag>
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Regime "<regime>"
    Und die Regel „Altes Recht (§ 2 Abs. 3 UStG a. F.) wegen Option“ ist <altes_recht>
    Und die entscheidende Regel ist „<regel>“

    Beispiele:
      | stichtag   | regime      | altes_recht   | regel                                       |
      | 31.12.2026 | altes_recht | erfüllt       | Kein Betrieb gewerblicher Art (altes Recht) |
      | 01.01.2027 | ustg_2b     | nicht erfüllt | § 2b Abs. 2 Nr. 1 UStG                      |

  Szenario: Ohne Option gilt § 2b UStG schon 2026
    Angenommen die Stadt Aheim hat keine Option nach § 27 Abs. 22 UStG erklärt
    Und der Stichtag ist der 31.12.2026
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Regime "ustg_2b"
    Und die Regel „Neues Recht (§ 2b UStG)“ ist erfüllt
    Und die entscheidende Regel ist „§ 2b Abs. 2 Nr. 1 UStG“

  Szenario: Dieselbe Leistung am 31.12.2026 und am 01.01.2027 – was sich am 1. Januar ändert
    Angenommen die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 40.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und der Stichtag ist der 31.12.2026
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und das Regime ist "altes_recht"
    Und die entscheidende Regel ist „Kein Betrieb gewerblicher Art (altes Recht)“

  Szenario: Dieselbe Leistung am 01.01.2027 ist nach § 2b UStG steuerpflichtig
    Angenommen die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 40.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und der Stichtag ist der 01.01.2027
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und das Regime ist "ustg_2b"
    Und die entscheidende Regel ist „§ 2b Abs. 1 Satz 2 UStG“

  Szenario: Ist die Option für eine Leistung vor 2027 nicht angegeben, wird genau danach gefragt
    Angenommen ob die Stadt Aheim die Option nach § 27 Abs. 22 UStG erklärt hat, ist nicht angegeben
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 40.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und der Stichtag ist der 31.12.2026
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und das Regime ist "offen"
    Und gefragt wird nur nach "erbringer_option_27_22"
    Und die Frage nach "erbringer_option_27_22" verweist auf das Feld "beteiligte[0].option_27_22"
    Und der Titel der Bewertung lautet "Bewertung nach § 2b UStG oder altem Recht (offen, ob die Option nach § 27 Abs. 22 UStG gilt)"

  Szenario: Ab dem 01.01.2027 spielt die nicht angegebene Option keine Rolle
    Angenommen ob die Stadt Aheim die Option nach § 27 Abs. 22 UStG erklärt hat, ist nicht angegeben
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 40.000,00 €
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei
    Und kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor
    Und private Anbieter könnten die Leistung realistisch erbringen
    Und der Stichtag ist der 01.01.2027
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und es wird keine Frage gestellt

  Szenario: Führen altes und neues Recht zum selben Ergebnis, wird nach der Option nicht gefragt
    Angenommen ob die Stadt Aheim die Option nach § 27 Abs. 22 UStG erklärt hat, ist nicht angegeben
    Und der Stichtag ist der 31.12.2026
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und es wird keine Frage gestellt

  Szenario: Eine Bewertung nach altem Recht heißt so und zeigt § 2b UStG nicht als erfüllt
    Angenommen die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Stichtag ist der 31.12.2026
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Regime "altes_recht"
    Und die Regel „Altes Recht (§ 2 Abs. 3 UStG a. F.) wegen Option“ ist erfüllt
    Und die Regel „Neues Recht (§ 2b UStG)“ ist nicht erfüllt
    Und der Titel der Bewertung lautet "Bewertung nach altem Recht (§ 2 Abs. 3 UStG a. F. mit § 4 KStG)"

  Szenario: Eine Bewertung nach § 2b UStG heißt so
    Angenommen die Stadt Aheim hat keine Option nach § 27 Abs. 22 UStG erklärt
    Und der Stichtag ist der 31.12.2026
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Regime "ustg_2b"
    Und der Titel der Bewertung lautet "Bewertung nach § 2b UStG"
