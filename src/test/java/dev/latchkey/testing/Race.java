package dev.latchkey.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that race: every call on its own thread, all released at once, so they reach
 * the server together rather than one after another.
 */
public final class Race {

	private Race() {
	}

	/** Runs the calls at once and returns their answers, in the calls' order. */
	public static <T> List<T> of(List<Callable<T>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> answers = new ArrayList<>();
			for (Future<T> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

	/**
	 * Sends {@code count} token creations at once, the i-th named {@code parallel-i}, and
	 * returns how many were created; every other answer must be the limit's 409.
	 * @param create sends the creation of the given name
	 */
	public static int parallelCreates(int count, IntFunction<ApiResponse> create) throws Exception {
		List<Callable<ApiResponse>> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			calls.add(() -> create.apply(index));
		}
		int created = 0;
		for (ApiResponse response : of(calls)) {
			assertThat(response.status()).as(response.body()).isIn(201, 409);
			created += (response.status() == 201) ? 1 : 0;
		}
		return created;
	}

}
