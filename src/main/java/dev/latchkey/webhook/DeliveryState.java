package dev.latchkey.webhook;

/**
 * Where a delivery is: waiting for its next attempt, received (a 2xx answer), or given up
 * after the retry period.
 */
public enum DeliveryState {

	PENDING, DELIVERED, FAILED

}
