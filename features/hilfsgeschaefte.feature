# language: de
Funktionalität: Hoheitliche Hilfsgeschäfte (UStAE 2b.1 Abs. 9; BMF 16.12.2016 Rz. 19 f.)
  Der gelegentliche Verkauf eines Gegenstands, der dem hoheitlichen Bereich gedient hat (ein
  gebrauchtes Feuerwehrfahrzeug, alte Büroausstattung), ist keine nachhaltige wirtschaftliche
  Tätigkeit und nicht steuerbar – auch auf privatrechtlicher Grundlage und auch wiederholt. Steuerbar
  wird er erst, wenn das Auftreten am Markt dem eines professionellen Händlers gleicht. Ein
  Hilfsgeschäft (ein gelegentlicher Verkauf) ist etwas anderes als eine Hilfstätigkeit (eine
  unterstützende Dienstleistung wie Reinigung oder IT-Unterstützung).

  Grundlage: Ein Verkauf auf privatrechtlicher Grundlage über der Umsatzgrenze
    Angenommen eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf privatrechtlichem Vertrag
    Und die Leistung wird gegen einen Marktpreis erbracht
    Und der Umsatz aus gleichartigen Tätigkeiten beträgt 60.000,00 €
    Und die Leistung ist eine Lieferung
    Und die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei

  Szenario: Der gelegentliche Verkauf eines gebrauchten Feuerwehrfahrzeugs ist nicht steuerbar
    Angenommen die Leistung ist der gelegentliche Verkauf eines Gegenstands aus dem hoheitlichen Bereich
    Und der Erbringer tritt bei diesen Verkäufen nicht wie ein Händler auf
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2 Abs. 1 UStG i. V. m. UStAE 2b.1 Abs. 9“
    Und die Regel „Handeln auf privatrechtlicher Grundlage“ ist erfüllt
    Und es wird keine Frage gestellt

  Szenario: Wer wie ein professioneller Händler auftritt, verkauft steuerbar
    Angenommen die Leistung ist der gelegentliche Verkauf eines Gegenstands aus dem hoheitlichen Bereich
    Und der Erbringer tritt bei diesen Verkäufen wie ein professioneller Händler auf
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2 Abs. 1 UStG i. V. m. UStAE 2b.1 Abs. 9“ ist nicht erfüllt
    Und die entscheidende Regel ist „Handeln auf privatrechtlicher Grundlage“
    Und nicht empfohlen wird "delegierende_vereinbarung"
    Und nicht empfohlen wird "zweckverband_kostenteilung"

  Szenario: Im Aufgabenfeld des Verkaufs kommt das Hilfsgeschäft aus dem Katalog – gefragt wird nur nach dem Händlerauftritt
    Angenommen die Leistung gehört zum Aufgabenfeld "verkauf_gegenstaende"
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "hilfsgeschaeft_haendlerartig"
    Und die Angabe "hilfsgeschaeft" stammt aus dem Katalog

  Szenario: Eine Hilfstätigkeit ist kein Hilfsgeschäft – die Gebäudereinigung auf privatrechtlichem Vertrag ist steuerpflichtig
    Angenommen die Leistung gehört zum Aufgabenfeld "gebaeudereinigung"
    Und die Leistung wird gegen Kostenerstattung erbracht
    Und die Leistung ist eine sonstige Leistung
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die Regel „§ 2 Abs. 1 UStG i. V. m. UStAE 2b.1 Abs. 9“ ist nicht erfüllt
    Und die entscheidende Regel ist „Handeln auf privatrechtlicher Grundlage“

  Szenario: Auch nach altem Recht ist das Hilfsgeschäft kein Betrieb gewerblicher Art, trotz Umsatz über 45.000 €
    Angenommen die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen
    Und der Stichtag ist der 31.12.2026
    Und die Leistung ist der gelegentliche Verkauf eines Gegenstands aus dem hoheitlichen Bereich
    Und der Erbringer tritt bei diesen Verkäufen nicht wie ein Händler auf
    Wenn die Leistung nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und das Regime ist "altes_recht"
    Und die entscheidende Regel ist „§ 2 Abs. 1 UStG i. V. m. UStAE 2b.1 Abs. 9“
