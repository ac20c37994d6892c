/**
 * One memory measurement of the embedded server in a process of its own (bench/http.bench.ts runs it):
 * argv = PGlite settings (e.g. shared_buffers=16MB). Prints the result as JSON on the last line.
 */
import { memoryOn } from './http.bench.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';
process.env.SAMORDNA_MFA_REQUIRED = 'none'; // the bench's kansli accounts sign in with a password alone
const result = await memoryOn(process.argv.slice(2));
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
