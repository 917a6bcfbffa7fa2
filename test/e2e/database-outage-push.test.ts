import { WEBHOOK_ENV } from '../helpers/harness.js';
import { describeOutage } from '../helpers/outage.js';

// The database frozen for 20 s (SIGSTOP, as a stalled primary or an election), then killed and
// started again on the same port and data, while Telegram posts to the webhook and VK to the
// Callback API. See test/helpers/outage.ts for what is checked.

describeOutage('a database outage under webhooks and the VK Callback API', 'callback', WEBHOOK_ENV);
