"""After the signature (issue 15): the contract register, deadlines, iCalendar, budget lines, and
the impact of a rule change. See docs/register.md and docs/haushalt.md."""
