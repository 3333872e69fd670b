package dev.latchkey.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body: a declared length over the limit is refused with 413 before
 * it is read, and a body sent without a length (chunked) stops being read at the limit.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

	private final long limit;

	RequestSizeFilter(long limit) {
		this.limit = limit;
	}

	/**
	 * Whether this filter would pass the request as it is: no body, or one of a declared
	 * length within the limit. A body without a length (chunked) is bounded only as it is
	 * read, which the lean path leaves to this filter.
	 */
	static boolean fits(HttpServletRequest request, long limit) {
		long length = request.getContentLengthLong();
		return (length >= 0) ? length <= limit : request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			Challenges.tooLarge(response, this.limit);
			return;
		}
		chain.doFilter(new Bounded(request, this.limit), response);
	}

	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++this.read > Bounded.this.limit) {
						throw new IOException("Request body larger than " + Bounded.this.limit + " bytes");
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0 && (this.read += n) > Bounded.this.limit) {
						throw new IOException("Request body larger than " + Bounded.this.limit + " bytes");
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
