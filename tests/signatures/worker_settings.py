"""The test settings with a real SMTP connection (EMAIL_HOST, EMAIL_PORT, EMAIL_TIMEOUT from the
environment), for the task workers tests/home/test_email_worker.py starts as processes."""

from cms.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
