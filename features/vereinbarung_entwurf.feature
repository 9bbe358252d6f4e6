# language: de
Funktionalität: Die Vereinbarung ist Vertragstext, den ein Rechtsamt unterzeichnen kann
  Die öffentlich-rechtliche Vereinbarung (§§ 23 ff. GkG NRW) wird von der Aufsichtsbehörde
  bekannt gemacht und von den Beteiligten unterschrieben. Sie enthält deshalb nur Vertragstext:
  keine Rechtsgrundlagen-Zeilen, keine Risikohinweise, keine Feldnamen der Fallakte, keine
  steuerliche Würdigung, keinen Kostenvergleich. Ein Rechtsamt prüft darin die Beteiligten, den
  Übergang der Aufgabe, die Kostenerstattung nach § 23 Abs. 4 GkG NRW mit Beträgen, die in der
  Anlage 2 als Summen stehen, die Umsatzsteuerklausel, Laufzeit und Kündigung, Datenschutz und
  Genehmigung. Geprüft wird der Text des PDF.

  Szenariogrundriss: Die Vereinbarung enthält keine internen Texte und keine Feldnamen
    Angenommen die Fallakte "<beispiel>"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF nicht den Text "Rechtsgrundlage:"
    Und enthält das PDF nicht den Text "Risiko"
    Und enthält das PDF nicht den Text "nicht bestätigt"
    Und enthält das PDF nicht den Text "Steuerliche Würdigung"
    Und enthält das PDF keinen Feldnamen der Fallakte
    Und steht jeder Betrag aus der Kostenregelung als Summe in Anlage 2

    Beispiele:
      | beispiel                        |
      | abfall-zwei-kreise              |
      | digitaler-zwilling              |
      | it-zweckverband                 |
      | personalabrechnung-mandatierend |
      | standesamt-delegierend          |

  Szenario: Die Kostenerstattung beruht auf § 23 Abs. 4 GkG NRW, nicht auf der Verbandsumlage
    Angenommen die Fallakte "standesamt-delegierend"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "eine Erstattung der ihr entstehenden Kosten (§ 23 Abs. 4 GkG NRW)"
    Und enthält das PDF den Text "42.208,00 € (41.752,00 € Kosten zuzüglich 456,00 € nicht abziehbarer Vorsteuer)"
    Und enthält das PDF nicht den Text "§ 19"

  Szenario: Die Aufgabe geht erst mit dem Wirksamwerden über, nicht an einem festen Tag davor
    Angenommen die Fallakte "standesamt-delegierend"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "gehen mit dem Wirksamwerden dieser Vereinbarung (§ 12) auf die Stadt Aheim über"
    Und enthält das PDF den Text "Die Vereinbarung wird am Tag nach der Bekanntmachung wirksam, jedoch nicht vor dem 01.01.2027 (§ 24 Abs. 4 GkG NRW)"
    Und enthält das PDF den Text "Ordnungsbehördliche Verordnungen werden durch diese Vereinbarung nicht übertragen"
    Und enthält das PDF den Text "zur Schlichtung an (§ 30 GkG NRW)"

  Szenario: Die Beteiligten werden grammatisch richtig genannt
    Angenommen die Fallakte "personalabrechnung-mandatierend"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Zwischen dem Kreis Musterland, vertreten durch den Landrat"
    Und enthält das PDF den Text "Der Kreis Musterland erhält"
    Und enthält das PDF den Text "der ihm entstehenden Kosten"
    Und enthält das PDF den Text "Für die Stadt Aheim"
    Und enthält das PDF nicht den Text "Erbringer"

  Szenario: Ein Wasserverband kann nicht Beteiligter einer Vereinbarung nach § 23 GkG NRW sein
    Angenommen die Fallakte "hochwasserschutz-offen"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann wird das Dokument abgelehnt mit einer Meldung zu "beteiligte[0].art", die "öffentlich-rechtlicher Vertrag nach §§ 54 ff. VwVfG NRW" nennt

  Szenariogrundriss: Die Umsatzsteuerklausel folgt der steuerlichen Würdigung
    Angenommen die Fallakte "<beispiel>"
    Und die steuerliche Würdigung ergibt "<ergebnis>" mit Risiko "<risiko>"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "<satz>"

    Beispiele:
      | beispiel                        | ergebnis        | risiko | satz                                                                          |
      | standesamt-delegierend          | nicht_steuerbar | gering | mindert sich die Erstattung nach § 5 um die Vorsteuerbeträge                  |
      | standesamt-delegierend          | nicht_steuerbar | mittel | treten erst ein, wenn das zuständige Finanzamt der Stadt Aheim auf ihren Antrag |
      | personalabrechnung-mandatierend | steuerpflichtig | gering | zuzüglich der Umsatzsteuer nach dem jeweils geltenden Steuersatz              |
      | personalabrechnung-mandatierend | steuerfrei      | gering | nach § 4 Nr. 29 UStG von der Umsatzsteuer befreit                             |
      | standesamt-delegierend          | offen           | mittel | wird durch eine verbindliche Auskunft des zuständigen Finanzamts geklärt      |

  Szenario: Der Zweckverband erhält eine Verbandssatzung, keine Vertragsklauseln
    Angenommen die Fallakte "it-zweckverband"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "Verbandssatzung"
    Und enthält das PDF den Text "Verbandsmitglieder sind (§ 4 GkG NRW)"
    Und enthält das PDF den Text "erhebt der Zweckverband von der Stadt Ahausen"
    Und enthält das PDF den Text "(§ 19 GkG NRW)"
    Und enthält das PDF nicht den Text "Kündigung"
    Und enthält das PDF nicht den Text "Haftung"
    Und enthält das PDF nicht den Text "Für die Stadt"

  Szenario: Eine fehlende Kündigungsfrist wird nicht erfunden, sondern aufgelistet
    Angenommen die Fallakte "standesamt-delegierend" ohne Kündigungsfrist
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann enthält das PDF den Text "[Kündigungsfrist ergänzen]"
    Und nennt das Verzeichnis der zu ergänzenden Stellen "Laufzeit – Kündigungsfrist (Monate)"

  Szenario: Gleiche Fallakte und gleicher Stand ergeben dieselben Bytes
    Angenommen die Fallakte "digitaler-zwilling"
    Wenn das Dokument "vereinbarung" mit Stand "05.12.2026" erstellt wird
    Dann ist das PDF bei gleichem Stand byte-gleich
