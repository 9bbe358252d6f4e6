# language: de
Funktionalität: Bestandsscreening – interne Verrechnungen sind Innenumsätze (§ 1 Abs. 1 Nr. 1 UStG)
  Eine Bestandsliste enthält oft Verrechnungen innerhalb einer Stadt: Ein Eigenbetrieb oder ein Amt
  berechnet anderen Ämtern derselben Stadt seine Leistungen. Innerhalb einer juristischen Person gibt
  es keinen Leistungsaustausch; die Zeile wird als nicht steuerbarer Innenumsatz bewertet und nicht
  als unlesbar gemeldet. Ein Eigenbetrieb nennt dazu in der Spalte „Rechtsträger des Erbringers“ die
  Stadt, zu der er gehört; ist der Empfänger dieselbe Stadt, ist die Leistung ein Innenumsatz.

  Szenario: Der Eigenbetrieb, der seiner eigenen Stadt Leistungen berechnet
    Angenommen der Eigenbetrieb Stadtentwässerung Adorf mit dem Rechtsträger "Stadt Adorf" berechnet der Stadt Adorf 40.000,00 €
    Wenn der Bestand geprüft wird
    Dann ist die Leistung "nicht_steuerbar" mit der entscheidenden Regel „Innenumsatz innerhalb einer juristischen Person“
    Und keine Zeile wird als unlesbar gemeldet

  Szenario: Ein Amt, das als Erbringer und Empfänger dieselbe Stadt nennt
    Angenommen die Stadt Adorf berechnet der Stadt Adorf 40.000,00 €
    Wenn der Bestand geprüft wird
    Dann ist die Leistung "nicht_steuerbar" mit der entscheidenden Regel „Innenumsatz innerhalb einer juristischen Person“
    Und keine Zeile wird als unlesbar gemeldet

  Szenario: Derselbe Eigenbetrieb an eine Nachbargemeinde ist kein Innenumsatz
    Angenommen der Eigenbetrieb Stadtentwässerung Adorf mit dem Rechtsträger "Stadt Adorf" berechnet der Gemeinde Bedorf 40.000,00 €
    Wenn der Bestand geprüft wird
    Dann ist die Leistung nicht "nicht_steuerbar" wegen der Regel „Innenumsatz innerhalb einer juristischen Person“
