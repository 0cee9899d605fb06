/** The part of a fake service the test lifecycle needs (see test/fakes/base.js). */
interface StartableFake {
	start(): Promise<string>;
	stop(): Promise<void>;
	reset(): void;
}

/**
 * Starts `fake` for the surrounding describe block (or file) and resets it before each test.
 * Returns a getter for its base URL, known once the block has started.
 */
export function useFake(fake: StartableFake): () => string {
	let url = '';
	beforeAll(async () => {
		url = await fake.start();
	});
	afterAll(async () => await fake.stop());
	beforeEach(() => fake.reset());
	return () => url;
}
