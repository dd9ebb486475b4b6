from django.utils import timezone
from django_tasks import task


@task()
def purge_idempotency_records() -> int:
    from chinjeol.api.idempotency import records_purge

    return records_purge(now=timezone.now())
