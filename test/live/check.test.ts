/**
 * `npm run check:live` against the fakes of every service, so the check cannot rot: every step
 * runs, every field the package reads is in the fakes' answers, the keys appear nowhere; what it
 * records replays to the same report with no person's data in it; and an answer with a renamed
 * field makes the report say MISSING and the check fail.
 */
import type { IDataObject } from 'n8n-workflow';
import { allServicesUnderTest } from '../helpers/services';
import { messagingOf } from '../messages/fakes';
import { runCheck } from './check';
import {
	keptRecordings,
	readRecording,
	recordService,
	replayEnvironment,
	scratchFolder,
} from './record';
import { SERVICE_SETTINGS } from './services';

const services = allServicesUnderTest();
const PROFILE_URL = 'https://www.linkedin.com/in/linus-t/';
const INVITE_URL = 'https://www.linkedin.com/in/marie-curie/';
/** What the fakes know of the two members the check reads: none of it may be recorded. */
const PERSONAL = ['Linus', 'Torvalds', 'linus-t', 'Marie', 'Curie', 'marie-curie', 'ACoAADDD'];

interface Answer {
	request: { method: string; url: string };
	status: number;
	shape: { found: string[]; missing: string[]; optional: unknown[]; ignored: string[] };
}
interface Step {
	key: string;
	skipped?: string;
	failed?: string;
	answers?: Answer[];
}
interface Report {
	exitCode: number;
	services: Array<{ credentialType: string; accountId: string; steps: Step[] }>;
}

/** The check's environment: every service's fake, as a user's variables would name them. */
function fakeEnvironment(urls: string[]): Record<string, string> {
	const env: Record<string, string> = {
		LIVE_PROFILE_URL: PROFILE_URL,
		LIVE_INVITE_URL: INVITE_URL,
	};
	services.forEach((service, index) => {
		const [[type, credential]] = Object.entries(service.credentials(urls[index]));
		const settings = SERVICE_SETTINGS.find((candidate) => candidate.credentialType === type)!;
		Object.assign(env, settings.envOf(credential));
	});
	return env;
}

const check = async (env: Record<string, string>) =>
	(await runCheck({ env, write: true, from: 'source' })) as Report;

const stepsOf = (report: Report) => report.services.flatMap((service) => service.steps);
const foundOf = (report: Report) =>
	stepsOf(report).map((step) => (step.answers ?? []).map((answer) => answer.shape.found));

describe('npm run check:live, against the fakes', () => {
	let urls: string[] = [];
	beforeAll(async () => {
		urls = await Promise.all(services.map(async (service) => await service.fake.start()));
	});
	afterAll(async () => {
		await Promise.all(services.map(async (service) => await service.fake.stop()));
	});
	beforeEach(() => {
		for (const service of services) {
			service.fake.reset();
			messagingOf(service).seedConversation(service.accountId, 'linus-t', 3);
		}
	});

	it('runs every step on every service, finds every field it reads, shows no key', async () => {
		const report = await check(fakeEnvironment(urls));

		expect(report.services.map((service) => service.credentialType)).toEqual(
			SERVICE_SETTINGS.map((settings) => settings.credentialType),
		);
		for (const step of stepsOf(report)) {
			expect({ step: step.key, failed: step.failed, skipped: step.skipped }).toEqual({
				step: step.key,
				failed: undefined,
				skipped: undefined,
			});
		}
		const answers = stepsOf(report).flatMap((step) => step.answers ?? []);
		expect(answers.flatMap((answer) => answer.shape.missing)).toEqual([]);
		for (const step of stepsOf(report).filter((one) => one.key !== 'credential'))
			expect({ step: step.key, answers: step.answers?.length }).not.toEqual({
				step: step.key,
				answers: 0,
			});
		expect(report.exitCode).toBe(0);
		// The write steps really went to the fakes: one invitation each, withdrawn.
		for (const service of services) {
			expect(service.inviteRequests()).toHaveLength(1);
			expect(service.sentCount()).toBe(0);
		}
		const text = JSON.stringify(report);
		for (const service of services) expect(text).not.toContain(service.key);
	});

	it('records answers without the members’ data, and the recording replays to the same report', async () => {
		const live = await check(fakeEnvironment(urls));
		const folder = scratchFolder();
		for (const service of live.services) {
			recordService(folder, service, {
				accountId: service.accountId,
				profileUrl: PROFILE_URL,
				inviteUrl: INVITE_URL,
			});
		}
		for (const settings of SERVICE_SETTINGS) {
			const recorded = JSON.stringify(readRecording(`${folder}/${settings.credentialType}`));
			for (const personal of PERSONAL) expect(recorded).not.toContain(personal);
		}

		const replay = await replayEnvironment(folder);
		try {
			const replayed = await check(replay.env);
			expect(stepsOf(replayed).filter((step) => step.failed)).toEqual([]);
			expect(replayed.exitCode).toBe(0);
			expect(foundOf(replayed)).toEqual(foundOf(live));
		} finally {
			await replay.close();
		}
	});

	it('says MISSING, and fails, when an answer names a field differently', async () => {
		const live = await check(fakeEnvironment(urls));
		const folder = scratchFolder();
		for (const service of live.services) {
			recordService(folder, service, { accountId: service.accountId, profileUrl: PROFILE_URL });
		}
		// Unipile renames first_name in its profile answers.
		const renamed = (answer: IDataObject) => {
			const body = answer.body as IDataObject;
			if (answer.step !== 'profile:get' || !('first_name' in body)) return answer;
			const { first_name: firstName, ...rest } = body;
			return { ...answer, body: { ...rest, given_name: firstName } };
		};
		const replay = await replayEnvironment(folder, renamed);
		try {
			const replayed = await check(replay.env);
			const getProfile = stepsOf(replayed).filter((step) => step.key === 'profile:get');
			const shapes = getProfile.flatMap((step) => (step.answers ?? []).map((a) => a.shape));
			expect(shapes.some((shape) => shape.missing.includes('first_name'))).toBe(true);
			expect(shapes.some((shape) => shape.ignored.includes('given_name'))).toBe(true);
			expect(replayed.exitCode).toBe(1);
		} finally {
			await replay.close();
		}
	});
});

/** Recordings a maintainer keeps (test/fixtures/recorded/<name>, made with --record): each still reads. */
describe.each(keptRecordings().map((folder) => ({ folder, name: folder.split('/').pop() })))(
	'the recording $name',
	({ folder }) => {
		it('replays with every step run and every field the package needs found', async () => {
			const replay = await replayEnvironment(folder);
			try {
				const replayed = await check(replay.env);
				expect(stepsOf(replayed).filter((step) => step.failed)).toEqual([]);
				const answers = stepsOf(replayed).flatMap((step) => step.answers ?? []);
				expect(answers.flatMap((answer) => answer.shape.missing)).toEqual([]);
				expect(replayed.exitCode).toBe(0);
			} finally {
				await replay.close();
			}
		});
	},
);
