# language: de
Funktionalität: Prüfung und Freigabe eines Vertragsentwurfs durch Rechtsamt, Steuerbeauftragte und Leitung
  Das Fachamt (Sachbearbeitung) reicht den Entwurf zur Prüfung ein. Rechtsamt, Steuerbeauftragte
  und Leitung kommentieren Klauseln; freigeben müssen – wenn die Organisation nichts anderes
  festlegt – die Steuerbeauftragte (schriftliche USt-Freigabe), das Rechtsamt und die Leitung.
  Eine Ausfertigung ohne Entwurfskennzeichnung gibt es erst nach allen Freigaben; eine
  unterzeichnete Fassung ist eingefroren.

  Grundlage:
    Angenommen der Kreis Musterland hat den Fall "personalabrechnung-mandatierend" gespeichert
    Und die Sachbearbeitung hat ihn zur Prüfung eingereicht

  Szenario: Eine Änderung des Falls macht die erteilten Freigaben ungültig
    Wenn "steuer" die Freigabe erteilt
    Und die Sachbearbeitung die Kündigungsfrist von 12 auf 6 Monate ändert
    Dann ist der Fall im Zustand "entwurf"
    Und es fehlen die Freigaben "steuer, rechtsamt, leitung"
    Und wird die Freigabe von "rechtsamt" mit Status 409 abgelehnt

  Szenario: Ein offener Kommentar verhindert die Freigabe, ein erledigter nicht
    Wenn das Rechtsamt die Klausel mit "12 Monaten" kommentiert
    Dann wird die Freigabe von "rechtsamt" mit Status 409 abgelehnt
    Und die Begründung lautet auf offene Kommentare
    Wenn das Rechtsamt den Kommentar erledigt
    Dann ist die Freigabe von "rechtsamt" erteilt

  Szenario: Ein Kommentar bleibt an seiner Klausel und zeigt, dass sie sich geändert hat
    Wenn das Rechtsamt die Klausel mit "12 Monaten" kommentiert
    Und die Sachbearbeitung die Kündigungsfrist von 12 auf 6 Monate ändert
    Dann ist der Kommentar als "seit dem Kommentar geändert" markiert
    Und der Kommentar ist noch "offen"

  Szenario: Die Ausfertigung wird vor der Freigabe verweigert und nennt, wer fehlt
    Wenn "steuer" die Freigabe erteilt
    Und die Ausfertigung angefordert wird
    Dann wird sie mit Status 409 verweigert
    Und die Antwort nennt die fehlenden Freigaben "rechtsamt, leitung"
    Wenn "rechtsamt" die Freigabe erteilt
    Und "leitung" die Freigabe erteilt
    Und die Ausfertigung angefordert wird
    Dann wird sie ausgeliefert mit dem Vermerk "Ausfertigung – freigegeben am"

  Szenario: Eine Ablehnung führt den Fall in den Entwurf zurück
    Wenn "rechtsamt" die Freigabe ablehnt
    Dann ist der Fall im Zustand "entwurf"

  Szenariogrundriss: Partner kommentieren nur Fälle, die ihnen zur Prüfung freigegeben sind
    Angenommen der Fall ist der Stadt Aheim <freigabe>
    Wenn das Rechtsamt der Organisation "<organisation>" die Klausel mit "12 Monaten" kommentiert
    Dann antwortet der Server mit Status <status>

    Beispiele:
      | freigabe             | organisation    | status |
      | nicht freigegeben    | stadt-aheim     | 404    |
      | zum Lesen freigegeben | stadt-aheim    | 403    |
      | zum Prüfen freigegeben | stadt-aheim   | 201    |
      | zum Prüfen freigegeben | kreis-fremdland | 404  |

  Szenario: Eine unterzeichnete Fassung ist eingefroren; Änderungen werden ein Nachtrag
    Wenn "steuer" die Freigabe erteilt
    Und "rechtsamt" die Freigabe erteilt
    Und "leitung" die Freigabe erteilt
    Und die Leitung die Unterzeichnung am "2026-12-10" durch "Landrätin Muster" erfasst
    Dann ist der Fall im Zustand "unterzeichnet"
    Wenn die Sachbearbeitung die Kündigungsfrist von 12 auf 6 Monate ändert
    Dann antwortet der Server mit Status 409
    Wenn die Sachbearbeitung einen Nachtrag anlegt
    Dann verweist der neue Fall auf den unterzeichneten

  Szenario: Die Organisation legt fest, dass nur das Rechtsamt freigibt
    Angenommen die Administration legt als freigebende Rollen "rechtsamt" fest
    Wenn "rechtsamt" die Freigabe erteilt
    Dann ist der Fall im Zustand "freigegeben"
