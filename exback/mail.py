"""The console email backend of local development, printing each message as it reads.

Django's console backend prints the MIME message as it would be sent: a body with a line
longer than 78 characters (a confirmation or password-reset link) comes out quoted-printable,
cut across lines with `=` and with `=3D` for every `=`, so a link copied from the terminal is
broken. This one prints the same message with no line-length limit, so bodies are 7bit or
8bit UTF-8, exactly the text that was written. SMTP is untouched: real mail still gets the
encoding the standards ask for."""

import email.policy
import sys

from django.core.mail.backends import console

READABLE = email.policy.default.clone(max_line_length=sys.maxsize, utf8=True)


class EmailBackend(console.EmailBackend):
    def write_message(self, message):
        text = message.message(policy=READABLE).as_bytes().decode("utf-8", "replace")
        self.stream.write(f"{text}\n")
        self.stream.write("-" * 79)
        self.stream.write("\n")
