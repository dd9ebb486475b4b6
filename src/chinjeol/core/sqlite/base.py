"""SQLite with a writer queue.

SQLite lets one writer in at a time; a writer that finds the database locked sleeps and retries
(1, 2, 5, 10 … 100 ms), so under concurrent writes a few requests wait far longer than the write they
wait for. Here every write transaction — and every write statement outside one — first takes an
exclusive lock on `<database>.writers` (one thread per process at a time, then `flock` across
processes), which wakes the next writer the moment the previous one commits. SQLite's own locking
stays the guard of correctness: the queue only orders writers, and if it cannot be taken in time the
write goes ahead without it. In-memory databases (tests) have no queue."""

from __future__ import annotations

import fcntl
import os
import threading
import time

from django.db.backends.sqlite3 import base

_WRITE_PREFIXES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


class WriterQueue:
    """One per database file and process."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._threads = threading.Lock()
        self._fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=timeout):
            return False
        try:
            if self._fd is None:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            pause = 0.0002
            while True:  # another process holds it: look again soon, give up at the deadline
                try:
                    fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return True
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        break
                    time.sleep(pause)
                    pause = min(pause * 2, 0.002)
        except OSError:
            pass
        self._threads.release()
        return False

    def release(self) -> None:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()


_queues: dict[str, WriterQueue] = {}
_queues_lock = threading.Lock()
_generation = 0  # a forked process (a gunicorn worker) starts a new one: its own locks and lock files


def _after_fork() -> None:
    global _queues_lock, _generation
    _queues.clear()
    _queues_lock = threading.Lock()
    _generation += 1


os.register_at_fork(after_in_child=_after_fork)


def writer_queue(database: str) -> WriterQueue:
    path = os.path.abspath(database) + ".writers"
    with _queues_lock:
        queue = _queues.get(path)
        if queue is None:
            queue = _queues[path] = WriterQueue(path)
        return queue


class QueuedCursor(base.SQLiteCursorWrapper):
    queue: WriterQueue | None = None
    timeout: float = 5.0

    def execute(self, query, params=None):
        if self.queue is None or self.connection.in_transaction or not _is_write(query):
            return super().execute(query, params)
        held = self.queue.acquire(self.timeout)
        try:
            return super().execute(query, params)
        finally:
            if held:
                self.queue.release()

    def executemany(self, query, param_list):
        if self.queue is None or self.connection.in_transaction or not _is_write(query):
            return super().executemany(query, param_list)
        held = self.queue.acquire(self.timeout)
        try:
            return super().executemany(query, param_list)
        finally:
            if held:
                self.queue.release()


def _is_write(query: str) -> bool:
    return query.lstrip()[:6].upper().startswith(_WRITE_PREFIXES)


class DatabaseWrapper(base.DatabaseWrapper):
    _writer_held = False
    _queue_of: tuple[int, WriterQueue | None] | None = None

    def _queue(self) -> WriterQueue | None:
        if self._queue_of is None or self._queue_of[0] != _generation:
            queue = None if self.is_in_memory_db() else writer_queue(self.settings_dict["NAME"])
            self._queue_of = (_generation, queue)
        return self._queue_of[1]

    def _queue_timeout(self) -> float:
        return float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))

    def create_cursor(self, name=None):
        cursor = self.connection.cursor(factory=QueuedCursor)
        cursor.queue = self._queue()
        cursor.timeout = self._queue_timeout()
        return cursor

    def _start_transaction_under_autocommit(self):
        queue = self._queue()
        if queue is not None and not self._writer_held:
            self._writer_held = queue.acquire(self._queue_timeout())
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writer()
            raise

    def _release_writer(self) -> None:
        if self._writer_held:
            self._writer_held = False
            self._queue().release()

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._release_writer()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._release_writer()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._release_writer()
