export function runCheck(options: {
	env: Record<string, string | undefined>;
	write?: boolean;
	from?: 'dist' | 'source';
}): Promise<unknown>;
export function creditsFor(options: { write?: boolean; profileUrl?: string }): number;
