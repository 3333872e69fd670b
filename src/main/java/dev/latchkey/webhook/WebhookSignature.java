package dev.latchkey.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Latchkey-Signature} of a delivery: {@code sha256=} and the lower-case hex
 * HMAC-SHA256 of the body's bytes, keyed with the webhook's signing secret (its UTF-8
 * bytes). Receivers compute the same over the raw body and compare in constant time
 * (docs/integrations.md).
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Latchkey-Signature";

	static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	public static String of(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is required of every JVM", ex);
		}
	}

}
