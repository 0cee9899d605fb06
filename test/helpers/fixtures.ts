/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import type { INodeParameters } from 'n8n-workflow';

/** A key no real service has; tests assert it never shows up in outputs or errors. */
export const UNIPILE_KEY = 'unipile-secret-K3y/with+chars';

export const JULIEN = {
	url: 'https://www.linkedin.com/in/julien-crepieux/',
	publicIdentifier: 'julien-crepieux',
	providerId: 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
};

export const LINKUP_KEY = 'linkup-secret-K3y/with+chars';

export const UNIPILE_V2_KEY = 'unipile-v2-secret-K3y/with+chars';

export const ACCOUNT_ID = 'acc_ada_sales';
export const LINKUP_ACCOUNT_ID = 'acc_linkup_ada';

export function rl(mode: string, value: unknown) {
	return { __rl: true, mode, value } as unknown as INodeParameters[string];
}

export function unipileParams(
	resource: string,
	operation: string,
	extra: INodeParameters = {},
): INodeParameters {
	return {
		authentication: 'unipileApi',
		resource,
		operation,
		accountId: rl('id', ACCOUNT_ID),
		...extra,
	};
}

export function linkupParams(
	resource: string,
	operation: string,
	extra: INodeParameters = {},
): INodeParameters {
	return {
		authentication: 'linkupApi',
		resource,
		operation,
		accountId: rl('id', LINKUP_ACCOUNT_ID),
		...extra,
	};
}

export function unipileV2Params(
	resource: string,
	operation: string,
	extra: INodeParameters = {},
): INodeParameters {
	return {
		authentication: 'unipileV2Api',
		resource,
		operation,
		accountId: rl('id', ACCOUNT_ID),
		...extra,
	};
}
