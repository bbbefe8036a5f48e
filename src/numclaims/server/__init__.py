"""``numclaims serve``: a local web app and HTTP API (the ``[server]`` extra).

``pip install "numclaims[server]"``, then ``numclaims serve`` and open
http://127.0.0.1:8000/. See :mod:`numclaims.server.app` for the endpoints.
"""

from __future__ import annotations

__all__ = ["serve"]

#: Seconds an idle keep-alive connection is kept open.
KEEP_ALIVE_TIMEOUT = 5


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    model: str | None = None,
    max_body: int | None = None,
    timeout: float | None = None,
) -> None:
    """Load the pipeline, then serve the app on ``host``:``port`` until interrupted.

    Args:
        host: The address to bind: the loopback one by default, so that only this
            machine reaches it.
        port: The port; ``0`` picks a free one.
        model: As for :func:`numclaims.load`.
        max_body: The largest request body in bytes (default 10 MB).
        timeout: The longest a request may take, in seconds.

    Raises:
        ImportError: If the ``[server]`` extra is not installed.
    """
    try:
        import uvicorn

        from .app import DEFAULT_MAX_BODY, DEFAULT_TIMEOUT, create_app
    except ImportError as err:
        raise ImportError(
            f'numclaims serve needs the [server] extra: pip install "numclaims[server]" ({err})'
        ) from err
    app = create_app(
        model=model,
        max_body=DEFAULT_MAX_BODY if max_body is None else max_body,
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
        limit_concurrency=64,
        log_level="info",
    )
