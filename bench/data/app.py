"""SMS notifications and inbound webhooks for the appointments service.

Outbound reminders go through Twilio's Messages API; inbound SMS and delivery
status callbacks arrive as signed webhooks. Credentials come from the
environment only (see deploy/README.md for the variables).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import wraps
from typing import Callable, Optional

from flask import Flask, Response, abort, jsonify, request
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client
from twilio.twiml.messaging_response import MessagingResponse

log = logging.getLogger("appointments.sms")

app = Flask(__name__)

TWILIO_ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
TWILIO_AUTH_TOKEN = os.environ["TWILIO_AUTH_TOKEN"]
MESSAGING_SERVICE_SID = os.environ.get("TWILIO_MESSAGING_SERVICE_SID")
STATUS_CALLBACK_URL = os.environ.get("TWILIO_STATUS_CALLBACK_URL")
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").rstrip("/")

client = Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
validator = RequestValidator(TWILIO_AUTH_TOKEN)

# E.164: a plus sign, a country code that does not start with 0, at most 15 digits.
E164 = re.compile(r"^\+[1-9]\d{1,14}$")

# Keywords Twilio's Advanced Opt-Out handles; we mirror them in our own store
# so reminders are not even attempted for people who opted out.
OPT_OUT_KEYWORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"}
OPT_IN_KEYWORDS = {"START", "YES", "UNSTOP"}
HELP_KEYWORDS = {"HELP", "INFO"}

# Error codes from https://www.twilio.com/docs/api/errors that need handling
# other than a retry.
ERR_INVALID_TO = 21211
ERR_UNSUBSCRIBED = 21610
ERR_NOT_MOBILE = 21614
ERR_QUEUE_OVERFLOW = 30001
ERR_RATE_LIMITED = 20429
PERMANENT_FAILURES = {ERR_INVALID_TO, ERR_UNSUBSCRIBED, ERR_NOT_MOBILE}


@dataclass
class SendResult:
    """Outcome of one outbound message, as stored on the appointment."""

    ok: bool
    sid: Optional[str] = None
    error_code: Optional[int] = None
    retry: bool = False
    detail: str = ""


class OptOutStore:
    """Numbers that replied STOP. Backed by Redis in production."""

    def __init__(self) -> None:
        self._numbers: set[str] = set()

    def add(self, number: str) -> None:
        self._numbers.add(number)

    def remove(self, number: str) -> None:
        self._numbers.discard(number)

    def __contains__(self, number: str) -> bool:
        return number in self._numbers


opt_outs = OptOutStore()


def normalize_e164(raw: str, default_country_code: str = "1") -> Optional[str]:
    """Return `raw` as an E.164 number, or None when it cannot be one."""
    if not raw:
        return None
    digits = re.sub(r"[^\d+]", "", raw.strip())
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif not digits.startswith("+"):
        if len(digits) == 10:
            digits = "+" + default_country_code + digits
        else:
            digits = "+" + digits
    return digits if E164.match(digits) else None


def public_url() -> str:
    """The URL Twilio signed: our public base URL plus the request path.

    Behind the load balancer request.url is http://internal-host/..., which
    would never validate.
    """
    if PUBLIC_BASE_URL:
        query = ("?" + request.query_string.decode()) if request.query_string else ""
        return PUBLIC_BASE_URL + request.path + query
    return request.url


def validate_twilio_request(view: Callable) -> Callable:
    """Reject webhook calls whose X-Twilio-Signature does not validate."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        signature = request.headers.get("X-Twilio-Signature", "")
        if not validator.validate(public_url(), request.form, signature):
            log.warning("rejected unsigned webhook call to %s", request.path)
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def send_sms(to: str, body: str, *, appointment_id: Optional[str] = None) -> SendResult:
    """Send one SMS; never raises for Twilio errors, returns what happened."""
    number = normalize_e164(to)
    if number is None:
        return SendResult(ok=False, detail=f"not an E.164 number: {to!r}")
    if number in opt_outs:
        return SendResult(ok=False, error_code=ERR_UNSUBSCRIBED, detail="recipient opted out")

    params = {"to": number, "body": body}
    if MESSAGING_SERVICE_SID:
        params["messaging_service_sid"] = MESSAGING_SERVICE_SID
    else:
        params["from_"] = os.environ["TWILIO_FROM_NUMBER"]
    if STATUS_CALLBACK_URL:
        params["status_callback"] = STATUS_CALLBACK_URL

    try:
        message = client.messages.create(**params)
    except TwilioRestException as exc:
        log.error(
            "twilio send failed: appointment=%s code=%s status=%s msg=%s",
            appointment_id, exc.code, exc.status, exc.msg,
        )
        if exc.code == ERR_UNSUBSCRIBED:
            opt_outs.add(number)
        if exc.code in PERMANENT_FAILURES:
            return SendResult(ok=False, error_code=exc.code, detail=str(exc.msg))
        retry = exc.code in (ERR_RATE_LIMITED, ERR_QUEUE_OVERFLOW) or exc.status >= 500
        return SendResult(ok=False, error_code=exc.code, retry=retry, detail=str(exc.msg))

    log.info("queued %s for appointment %s", message.sid, appointment_id)
    return SendResult(ok=True, sid=message.sid)


def reminder_text(name: str, when: datetime, clinic: str) -> str:
    local = when.astimezone(timezone.utc).strftime("%a %d %b at %H:%M UTC")
    return (
        f"Hi {name}, this is a reminder of your appointment at {clinic} on {local}. "
        "Reply C to confirm, R to reschedule. Reply STOP to opt out."
    )


# ---------------------------------------------------------------- API routes


@app.post("/api/appointments/<appointment_id>/remind")
def remind(appointment_id: str):
    payload = request.get_json(silent=True) or {}
    to = payload.get("phone", "")
    name = payload.get("name", "there")
    clinic = payload.get("clinic", "our clinic")
    try:
        when = datetime.fromisoformat(payload["starts_at"])
    except (KeyError, ValueError):
        return jsonify(error="starts_at must be an ISO 8601 timestamp"), 400

    result = send_sms(to, reminder_text(name, when, clinic), appointment_id=appointment_id)
    if result.ok:
        return jsonify(status="queued", sid=result.sid), 202
    if result.retry:
        return jsonify(status="retry", code=result.error_code), 503
    return jsonify(status="failed", code=result.error_code, detail=result.detail), 422


@app.post("/api/messages/bulk")
def bulk_send():
    payload = request.get_json(silent=True) or {}
    recipients = payload.get("to", [])
    body = payload.get("body", "").strip()
    if not body or not isinstance(recipients, list):
        return jsonify(error="body and a list of recipients are required"), 400
    if len(recipients) > 500:
        return jsonify(error="at most 500 recipients per request"), 400

    summary = {"queued": [], "failed": [], "retry": []}
    for raw in recipients:
        result = send_sms(raw, body)
        bucket = "queued" if result.ok else ("retry" if result.retry else "failed")
        summary[bucket].append({"to": raw, "sid": result.sid, "code": result.error_code})
    return jsonify(summary), 200


@app.get("/api/messages/<message_sid>")
def message_status(message_sid: str):
    if not re.fullmatch(r"(SM|MM)[0-9a-f]{32}", message_sid):
        return jsonify(error="not a message SID"), 400
    try:
        message = client.messages(message_sid).fetch()
    except TwilioRestException as exc:
        if exc.status == 404:
            return jsonify(error="no such message"), 404
        log.error("fetch %s failed: %s", message_sid, exc.msg)
        return jsonify(error="upstream error"), 502
    return jsonify(
        sid=message.sid,
        status=message.status,
        error_code=message.error_code,
        date_sent=message.date_sent.isoformat() if message.date_sent else None,
    )


# ------------------------------------------------------------------ webhooks


@app.post("/twilio/sms")
@validate_twilio_request
def inbound_sms():
    """Inbound SMS: STOP/START/HELP keywords, then appointment replies."""
    sender = request.form.get("From", "")
    text = (request.form.get("Body") or "").strip()
    keyword = text.split(maxsplit=1)[0].upper() if text else ""
    reply = MessagingResponse()

    if keyword in OPT_OUT_KEYWORDS:
        # Twilio already sends the carrier-mandated confirmation; answering
        # again would be a message to someone who just opted out.
        opt_outs.add(sender)
        log.info("opt-out from %s", sender)
        return Response(str(reply), mimetype="application/xml")

    if keyword in OPT_IN_KEYWORDS:
        opt_outs.remove(sender)
        reply.message("You are subscribed to appointment reminders again.")
    elif keyword in HELP_KEYWORDS:
        reply.message("Appointment reminders. Reply C to confirm, R to reschedule, STOP to opt out.")
    elif keyword == "C":
        reply.message("Thanks, your appointment is confirmed.")
    elif keyword == "R":
        reply.message("We will call you to find a new time.")
    else:
        reply.message("Sorry, we did not understand. Reply HELP for options.")
    return Response(str(reply), mimetype="application/xml")


@app.post("/twilio/status")
@validate_twilio_request
def status_callback():
    """Delivery status callbacks: record final states and permanent errors."""
    sid = request.form.get("MessageSid", "")
    status = request.form.get("MessageStatus", "")
    error_code = request.form.get("ErrorCode")
    recipient = request.form.get("To", "")

    if status in ("failed", "undelivered") and error_code:
        try:
            code = int(error_code)
        except ValueError:
            code = None
        if code == ERR_UNSUBSCRIBED:
            opt_outs.add(recipient)
        log.warning("message %s to %s %s (error %s)", sid, recipient, status, error_code)
    elif status == "delivered":
        log.info("message %s delivered", sid)
    return ("", 204)


@app.errorhandler(403)
def forbidden(_error):
    return jsonify(error="forbidden"), 403


@app.errorhandler(TwilioRestException)
def twilio_error(exc: TwilioRestException):
    log.exception("unhandled Twilio error %s", exc.code)
    return jsonify(error="messaging provider error", code=exc.code), 502


@app.get("/healthz")
def healthz():
    return jsonify(status="ok", opt_outs=len(opt_outs._numbers))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")))
