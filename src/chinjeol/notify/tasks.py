from django_tasks import task

from .services import message_send


@task()
def send_message(*, message_id: int) -> None:
    message_send(message_id=message_id)
