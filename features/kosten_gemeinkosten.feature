# language: de
Funktionalität: Gemeinkosten ohne Doppelzählung, Anlagen und Zinsen, fortgeschriebene Sätze
  Der Gemeinkostenzuschlag gilt nur für Kosten ohne eigene Gemeinkosten; der volle KGSt-Zuschlag
  enthält Leitung und Sekretariat schon. Abschreibung und kalkulatorische Zinsen kommen aus der
  Anlagenliste (§ 6 Abs. 2 KAG NRW); ältere Sätze werden mit einer genannten, datierten Erhöhung
  fortgeschrieben.

  Szenario: Der Zuschlag gilt nicht für Personal aus der KLR, das schon Gemeinkosten enthält
    Angenommen Personal von 100.000,00 Euro ohne und 50.000,00 Euro mit eigenen Gemeinkosten und 20 % Gemeinkostenzuschlag
    Wenn gerechnet wird
    Dann beträgt der Gemeinkostenzuschlag 20.000,00 Euro

  Szenario: Eine gesondert kalkulierte Leitung neben dem vollen KGSt-Zuschlag wird gemeldet
    Angenommen eine Teamleitung als Leitungsposition von 90.000,00 Euro und 20 % Gemeinkostenzuschlag
    Wenn gerechnet wird
    Dann warnt die Kalkulation "Gemeinkosten doppelt"

  Szenario: Linear abgeschrieben und auf den Restwert verzinst
    # 60.000 € über 6 Jahre ab 01/2026: 2027 10.000 € Abschreibung; Restwert 50.000 → 40.000;
    # 5 % auf Ø 45.000 = 2.250 €
    Angenommen eine Anlage für 60.000,00 Euro mit 6 Jahren Nutzungsdauer ab Januar 2026 und 5 % kalkulatorischen Zinsen
    Wenn gerechnet wird
    Dann beträgt die Abschreibung 10.000,00 Euro
    Und betragen die kalkulatorischen Zinsen 2.250,00 Euro

  Szenario: Die Vorsteuer beim Kauf einer Anlage ist kein jährlicher Abzug
    # 12.000 € netto + 2.280 € Vorsteuer über 6 Jahre: nicht steuerbar 380 € je Jahr als Kosten;
    # bei Steuerpflicht beim Kauf abgezogen, daher im Jahr kein Vorsteuerabzug
    Angenommen eine Anlage für 12.000,00 Euro mit 2.280,00 Euro Vorsteuer, 6 Jahren Nutzungsdauer ab Januar 2027
    Wenn gerechnet wird
    Dann zahlt "stadt-a" 2.380,00 Euro
    Und ist bei Steuerpflicht jährlich keine Vorsteuer abziehbar

  Szenario: KGSt-Sätze 2025/2026 werden für 2027 mit der Tariferhöhung fortgeschrieben
    # E 9b 80.100,00 € × 1 VZÄ; + 3 % ab 01.04.2026 = 2.403,00 € als eigene Zeile
    Angenommen E 9b mit 1 VZÄ aus der KGSt-Tabelle 2025/2026 für 2027 mit 3 % Erhöhung ab 01.04.2026
    Wenn gerechnet wird
    Dann gibt es die Zeile "Fortschreibung Personalkosten +3 % ab 01.04.2026" mit 2.403,00 Euro

  Szenario: Ohne Fortschreibung warnt die Kalkulation vor zu niedrigen Personalkosten
    Angenommen E 9b mit 1 VZÄ aus der KGSt-Tabelle 2025/2026 für 2027
    Wenn gerechnet wird
    Dann warnt die Kalkulation "ohne Fortschreibung"

  Szenario: Ein belegtes Einzelwagnis ist Kosten, das allgemeine Wagnis nicht
    Angenommen ein Wagnis von 500,00 Euro mit dem Nachweis "Forderungsausfälle 2023–2025"
    Wenn gerechnet wird
    Dann ist das Wagnis Kosten und kein Wagniszuschlag
