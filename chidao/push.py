"""Push new and changed tasks to a tracker's webhook, each task version exactly once.

Each POST carries an `Idempotency-Key` derived from the task id and version, so a tracker
that saw a request whose answer got lost can drop the repeat; each delivered version is
recorded, so the next run sends only tasks that are new or changed since.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from chidao.store import deliveries
from chidao.store.repository import Store

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 5
    backoff: float = 0.5  # seconds before the 2nd attempt, doubled before each next one
    max_wait: float = 30.0
    timeout: float = 10.0

    def wait(self, attempt: int) -> float:
        return min(self.backoff * 2 ** (attempt - 1), self.max_wait)


@dataclass(slots=True)
class PushReport:
    sent: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # task id -> reason
    skipped: int = 0  # versions already delivered


def idempotency_key(task_id: str, version: int) -> str:
    return hashlib.sha256(f"chidao:{task_id}:{version}".encode()).hexdigest()


def push(store: Store, endpoint: str, tasks: list[dict[str, Any]], policy: RetryPolicy | None = None,
         sleep: Callable[[float], None] = time.sleep,
         on_result: Callable[[dict[str, Any], str | None], None] | None = None) -> PushReport:
    """POST every task version not yet delivered to `endpoint`; record each delivery."""
    policy = policy or RetryPolicy()
    done = deliveries.delivered_versions(store, endpoint)
    report = PushReport()
    with httpx.Client(timeout=policy.timeout) as client:
        for task in tasks:
            if (task["id"], task["version"]) in done:
                report.skipped += 1
                continue
            error = _deliver(client, store, endpoint, task, policy, sleep)
            if error:
                report.failed[task["id"]] = error
            else:
                report.sent.append(task["id"])
            if on_result:
                on_result(task, error)
    return report


def _deliver(client: httpx.Client, store: Store, endpoint: str, task: dict[str, Any],
             policy: RetryPolicy, sleep: Callable[[float], None]) -> str | None:
    """Send one task version with retries; return None when delivered, else the reason."""
    key = idempotency_key(task["id"], task["version"])
    headers = {"Idempotency-Key": key, "Content-Type": "application/json; charset=utf-8"}
    reason = "not attempted"
    for attempt in range(1, policy.attempts + 1):
        if attempt > 1:
            sleep(policy.wait(attempt - 1))
        try:
            response = client.post(endpoint, json=task, headers=headers)
        except httpx.TransportError as err:
            reason = f"{err.__class__.__name__}: {err}"
            continue
        if response.is_success:
            deliveries.record_delivery(store, endpoint, task["id"], task["version"], key,
                                       response.status_code, attempt)
            return None
        reason = f"HTTP {response.status_code}"
        if response.status_code not in RETRY_STATUSES:
            return reason  # the tracker refused this task: retrying would not change that
    return f"{reason} after {policy.attempts} attempts"
