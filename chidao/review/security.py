"""Access token and CSRF protection for the review page.

A token is required whenever the app listens beyond loopback (anyone on the network
could otherwise rewrite the office's tasks). Every form carries a CSRF token bound to the
browser's session cookie with an HMAC of a per-process secret, so a page on another site
cannot post to the review app even though the browser would send its cookies.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets

SESSION_COOKIE = "chidao_session"
TOKEN_COOKIE = "chidao_token"
CSRF_FIELD = "csrf"


def is_loopback(host: str) -> bool:
    """Return True when `host` only accepts connections from this machine."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name other than localhost may resolve to any interface


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(secret: str, session: str) -> str:
    """Return the CSRF token of one browser session."""
    return hmac.new(secret.encode(), f"csrf:{session}".encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: str, session: str | None, submitted: str | None) -> bool:
    if not session or not submitted:
        return False
    return hmac.compare_digest(csrf_token(secret, session), submitted)


def token_ok(expected: str | None, offered: str | None) -> bool:
    """Return True when no token is required or the one offered is right."""
    if expected is None:
        return True
    return offered is not None and hmac.compare_digest(expected.encode(), offered.encode())
