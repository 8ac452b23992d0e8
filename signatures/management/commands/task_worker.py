"""`manage.py task_worker`: django-tasks-db's `db_worker`, which also recovers lost emails.

django-tasks-db has no lease on a running task: a worker that dies (killed, out of memory, the
machine restarted) while sending an email leaves its task RUNNING for ever, and no other worker
takes it again. This worker looks for such emails when it starts and then every
TASK_WORKER_SWEEP_SECONDS: an email task taken by a worker more than
SIGNATURE_EMAIL_STUCK_MINUTES ago and still running is marked failed and queued again
(signatures.tasks.recover_lost_emails). Sending cannot legitimately take that long, since each step
of talking to the mail server gives up after EMAIL_TIMEOUT seconds. Several workers may run at once:
each leaves its own running task alone, and the rows are locked while they are recovered.
"""

import logging
import os
import threading

from django.conf import settings
from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from signatures.tasks import recover_lost_emails

logger = logging.getLogger("django_tasks_db")


def sweep(worker_id):
    try:
        recovered = recover_lost_emails(current_worker_id=worker_id)
    except Exception:
        # The database may be locked or away for a moment (SQLite, a restart): next time.
        logger.exception("Looking for lost emails failed")
        return 0
    if recovered:
        logger.warning("Queued again %d email(s) whose worker stopped while sending", recovered)
    return recovered


def sweep_every(seconds, worker_id, stopped):
    while not stopped.wait(seconds):
        sweep(worker_id)
        # A connection of this thread's own, closed between sweeps.
        connections.close_all()


class Command(db_worker.Command):
    help = (
        "Run the task worker (django-tasks-db's db_worker); it also queues again the emails "
        "whose worker stopped while sending them."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--sweep-interval",
            type=db_worker.valid_interval,
            default=settings.TASK_WORKER_SWEEP_SECONDS,
            help="Seconds between two looks for lost emails (default: %(default)r)",
        )

    def handle(self, *, sweep_interval, **options):
        # With --reload, the process that works is the reloader's child.
        working = not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        stopped = threading.Event()
        if working:
            self.configure_logging(options["verbosity"])
            sweep(options["worker_id"])
            if not options["batch"] and sweep_interval:
                threading.Thread(
                    target=sweep_every,
                    args=(sweep_interval, options["worker_id"], stopped),
                    name="lost-email-sweeper",
                    daemon=True,
                ).start()
        try:
            super().handle(**options)
        finally:
            stopped.set()
