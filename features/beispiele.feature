# language: de
Funktionalität: Die sechs mitgelieferten Beispiele (examples/*.yaml)
  Jedes Beispiel nennt im Kopf das erwartete Ergebnis („Erwartet: …“). Bewertet wird mit der
  Kostenkalkulation des Beispiels, wie in der Anwendung.

  Szenario: Entgeltabrechnung auf mandatierender Vereinbarung
    Angenommen das Beispiel "personalabrechnung-mandatierend"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerpflichtig"
    Und die entscheidende Regel ist "ustg_2b_abs3_nr2_wettbewerb"
    Und das Kriterium "ustg_2b_abs3_nr2_a" ist "erfuellt"
    Und das Kriterium "ustg_2b_abs3_nr2_b" ist "erfuellt"
    Und das Kriterium "ustg_2b_abs3_nr2_c" ist "erfuellt"
    Und das Kriterium "ustg_2b_abs3_nr2_d" ist "erfuellt"
    Und nicht empfohlen wird "delegierende_vereinbarung"
    Und empfohlen wird "zweckverband_kostenteilung" mit dem Ergebnis "steuerfrei"
    Und die Empfehlung "zweckverband_kostenteilung" setzt voraus, dass "mitglieder_nichtunternehmerisch" geklärt ist

  Szenario: Standesamt auf delegierender Vereinbarung
    Angenommen das Beispiel "standesamt-delegierend"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "nicht_steuerbar"
    Und die entscheidende Regel ist "ustg_2b_abs3_nr1"
    Und die Angabe "gesetzlicher_vorbehalt_jpoer" stammt aus dem Katalog
    Und das Kriterium "bylfst_2023_02_15_befreiende_delegation" ist "erfuellt"

  Szenario: Abfallkooperation zweier Kreise mit zwei Leistungen in Gegenrichtung
    Angenommen das Beispiel "abfall-zwei-kreise"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Gesamtergebnis "nicht_steuerbar"
    Und das Ergebnis der Leistung "bioabfall" ist "nicht_steuerbar"
    Und das Ergebnis der Leistung "krankenhausabfall" ist "nicht_steuerbar"
    Und die entscheidende Regel der Leistung "bioabfall" ist "bylfst_2023_02_15_befreiende_delegation"
    Und die entscheidende Regel der Leistung "krankenhausabfall" ist "bylfst_2023_02_15_befreiende_delegation"

  Szenario: IT-Zweckverband – steuerfrei als Kostenteilungsgemeinschaft
    Angenommen das Beispiel "it-zweckverband"
    Wenn der Fall nach § 2b UStG bewertet wird
    Dann ist das Ergebnis "steuerfrei"
    Und die entscheidende Regel ist "ustg_4_nr29"

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
