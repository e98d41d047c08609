"""A console e-mail backend for ``make run`` that prints what a developer reads: who, the subject, the text
and the names and sizes of the attachments, not the MIME source with every PDF in base64."""

from django.core.mail.backends.console import EmailBackend


class ReadableConsoleBackend(EmailBackend):
    def write_message(self, message):
        lines = [f"E-mail to {', '.join(message.to)}: {message.subject}", "", message.body.rstrip()]
        for name, content, mimetype in message.attachments:  # the portal attaches (name, bytes, type) only
            lines.append(f"[attached: {name} ({mimetype}, {len(content or b'') // 1024 + 1} kB)]")
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
