"""The web form (server-rendered HTML) — owned by the web-form work; placeholder until it lands."""
