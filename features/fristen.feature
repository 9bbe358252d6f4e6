# language: de
Funktionalität: Fristen einer Zusammenarbeit im Vertragsregister
  Die Vereinbarung lässt eine Kündigung mit einer Frist von N Monaten zum Ende eines Kalenderjahres
  zu. Der letzte Tag für den Zugang der Kündigung liegt N Monate vor dem Jahresende; fällt er auf ein
  Wochenende, verschiebt er sich nicht (§ 193 BGB gilt für Kündigungsfristen nicht) – das Register
  nennt den Freitag davor.

  Szenario: Zwölf Monate zum Jahresende
    Angenommen eine unbefristete Zusammenarbeit ab 01.01.2027 mit 12 Monaten Kündigungsfrist
    Wenn das Register am 05.12.2026 die Fristen bestimmt
    Dann ist der letzte Kündigungstag der 31.12.2026
    Und endet die Zusammenarbeit dann am 31.12.2027

  Szenario: Der letzte Kündigungstag fällt auf einen Samstag
    Angenommen eine unbefristete Zusammenarbeit ab 01.01.2021 mit 12 Monaten Kündigungsfrist
    Wenn das Register am 01.06.2022 die Fristen bestimmt
    Dann ist der letzte Kündigungstag der 31.12.2022
    Und nennt das Register den Zugang bis Freitag, 30.12.2022

  Szenario: Monatsende im Schaltjahr
    Angenommen eine unbefristete Zusammenarbeit ab 01.01.2027 mit 10 Monaten Kündigungsfrist
    Wenn das Register am 01.03.2027 die Fristen bestimmt
    Dann ist der letzte Kündigungstag der 29.02.2028
    Und endet die Zusammenarbeit dann am 31.12.2028

  Szenario: Eine befristete Laufzeit endet zur Jahresmitte
    Angenommen eine befristete Zusammenarbeit vom 01.01.2027 bis 30.06.2028 mit 4 Monaten Kündigungsfrist
    Wenn das Register am 01.03.2027 die Fristen bestimmt
    Dann ist der letzte Kündigungstag der 31.08.2027
    Und ist das Laufzeitende der 30.06.2028

  Szenario: Eine Bewertung nach altem Recht hat den Rechtswechsel als Frist
    Angenommen eine unbefristete Zusammenarbeit ab 01.01.2027 mit 12 Monaten Kündigungsfrist
    Und die gespeicherte Bewertung wendet das alte Recht an
    Wenn das Register am 05.12.2026 die Fristen bestimmt
    Dann gibt es die Frist "rechtswechsel" am 31.12.2026
