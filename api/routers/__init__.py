"""One router module per API resource; api/app.py includes each explicitly under /api/v1."""
