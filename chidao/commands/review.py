"""`chidao review`: serve the review web page over the store (loopback by default)."""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys

from chidao.errors import ExitCode

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def configure(parser: argparse.ArgumentParser) -> None:
    from chidao.exports import filters

    filters.add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    parser.add_argument("--token", default=None,
                        help="access token clients must give; required beyond loopback "
                             "(one is generated and printed when you do not give it)")
    parser.add_argument("--by", default=None, help="reviewer name recorded by default (default: your login name)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from chidao.exports import filters
    from chidao.review.app import ReviewSettings, create_app
    from chidao.review.security import is_loopback

    loopback = is_loopback(args.host)
    token = args.token or (None if loopback else secrets.token_urlsafe(24))
    settings = ReviewSettings(
        db_url=filters.store_url(args), actor=args.by or getpass.getuser(), token=token,
        # On loopback, only this machine's names are accepted: a web page cannot reach the
        # app through a DNS name that happens to resolve to 127.0.0.1 (DNS rebinding).
        allowed_hosts=LOOPBACK_HOSTS if loopback else (),
    )
    app = create_app(settings)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{args.port}/" + (f"?token={token}" if token else "")
    print(f"chidao review: {url}  (Ctrl+C để dừng / to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return ExitCode.OK
