export interface ServiceSettings {
	credentialType: string;
	variables: string[];
	credential(env: Record<string, string | undefined>): Record<string, string>;
	envOf(credential: Record<string, unknown>): Record<string, string>;
}
export const SERVICE_SETTINGS: ServiceSettings[];
