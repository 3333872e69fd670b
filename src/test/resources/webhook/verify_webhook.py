# The Python example of docs/integrations.md ("Verifying webhook signatures"), run by
# WebhookIntegrationTests against a delivery it captured:
#   python3 verify_webhook.py <file with the raw body> <X-Latchkey-Signature> <secret env var>
import hashlib
import hmac
import os
import sys


def verify(raw_body: bytes, signature: str, secret: str) -> bool:
    """True when X-Latchkey-Signature matches the raw body's bytes."""
    expected = "sha256=" + hmac.new(secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as body:
        ok = verify(body.read(), sys.argv[2], os.environ[sys.argv[3]])
    print("valid" if ok else "INVALID")
    sys.exit(0 if ok else 1)
