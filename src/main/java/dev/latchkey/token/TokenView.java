package dev.latchkey.token;

/**
 * A token as shown to people: the aggregate and its owner's username.
 */
public record TokenView(ApiToken token, String ownerUsername) {

}
