# language: de
Funktionalität: Die sechs mitgelieferten Beispiele (examples/*.yaml)
  Jedes Beispiel nennt im Kopf das erwartete Ergebnis („Erwartet: …“). Bewertet wird mit der
  Kostenkalkulation des Beispiels, wie in der Anwendung.

  Szenario: Entgeltabrechnung auf mandatierender Vereinbarung
    Angenommen das Beispiel "personalabrechnung-mandatierend"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 2 UStG i. V. m. BMF-Schreiben vom 14.11.2019“
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. a UStG“ ist erfüllt
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. b UStG“ ist erfüllt
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. c UStG“ ist erfüllt
    Und die Regel „§ 2b Abs. 3 Nr. 2 Buchst. d UStG“ ist erfüllt
    Und nicht empfohlen wird "delegierende_vereinbarung"
    Und empfohlen wird "zweckverband_kostenteilung" mit dem Ergebnis "steuerfrei"
    Und die Empfehlung "zweckverband_kostenteilung" setzt voraus, dass "mitglieder_nichtunternehmerisch" geklärt ist

  Szenario: Standesamt auf delegierender Vereinbarung
    Angenommen das Beispiel "standesamt-delegierend"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist „§ 2b Abs. 3 Nr. 1 UStG“
    Und die Angabe "gesetzlicher_vorbehalt_jpoer" stammt aus dem Katalog
    Und die Regel „Befreiende Aufgabenübertragung“ ist erfüllt

  Szenario: Abfallkooperation zweier Kreise mit zwei Leistungen in Gegenrichtung
    Angenommen das Beispiel "abfall-zwei-kreise"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Gesamtergebnis "nicht_steuerbar"
    Und das Ergebnis der Leistung "bioabfall" ist "nicht_steuerbar"
    Und das Ergebnis der Leistung "krankenhausabfall" ist "nicht_steuerbar"
    Und die entscheidende Regel der Leistung "bioabfall" ist „Befreiende Aufgabenübertragung“
    Und die entscheidende Regel der Leistung "krankenhausabfall" ist „Befreiende Aufgabenübertragung“

  Szenario: IT-Zweckverband – steuerfrei als Kostenteilungsgemeinschaft
    Angenommen das Beispiel "it-zweckverband"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist „§ 4 Nr. 29 UStG“

  Szenario: Digitaler Zwilling – private Anbieter stehen im Wettbewerb
    Angenommen das Beispiel "digitaler-zwilling"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und es wird keine Frage gestellt

  Szenario: Hochwasserschutz – offen, gefragt wird nur nach dem privaten Wettbewerb
    Angenommen das Beispiel "hochwasserschutz-offen"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "offen"
    Und gefragt wird nur nach "private_anbieter_am_markt"
