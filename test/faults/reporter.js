/**
 * Prints a summary table for the fault and bad-input suites (test/faults): how many cases were
 * tried per category (the top-level describe) and how many held. Used by `npm test` and
 * `npm run test:faults`.
 */
'use strict';

class FaultReport {
	onRunComplete(_contexts, results) {
		const categories = new Map();
		for (const file of results.testResults) {
			if (!/[\\/]test[\\/]faults[\\/]/.test(file.testFilePath)) continue;
			for (const test of file.testResults) {
				const category = test.ancestorTitles[0] ?? 'other';
				const row = categories.get(category) ?? { tried: 0, held: 0 };
				row.tried += 1;
				if (test.status === 'passed') row.held += 1;
				categories.set(category, row);
			}
		}
		if (!categories.size) return;
		const width = Math.max(...[...categories.keys()].map((k) => k.length), 'category'.length) + 2;
		const line = (a, b, c) => `${a.padEnd(width)}${String(b).padStart(7)}${String(c).padStart(7)}`;
		const rows = [line('category', 'tried', 'held')];
		let tried = 0;
		let held = 0;
		for (const [category, row] of categories) {
			rows.push(line(category, row.tried, row.held));
			tried += row.tried;
			held += row.held;
		}
		rows.push(line('total', tried, held));
		process.stdout.write(`\nFault and bad-input report\n${rows.join('\n')}\n`);
	}
}

module.exports = FaultReport;
