# language: de
Funktionalität: Der Entwurf der öffentlich-rechtlichen Vereinbarung passt zum Fall
  Der Entwurf wählt seine Klauseln nach der Rechtsform (§ 23 GkG NRW: delegierend oder
  mandatierend; beim Zweckverband die Satzungsregelung), nach der steuerlichen Würdigung
  (§ 2b UStG: nicht steuerbar, steuerpflichtig, steuerfrei nach § 4 Nr. 29 UStG, offen) und nach der
  Laufzeit (§ 23 Abs. 5 GkG NRW: Kündigungsregelung bei unbefristeter oder mehr als zwanzigjähriger
  Laufzeit). Fehlende Angaben erscheinen als sichtbare Platzhalter und werden aufgelistet.

  Szenariogrundriss: Die Umsatzsteuerklausel folgt der steuerlichen Würdigung
    Angenommen die Fallakte "<beispiel>"
    Und die steuerliche Würdigung ergibt "<ergebnis>"
    Wenn der Entwurf erstellt wird
    Dann enthält § 6 die Variante "<ergebnis>"
    Und enthält § 6 den Satz "<satz>"

    Beispiele:
      | beispiel                        | ergebnis        | satz                                                  |
      | standesamt-delegierend          | nicht_steuerbar | keine Umsatzsteuer ausgewiesen (§ 14c UStG)           |
      | personalabrechnung-mandatierend | steuerpflichtig | zuzüglich der gesetzlichen Umsatzsteuer               |
      | it-zweckverband                 | steuerfrei      | nach § 4 Nr. 29 UStG steuerfrei                       |
      | hochwasserschutz-offen          | offen           | Umsatzsteuerliche Behandlung nach Klärung             |

  Szenariogrundriss: Gegenstand und Datenschutz folgen der Rechtsform
    Angenommen die Fallakte "<beispiel>"
    Und die steuerliche Würdigung ergibt "nicht_steuerbar"
    Wenn der Entwurf erstellt wird
    Dann enthält § 1 die Variante "<variante>"
    Und hat der Entwurf <anzahl> Anlagen

    Beispiele:
      | beispiel                        | variante     | anzahl |
      | standesamt-delegierend          | delegierend  | 3      |
      | personalabrechnung-mandatierend | mandatierend | 4      |
      | it-zweckverband                 | zweckverband | 3      |

  Szenario: Eine unbefristete Vereinbarung braucht eine Kündigungsregelung
    Angenommen die Fallakte "standesamt-delegierend"
    Und die steuerliche Würdigung ergibt "nicht_steuerbar"
    Wenn der Entwurf erstellt wird
    Dann enthält § 7 den Satz "mit einer Frist von 24 Monaten zum Ende eines Kalenderjahres"
    Und enthält § 7 den Satz "§ 23 Abs. 5 GkG NRW"

  Szenario: Eine fehlende Kündigungsfrist wird nicht erfunden
    Angenommen die Fallakte "standesamt-delegierend" ohne Kündigungsfrist
    Und die steuerliche Würdigung ergibt "nicht_steuerbar"
    Wenn der Entwurf erstellt wird
    Dann enthält § 7 den Satz "[Kündigungsfrist ergänzen]"
    Und nennt die Platzhalterliste das Feld "leistungen[0].laufzeit.kuendigungsfrist_monate"
