"""The web form for finance officers: server-rendered, accessible German pages (see docs/web.md)."""
