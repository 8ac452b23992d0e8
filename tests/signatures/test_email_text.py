"""What of the signer's own text reaches the emails: none of it. Anyone may type anyone's
address into the form, so a name in the greeting would carry a stranger's text to that inbox."""

import pytest
from django.core import mail

from signatures import services
from signatures.models import Signature
from tests.signatures.signing import VALID, last_email_to, run_worker, sign

pytestmark = pytest.mark.django_db


def test_the_signers_name_never_reaches_the_emails(client, site_tree):
    name = "Your account is blocked: call +00 000 000 to unblock it"
    page = site_tree.en.joint_call
    sign(client, page, name=name, organisation="Phish Ltd", position="Go to evil.example")
    run_worker()
    body = last_email_to(VALID["email"]).body
    assert body.startswith("Dear signatory,")
    for text in ("blocked", "Phish", "evil.example"):
        assert text not in body
    services.confirm(Signature.objects.get())  # the "confirmed" email
    sign(client, page, name=name)  # again: the "already signed" email
    run_worker()
    sent = [message for message in mail.outbox if VALID["email"] in message.to]
    assert len(sent) == 3
    for message in sent:
        assert message.body.startswith("Dear signatory,")
        assert "blocked" not in message.body and "blocked" not in message.subject
