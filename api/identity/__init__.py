"""Identity and access: organisations, users, roles, API keys, sessions, CSRF, rate limits.

- ``rollen``       roles and rights (pure)
- ``tables``       the database tables
- ``admin``        adding organisations, users, keys (``ikz admin``, API)
- ``passwords``    Argon2id;  ``signin`` password sign-in with lock-out
- ``sessions``     server-side sessions;  ``api_keys`` keys and their lookup cache
- ``case_access``  who may do what with a case; sharing
- ``dependencies`` the FastAPI dependencies (aliases in api/deps.py)
- ``csrf``         the Origin/Referer check and the template helper ``csrf_feld()``
- ``rate_limit``   database-backed per-client limits;  ``oidc`` single sign-on
"""
