// The start-up bench's yardstick for a command that reads the database: open the embedded database the way the
// commands do (the built adapter, its data-folder lock included) and run one query, nothing else.
import { openEmbedded } from '../../dist/db/embedded.js';

const db = await openEmbedded({ dataDir: process.env.SAMORDNA_DATA_DIR });
await db.query('select count(*) from federation');
await db.close();
