"""The SQLite backend's writer queue (chinjeol/core/sqlite/base.py) on a database file."""

import threading
import time

import pytest
from django.db import DatabaseError, connection, connections, transaction

from chinjeol.core.sqlite.base import writer_queue

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite 백엔드만 확인합니다.")


@pytest.fixture
def file_db(tmp_path, django_db_blocker):
    """A second alias on a database file, configured like the real one but with a 1 ms busy timeout: a
    writer that had to rely on SQLite's own retrying would fail at once."""
    alias = "queue_test"
    path = tmp_path / "queue.sqlite3"
    connections.settings[alias] = {
        **connections["default"].settings_dict,
        "ENGINE": "chinjeol.core.sqlite",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=1;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 10,
        },
        "TEST": {"NAME": str(path)},
    }
    with django_db_blocker.unblock():  # outside the test database: nothing to isolate or flush
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, last INTEGER NOT NULL)")
            cursor.execute("CREATE TABLE receipt (no INTEGER NOT NULL UNIQUE)")
            cursor.execute("INSERT INTO counter (id, last) VALUES (1, 0)")
        yield alias, path
        connections[alias].close()
    del connections.settings[alias]
    if hasattr(connections._connections, alias):
        delattr(connections._connections, alias)


def _free(path) -> bool:
    """True when another thread can take the queue at once."""
    result = []

    def probe():
        queue = writer_queue(str(path))
        got = queue.acquire(timeout=0.05)
        if got:
            queue.release()
        result.append(got)

    t = threading.Thread(target=probe)
    t.start()
    t.join()
    return result[0]


def test_concurrent_writers_wait_in_line_instead_of_failing(file_db):
    alias, _path = file_db
    errors: list[BaseException] = []

    def writer():
        try:
            for _ in range(10):
                with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                    cursor.execute("UPDATE counter SET last = last + 1 WHERE id = 1 RETURNING last")
                    number = cursor.fetchone()[0]
                    time.sleep(0.002)  # hold the write lock well past SQLite's busy timeout
                    cursor.execute("INSERT INTO receipt (no) VALUES (%s)", [number])
                with connections[alias].cursor() as cursor:  # a write outside a transaction queues too
                    cursor.execute("UPDATE counter SET last = last WHERE id = 1")
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=writer) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT no FROM receipt ORDER BY no")
        assert [row[0] for row in cursor.fetchall()] == list(range(1, 61))


def test_queue_is_released_after_commit_rollback_and_close(file_db):
    alias, path = file_db
    queue_path = str(path)
    with transaction.atomic(using=alias):
        with connections[alias].cursor() as cursor:
            cursor.execute("UPDATE counter SET last = last + 1 WHERE id = 1")
        assert not _free(queue_path)
    assert _free(queue_path)

    with (
        pytest.raises(DatabaseError),
        transaction.atomic(using=alias),
        connections[alias].cursor() as cursor,
    ):
        cursor.execute("INSERT INTO receipt (no) VALUES (1)")
        cursor.execute("INSERT INTO receipt (no) VALUES (1)")
    assert _free(queue_path)
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM receipt")
        assert cursor.fetchone()[0] == 0  # rolled back

    atomic = transaction.atomic(using=alias)
    atomic.__enter__()
    assert not _free(queue_path)
    connections[alias].close()  # a connection closed inside a transaction gives its place back
    assert _free(queue_path)
    atomic.__exit__(None, None, None)


@pytest.mark.django_db
def test_in_memory_database_has_no_queue():
    assert connection.is_in_memory_db() and connection._queue() is None


def test_a_queue_held_by_another_process_is_given_up_after_the_timeout(tmp_path):
    import fcntl
    import os

    from chinjeol.core.sqlite.base import WriterQueue

    path = str(tmp_path / "db.sqlite3.writers")
    other = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)  # another open file: like another process
    fcntl.flock(other, fcntl.LOCK_EX)
    queue = WriterQueue(path)
    started = time.monotonic()
    assert queue.acquire(timeout=0.1) is False
    assert 0.09 <= time.monotonic() - started < 1
    fcntl.flock(other, fcntl.LOCK_UN)
    assert queue.acquire(timeout=0.1) is True  # and the thread lock was not left behind
    queue.release()
    os.close(other)
