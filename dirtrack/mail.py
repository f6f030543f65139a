"""Mail through an SMTP server: the ``[mail]`` settings of the configuration file, and sending.

Only the standard library (:mod:`smtplib`, :mod:`email`, :mod:`ssl`). The settings::

    [mail]
    host = "mail.tinhuy.vn"
    port = 587                      # default: 25, 587 with starttls, 465 with tls
    security = "starttls"           # none, starttls or tls
    user = "vanthu@tinhuy.vn"       # no user: no login
    password_env = "DIRTRACK_MAIL_PASSWORD"   # the variable that holds the password,
    # password_file = "~/.config/dirtrack/mail-password"   # or a file that holds it
    sender = "Văn phòng Tỉnh ủy <vanthu@tinhuy.vn>"

The password itself is never in the file: it is read from the variable (or the file) that the
file names, when mail is sent, and never shown.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Any

from dirtrack.errors import DirtrackError, InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.inputs import os_reason, read_input, refused_input, user_path
from dirtrack.text import char_code, control_character

SECURITY = ("none", "starttls", "tls")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}
TIMEOUT = 30  # seconds to wait for the server at each step
# smtplib's code for an answer whose line does not start with a three-digit code; the text it
# keeps is that line less its first four bytes ("garbage" -> "arbage"), so it is not shown
NOT_SMTP = -1
# key -> (type, what it is, for `dirtrack config`)
KEYS: dict[str, type] = {
    "host": str,
    "port": int,
    "security": str,
    "user": str,
    "password_env": str,
    "password_file": str,
    "sender": str,
}


class MailError(DirtrackError):
    """Mail that could not be sent: the server cannot be reached, refuses the login or the
    message. ``server_wide``: the server itself failed (unreachable, silent, TLS, login), so
    that every other mail through it would fail the same way."""

    server_wide = False

    @classmethod
    def of_server(cls, key: str, **values: Any) -> MailError:
        """A failure of the server itself (see :attr:`server_wide`)."""
        found = cls.of(key, **values)
        found.server_wide = True
        return found


# What names an environment variable: "A B" could be set by no shell, and was read as unset
# only when mail was sent.
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

#: The setting that names the password file, before what is wrong with that file.
PASSWORD_FILE = "[mail] password_file"


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: str
    user: str | None
    password_env: str | None
    password_file: str | None
    sender: str


def check_table(table: dict[str, Any], where: str) -> None:
    """Check the ``[mail]`` table of the configuration file (``where`` names it).

    Raises:
        ConfigError: an unknown key, a value of the wrong kind, a text holding a control
            character, a security that is not one of :data:`SECURITY`, a port out of range, a
            ``password_env`` that names no variable or a sender that is not an address.
    """
    from dirtrack.config import ConfigError, check_text

    for key, value in table.items():
        kind = KEYS.get(key)
        if kind is None:
            raise ConfigError.of("cfg_mail_key", where=f"{where}{key}", known=", ".join(KEYS))
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ConfigError.of("cfg_mail_number", where=f"{where}{key}")
        if kind is str:
            check_text(value, f"{where}{key}")
            if not value.strip():
                raise ConfigError.of("cfg_mail_text", where=f"{where}{key}")
            # a host, user or file name with a NUL or a line break was taken and failed only
            # when mail was sent, after the workbooks were written (the sender: its own rule)
            code = control_character(value) or next(
                (char_code(c) for c in value if c in "\t\n\r"), None
            )
            if code is not None and key != "sender":
                raise ConfigError.of("cfg_mail_control", where=f"{where}{key}", code=code)
    variable = table.get("password_env")
    if variable is not None and not _VARIABLE.fullmatch(variable):
        raise ConfigError.of("cfg_mail_variable", where=f"{where}password_env", value=variable)
    security = table.get("security", "none")
    if security not in SECURITY:
        raise ConfigError.of(
            "cfg_mail_security", where=f"{where}security", value=security, known=", ".join(SECURITY)
        )
    port = table.get("port")
    if port is not None and not 1 <= port <= 65535:
        raise ConfigError.of("cfg_mail_port", where=f"{where}port", value=port)
    sender = table.get("sender")
    # a line break would end the From header (the standard library refuses to write it) and a
    # control character is in no address
    if sender is not None and (
        "@" not in parseaddr(sender)[1]
        or "\r" in sender
        or "\n" in sender
        or control_character(sender) is not None
    ):
        raise ConfigError.of("cfg_mail_sender", where=f"{where}sender", value=sender)
    if sender is not None:
        from dirtrack.store.contacts import email_problem

        problem = email_problem(parseaddr(sender)[1])  # the rule of a contact's address
        if problem is not None:
            raise ConfigError.of("cfg_bad_value", where=f"{where}sender", detail=problem)
    if "password_env" in table and "password_file" in table:
        raise ConfigError.of("cfg_mail_two_passwords", where=f"{where}password_env")


def settings_from(table: dict[str, Any], path: Path) -> MailSettings:
    """The settings of a checked ``[mail]`` table.

    Raises:
        InvalidInput: there is no table, or it lacks ``host`` or ``sender``.
    """
    missing = [key for key in ("host", "sender") if key not in table]
    if missing:
        raise InvalidInput.of("mail_not_set", path=path, keys=", ".join(missing))
    security = str(table.get("security", "none"))
    return MailSettings(
        host=str(table["host"]),
        port=int(table.get("port", DEFAULT_PORTS[security])),
        security=security,
        user=table.get("user"),
        password_env=table.get("password_env"),
        password_file=table.get("password_file"),
        sender=str(table["sender"]),
    )


def password_of(settings: MailSettings, path: Path) -> str | None:
    """The password the settings point to (None without a user).

    Raises:
        InvalidInput: a user but no password named, the variable unset, the file unreadable.
    """
    if settings.user is None:
        return None
    if settings.password_env is not None:
        value = os.environ.get(settings.password_env)
        if value is None:
            raise InvalidInput.of("mail_password_unset", name=settings.password_env)
        return value
    if settings.password_file is not None:
        file = user_path(settings.password_file)
        if not file.is_absolute():
            file = path.parent / file
        try:
            return read_input(file, give=Phrase("give_password_file")).decode("utf-8").strip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            # said as every file a person names is, after the setting that names it
            detail = refused_input(file, exc)
            raise InvalidInput.of("cfg_bad_value", where=PASSWORD_FILE, detail=detail) from None
    raise InvalidInput.of("mail_no_password", user=settings.user)


def message(
    *,
    sender: str,
    to: list[str],
    cc: list[str],
    subject: str,
    body: str,
    attachment: bytes,
    filename: str,
) -> EmailMessage:
    """A plain-text letter with one workbook attached.

    Header lines are not folded (SMTP allows 998 characters): the standard library folds a
    long Vietnamese subject into encoded words that lose the spaces between them when read.
    """
    from email import policy

    mail = EmailMessage(policy=policy.SMTP.clone(max_line_length=998))
    mail["From"] = sender
    mail["To"] = _header(to)
    if cc:
        mail["Cc"] = _header(cc)
    # one line: a unit's name imported from a JSON file may hold a line break, which would end
    # the header (the standard library refuses to write it)
    mail["Subject"] = " ".join(subject.split())
    from datetime import UTC, datetime

    mail["Date"] = format_datetime(datetime.now(UTC))
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    mail["Message-ID"] = make_msgid(domain=domain)
    mail.set_content(body)
    mail.add_attachment(
        attachment,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename=filename,
    )
    return mail


def address(name: str, email: str) -> str:
    """``Nguyễn Văn An <an@btc.vn>``, the name quoted where a header needs it.

    The address as stored, whatever its letters: a local part outside ASCII (``nguyễn@…``,
    RFC 6531) goes to a server that takes SMTPUTF8, and :func:`send` says when it does not.
    """
    from email.headerregistry import Address

    local, _, domain = email.rpartition("@")
    return str(Address(display_name=" ".join(name.split()), username=local, domain=domain))


def _ascii_domain(domain: str) -> str:
    """A domain in letters outside ASCII (``sở-y-tế.vn``) as every mail server takes it
    (IDNA: ``xn--s-y-t-s61b1i.vn``); an ASCII one, or one IDNA cannot write, as it is."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def _header(addresses: list[str]) -> str:
    """The ``To``/``Cc`` header of ``addresses`` (as :func:`address` writes them), each domain
    written in ASCII (:func:`_ascii_domain`)."""
    from email.headerregistry import Address
    from email.utils import getaddresses

    written = []
    for name, email in getaddresses(addresses):
        local, _, domain = email.rpartition("@")
        written.append(Address(display_name=name, username=local, domain=_ascii_domain(domain)))
    return ", ".join(str(a) for a in written)


def _outside_ascii(mail: EmailMessage) -> list[str]:
    """The addresses of ``mail`` that only a server taking SMTPUTF8 delivers."""
    from email.utils import getaddresses

    headers = [str(v) for key in ("From", "To", "Cc") for v in mail.get_all(key, [])]
    return [email for _, email in getaddresses(headers) if not email.isascii()]


def send(settings: MailSettings, mail: EmailMessage, password: str | None) -> None:
    """Send ``mail`` through the server of ``settings``, one connection for it.

    Raises:
        MailError: the server cannot be reached, TLS fails, the login or a recipient or the
            message is refused; the message says which, naming the server.
    """
    import smtplib
    import ssl

    server = f"{settings.host}:{settings.port}"
    try:
        if settings.security == "tls":
            context = ssl.create_default_context()
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=TIMEOUT, context=context
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
        with smtp:
            if settings.security == "starttls":
                smtp.ehlo_or_helo_if_needed()
                if not smtp.has_extn("starttls"):  # smtplib would say so in English
                    raise MailError.of_server("mail_no_starttls", server=server)
                smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo_or_helo_if_needed()
            if settings.user is not None:
                if not smtp.has_extn("auth"):  # smtplib's English, "refused the message", each
                    raise MailError.of_server("mail_no_auth", server=server)
                smtp.login(settings.user, password or "")
            outside = _outside_ascii(mail)
            if outside and not smtp.has_extn("smtputf8"):
                raise MailError.of("mail_no_smtputf8", server=server, who=", ".join(outside))
            refused = smtp.send_message(mail)
    except smtplib.SMTPServerDisconnected as exc:  # closed before it answered, or while it did
        # smtplib says so too of a server that took the connection and never answered: the
        # time-out it gave up on is what it was reading when it did
        cause = exc.__context__
        detail = os_reason(cause) if isinstance(cause, OSError) else Phrase("w_conn_reset")
        raise MailError.of_server("mail_unreachable", server=server, detail=detail) from None
    except smtplib.SMTPResponseException as exc:
        if exc.smtp_code == NOT_SMTP:
            raise MailError.of_server("mail_not_smtp", server=server) from None
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            raise MailError.of_server(
                "mail_login", server=server, user=settings.user, detail=_said(exc)
            ) from None
        raise MailError.of("mail_refused", server=server, detail=_said(exc)) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError.of(
            "mail_refused", server=server, detail=str(exc) or "not supported"
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        if any(_not_smtp(why) for why in exc.recipients.values()):
            raise MailError.of_server("mail_not_smtp", server=server) from None
        said = ", ".join(f"{who} ({_code(why)})" for who, why in exc.recipients.items())
        raise MailError.of("mail_recipients", server=server, who=said) from None
    except smtplib.SMTPException as exc:
        raise MailError.of(
            "mail_refused", server=server, detail=str(exc) or type(exc).__name__
        ) from None
    except ssl.SSLError as exc:
        if exc.reason == "WRONG_VERSION_NUMBER":  # OpenSSL's words for a plain answer to TLS
            raise MailError.of_server("mail_tls_plain", server=server) from None
        raise MailError.of_server(
            "mail_tls", server=server, detail=exc.reason or str(exc)
        ) from None
    except OSError as exc:
        raise MailError.of_server(
            "mail_unreachable", server=server, detail=os_reason(exc)
        ) from None
    if any(_not_smtp(why) for why in refused.values()):
        raise MailError.of_server("mail_not_smtp", server=server)
    if refused:  # some recipients took it, others not: the unit did not get it as asked
        who = ", ".join(f"{addr} ({_code(why)})" for addr, why in refused.items())
        raise MailError.of("mail_recipients", server=server, who=who)


def _not_smtp(why: Any) -> bool:
    """Whether a recipient's refusal, smtplib's ``(code, text)``, was a line that is no reply."""
    return isinstance(why, tuple) and bool(why) and why[0] == NOT_SMTP


def _said(exc: Any) -> str:
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{exc.smtp_code} {' '.join(str(text).split())}".strip()


def _code(why: Any) -> str:
    if isinstance(why, tuple) and why:
        code, text = why[0], why[1] if len(why) > 1 else b""
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{code} {' '.join(text.split())}".strip()
    return str(why)
