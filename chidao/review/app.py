"""The review app: settings, security middleware and page rendering.

`create_app` is the only entry point; the routes live in `pages` (what is shown) and
`actions` (what changes the store).
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.middleware.trustedhost import TrustedHostMiddleware

from chidao.review import security
from chidao.review.i18n import LANGUAGES, translator
from chidao.store import Store

LANG_COOKIE = "chidao_lang"
REVIEWER_COOKIE = "chidao_reviewer"
# No inline script or style may run: even if some text escaped the escaping, it stays inert.
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """How the app runs: its store, who acts by default, and its access rules."""

    db_url: str
    actor: str
    token: str | None = None  # required from every client when set
    allowed_hosts: tuple[str, ...] = ()  # Host headers accepted; empty: any
    secret: str = field(default_factory=security.new_secret)


def create_app(settings: ReviewSettings) -> FastAPI:
    """Return the review app over the store at `settings.db_url`."""
    from chidao.review import actions, pages

    app = FastAPI(title="chidao review", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=_lifespan)
    app.state.settings = settings
    app.state.store = Store(settings.db_url)
    app.state.templates = Environment(loader=PackageLoader("chidao.review", "templates"),
                                      autoescape=select_autoescape(["html"], default=True))
    app.mount("/static", StaticFiles(directory=str(resources.files("chidao.review") / "static")),
              name="static")
    app.include_router(pages.router)
    app.include_router(actions.router)
    app.middleware("http")(_access_token)
    app.middleware("http")(_session_and_headers)  # outermost: every answer gets the headers
    if settings.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.store.close()


async def _access_token(request: Request, call_next: Any) -> Response:
    """Let a client in only with the token (header, cookie, or once in the URL)."""
    expected = request.app.state.settings.token
    if expected is None:
        return await call_next(request)
    in_url = request.query_params.get("token")
    if in_url is not None and security.token_ok(expected, in_url):
        # Move the token from the URL into a cookie, so it does not linger in history.
        rest = {k: v for k, v in request.query_params.items() if k != "token"}
        response = RedirectResponse(request.url.path + ("?" + urlencode(rest) if rest else ""), 303)
        response.set_cookie(security.TOKEN_COOKIE, expected, httponly=True, samesite="strict")
        return response
    bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip() or None
    if security.token_ok(expected, bearer) or security.token_ok(expected, request.cookies.get(security.TOKEN_COOKIE)):
        return await call_next(request)
    return PlainTextResponse("401: cần mã truy cập (access token required): open the URL "
                             "`chidao review` printed, with ?token=...", status_code=401)


async def _session_and_headers(request: Request, call_next: Any) -> Response:
    session = request.cookies.get(security.SESSION_COOKIE)
    fresh = not session or len(session) < 20
    request.state.session = secrets.token_urlsafe(24) if fresh else session
    response: Response = await call_next(request)
    if fresh:
        response.set_cookie(security.SESSION_COOKIE, request.state.session, httponly=True,
                            samesite="strict")
    for name, value in _HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def language(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, "vi")
    return lang if lang in LANGUAGES else "vi"


def reviewer(request: Request) -> str:
    """Return who is acting: the name this browser gave, else the app's default actor."""
    name = unquote(request.cookies.get(REVIEWER_COOKIE, "")).strip()
    return name[:200] or request.app.state.settings.actor


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with what every page needs: words, language, CSRF token, reviewer."""
    settings: ReviewSettings = request.app.state.settings
    lang = language(request)
    page = request.app.state.templates.get_template(template).render(
        t=translator(lang), lang=lang, reviewer=reviewer(request), path=request.url.path,
        here=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
        csrf=security.csrf_token(settings.secret, request.state.session), **context)
    return HTMLResponse(page, status_code=status_code)
