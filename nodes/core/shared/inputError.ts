/** Input refused before any request (a field, an option, the credential's host): one class for all. */
export class InputError extends Error {}
