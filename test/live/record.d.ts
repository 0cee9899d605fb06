import type { IDataObject } from 'n8n-workflow';

export function recordService(
	dir: string,
	serviceReport: unknown,
	inputs: { accountId?: string; profileUrl?: string; inviteUrl?: string },
): { folder: string; files: string[] };
export function readRecording(folder: string): IDataObject[];
export function replayEnvironment(
	dir: string,
	edit?: (answer: IDataObject) => IDataObject,
): Promise<{ env: Record<string, string>; services: number; close: () => Promise<unknown> }>;
export function scratchFolder(): string;
export function keptRecordings(): string[];
