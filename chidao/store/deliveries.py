"""What was delivered to which webhook, so a re-run of `chidao push` sends only what changed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from chidao.store.models import Delivery
from chidao.store.repository import Store


def delivered_versions(store: Store, endpoint: str) -> set[tuple[str, int]]:
    """Return the (task id, version) pairs already delivered to `endpoint`."""
    with store.session() as s:
        stmt = select(Delivery.task_id, Delivery.task_version).where(Delivery.endpoint == endpoint)
        return {(task_id, version) for task_id, version in s.execute(stmt)}


def record_delivery(store: Store, endpoint: str, task_id: str, version: int, key: str,
                    status_code: int, attempts: int) -> None:
    try:
        with store.session() as s, s.begin():
            s.add(Delivery(endpoint=endpoint, task_id=task_id, task_version=version,
                           idempotency_key=key, status_code=status_code, attempts=attempts))
    except IntegrityError:
        pass  # a concurrent push delivered the same version first: it is recorded once


def deliveries(store: Store, endpoint: str | None = None) -> list[Delivery]:
    with store.session() as s:
        stmt = select(Delivery).order_by(Delivery.id)
        if endpoint:
            stmt = stmt.where(Delivery.endpoint == endpoint)
        return list(s.scalars(stmt))
