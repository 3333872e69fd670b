package dev.latchkey.token;

/**
 * A token just created, with its secret: the only object that ever carries both. Hand it
 * to the create response and drop it.
 */
public record IssuedToken(TokenView view, TokenSecret secret) {

	@Override
	public String toString() {
		return "IssuedToken[" + this.view.token() + "]";
	}

}
