/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its instance settings under the user folder; keep tests away from ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'linkedin-connect-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'test-encryption-key';
