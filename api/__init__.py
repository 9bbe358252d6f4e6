"""Adapters for the web: the JSON API under /api/v1, the web form, persistence of saved cases.

``api.app.create_app(settings)`` builds the ASGI application; ``ikz serve`` runs it with uvicorn.
"""
